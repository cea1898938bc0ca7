"""Trial balances as CSV (and in .xlsx) against the ground truth and in other exports."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from pipeline.readers import read_document
from pipeline.readers.document import ReaderError, ReadLimits
from tests.groundtruth import SAMPLES, companies, exclusion_errors, load, match_items

CSV_DOCUMENTS = [
    (company, doc["file"])
    for company in companies()
    for doc in load(company)["documents"]
    if doc["file"].lower().endswith(".csv")
]


def read_text(name: str, text: str, encoding: str = "utf-8"):
    return read_document(name, text.encode(encoding), ReadLimits())


@pytest.mark.parametrize(("company", "file_name"), CSV_DOCUMENTS)
def test_every_trial_balance_line_is_extracted_with_its_side(company, file_name):
    data = (SAMPLES / company / file_name).read_bytes()
    document = read_document(file_name, data, ReadLimits())
    truth = [item for item in load(company)["line_items"] if item["file"] == file_name]
    match = match_items(document.items, truth)
    assert [(m["row"], m["label"]) for m in match.missing] == []
    assert [(e.row, e.label) for e in match.extra] == []
    assert exclusion_errors(match) == ([], [])
    assert all(item.column == expected["column"] for expected, item in match.matched)


def test_sample_trial_balance_is_for_the_year_its_period_ends():
    name = "Trial Balance 01-04-2024 to 31-03-2025.csv"
    document = read_document(
        name, (SAMPLES / "gupta-electricals" / name).read_bytes(), ReadLimits()
    )
    assert (document.kind, document.statement_year, document.years) == (
        "trial_balance",
        "FY2025",
        ["FY2025"],
    )
    pair = [i for i in document.items if i.label.startswith("Closing Stock")]
    assert [(i.column, i.exclude_reason) for i in pair] == [("Dr", None), ("Cr", None)]


def test_balances_with_dr_cr_suffix_in_one_column():
    text = (
        "Shree Traders\nTrial Balance as at 31-Mar-2024\n\n"
        "Ledger;Under;Closing Balance\n"
        "Capital;Capital Account;5,00,000.00 Cr\n"
        "Cash;Cash-in-Hand;1,25,000.00 Dr\n"
        "Sundry Debtors;Current Assets;3,75,000.00 Dr\n"
    )
    document = read_text("tb.csv", text)
    sides = {i.label: (i.column, i.amounts["FY2024"]) for i in document.items}
    assert sides == {
        "Capital": ("Cr", Decimal("500000.00")),
        "Cash": ("Dr", Decimal("125000.00")),
        "Sundry Debtors": ("Dr", Decimal("375000.00")),
    }
    assert document.items[0].tally_group == "Capital Account"
    assert document.items[0].row == 5


def test_utf16_tab_separated_export_with_a_dr_cr_column():
    text = (
        "Trial Balance 1-Apr-2023 to 31-Mar-2024\n"
        "Particulars\tGroup\tBalance\tDr/Cr\n"
        "Capital\tCapital Account\t200000\tCr\n"
        "Bank\tBank Accounts\t150000\tDr\n"
        "Stock\tStock-in-Hand\t50000\tDr\n"
        "Total\t\t200000\t\n"
    )
    document = read_text("tb.txt", text, "utf-16")
    columns = {i.label: i.column for i in document.items}
    assert columns["Capital"] == "Cr"
    assert columns["Bank"] == "Dr"


def test_grand_total_found_by_arithmetic_without_the_word_total():
    text = (
        "Trial Balance as at 31-Mar-2025\n"
        "Particulars,Group,Debit,Credit\n"
        "Capital,Capital Account,,300000\n"
        "Bank,Bank Accounts,300000,\n"
        ",,300000,300000\n"
        "Suspense,,0.00,\n"
    )
    document = read_text("tb.csv", text)
    assert [i.label for i in document.items if i.exclude_reason] == []
    text = text.replace(",,300000,300000", "Closing figures,,300000,300000")
    totals = [i for i in read_text("tb.csv", text).items if i.exclude_reason]
    assert [(i.label, i.column) for i in totals] == [
        ("Closing figures", "Dr"),
        ("Closing figures", "Cr"),
    ]
    assert all(i.exclude_reason == "trial balance total" for i in totals)


def test_trial_balance_without_a_period_is_refused_clearly():
    text = "Particulars,Group,Debit,Credit\nCapital,Capital Account,,100\nBank,Bank Accounts,100,\n"
    with pytest.raises(ReaderError) as raised:
        read_text("ledgers.csv", text)
    assert raised.value.code == "no_year"
    assert "financial year" in raised.value.message


def test_xlsx_trial_balance_takes_the_closing_pair_of_columns():
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ("Trial Balance", None, None, None, None, None, None),
        ("1-Apr-2024 to 31-Mar-2025",),
        ("Particulars", "Group", "Opening Balance", None, "Closing Balance", None),
        (None, None, "Debit", "Credit", "Debit", "Credit"),
        ("Capital", "Capital Account", None, 100000, None, 120000),
        ("Bank", "Bank Accounts", 100000, None, 120000, None),
        ("Grand Total", None, 100000, 100000, 120000, 120000),
    ]:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    document = read_document("TB.xlsx", buffer.getvalue(), ReadLimits())
    bank = next(i for i in document.items if i.label == "Bank")
    assert (bank.amounts, bank.cells, bank.column) == (
        {"FY2025": Decimal("120000.00")},
        {"FY2025": "E6"},
        "Dr",
    )
    assert {i.exclude_reason for i in document.items if i.label == "Grand Total"} == {
        "trial balance total"
    }
