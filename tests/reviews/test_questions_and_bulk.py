"""What the review screen may do in bulk, and how often it asks.

A bulk approval must never send a P&L line to a balance-sheet row unread, nor take a
proposal the classifier is unsure of; a row printed in two files is asked once; a row
typed by number is that row, never one whose number starts with it.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from projects.models import AuditEntry
from reviews import services
from reviews.models import ReviewItem
from reviews.rows import NoSuchRow, resolve_row
from reviews.screen import build_screen
from tests.cast import PASSWORD
from tests.reviews.builders import (
    awaiting_review,
    classify,
    line_item,
    review_item_of,
    run_review,
    source_file,
)

pytestmark = pytest.mark.django_db


def with_confidence(item: ReviewItem, confidence: float, alternatives=None) -> ReviewItem:
    item.confidence = confidence
    if alternatives is not None:
        item.alternatives = alternatives
    item.save()
    return item


def test_approve_all_leaves_out_other_statements_unsure_and_contradicted_proposals(project, ca):
    sure = review_item_of(project, "Salary payable")
    sales = review_item_of(
        project,
        "Sales of finished goods",
        cma_key="other_current_assets",
        statement="profit_and_loss",
        section="Revenue from operations",
    )
    unsure = review_item_of(project, "Sundry balances")
    rival = review_item_of(
        project,
        "Interest and finance costs",
        statement="profit_and_loss",
        cma_key="interest",
        section="Finance costs",
    )
    with_confidence(sure, 0.62)
    with_confidence(sales, 0.9)
    with_confidence(unsure, 0.15)
    with_confidence(rival, 0.6, [{"cma_key": "other_mfg_expenses", "confidence": 0.7}])

    result = services.approve_all(project, acting_user=ca)

    statuses = dict(ReviewItem.objects.values_list("pk", "status"))
    assert statuses[sure.pk] == "approved"
    assert {statuses[i.pk] for i in (sales, unsure, rival)} == {"pending"}
    assert (result.approved, result.other_statement, result.unsure, result.left) == (1, 1, 2, 3)


def test_a_row_printed_in_two_files_is_asked_once_and_answered_for_both(project, ca):
    files = [source_file(project, "audited-fy2024.pdf"), source_file(project, "audited-fy2025.pdf")]
    lines = [
        line_item(
            project,
            "Staff welfare",
            statement="profit_and_loss",
            section="Other expenses",
            amounts={year: "50000.00"},
            source=file,
        )
        for year, file in zip(("FY2024", "FY2025"), files, strict=True)
    ]
    for line in lines:
        classify(line, "other_current_assets", confidence=0.4)
    run_review(project)
    awaiting_review(project)
    screen = build_screen(project, ca.membership)
    assert (screen.pending, screen.total) == (1, 1)
    (card,) = [card for group in screen.groups for card in group.cards]
    assert card.also == ["audited-fy2025.pdf · page 7 · line 12"]

    services.reclassify_item(card.item, cma_key="sga_expenses", sign=1, acting_user=ca)

    decided = ReviewItem.objects.filter(project=project)
    assert set(decided.values_list("status", "cma_key")) == {("reclassified", "sga_expenses")}
    entry = AuditEntry.objects.get(action="review_decided")
    assert len(entry.details["same_question"]) == 1


def test_a_row_number_is_matched_exactly_and_names_must_be_unambiguous():
    assert resolve_row("6").key == "sga_expenses"
    assert resolve_row("5(v)").key == "other_mfg_expenses"
    assert resolve_row(" 51 ").key == "other_current_assets"
    assert resolve_row("intangible").key == "intangible_assets"
    assert resolve_row("sundry_creditors").number == "20"
    with pytest.raises(NoSuchRow, match="Several rows match"):
        resolve_row("sales")
    with pytest.raises(NoSuchRow, match="No row"):
        resolve_row("777")


def client_of(client, ca):
    client.login(username=ca.email, password=PASSWORD)
    return client


def test_moving_an_expense_to_a_balance_sheet_row_needs_a_confirmation(client, project, ca):
    rent = review_item_of(
        project,
        "Factory rent",
        cma_key="other_mfg_expenses",
        statement="profit_and_loss",
        section="Other expenses",
    )
    power = review_item_of(
        project,
        "Power and fuel",
        cma_key="power_fuel",
        statement="profit_and_loss",
        section="Other expenses",
    )
    browser = client_of(client, ca)
    move = reverse("reviews:move", args=[project.pk])

    refused = browser.post(move, {"items": [rent.pk, power.pk], "row": "51"}, follow=True)
    assert "Confirm the move" in refused.content.decode()
    assert set(ReviewItem.objects.values_list("status", flat=True)) == {"pending"}

    browser.post(move, {"items": [rent.pk, power.pk], "row": "6"})
    moved = dict(ReviewItem.objects.values_list("pk", "cma_key"))
    assert moved == {rent.pk: "sga_expenses", power.pk: "sga_expenses"}


def test_one_item_to_another_statement_with_the_box_ticked(client, project, ca):
    sales = review_item_of(
        project, "Sales", cma_key="sales_domestic", statement="profit_and_loss", section="Revenue"
    )
    decide = reverse("reviews:decide", args=[project.pk, sales.pk])
    browser = client_of(client, ca)

    browser.post(decide, {"decision": "reclassify", "row": "51"})
    assert ReviewItem.objects.get(pk=sales.pk).status == "pending"
    browser.post(decide, {"decision": "reclassify", "row": "51", "confirm_other_statement": "on"})
    assert ReviewItem.objects.get(pk=sales.pk).cma_key == "other_current_assets"


def test_a_typed_row_that_matches_several_is_refused_with_the_candidates(client, project, ca):
    item = review_item_of(project, "Salary payable")
    response = client_of(client, ca).post(
        reverse("reviews:decide", args=[project.pk, item.pk]),
        {"decision": "reclassify", "row": "sales"},
        follow=True,
    )
    assert "Several rows match “sales”" in response.content.decode()
    assert ReviewItem.objects.get(pk=item.pk).is_pending
