"""effective_items: where each line item finally counts, for every kind of decision."""

from __future__ import annotations

from decimal import Decimal

from pipeline.mapping import effective_items
from reviews import services
from tests.reviews.builders import classify, line_item, review_item_of, run_review


def by_label(project) -> dict:
    return {item.label: item for item in effective_items(project)}


def test_auto_and_classifier_exclusions_come_from_the_classification(project):
    classify(
        line_item(project, "Trade payables"), "sundry_creditors", decision="auto", confidence=0.97
    )
    classify(
        line_item(project, "Total current liabilities"),
        "",
        decision="excluded",
        exclude_reason="A total",
    )
    reader_total = line_item(project, "Total")
    reader_total.exclude_reason = "Sub-total of note 9"
    reader_total.save()

    items = by_label(project)

    auto = items["Trade payables"]
    assert (auto.decision, auto.cma_key, auto.sign, auto.confidence) == (
        "auto",
        "sundry_creditors",
        1,
        0.97,
    )
    assert auto.contributions() == {
        "sundry_creditors": {"FY2024": Decimal("100000.00"), "FY2025": Decimal("1234567.00")}
    }
    assert (
        items["Total current liabilities"].decision,
        items["Total current liabilities"].reason,
    ) == (
        "excluded",
        "A total",
    )
    assert items["Total"].decision == "excluded" and items["Total"].cma_key is None
    assert items["Total"].contributions() == {}


def test_pending_items_are_reported_pending_and_count_nowhere(project):
    review_item_of(project, "Salary payable")
    line_item(project, "Not yet classified")

    items = by_label(project)

    pending = items["Salary payable"]
    assert (pending.decision, pending.cma_key, pending.counts) == (
        "pending",
        "other_current_liabilities",
        False,
    )
    assert pending.review_item_id is not None
    assert pending.contributions() == {}
    assert items["Not yet classified"].decision == "pending"
    assert items["Not yet classified"].cma_key is None


def test_approved_and_reclassified_items_carry_the_cas_row_and_name(project, ca):
    approved = review_item_of(project, "Salary payable")
    moved = review_item_of(project, "Closing stock", cma_key="inventory_fg")
    services.approve_item(approved, acting_user=ca)
    services.reclassify_item(moved, cma_key="rm_indigenous", sign=-1, acting_user=ca)

    items = by_label(project)

    assert (items["Salary payable"].decision, items["Salary payable"].decided_by) == (
        "approved",
        ca.email,
    )
    closing = items["Closing stock"]
    assert (closing.decision, closing.cma_key, closing.sign) == (
        "reclassified",
        "rm_indigenous",
        -1,
    )
    assert closing.contributions()["rm_indigenous"]["FY2025"] == Decimal("-1234567.00")
    assert closing.decided_at is not None


def test_a_split_item_has_its_parts_with_their_amounts(project, ca):
    item = review_item_of(project, "Loans from directors", amounts={"FY2025": "500000.00"})
    services.split_item(
        item,
        parts=[
            {"cma_key": "current_maturities_ltd", "amounts": {"FY2025": "120000"}},
            {"cma_key": "other_term_liabilities", "amounts": {"FY2025": "380000"}},
        ],
        acting_user=ca,
    )

    split = by_label(project)["Loans from directors"]

    assert (split.decision, split.cma_key) == ("split", None)
    assert [(p.cma_key, p.amounts["FY2025"]) for p in split.parts] == [
        ("current_maturities_ltd", Decimal("120000.00")),
        ("other_term_liabilities", Decimal("380000.00")),
    ]
    assert split.contributions() == {
        "current_maturities_ltd": {"FY2025": Decimal("120000.00")},
        "other_term_liabilities": {"FY2025": Decimal("380000.00")},
    }


def test_excluded_by_a_ca_carries_the_reason(project, ca):
    item = review_item_of(project, "Total of note 9")
    services.exclude_item(item, reason="Already counted in its parts", acting_user=ca)

    excluded = by_label(project)["Total of note 9"]

    assert (excluded.decision, excluded.cma_key, excluded.reason) == (
        "excluded",
        None,
        "Already counted in its parts",
    )


def test_approved_without_review_reads_as_auto(project):
    classify(line_item(project, "Salary payable"))
    run_review(project, skip_review=True)

    item = by_label(project)["Salary payable"]

    assert (item.decision, item.cma_key, item.decided_by) == (
        "auto",
        "other_current_liabilities",
        None,
    )


def test_contributions_only_for_the_years_the_items_document_counts_for(project):
    item = line_item(project, "Trade payables", counts_for=["FY2025"])
    classify(item, "sundry_creditors", decision="auto")

    effective = by_label(project)["Trade payables"]

    assert effective.contributions() == {"sundry_creditors": {"FY2025": Decimal("1234567.00")}}
    assert effective.amounts["FY2024"] == Decimal("100000.00")
    assert (effective.file, effective.page, effective.row, effective.note) == (
        "audited-fy2025.pdf",
        7,
        12,
        "9",
    )
