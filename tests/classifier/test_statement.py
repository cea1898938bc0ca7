"""Every item lands on a row of its own statement, and a missing statement is inferred.

Issue 12, class 2: when a section was not recognised, P&L items fell to
`other_current_assets`. Here every item of the samples and of the blind and
held-out sets is classified and its row checked against the item's own
statement: the one its expected row is on, or, for drawings and dividends paid
out of a capital account (the samples' row 15 convention) and for excluded
items, the statement it was printed in.
"""

from __future__ import annotations

import pytest

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext
from pipeline.classifier.jsonl import SETS, load
from pipeline.classifier.sections import (
    APPROPRIATION,
    BALANCE_SHEET,
    PROFIT_AND_LOSS,
    same_statement,
    statement_of_key,
)
from tests.classifier.sampledata import all_samples


def own_statement(item: ItemContext, expected: str | None) -> str | None:
    if expected is None or expected == APPROPRIATION:
        return item.statement
    return statement_of_key(expected)


def crossings(pairs: list[tuple[ItemContext, str | None]]) -> list[str]:
    verdicts = Classifier().classify([item for item, _ in pairs])
    return [
        f"{item.label!r} under {item.section!r}: {verdict.cma_key} ({verdict.evidence})"
        for (item, expected), verdict in zip(pairs, verdicts, strict=True)
        if not same_statement(own_statement(item, expected), verdict.cma_key)
    ]


@pytest.mark.parametrize("half", sorted(SETS))
def test_no_blind_set_item_lands_on_another_statement(half):
    pairs = load(SETS[half])
    assert len(pairs) > 500
    wrong = crossings(pairs)
    assert not wrong, "\n".join(wrong)


def test_no_sample_item_lands_on_another_statement():
    every = [s for company in all_samples().values() for s in company if not s.structural]
    assert len(every) > 1000
    wrong = crossings([(s.item, s.cma_key) for s in every])
    assert not wrong, "\n".join(wrong)


def particulars(*labels: str) -> list[ItemContext]:
    """Lines of a three-year comparative sheet: no statement, no side, one section."""
    return [
        ItemContext(label, section="Particulars", sheet="3 Years", file="3y.xlsx")
        for label in labels
    ]


def test_a_label_without_statement_is_read_where_its_evidence_is_strongest():
    items = particulars("Salary payable", "Interest on term loan", "Advance tax")
    keys = [v.cma_key for v in Classifier().classify(items)]
    assert keys == ["other_current_liabilities", "interest", "advance_tax"]


def test_a_label_that_fits_both_statements_takes_its_neighbours():
    stock = particulars("Sundry creditors", "Raw materials - imported", "Sundry debtors")
    consumed = particulars("Sales", "Raw materials - imported", "Wages")
    in_balance_sheet = Classifier().classify(stock)[1]
    in_operating_statement = Classifier().classify(consumed)[1]
    assert in_balance_sheet.cma_key == "inventory_rm"
    assert in_operating_statement.cma_key == "rm_imported"
    assert "neighbours" in in_balance_sheet.evidence


def test_alone_such_a_label_goes_to_review():
    threshold = Classifier().policy.auto_approve_above
    verdict = Classifier().classify(particulars("Provision for taxation"))[0]
    assert verdict.confidence < threshold
    assert {verdict.cma_key, *(key for key, _ in verdict.alternatives)} >= {
        "tax",
        "provision_for_tax",
    }


def test_a_printed_statement_keeps_the_item_on_its_rows():
    items = [
        ItemContext("Sundry items", section="Other income", statement=PROFIT_AND_LOSS),
        ItemContext("Telephone", section="Expenses", statement=PROFIT_AND_LOSS),
        ItemContext("Interest", section="Current assets", statement=BALANCE_SHEET),
    ]
    for item, verdict in zip(items, Classifier().classify(items), strict=True):
        assert statement_of_key(verdict.cma_key) == item.statement, verdict.evidence


def test_a_loss_on_sale_in_the_fixed_asset_schedule_is_the_years_non_operating_item():
    item = ItemContext(
        "Loss on sale of vehicle",
        section="Property, plant and equipment",
        statement=BALANCE_SHEET,
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == "nonop_expenses"
    assert "fixed-asset schedule" in verdict.evidence


def test_the_sheet_names_the_statement_when_nothing_else_does():
    items = [
        ItemContext("Depreciation", sheet="BS", file="a.xlsx"),
        ItemContext("Depreciation", sheet="Notes to BS", file="b.xlsx"),
        ItemContext("Depreciation", sheet="P&L", file="c.xlsx"),
    ]
    keys = [v.cma_key for v in Classifier().classify(items)]
    assert keys == ["accumulated_depreciation", "accumulated_depreciation", "depreciation"]
