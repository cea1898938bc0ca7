"""Legacy .xls final-accounts workbooks against the ground truth."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.readers import read_document
from pipeline.readers.document import ReadLimits
from pipeline.readers.loaders import load_xls
from pipeline.readers.spreadsheet import read_workbook
from tests.groundtruth import SAMPLES, companies, exclusion_errors, load, match_items

XLS_DOCUMENTS = [
    (company, doc)
    for company in companies()
    for doc in load(company)["documents"]
    if doc["file"].lower().endswith(".xls")
]
IDS = [doc["file"] for _, doc in XLS_DOCUMENTS]
RUPEES_PER_UNIT = {"rupees0": Decimal(1), "rupees2": Decimal(1), "lakhs": Decimal(100000)}


def read_sample(company: str, file_name: str):
    return read_document(file_name, (SAMPLES / company / file_name).read_bytes(), ReadLimits())


@pytest.mark.parametrize(("company", "doc"), XLS_DOCUMENTS, ids=IDS)
def test_every_printed_xls_item_is_extracted_with_its_amounts(company, doc):
    truth = [item for item in load(company)["line_items"] if item["file"] == doc["file"]]
    match = match_items(read_sample(company, doc["file"]).items, truth)
    assert [(m["sheet"], m["row"], m["label"]) for m in match.missing] == []
    assert [(e.sheet, e.row, e.label) for e in match.extra] == []
    assert exclusion_errors(match) == ([], [])
    stored = [
        (m["row"], m["label"])
        for m, i in match.matched
        if m.get("stored_as", i.stored_as) != i.stored_as
    ]
    assert stored == []


@pytest.mark.parametrize(("company", "doc"), XLS_DOCUMENTS, ids=IDS)
def test_each_sheet_is_read_in_the_unit_its_header_states(company, doc):
    document = read_sample(company, doc["file"])
    expected = {sheet: RUPEES_PER_UNIT[code] for sheet, code in doc["sheet_units"].items()}
    assert document.units == expected


@pytest.mark.parametrize(("company", "doc"), XLS_DOCUMENTS, ids=IDS)
def test_every_row_of_an_auxiliary_sheet_is_excluded_as_auxiliary(company, doc):
    document = read_sample(company, doc["file"])
    auxiliary = [i for i in document.items if i.sheet in doc["auxiliary_sheets"]]
    assert auxiliary
    assert all(i.exclude_reason.startswith("auxiliary schedule:") for i in auxiliary)
    elsewhere = [i for i in document.items if i.sheet not in doc["auxiliary_sheets"]]
    assert not any((i.exclude_reason or "").startswith("auxiliary") for i in elsewhere)


def test_auxiliary_sheets_are_recognised_by_content_not_by_name():
    name = "PSCPL Final Accounts 2024-25.xls"
    book = load_xls((SAMPLES / "pragati-steel-castings" / name).read_bytes(), ReadLimits())
    original = read_workbook(name, book)
    for number, sheet in enumerate(book.sheets, start=1):
        sheet.name = f"Sheet{number}"
    renamed = read_workbook(name, book)
    assert [i.exclude_reason for i in renamed.items] == [i.exclude_reason for i in original.items]
    assert [i.amounts for i in renamed.items] == [i.amounts for i in original.items]


def test_workbook_in_lakhs_converts_exactly_and_keeps_the_trial_balance_in_rupees():
    document = read_sample("pragati-steel-castings", "PSCPL Final Accounts 2024-25.xls")
    by_place = {(i.sheet, i.row, i.column): i for i in document.items}
    raw_materials = by_place[("Notes BS (2)", 15, None)]
    assert raw_materials.amounts == {
        "FY2025": Decimal("9797000.00"),
        "FY2024": Decimal("9258000.00"),
    }
    assert raw_materials.note == "12" and raw_materials.exclude_reason is None
    ledger = by_place[("Trial Balance", 11, "Cr")]
    assert ledger.amounts == {"FY2025": Decimal("944000.00")}


def test_face_lines_itemised_in_a_note_are_excluded_and_others_count():
    document = read_sample("pragati-steel-castings", "PSCPL Final Accounts 2024-25.xls")
    face = {i.label: i for i in document.items if i.sheet in ("BS", "P&L")}
    assert face["(a) Share capital"].exclude_reason == "face total: expanded in note 2"
    assert face["(b) Deferred tax liabilities (net)"].exclude_reason is None
    assert face["Depreciation and amortisation expense"].exclude_reason is None
    assert face["(1) Current tax"].exclude_reason is None
    eps = face["(1) Basic (₹)"]
    assert (eps.printed_unit, eps.amounts["FY2025"]) == ("rupees per share", Decimal("20.42"))


def test_depreciation_schedule_counts_closing_columns_only():
    document = read_sample("pragati-steel-castings", "PSCPL Final Accounts 2024-25.xls")
    buildings = [i for i in document.items if i.sheet == "Co. Deprn" and i.label == "Buildings"]
    counted = [(i.column, i.amounts) for i in buildings if i.exclude_reason is None]
    assert counted == [
        ("Gross block - As at 31.03.2025", {"FY2025": Decimal("10016000.00")}),
        ("Depreciation - Up to 31.03.2025", {"FY2025": Decimal("5123000.00")}),
        ("Gross block - As at 31.03.2024", {"FY2024": Decimal("9689000.00")}),
        ("Depreciation - Up to 31.03.2024", {"FY2024": Decimal("4598000.00")}),
    ]
    assert document.kind == "final_accounts"
    assert (document.statement_year, document.years) == ("FY2025", ["FY2025", "FY2024"])
