"""Tally exports in .xlsx against the ground truth, and layouts the samples lack."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.styles import Alignment

from pipeline.readers import read_document
from pipeline.readers.document import BALANCE_SHEET, TRADING, ReadLimits
from tests.groundtruth import SAMPLES, companies, exclusion_errors, load, match_items


def documents(suffix: str) -> list[tuple[str, str]]:
    return [
        (company, doc["file"])
        for company in companies()
        for doc in load(company)["documents"]
        if doc["file"].lower().endswith(suffix)
    ]


def read_sample(company: str, file_name: str):
    return read_document(file_name, (SAMPLES / company / file_name).read_bytes(), ReadLimits())


@pytest.mark.parametrize(("company", "file_name"), documents(".xlsx"))
def test_every_printed_xlsx_item_is_extracted_with_its_amounts(company, file_name):
    truth = [item for item in load(company)["line_items"] if item["file"] == file_name]
    match = match_items(read_sample(company, file_name).items, truth)
    assert [(m["sheet"], m["row"], m["label"]) for m in match.missing] == []
    assert [(e.sheet, e.row, e.label) for e in match.extra] == []
    assert exclusion_errors(match) == ([], [])
    stored = [
        (m["row"], m["label"])
        for m, i in match.matched
        if m.get("stored_as", i.stored_as) != i.stored_as
    ]
    assert stored == []


def test_tally_ledgers_carry_their_group_path_side_and_cell():
    document = read_sample("annapurna-foods", "Annapurna Tally BS PL 2022-23.xlsx")
    loan = next(i for i in document.items if i.label.startswith("HDFC Bank Ltd Vehicle Loan"))
    assert loan.section == "Loans (Liability) / Secured Loans"
    assert loan.tally_group == "Secured Loans"
    assert loan.side == "Liabilities"
    assert loan.cells == {"FY2023": "B14"}
    assert loan.exclude_reason is None
    assert document.kind == "tally"
    assert document.statement_year == "FY2023"


def test_tally_group_totals_are_kept_but_excluded():
    document = read_sample("annapurna-foods", "Annapurna Tally BS PL 2022-23.xlsx")
    group = next(i for i in document.items if i.label == "Secured Loans")
    assert group.exclude_reason.startswith("group total:")
    assert group.amounts == {"FY2023": Decimal("3506000.00")}
    assert group.stored_as == "formula"


def test_numbers_stored_as_text_and_formulas_read_as_amounts():
    document = read_sample("annapurna-foods", "Annapurna Tally BS PL 2022-23.xlsx")
    by_label = {(i.sheet, i.label): i for i in document.items}
    as_text = by_label[("Balance Sheet", "Motor vehicles")]
    assert (as_text.stored_as, as_text.amounts) == ("text", {"FY2023": Decimal("2369835.76")})
    formula = by_label[("Balance Sheet", "PF Payable")]
    assert (formula.stored_as, formula.amounts) == ("formula", {"FY2023": Decimal("79939.29")})


def test_profit_and_loss_splits_into_trading_and_profit_and_loss():
    document = read_sample("annapurna-foods", "Annapurna Tally BS PL 2022-23.xlsx")
    wages = next(i for i in document.items if i.label == "Wages to factory workers")
    rent = next(i for i in document.items if i.label == "Rent")
    assert (wages.statement, wages.side) == (TRADING, "Dr")
    assert (rent.statement, rent.section) == ("profit_and_loss", "Indirect Expenses")


def workbook_bytes(rows: list[tuple], merged: list[str]) -> bytes:
    """An .xlsx written by a program: its formulas have no cached values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Balance Sheet"
    for row in rows:
        sheet.append(list(row))
    for area in merged:
        sheet.merge_cells(area)
    sheet["A6"].alignment = Alignment(indent=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_vertical_tally_export_with_uncached_formulas_and_two_years():
    rows = [
        ("Sunrise Traders",),
        ("Balance Sheet",),
        (),
        ("Particulars", "as at 31-Mar-2025", None, "as at 31-Mar-2024", None),
        ("Capital Account", None, "=B6", None, "=D6"),
        ("Proprietor's capital", 500000, None, 450000, None),
        ("Current Liabilities", None, "=B8+B9", None, "=D8+D9"),
        ("    Sundry Creditors", "1,20,000.50", None, 100000, None),
        ("    Duties & Taxes", 9000, None, 8000, None),
        ("Total", None, "=C5+C7", None, "=E5+E7"),
    ]
    data = workbook_bytes(rows, ["B4:C4", "D4:E4"])
    document = read_document("Sunrise BS.xlsx", data, ReadLimits())
    items = {i.label: i for i in document.items}
    assert items["Sundry Creditors"].amounts == {
        "FY2025": Decimal("120000.50"),
        "FY2024": Decimal("100000.00"),
    }
    assert items["Sundry Creditors"].tally_group == "Current Liabilities"
    assert items["Current Liabilities"].exclude_reason.startswith("group total:")
    assert items["Current Liabilities"].amounts["FY2025"] == Decimal("129000.50")
    assert items["Total"].exclude_reason.startswith("total:")
    assert items["Proprietor's capital"].statement == BALANCE_SHEET
    assert document.years == ["FY2025", "FY2024"]


def test_period_in_the_title_when_the_level_heading_only_names_the_company():
    rows = [
        ("Sunrise Traders",),
        ("Balance Sheet as at 31-Mar-2025",),
        (),
        ("Particulars", "Sunrise Traders", None),
        ("Capital Account", None, "=B6"),
        ("    Proprietor's capital", 500000, None),
        ("Total", None, "=C5"),
    ]
    document = read_document("BS.xlsx", workbook_bytes(rows, ["B4:C4"]), ReadLimits())
    capital = next(i for i in document.items if i.label == "Proprietor's capital")
    assert (capital.amounts, capital.tally_group) == (
        {"FY2025": Decimal("500000.00")},
        "Capital Account",
    )
