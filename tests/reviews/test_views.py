"""The review screen and its plain forms (no JavaScript needed)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from projects.models import AuditEntry, Project
from tests.cast import PASSWORD
from tests.reviews.builders import awaiting_review, review_item_of


@pytest.fixture
def signed_in(client, ca):
    client.login(username=ca.email, password=PASSWORD)
    return client


@pytest.fixture
def items(project):
    return [
        review_item_of(project, "Salary payable"),
        review_item_of(project, "Audit fees payable"),
        review_item_of(
            project,
            "Sundry advances",
            cma_key="other_current_assets",
            section="Other current assets",
            amounts={"FY2025": "1234567.00"},
            page=None,
            sheet="BS",
            row=40,
        ),
    ]


def screen_url(project) -> str:
    return reverse("reviews:screen", args=[project.pk])


def decide_url(project, item) -> str:
    return reverse("reviews:decide", args=[project.pk, item.pk])


def row_of(html: str, item) -> str:
    found = re.search(rf'<tr class="review-item[^"]*" id="item-{item.pk}".*?\n</tr>', html, re.S)
    return found.group(0)


def test_screen_groups_pending_items_by_section_one_row_each_with_its_proposal_and_statement(
    signed_in, project, items
):
    response = signed_in.get(screen_url(project))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="review-count"' in html and "3 of 3 items left to review" in html
    sections = re.findall(r'class="review-section" id="section-\d" data-section="([^"]*)"', html)
    assert sections == ["Other current liabilities", "Other current assets"]
    assert "26 Other current liabilities" in row_of(html, items[0])
    assert "Other current assets" in row_of(html, items[2])
    assert 'data-role="statement">Balance sheet<' in row_of(html, items[0])
    assert "₹12,34,567.00" in html and "₹1,00,000.00" in html
    assert "audited-fy2025.pdf · page 7 · line 12" in html
    assert "audited-fy2025.pdf · sheet BS · row 40" in html
    assert "Other current liabilities › Note 9" in row_of(html, items[0])
    assert "55 % sure" in html
    assert 'id="approve-section-1"' in html and 'id="continue-processing"' in html
    assert "reviews.js" in html


def test_screen_with_nothing_to_review_says_so_and_links_back(signed_in, project):
    response = signed_in.get(screen_url(project))

    html = response.content.decode()
    assert "Nothing to review" in html
    assert 'id="review-empty"' in html
    assert reverse("projects:detail", args=[project.pk]) in html


def test_approve_by_form_redirects_to_the_next_item_with_a_message(signed_in, ca, project, items):
    response = signed_in.post(
        decide_url(project, items[0]), {"decision": "approve", "next": items[1].pk}, follow=True
    )

    items[0].refresh_from_db()
    assert (items[0].status, items[0].decided_by) == ("approved", ca)
    assert response.redirect_chain[-1][0].endswith(f"#item-{items[1].pk}")
    html = response.content.decode()
    assert "2 of 3 items left to review" in html
    assert "Approved as proposed" in html


def test_reclassify_split_and_exclude_by_form(signed_in, project, items):
    signed_in.post(
        decide_url(project, items[0]),
        {"decision": "reclassify", "cma_key": "statutory_liabilities", "sign": "-1"},
    )
    signed_in.post(
        decide_url(project, items[1]),
        {
            "decision": "split",
            "split_key_0": "sga_expenses",
            "split_percent_0": "60",
            "split_key_1": "other_current_liabilities",
            "split_sign_1": "1",
            "split_percent_1": "40",
        },
    )
    signed_in.post(
        decide_url(project, items[2]), {"decision": "exclude", "reason": "Shown in note 14 too"}
    )

    for item in items:
        item.refresh_from_db()
    assert (items[0].status, items[0].cma_key, items[0].sign) == (
        "reclassified",
        "statutory_liabilities",
        -1,
    )
    assert items[1].status == "split"
    assert [p["share"] for p in items[1].split] == ["0.6", "0.4"]
    assert (items[2].status, items[2].exclude_reason) == ("excluded", "Shown in note 14 too")
    assert AuditEntry.objects.filter(action="review_decided").count() == 3


def test_a_refused_decision_shows_why_and_changes_nothing(signed_in, project, items):
    response = signed_in.post(
        decide_url(project, items[0]),
        {
            "decision": "split",
            "split_key_0": "sga_expenses",
            "split_percent_0": "50",
            "split_key_1": "interest",
            "split_percent_1": "20",
        },
        follow=True,
    )

    assert "The shares add up to 0.7, not 1." in response.content.decode()
    items[0].refresh_from_db()
    assert items[0].status == "pending"


def test_approve_a_section_by_form(signed_in, project, items):
    signed_in.post(
        reverse("reviews:approve-all", args=[project.pk]), {"section": "Other current liabilities"}
    )

    statuses = sorted(project.review_items.values_list("status", flat=True))
    assert statuses == ["approved", "approved", "pending"]


def test_continue_with_pending_items_needs_a_confirmation(signed_in, project, items):
    url = reverse("reviews:continue", args=[project.pk])

    refused = signed_in.post(url, follow=True)
    assert "Tick the confirmation" in refused.content.decode()
    assert not AuditEntry.objects.filter(action="pipeline_resume_queued").exists()

    response = signed_in.post(url, {"confirm_pending": "on"})

    assert response.status_code == 302
    assert response.url == reverse("projects:detail", args=[project.pk])
    assert AuditEntry.objects.filter(action="pipeline_resume_queued").count() == 1
    assert Project.objects.get(pk=project.pk).is_processing


def test_continue_is_disabled_with_a_reason_when_not_awaiting_review(signed_in, ca, firm):
    draft = Project.objects.create(firm=firm, company_name="Draft Co", constitution="llp")

    html = signed_in.get(screen_url(draft)).content.decode()

    assert re.search(r'<button id="continue-processing" type="button" disabled', html)
    assert "not waiting for review" in html


def test_staff_sees_the_screen_read_only_and_may_not_decide(client, staff, project, items):
    client.login(username=staff.email, password=PASSWORD)

    html = client.get(screen_url(project)).content.decode()
    assert 'id="review-read-only"' in html
    assert f'id="decide-{items[0].pk}"' not in html
    assert client.post(decide_url(project, items[0]), {"decision": "approve"}).status_code == 403
    assert client.post(reverse("reviews:approve-all", args=[project.pk])).status_code == 403
    assert (
        client.post(
            reverse("reviews:continue", args=[project.pk]), {"confirm_pending": "on"}
        ).status_code
        == 403
    )
    items[0].refresh_from_db()
    assert items[0].status == "pending"


def test_another_firms_ca_gets_a_404_on_the_screen_and_every_form(client, other_ca, project, items):
    client.login(username=other_ca.email, password=PASSWORD)

    assert client.get(screen_url(project)).status_code == 404
    for url in [
        decide_url(project, items[0]),
        reverse("reviews:approve-all", args=[project.pk]),
        reverse("reviews:continue", args=[project.pk]),
    ]:
        assert (
            client.post(url, {"decision": "approve", "confirm_pending": "on"}).status_code == 404
        ), url
    items[0].refresh_from_db()
    assert items[0].status == "pending"


def test_an_item_of_another_project_is_a_404_under_this_one(signed_in, project, firm, items):
    other = awaiting_review(
        Project.objects.create(firm=firm, company_name="Other", constitution="llp")
    )

    assert signed_in.post(decide_url(other, items[0]), {"decision": "approve"}).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, project):
    response = client.get(screen_url(project))

    assert response.status_code == 302
    assert reverse("login") in response.url
