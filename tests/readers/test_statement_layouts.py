"""Layouts the samples lack (issue 11, patterns 4, 5 and 8): a P&L with percentage
columns, one sheet holding three years' balance sheet and P&L with its unit in the title,
a face 'Fixed assets' beside its schedule, unlabelled totals, and an old Schedule VI
balance sheet netting current liabilities. Every item is found with its amount, nothing
is counted twice, and the statement's arithmetic holds."""

from __future__ import annotations

from decimal import Decimal

from pipeline.readers import read_document
from pipeline.readers.document import PROFIT_AND_LOSS, ReadLimits
from pipeline.statement_arithmetic import breaks, check_rows
from tests.readers.statement_fixtures import sheets
from tests.readers.test_excel_statements import workbook

BASE = sheets("ties")
LAKH = Decimal(100000)


def _read(book: dict) -> tuple:
    document = read_document("Statements.xlsx", workbook(book), ReadLimits())
    counted = {
        (item.sheet, item.label): item.amounts for item in document.items if not item.exclude_reason
    }
    return document, counted


def _lakhs(**years: str) -> dict[str, Decimal]:
    return {year: Decimal(value) * LAKH for year, value in years.items()}


def test_a_percentage_column_beside_each_year_is_not_read_as_amounts():
    rows = []
    for row in BASE["Sheet2"]:
        if row[:1] == ("Particulars",):
            row = ("Particulars", "Note", "31.03.2025", "% of sales", "31.03.2024", "% of sales")
        elif len(row) == 4 and isinstance(row[2], float):
            row = (*row[:3], round(row[2] / 5, 2), row[3], round(row[3] / 4.5, 2))
        rows.append(row)
    document, counted = _read({"BS": BASE["Final"], "P&L": rows, "Notes": BASE["Notes"]})
    pnl = {label: amounts for (sheet, label), amounts in counted.items() if sheet == "P&L"}
    assert pnl == {
        "Other income": _lakhs(FY2025="5", FY2024="4"),
        "Employee benefits expense": _lakhs(FY2025="80", FY2024="70"),
        "Other expenses": _lakhs(FY2025="102.75", FY2024="81"),
        "Tax expense": _lakhs(FY2025="7", FY2024="6"),
    }
    assert breaks(check_rows(document.items, document.units)) == []


THREE_YEARS = [
    ("Godavari Agro Foods LLP",),
    ("Balance Sheet and Profit & Loss Account for three years (₹ in lakhs)",),
    ("Particulars", "FY 2022-23", "FY 2023-24", "FY 2024-25"),
    ("Balance Sheet",),
    ("Partners' capital", 80.0, 95.0, 110.0),
    ("Term loan from bank", 40.0, 32.0, 24.0),
    ("Trade payables", 30.0, 35.0, 41.0),
    ("Total liabilities", 150.0, 162.0, 175.0),
    ("Fixed assets (net)", 70.0, 66.0, 62.0),
    ("Inventories", 45.0, 55.0, 63.0),
    ("Trade receivables", 25.0, 30.0, 36.0),
    ("Cash and bank", 10.0, 11.0, 14.0),
    ("Total assets", 150.0, 162.0, 175.0),
    (),
    ("Profit and Loss Account",),
    ("Sales", 400.0, 450.0, 520.0),
    ("Other income", 2.0, 3.0, 4.0),
    ("Closing stock", 45.0, 55.0, 63.0),
    ("Total income", 447.0, 508.0, 587.0),
    ("Opening stock", 40.0, 45.0, 55.0),
    ("Purchases", 300.0, 335.0, 390.0),
    ("Salaries and wages", 40.0, 45.0, 50.0),
    ("Interest", 5.0, 4.5, 3.5),
    ("Depreciation", 6.0, 5.5, 5.0),
    ("Other expenses", 36.0, 48.0, 53.5),
    ("Total expenses", 427.0, 483.0, 557.0),
    ("Net profit", 20.0, 25.0, 30.0),
]


def test_one_sheet_of_three_years_reads_its_profit_and_loss_as_profit_and_loss():
    document, counted = _read({"Sheet1": THREE_YEARS})
    assert document.units == {"Sheet1": LAKH}
    items = {i.label: i for i in document.items}
    pnl = [
        "Sales",
        "Other income",
        "Purchases",
        "Salaries and wages",
        "Interest",
        "Depreciation",
        "Other expenses",
    ]
    assert all(items[label].statement == PROFIT_AND_LOSS for label in pnl)
    assert items["Net profit"].exclude_reason.startswith("total")
    assert counted[("Sheet1", "Sales")] == _lakhs(FY2023="400", FY2024="450", FY2025="520")
    assert counted[("Sheet1", "Partners' capital")] == _lakhs(
        FY2023="80", FY2024="95", FY2025="110"
    )
    assert len(counted) == 16
    assert breaks(check_rows(document.items, document.units)) == []


FIXED_ASSETS = [
    ("Narmada Textiles Private Limited",),
    ("Fixed assets schedule for the year ended 31st March 2025",),
    (None, None, "(Rs. in Lakhs)"),
    ("Particulars", "GROSS BLOCK", None, None, None, "DEPRECIATION", None, None, "NET BLOCK"),
    (
        None,
        "As at 01.04.2024",
        "Additions",
        "Deductions",
        "As at 31.03.2025",
        "Up to 01.04.2024",
        "For the year",
        "Up to 31.03.2025",
        "As at 31.03.2025",
        "As at 31.03.2024",
    ),
    ("Buildings", 60.0, 0.0, 0.0, 60.0, 10.0, 2.0, 12.0, 48.0, 50.0),
    ("Plant and machinery", 70.0, 5.6, 0.0, 75.6, 24.75, 8.25, 33.0, 42.6, 45.25),
    ("Total", 130.0, 5.6, 0.0, 135.6, 34.75, 10.25, 45.0, 90.6, 95.25),
]


def test_the_face_fixed_assets_beside_the_schedule_are_not_counted_twice():
    book = {**BASE, "Fixed Assets": FIXED_ASSETS}
    document, counted = _read(book)
    assert {p.name: p.role for p in document.parts}["Fixed Assets"] == "fixed_assets"
    face = next(i for i in document.items if i.label == "Property, plant and equipment")
    assert face.exclude_reason.startswith("face total: net block of the fixed-asset schedule")
    schedule = {label: a for (sheet, label), a in counted.items() if sheet == "Fixed Assets"}
    assert schedule == {
        "Buildings": _lakhs(FY2025="12"),
        "Plant and machinery": _lakhs(FY2025="33"),
    }
    gross = [i for i in document.items if i.column == "Gross block - As at 31.03.2025"]
    assert {i.label: i.amounts for i in gross if not i.exclude_reason} == {
        "Buildings": _lakhs(FY2025="60"),
        "Plant and machinery": _lakhs(FY2025="75.6"),
    }
    assert breaks(check_rows(document.items, document.units)) == []


def test_unlabelled_totals_are_totals_not_items():
    face = [(None, *row[1:]) if row[:1] == ("TOTAL",) else row for row in BASE["Final"]]
    document, counted = _read({"Final": face, "Sheet2": BASE["Sheet2"], "Notes": BASE["Notes"]})
    blank = [i for i in document.items if i.sheet == "Final" and not i.label]
    assert len(blank) == 2 and all(i.exclude_reason.startswith("total") for i in blank)
    assert sorted(label for sheet, label in counted if sheet == "Final") == [
        "Cash and bank balances",
        "Property, plant and equipment",
    ]
    assert breaks(check_rows(document.items, document.units)) == []


SCHEDULE_VI = [
    ("Krishna Rice Mills Private Limited",),
    ("Balance Sheet as at 31st March 2025",),
    (None, None, "(Amount in Rs.)"),
    ("Particulars", "Schedule", "As at 31.03.2025", "As at 31.03.2024"),
    ("SOURCES OF FUNDS",),
    ("Shareholders' funds",),
    ("Share capital", None, 5000000, 5000000),
    ("Reserves and surplus", None, 12050000, 10025000),
    (None, None, 17050000, 15025000),
    ("Loan funds",),
    ("Secured loans", None, 3000000, 3500000),
    ("Unsecured loans", None, 1000000, 1200000),
    (None, None, 4000000, 4700000),
    ("TOTAL", None, 21050000, 19725000),
    ("APPLICATION OF FUNDS",),
    ("Fixed assets",),
    ("Gross block", None, 15000000, 14000000),
    ("Less: Depreciation", None, 6000000, 5000000),
    ("Net block", None, 9000000, 9000000),
    ("Current assets, loans and advances",),
    ("Inventories", None, 7000000, 5500000),
    ("Sundry debtors", None, 4000000, 3600000),
    ("Cash and bank balances", None, 2000000, 1800000),
    ("Loans and advances", None, 1000000, 900000),
    (None, None, 14000000, 11800000),
    ("Less: Current liabilities and provisions",),
    ("Current liabilities", None, 2500000, 2700000),
    ("Provisions", None, 450000, 375000),
    (None, None, 2950000, 3075000),
    ("Net current assets", None, 11050000, 8725000),
    ("Miscellaneous expenditure (to the extent not written off)", None, 1000000, 2000000),
    ("TOTAL", None, 21050000, 19725000),
]


def test_an_old_schedule_vi_balance_sheet_nets_current_liabilities_once():
    document, counted = _read({"BS": SCHEDULE_VI})
    net = next(i for i in document.items if i.label == "Net current assets")
    assert net.exclude_reason.startswith("total")
    assert {label for _, label in counted} == {
        "Share capital",
        "Reserves and surplus",
        "Secured loans",
        "Unsecured loans",
        "Gross block",
        "Less: Depreciation",
        "Inventories",
        "Sundry debtors",
        "Cash and bank balances",
        "Loans and advances",
        "Current liabilities",
        "Provisions",
        "Miscellaneous expenditure (to the extent not written off)",
    }
    assert counted[("BS", "Current liabilities")] == {
        "FY2025": Decimal("2500000.00"),
        "FY2024": Decimal("2700000.00"),
    }
    checks = check_rows(document.items, document.units)
    assert breaks(checks) == [] and any(c.kind == "balance_sheet" for c in checks)
