"""After a failed validation, the review screen shows where the balance sheet breaks, the
items whose placement most likely explains it, and one button that validates again."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pipeline.models import ValidationFinding
from projects.models import Project
from projects.status import Status
from reviews.models import ReviewItem
from tests.cast import PASSWORD
from tests.reviews.builders import classify, line_item

pytestmark = pytest.mark.django_db


def counted(project, label, cma_key, amount, statement="balance_sheet", section="Assets"):
    """A line item the classifier was sure of (no review item), counting for FY2025."""
    item = line_item(project, label, statement=statement, section=section,
                     amounts={"FY2025": amount})  # fmt: skip
    classify(item, cma_key, decision="auto", confidence=0.97)
    return item


def failed_validation(project, difference: str) -> Project:
    ValidationFinding.objects.create(
        project=project,
        code="balance_sheet_mismatch",
        level="error",
        year="FY2025",
        message=f"Total assets exceed total liabilities by ₹{difference}.",
        details={"difference": difference},
    )
    Project.objects.filter(pk=project.pk).update(
        status=Status.ERROR, error_step="validate", error="Validation found 1 error"
    )
    project.refresh_from_db()
    return project


@pytest.fixture
def broken(project):
    """Assets exceed liabilities by ₹3,00,000: the unsecured loan of ₹1,50,000 sits among
    the assets (twice the gap's half), and sales of ₹3,00,000 on a balance-sheet row."""
    counted(project, "Land and buildings", "gross_block", "1000000.00")
    counted(project, "Share capital", "share_capital", "850000.00", section="Equity")
    loan = counted(project, "Unsecured loan from director", "other_current_assets", "150000.00")
    sales = counted(project, "Sales", "other_current_assets", "300000.00",
                    statement="profit_and_loss", section="Revenue")  # fmt: skip
    return failed_validation(project, "300000.00"), loan, sales


def signed_in(client, ca):
    client.login(username=ca.email, password=PASSWORD)
    return client


def test_the_screen_names_the_break_and_the_items_that_explain_it(client, ca, broken):
    project, _, _ = broken
    html = signed_in(client, ca).get(reverse("reviews:screen", args=[project.pk])).content
    html = html.decode()

    assert 'id="validation-breaks"' in html
    assert "Total assets exceed total liabilities by ₹300000.00." in html
    suspects = html[html.index('data-role="suspects"') :]
    assert suspects.index("Sales") < suspects.index("Unsecured loan from director")
    assert "A profit and loss item on a balance-sheet row, and the gap equals it." in html
    assert "The gap is twice this item: it is probably on the wrong side." in html
    assert "Land and buildings" not in suspects.split("</table>")[0]
    assert 'id="revalidate"' in html
    assert reverse("projects:retry", args=[project.pk]) in html
    assert "not waiting for review" not in html


def test_a_suspect_the_classifier_was_sure_of_is_reopened_for_a_decision(client, ca, broken):
    project, loan, _ = broken
    browser = signed_in(client, ca)
    response = browser.post(reverse("reviews:reopen", args=[project.pk]), {"line_item": loan.pk})

    item = ReviewItem.objects.get(line_item=loan)
    assert item.is_pending and item.proposed_key == "other_current_assets"
    assert response.url.endswith(f"#item-{item.pk}")
    again = browser.post(reverse("reviews:reopen", args=[project.pk]), {"line_item": loan.pk})
    assert again.url.endswith(f"#item-{item.pk}")
    assert ReviewItem.objects.filter(line_item=loan).count() == 1


def test_the_project_page_links_the_failure_to_the_review_screen(client, ca, broken):
    project, _, _ = broken
    html = signed_in(client, ca).get(reverse("projects:detail", args=[project.pk])).content
    assert b'id="failure-to-review"' in html
    assert f"{reverse('reviews:screen', args=[project.pk])}#validation-breaks".encode() in html


def test_reopening_a_line_item_the_project_does_not_have_says_so(client, ca, broken):
    project, _, _ = broken
    response = signed_in(client, ca).post(
        reverse("reviews:reopen", args=[project.pk]), {"line_item": 999999}, follow=True
    )
    assert "not in this project any more" in response.content.decode()
    assert not ReviewItem.objects.exists()
