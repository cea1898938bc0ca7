"""A sheet's role is weighed from its content, never its name or one signature (issue 11,
pattern 1): generic and misleading sheet names, a face P&L with Current / Previous Year
columns, a trial balance in a sheet named 'BS', key ratios titled '(see notes)', a cash
flow statement. Every sheet's role is asserted, and every item with its amount."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from pipeline.readers import read_document
from pipeline.readers.document import UNPLACED, ReadLimits
from pipeline.statement_arithmetic import breaks, check_rows
from tests.readers.statement_fixtures import sheets
from tests.readers.test_excel_statements import workbook

LAKH = Decimal(100000)
# Every item counted from the Narmada statements, FY2025, in lakhs: the face lines no note
# itemises, and the notes' lines.
FACE_ITEMS = {
    ("balance_sheet", "Property, plant and equipment"): "90.60",
    ("balance_sheet", "Cash and bank balances"): "50.00",
    ("profit_and_loss", "Other income"): "5.00",
    ("profit_and_loss", "Employee benefits expense"): "80.00",
    ("profit_and_loss", "Other expenses"): "102.75",
    ("profit_and_loss", "Tax expense"): "7.00",
}
NOTE_ITEMS = {
    ("notes", "5,00,000 equity shares of Rs 10 each fully paid"): "50.00",
    ("notes", "Opening balance"): "100.25",
    ("notes", "Add: Profit for the year"): "20.25",
    ("notes", "Closing balance"): "120.50",
    ("notes", "Dues to micro and small enterprises"): "10.10",
    ("notes", "Dues to others"): "30.00",
    ("notes", "Raw materials"): "40.00",
    ("notes", "Finished goods"): "30.00",
    ("notes", "Sale of products"): "495.00",
    ("notes", "Other operating revenue"): "5.00",
    ("notes", "Opening stock of raw materials"): "30.00",
    ("notes", "Add: Purchases"): "310.00",
    ("notes", "Less: Closing stock of raw materials"): "40.00",
    ("notes", "Opening stock"): "25.00",
    ("notes", "Less: Closing stock"): "30.00",
}
# Without notes every face line is an item.
FACE_ONLY = {
    **FACE_ITEMS,
    ("balance_sheet", "Share capital"): "50.00",
    ("balance_sheet", "Reserves and surplus"): "120.50",
    ("balance_sheet", "Trade payables"): "40.10",
    ("balance_sheet", "Inventories"): "70.00",
    ("profit_and_loss", "Revenue from operations"): "500.00",
    ("profit_and_loss", "Cost of materials consumed"): "300.00",
    ("profit_and_loss", "Changes in inventories of finished goods"): "-5.00",
}
TRIAL_BALANCE = [
    ("Narmada Textiles Private Limited",),
    ("Trial Balance as at 31st March 2025",),
    ("Particulars", "Group", "Debit", "Credit"),
    ("Share capital", "Capital Account", None, 5000000),
    ("Sundry creditors", "Current Liabilities", None, 4010000),
    ("Cash", "Cash-in-hand", 9010000, None),
    ("Total", None, 9010000, 9010000),
]
CASH_FLOW = [
    ("Cash Flow Statement for the year ended 31st March 2025",),
    ("Particulars", None, "31.03.2025", "31.03.2024"),
    ("Net profit before tax", None, 27.25, 23.00),
    ("Depreciation", None, 4.65, 4.00),
    ("Cash generated from operations", None, 31.90, 27.00),
]
RATIOS = [
    ("Key Ratios (see notes)",),
    ("Ratio", None, "31.03.2025", "31.03.2024"),
    ("Current ratio", None, 2.98, 2.57),
    ("Net profit margin %", None, 4.05, 3.78),
    ("Return on capital employed %", None, 12.1, 11.4),
]
STOCK = [("Item", "Qty", "Rate"), ("Yarn 40s", 1200, 210), ("Dye", 40, 900)]


def _relative_years(rows):
    return [
        ("Particulars", "Note", "Current Year", "Previous Year") if row[:1] == ("Particulars",)
        else row
        for row in rows
    ]  # fmt: skip


BASE = sheets("ties")
WORKBOOKS = {
    "generic names": (
        {"Sheet1": BASE["Final"], "Final": BASE["Sheet2"], "Sheet3": BASE["Notes"]},
        {"Sheet1": "balance_sheet", "Final": "profit_and_loss", "Sheet3": "notes"},
        {**FACE_ITEMS, **NOTE_ITEMS},
    ),
    "P & L Ac with current and previous year": (
        {
            "BS": BASE["Final"],
            "P & L Ac": _relative_years(BASE["Sheet2"]),
            "Notes": BASE["Notes"],
        },
        {"BS": "balance_sheet", "P & L Ac": "profit_and_loss", "Notes": "notes"},
        {**FACE_ITEMS, **NOTE_ITEMS},
    ),
    "a BS sheet holding the trial balance": (
        {"Sheet1": BASE["Final"], "Final": BASE["Sheet2"], "BS": TRIAL_BALANCE,
         "Notes": BASE["Notes"]},
        {"Sheet1": "balance_sheet", "Final": "profit_and_loss", "BS": "trial_balance",
         "Notes": "notes"},
        {**FACE_ITEMS, **NOTE_ITEMS},
    ),
    "statements with cash flow, ratios and a stock list": (
        {"Balance Sheet": BASE["Final"], "P&L": BASE["Sheet2"], "Cash Flow": CASH_FLOW,
         "Key Ratios": RATIOS, "Stock": STOCK},
        {"Balance Sheet": "balance_sheet", "P&L": "profit_and_loss", "Cash Flow": "cash_flow",
         "Key Ratios": "ratios", "Stock": UNPLACED},
        FACE_ONLY,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", WORKBOOKS)
def test_every_sheet_gets_its_role_and_every_item_its_amount(name):
    book, roles, items = WORKBOOKS[name]
    document = read_document(f"Narmada {name}.xlsx", workbook(book), ReadLimits())
    assert {part.name: part.role for part in document.parts} == roles
    assert all(part.why for part in document.parts)
    role = {part.name: part.role for part in document.parts}
    found = {
        (role[item.sheet], item.label): item.amounts["FY2025"]
        for item in document.items
        if not item.exclude_reason
    }
    assert found == {key: Decimal(value) * LAKH for key, value in items.items()}
    assert breaks(check_rows(document.items, document.units)) == []


def test_a_trial_balance_beside_the_statements_is_shown_never_counted_and_keeps_its_unit():
    book, _, _ = WORKBOOKS["a BS sheet holding the trial balance"]
    document = read_document("Narmada.xlsx", workbook(book), ReadLimits())
    ledgers = [item for item in document.items if item.sheet == "BS"]
    assert {item.label: item.amounts["FY2025"] for item in ledgers if item.label != "Total"} == {
        "Share capital": Decimal(5000000),
        "Sundry creditors": Decimal(4010000),
        "Cash": Decimal(9010000),
    }
    assert all(item.exclude_reason for item in ledgers)
    assert document.units["BS"] == 1 and document.units["Sheet1"] == LAKH


def test_the_evidence_for_each_role_is_said():
    book, _, _ = WORKBOOKS["statements with cash flow, ratios and a stock list"]
    parts = {p.name: p for p in read_document("n.xlsx", workbook(book), ReadLimits()).parts}
    assert "a Note column" in parts["Balance Sheet"].why
    assert "Ratios (see notes)”" in parts["Key Ratios"].why
    assert "rows are ratios" in parts["Key Ratios"].why
    assert "left out" in parts["Stock"].why


INNER_OUTER = [
    ("Kaveri Polymers Private Limited",),
    ("Balance Sheet as at 31st March 2025",),
    ("Particulars", "As at 31.03.2025", None, "As at 31.03.2024", None),
    ("SOURCES OF FUNDS",),
    ("Share capital", 500000, None, 500000, None),
    ("Reserves and surplus", 1200000, 1700000, 1000000, 1500000),
    ("Secured loans", None, 300000, None, 400000),
    ("TOTAL", None, 2000000, None, 1900000),
    ("APPLICATION OF FUNDS",),
    ("Net block", None, 900000, None, 950000),
    ("Inventories", 700000, None, 550000, None),
    ("Sundry debtors", 400000, 1100000, 400000, 950000),
    ("TOTAL", None, 2000000, None, 1900000),
]


def test_a_statement_with_sub_totals_beside_its_items_is_not_a_tally_export():
    """Items in an inner column, sub-totals in the outer one beside the last item, under
    a year heading merged over both: Tally prints each node on a row of its own."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BS"
    for row in INNER_OUTER:
        sheet.append(list(row))
    sheet.merge_cells("B3:C3")
    sheet.merge_cells("D3:E3")
    buffer = io.BytesIO()
    book.save(buffer)
    document = read_document("Kaveri BS.xlsx", buffer.getvalue(), ReadLimits())
    (part,) = document.parts
    assert (part.role, document.kind) == ("balance_sheet", "final_accounts")
    assert "sub-totals printed beside their last items" in part.why
    counted = {i.label: i.amounts["FY2025"] for i in document.items if not i.exclude_reason}
    assert counted == {
        "Share capital": Decimal(500000),
        "Reserves and surplus": Decimal(1200000),
        "Secured loans": Decimal(300000),
        "Net block": Decimal(900000),
        "Inventories": Decimal(700000),
        "Sundry debtors": Decimal(400000),
    }
    assert breaks(check_rows(document.items, document.units)) == []
