"""A stock and book-debts statement is recognised by its table in any of the shapes
borrowers file, and read into stock, creditors for goods and book debts by age."""

from __future__ import annotations

import pytest

from pipeline.readers.document import ReaderError
from pipeline.readers.stock_statement import read_stock_statement
from tests.readers.stock_fixtures import (
    CREDITORS,
    OVER_90,
    STOCK,
    UNDER_90,
    balance_sheet,
    movement_and_ageing_across,
    simple_list,
    valued_items_in_lakhs,
)


@pytest.mark.parametrize(
    "data", [simple_list(), valued_items_in_lakhs(), movement_and_ageing_across()],
    ids=["list", "valued-lakhs", "movement-across"],
)  # fmt: skip
def test_every_shape_gives_the_same_position(data):
    statement = read_stock_statement(data, "stock statement.xlsx")
    assert statement.total_stock == STOCK
    assert statement.creditors_for_goods == CREDITORS
    assert statement.receivables_under_90 == UNDER_90
    assert statement.receivables_over_90 == OVER_90
    assert set(statement.stock) >= {"raw_materials", "work_in_progress", "finished_goods"}
    assert "March 2026" in statement.period or "31.03.2026" in statement.period


def test_creditors_for_expenses_are_not_deducted_and_the_reader_says_so():
    statement = read_stock_statement(valued_items_in_lakhs(), "March.xlsx")
    assert any("Creditors for expenses" in warning for warning in statement.warnings)


def test_a_balance_sheet_is_not_a_stock_statement():
    with pytest.raises(ReaderError, match="no stock and book-debts table") as refused:
        read_stock_statement(balance_sheet(), "Balance sheet.xlsx")
    assert refused.value.code == "not_a_stock_statement"


def test_only_excel_is_read():
    with pytest.raises(ReaderError, match=r"\.xlsx or \.xls"):
        read_stock_statement(b"%PDF-1.4", "stock.pdf")
