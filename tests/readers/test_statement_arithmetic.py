"""The statement's own arithmetic: every equation of a statement that ties holds, and a
typing slip breaks exactly the equation it is in, reported with its place."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.extract_report import extract_report
from pipeline.readers import read_document
from pipeline.readers.document import UNPLACED, ReadLimits
from pipeline.statement_arithmetic import NOTE, PROFIT, TIE, TOTAL, breaks, check_rows
from tests.readers.statement_fixtures import sheets, workbook_bytes
from tests.readers.test_excel_statements import workbook as _workbook

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def _checks(variant: str):
    document = read_document(f"Narmada {variant}.xlsx", workbook_bytes(variant), ReadLimits())
    return document, check_rows(document.items, document.units)


def test_every_equation_of_a_statement_that_ties_holds():
    _, checks = _checks("ties")
    kinds = {check.kind for check in checks}
    assert {NOTE, TOTAL, TIE, PROFIT, "roll_forward"} <= kinds
    assert all(check.holds for check in checks) and breaks(checks) == []


@pytest.mark.parametrize(
    ("variant", "kind", "place", "sentence"),
    [
        (
            "note_break",
            NOTE,
            "note 3",
            "Note 3 adds to ₹41,10,000.00 in FY2025, the face shows ₹40,10,000.00 for "
            "“Trade payables” (sheet 'Final' row 10)",
        ),
        (
            "no_tie",
            TIE,
            "sheet 'Final' row 16",
            "The balance sheet does not tie in FY2025: its sides total ₹2,10,60,000.00 "
            "(sheet 'Final' row 11) and ₹2,11,60,000.00 (sheet 'Final' row 16)",
        ),
        (
            "profit_break",
            PROFIT,
            "sheet 'Sheet2' row 16",
            "The profit for FY2025 is ₹20,25,000.00 in the statement of profit and loss "
            "(“Profit for the year”, sheet 'Sheet2' row 16), but the reserves or capital take "
            "in ₹20,52,000.00 (sheet 'Notes' row 11)",
        ),
        (
            "subtotal_break",
            TOTAL,
            "sheet 'Sheet2' row 13",
            "The items of Expenses above “Total expenses” (sheet 'Sheet2' row 13) add to "
            "₹4,77,75,000.00 in FY2025; it shows ₹4,78,75,000.00",
        ),
    ],
)
def test_a_slip_breaks_the_one_equation_it_is_in_with_its_place(variant, kind, place, sentence):
    _, checks = _checks(variant)
    (broken,) = [check for check in checks if not check.holds]
    assert (broken.kind, broken.place, broken.year) == (kind, place, "FY2025")
    assert breaks(checks) == [sentence]
    assert broken.difference == broken.printed - broken.computed != 0


def test_one_printed_unit_of_rounding_is_allowed_and_no_more():
    """In lakhs printed to two decimals one unit is ₹1,000: a total ₹1,000 off holds."""
    document, checks = _checks("ties")
    total = next(c for c in checks if c.kind == TOTAL and c.place == "sheet 'Sheet2' row 13")
    assert total.tolerance == Decimal(1000)
    item = next(i for i in document.items if i.label == "Other expenses")
    item.amounts["FY2025"] += Decimal(1000)
    assert all(c.holds for c in check_rows(document.items, document.units) if c.kind == TOTAL)
    item.amounts["FY2025"] += Decimal(1)
    assert not all(c.holds for c in check_rows(document.items, document.units))


def test_the_extract_report_lists_every_sheet_with_its_role_unit_years_and_checks():
    document, checks = _checks("note_break")
    report = extract_report(document, checks)
    assert [(e["name"], e["role"], e["unit"]) for e in report] == [
        ("Final", "balance_sheet", "100000"),
        ("Sheet2", "profit_and_loss", "100000"),
        ("Notes", "notes", "100000"),
    ]
    face = report[0]
    assert face["years"] == ["FY2025", "FY2024"] and face["items"] == 8 and face["why"]
    broken = [c for c in face["checks"] if c["result"] == "breaks"]
    assert broken == [
        {
            "check": NOTE,
            "year": "FY2025",
            "result": "breaks",
            "printed": "4010000.00",
            "computed": "4110000.00",
            "difference": "-100000.00",
            "place": "note 3",
            "text": breaks(checks)[0],
        }
    ]
    assert sum(len(e["checks"]) for e in report) == len(checks)


@pytest.mark.parametrize(
    "path",
    [
        "annapurna-foods/Annapurna Tally BS PL 2024-25.xlsx",
        "pragati-steel-castings/PSCPL Final Accounts 2024-25.xls",
        "sri-balaji-roadlines/Sri Balaji Roadlines - BS PL 31.03.2025.pdf",
    ],
)
def test_the_samples_arithmetic_holds_as_read(path):
    data = (SAMPLES / path).read_bytes()
    document = read_document(Path(path).name, data, ReadLimits())
    checks = check_rows(document.items, document.units)
    assert len(checks) >= 8 and breaks(checks) == []


def test_every_sheet_of_a_final_accounts_workbook_has_its_role_and_why():
    path = "pragati-steel-castings/PSCPL Final Accounts 2024-25.xls"
    document = read_document(Path(path).name, (SAMPLES / path).read_bytes(), ReadLimits())
    roles = {part.name: part.role for part in document.parts}
    assert roles == {
        "Trial Balance": "trial_balance",
        "BS": "balance_sheet",
        "P&L": "profit_and_loss",
        "Notes BS (1)": "notes",
        "Notes BS (2)": "notes",
        "Notes to P&L": "notes",
        "Subnotes to BS": "sub_notes",
        "Co. Deprn": "fixed_assets",
        "Deferred Tax": "deferred_tax",
        "EMI Schedule": "emi",
        "Key Ratios": "ratios",
        "Cash Flow": "cash_flow",
    }
    why = {part.name: part.why for part in document.parts}
    assert "its title “Balance Sheet as at 31.03.2025" in why["BS"] and "Note column" in why["BS"]
    assert "“Trial Balance as at 31st March 2025" in why["Trial Balance"]
    assert "debit and credit balance columns" in why["Trial Balance"]


def test_a_sheet_that_cannot_be_placed_is_reported_and_left_out():
    book = sheets("ties")
    book["Stock register"] = [("Item", "Qty", "Rate"), ("Yarn 40s", 1200, 210), ("Dye", 40, 900)]
    document = read_document("Narmada.xlsx", _workbook(book), ReadLimits())
    (part,) = [p for p in document.parts if p.name == "Stock register"]
    assert part.role == UNPLACED and "left out" in part.why
    assert not any(item.sheet == "Stock register" for item in document.items)
    report = extract_report(document, check_rows(document.items, document.units))
    assert [(e["name"], e["role"], e["items"]) for e in report][-1] == (
        "Stock register",
        UNPLACED,
        0,
    )


def test_a_pdfs_report_has_every_page_in_order_and_its_annexures_left_out():
    path = SAMPLES / "_large" / "Shree Ganesh Polymers - FS FY2024-25 with annexures.pdf"
    document = read_document(path.name, path.read_bytes(), ReadLimits())
    report = extract_report(document, check_rows(document.items, document.units))
    assert [entry["name"] for entry in report] == [f"page {n}" for n in range(1, 1 + len(report))]
    assert len(report) == document.pages
    read = [entry for entry in report if entry["role"] != UNPLACED]
    assert {entry["role"] for entry in read} >= {"balance_sheet", "profit_and_loss", "notes"}
    assert sum(entry["items"] for entry in read) == len(document.items)
    left_out = [entry for entry in report if entry["role"] == UNPLACED]
    assert sum("annexure" in entry["why"] for entry in left_out) >= 100
