"""A party's balance printed with the opposite sign of its list's is the counter-row's."""

from __future__ import annotations

from decimal import Decimal

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext


def party(label: str, group: str, amount: int) -> ItemContext:
    return ItemContext(
        label,
        section=group,
        tally_group=group,
        statement="balance_sheet",
        file="tb.xlsx",
        amounts={"FY2025": Decimal(amount), "FY2024": Decimal(amount)},
    )


def test_a_creditor_printed_opposite_its_list_is_an_advance_to_a_supplier():
    items = [
        party("Sharma Steels", "Sundry Creditors", 120000),
        party("Gupta Traders", "Sundry Creditors", 45000),
        party("Patel Metals", "Sundry Creditors", 9000),
        party("Rao Engineering", "Sundry Creditors", -15000),
    ]
    verdicts = Classifier().classify(items)
    assert [v.cma_key for v in verdicts[:3]] == ["sundry_creditors"] * 3
    moved = verdicts[3]
    assert (moved.cma_key, moved.sign) == ("advances_to_suppliers", -1)
    assert "opposite" in moved.evidence


def test_a_debtor_printed_opposite_its_list_is_an_advance_from_a_customer():
    items = [
        party("Mehta Foods", "Sundry Debtors", 80000),
        party("Jain Stores", "Sundry Debtors", 30000),
        party("Kumar & Co", "Sundry Debtors", -5000),
    ]
    moved = Classifier().classify(items)[2]
    assert (moved.cma_key, moved.sign) == ("advances_from_customers", -1)


def test_a_list_printed_all_negative_moves_nothing():
    items = [party(name, "Sundry Creditors", -1000) for name in ("A & Co", "B & Co", "C & Co")]
    assert {v.cma_key for v in Classifier().classify(items)} == {"sundry_creditors"}
