"""Statements typed into .xlsx in layouts the samples do not have."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from pipeline.readers import read_document
from pipeline.readers.document import BALANCE_SHEET, ReadLimits


def workbook(sheets: dict[str, list[tuple]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FACE = [
    ("Kaveri Agro Foods LLP",),
    ("Balance Sheet as at 31st March 2025",),
    (None, None, "(₹ in thousands)"),
    ("Particulars", "Note", "Current Year", "Previous Year"),
    ("Equity and liabilities",),
    ("Partners' capital", "1", 1500, 1200),
    ("Trade payables", "2", 800, 750),
    ("Total", None, 2300, 1950),
    ("Assets",),
    ("Property, plant and equipment", None, 900, 950),
    ("Inventories", "3", 1400, 1000),
    ("Total", None, 2300, 1950),
]
NOTES = [
    ("Kaveri Agro Foods LLP",),
    ("Notes to the Balance Sheet as at 31st March 2025",),
    (None, None, "(₹ in thousands)"),
    ("1. Partners' capital", None, "Current Year", "Previous Year"),
    ("Opening balance", None, 1200, 1000),
    ("Add: Share of profit", None, 300, 200),
    ("Closing balance", None, 1500, 1200),
    (),
    ("2. Trade payables",),
    ("Micro and small enterprises", None, 300, 250),
    ("Others", None, 500, 500),
    (None, None, 800, 750),
    (),
    ("3. Inventories",),
    ("Stock in trade", None, 1400, 1000),
    ("Total", None, 1400, 1000),
]


def test_statement_with_current_and_previous_year_columns_and_numbered_notes():
    data = workbook({"Sheet1": FACE, "Sheet2": NOTES})
    document = read_document("Kaveri FS 2024-25.xlsx", data, ReadLimits())
    assert (document.kind, document.statement_year) == ("final_accounts", "FY2025")
    items = {(i.sheet, i.row): i for i in document.items}
    assert items[("Sheet1", 6)].exclude_reason == "face total: expanded in note 1"
    assert items[("Sheet1", 10)].exclude_reason is None
    assert items[("Sheet1", 10)].amounts == {
        "FY2025": Decimal("900000.00"),
        "FY2024": Decimal("950000.00"),
    }
    assert items[("Sheet1", 12)].exclude_reason.startswith("total:")
    closing = items[("Sheet2", 7)]
    assert (closing.note, closing.section, closing.exclude_reason) == (
        "1",
        "Partners' capital",
        None,
    )
    assert items[("Sheet2", 12)].exclude_reason.startswith("total:")
    assert items[("Sheet2", 15)].statement == BALANCE_SHEET
    assert items[("Sheet2", 16)].exclude_reason.startswith("total:")


T_FORMAT = [
    ("Mahesh Hardware Stores",),
    ("Balance Sheet as on 31-03-2025",),
    (),
    ("Liabilities", "31.03.2025", "Assets", "31.03.2025"),
    ("Capital Account", 500000, "Fixed Assets", 300000),
    ("Sundry Creditors", "2,00,000.00", "Closing Stock", 250000),
    (None, None, "Cash in hand", 150000),
    ("Total", 700000, "Total", 700000),
]


def test_two_column_balance_sheet_reads_each_side_on_its_own():
    data = workbook({"BS": T_FORMAT})
    document = read_document("Mahesh BS.xlsx", data, ReadLimits())
    assert document.kind == "tformat"
    sides = {(i.label, i.side): i for i in document.items}
    assert sides[("Sundry Creditors", "Liabilities")].amounts == {"FY2025": Decimal("200000.00")}
    assert sides[("Cash in hand", "Assets")].exclude_reason is None
    assert sides[("Total", "Liabilities")].exclude_reason.startswith("total:")
    assert sides[("Total", "Assets")].cells == {"FY2025": "D8"}


@pytest.mark.parametrize(
    "headers",
    [
        ("As at March 31, 2025", "As at March 31, 2024"),
        ("31-Mar-25", "31-Mar-24"),
        ("FY 2024-25", "FY 2023-24"),
        (datetime(2025, 3, 31), datetime(2024, 3, 31)),
    ],
    ids=["month-first", "short", "fy-range", "date-cells"],
)
def test_year_headings_in_the_forms_firms_print_them(headers):
    rows = [
        ("Balance Sheet",),
        ("Particulars", "Note No.", *headers),
        ("Share capital", None, 100, 90),
        ("Trade payables", None, 50, 40),
        ("Total", None, 150, 130),
    ]
    document = read_document("bs.xlsx", workbook({"BS": rows}), ReadLimits())
    payables = next(i for i in document.items if i.label == "Trade payables")
    assert payables.amounts == {"FY2025": Decimal("50.00"), "FY2024": Decimal("40.00")}


SCHEDULE_HEADER = (
    None,
    None,
    "As at 01.04.2024",
    "As at 31.03.2025",
    "Up to 01.04.2024",
    "Up to 31.03.2025",
    "As at 31.03.2025",
)
GENERIC_NOTES = [
    ("Notes to the financial statements for the year ended 31 March 2025",),
    ("1", "Partners' capital", "31.03.2025", "31.03.2024"),
    (None, "Closing balance", 1500, 1200),
    (),
    ("3", "Property, plant and equipment"),
    (None, "Particulars", "GROSS BLOCK", None, "DEPRECIATION", None, "NET BLOCK"),
    SCHEDULE_HEADER,
    (None, "Machinery", 1000, 1100, 100, 200, 900),
    (None, "Total", 1000, 1100, 100, 200, 900),
]


def test_notes_that_do_not_name_their_statement_and_a_schedule_among_them():
    ppe = ("Property, plant and equipment", "3", 900, 950)
    face = [ppe if row[:1] == ppe[:1] else row for row in FACE if row[:1] != ("Inventories",)]
    data = workbook({"BS": face, "Notes": GENERIC_NOTES})
    document = read_document("FS.xlsx", data, ReadLimits())
    items = {(i.sheet, i.row, i.column): i for i in document.items}
    assert items[("BS", 6, None)].exclude_reason == "face total: expanded in note 1"
    assert items[("BS", 10, None)].exclude_reason == "face total: expanded in note 3"
    assert items[("Notes", 3, None)].statement == BALANCE_SHEET
    gross = items[("Notes", 8, "Gross block - As at 31.03.2025")]
    assert (gross.note, gross.exclude_reason, gross.amounts) == (
        "3",
        None,
        {"FY2025": Decimal("1100000.00")},
    )
    assert items[("Notes", 8, "Net block - As at 31.03.2025")].exclude_reason.startswith("memo:")


def test_face_lines_count_when_the_workbook_has_no_notes():
    document = read_document("BS only.xlsx", workbook({"BS": FACE}), ReadLimits())
    counted = [i.label for i in document.items if i.exclude_reason is None]
    assert counted == [
        "Partners' capital",
        "Trade payables",
        "Property, plant and equipment",
        "Inventories",
    ]


def test_a_total_that_does_not_tie_is_still_a_total_and_nothing_is_plugged():
    overstated = ("Inventories", None, 1410, 1000)
    rows = [overstated if row[:1] == overstated[:1] else row for row in FACE]
    document = read_document("BS.xlsx", workbook({"BS": rows}), ReadLimits())
    items = {i.row: i for i in document.items}
    assert items[12].exclude_reason.startswith("total:")
    assert items[11].amounts["FY2025"] == Decimal("1410000.00")
    assert items[11].exclude_reason is None


def test_notes_are_notes_even_when_their_words_name_a_working():
    notes = [
        ("Notes to the Balance Sheet, Profit and Loss and Cash Flow Statement",),
        ("(₹ in thousands)",),
        ("1", "Deferred tax liabilities (net)", "31.03.2025", "31.03.2024"),
        (None, "On depreciation", 120, 100),
        ("2", "Trade payables"),
        (None, "Others", 800, 750),
    ]
    face = [
        ("Partners' capital", "1", 120, 100) if r[:1] == ("Partners' capital",) else r for r in FACE
    ]
    document = read_document("FS.xlsx", workbook({"BS": face, "Notes": notes}), ReadLimits())
    depreciation = next(i for i in document.items if i.label == "On depreciation")
    assert depreciation.exclude_reason is None
    assert depreciation.amounts["FY2025"] == Decimal("120000.00")
