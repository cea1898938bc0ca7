"""Amounts to confirm: figures OCR read from a scan that the arithmetic did not confirm."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from pipeline.mapping import effective_items
from projects.models import AuditEntry, SourceFile
from reviews.models import ReviewItem
from tests.readers.test_pdf_layouts import Page, make_pdf
from tests.reviews.builders import awaiting_review, classify, line_item, run_review
from tests.scans import scan_pdf

CHECK = {
    "read": "1234567.00",
    "confidence": 41.5,
    "reason": "The items of note 9 add to ₹12,34,560 in FY2025; “Total” shows ₹12,34,567",
    "proposed": "1234560.00",
    "page": 1,
    "box": [400.0, 95.0, 455.0, 103.0],
}


@pytest.fixture
def scanned_row(project):
    """A row read by OCR from a scanned page, classified with confidence: only its figure asks."""
    page = Page().centre(45, "Balance Sheet as at 31 March 2025")
    page.row(95, "Salary payable", "12,34,567", "1,00,000")
    data = scan_pdf(make_pdf([page]))
    source = SourceFile(
        project=project,
        original_name="scanned.pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    source.file.save("scanned.pdf", ContentFile(data))
    row = line_item(project, "Salary payable", source=source, page=1, row=2)
    row.ocr_checks = {"FY2025": CHECK}
    row.save()
    classify(row, decision="auto", confidence=0.97)
    return row


def amount_item(project) -> ReviewItem:
    return project.review_items.get(kind=ReviewItem.Kind.AMOUNT)


def test_a_figure_to_confirm_pauses_the_run_with_the_crop_and_the_arithmetic(project, scanned_row):
    result = run_review(project)

    item = amount_item(project)
    assert result.needs_review and result.counts["pending"] == 1
    assert item.is_pending and item.amount_line == scanned_row
    assert item.amounts_read == {"FY2025": "1234567.00"}
    assert item.amounts_proposed == {"FY2025": "1234560.00"}
    assert "note 9 add to ₹12,34,560" in item.checks["FY2025"]
    assert bytes(item.crop).startswith(b"\x89PNG")


def test_the_ca_corrects_the_digits_and_the_cma_counts_the_correction(api, project, scanned_row):
    run_review(project)
    awaiting_review(project)
    item = amount_item(project)

    response = api.patch(
        f"/api/v1/review-items/{item.pk}/",
        {"decision": "confirm", "amounts": {"FY2025": "12,34,560"}},
        format="json",
    )

    assert response.status_code == 200, response.data
    assert response.data["kind"] == "amount" and response.data["status"] == "corrected"
    assert response.data["amount_check"]["confirmed"] == {"FY2025": "1234560.00"}
    [effective] = effective_items(project)
    assert effective.amounts == {"FY2024": Decimal("100000.00"), "FY2025": Decimal("1234560.00")}
    scanned_row.refresh_from_db()
    assert scanned_row.amounts["FY2025"] == "1234567.00"  # what was read stays on record
    entry = AuditEntry.objects.filter(action="review_decided").latest("id")
    assert "₹12,34,567.00 → ₹12,34,560.00" in entry.message
    assert api.get(response.data["amount_check"]["crop_url"]).status_code == 200


def test_a_year_not_asked_about_or_a_bad_amount_is_refused(api, project, scanned_row):
    run_review(project)
    awaiting_review(project)
    url = f"/api/v1/review-items/{amount_item(project).pk}/"

    unknown = api.patch(url, {"decision": "confirm", "amounts": {"FY2024": "5"}}, format="json")
    garbage = api.patch(url, {"decision": "confirm", "amounts": {"FY2025": "12a"}}, format="json")
    wrong = api.patch(url, {"decision": "exclude", "reason": "x"}, format="json")

    assert (unknown.status_code, garbage.status_code, wrong.status_code) == (400, 400, 400)
    assert amount_item(project).is_pending


def test_another_firms_ca_sees_neither_the_item_nor_its_crop(other_api, project, scanned_row):
    run_review(project)
    item = amount_item(project)

    assert other_api.get(f"/api/v1/review-items/{item.pk}/crop.png").status_code == 404
    patch = other_api.patch(
        f"/api/v1/review-items/{item.pk}/", {"decision": "approve"}, format="json"
    )
    assert patch.status_code == 404


def test_a_confirmation_survives_the_review_step_running_again(api, project, scanned_row):
    run_review(project)
    awaiting_review(project)
    item = amount_item(project)
    api.patch(f"/api/v1/review-items/{item.pk}/", {"decision": "approve"}, format="json")

    result = run_review(project)

    again = amount_item(project)
    assert again.pk == item.pk and again.status == "confirmed"
    assert again.amounts_confirmed == {"FY2025": "1234567.00"}
    assert not result.needs_review


def test_skipping_review_confirms_the_figures_as_read_marked_unreviewed(project, scanned_row):
    result = run_review(project, skip_review=True)

    item = amount_item(project)
    assert item.status == "confirmed" and item.unreviewed
    assert item.amounts_confirmed == item.amounts_read
    assert not result.needs_review


def test_the_review_screen_shows_the_crop_and_takes_the_corrected_figure(
    client, ca, project, scanned_row
):
    run_review(project)
    awaiting_review(project)
    item = amount_item(project)
    client.force_login(ca)

    page = client.get(f"/projects/{project.pk}/review/").content.decode()
    posted = client.post(
        f"/projects/{project.pk}/review/items/{item.pk}/",
        {"decision": "confirm", "amount_FY2025": "1234560.00"},
    )

    assert "Amount to confirm" in page and f"/api/v1/review-items/{item.pk}/crop.png" in page
    assert 'value="1234560.00"' in page  # the arithmetic's proposal is offered
    assert posted.status_code == 302
    assert amount_item(project).amounts_confirmed == {"FY2025": "1234560.00"}
