"""Tally exports the samples lack (issue 11, pattern 9): a vertical profit and loss
account with a comparative column, titled with the company and the period only. Its
items belong to the profit and loss account by Tally's own group names; every sheet of
the workbook is reported, the one no reader takes as left out."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl

from pipeline.readers import read_document
from pipeline.readers.document import PROFIT_AND_LOSS, UNPLACED, ReadLimits
from pipeline.statement_arithmetic import breaks, check_rows

CURRENT, PREVIOUS = "1-Apr-2024 to 31-Mar-2025", "1-Apr-2023 to 31-Mar-2024"
VERTICAL = [
    ("Narmada Traders",),
    (CURRENT,),
    (),
    ("Particulars", CURRENT, None, PREVIOUS, None),
    ("Sales Accounts", None, 5000000, None, 4500000),
    ("    Sales - Local", 3000000, None, 2500000, None),
    ("    Sales - Interstate", 2000000, None, 2000000, None),
    ("Purchase Accounts", None, 3500000, None, 3200000),
    ("    Purchases", 3500000, None, 3200000, None),
    ("Direct Expenses", None, 400000, None, 350000),
    ("    Freight inward", 400000, None, 350000, None),
    ("Indirect Expenses", None, 600000, None, 550000),
    ("    Salaries", 450000, None, 400000, None),
    ("    Rent", 150000, None, 150000, None),
    ("Nett Profit", None, 500000, None, 400000),
]
LEDGERS = {
    "Sales - Local": (3000000, 2500000),
    "Sales - Interstate": (2000000, 2000000),
    "Purchases": (3500000, 3200000),
    "Freight inward": (400000, 350000),
    "Salaries": (450000, 400000),
    "Rent": (150000, 150000),
}


def _book(sheets: dict[str, list[tuple]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if name != "Godown":
            sheet.merge_cells("B4:C4")
            sheet.merge_cells("D4:E4")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_vertical_profit_and_loss_with_a_comparative_column_is_read_as_one():
    data = _book({"Sheet1": VERTICAL, "Godown": [("Godown stock", "Qty"), ("Yarn", 120)]})
    document = read_document("Narmada PL 2024-25.xlsx", data, ReadLimits())
    assert all(item.statement == PROFIT_AND_LOSS for item in document.items)
    counted = {i.label: i.amounts for i in document.items if not i.exclude_reason}
    assert counted == {
        label: {"FY2025": Decimal(current), "FY2024": Decimal(previous)}
        for label, (current, previous) in LEDGERS.items()
    }
    profit = next(i for i in document.items if i.label == "Nett Profit")
    assert profit.exclude_reason.startswith("balancing figure")
    assert [(p.name, p.role) for p in document.parts] == [("Sheet1", "tally"), ("Godown", UNPLACED)]
    assert breaks(check_rows(document.items, document.units)) == []
