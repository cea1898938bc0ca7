"""Every sample PDF against its ground truth: all items, nothing else, the same exclusions."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

import pytest

from pipeline.readers.document import ExtractedDocument, ReadLimits
from pipeline.readers.pdf import read_pdf
from tests.groundtruth import (
    SAMPLES,
    companies,
    exclusion_errors,
    is_structural,
    load,
    match_items,
)

DRAFT = "Draft financial statements FY 2024-25"


@cache
def _truth(folder: str) -> dict:
    if folder == "_bad":
        return json.loads((SAMPLES / "_bad" / f"{DRAFT}.ground_truth.json").read_text())
    return load(folder)


def _pdfs() -> list[tuple[str, str]]:
    found = [
        (company, name)
        for company in companies()
        for name in sorted({item["file"] for item in load(company)["line_items"]})
        if name.endswith(".pdf")
    ]
    return [*found, ("_bad", f"{DRAFT}.pdf")]


PDFS = _pdfs()


@cache
def _read(folder: str, name: str) -> ExtractedDocument:
    return read_pdf(name, (SAMPLES / folder / name).read_bytes(), ReadLimits())


def _match(folder: str, name: str):
    truth = [item for item in _truth(folder)["line_items"] if item["file"] == name]
    return match_items(_read(folder, name).items, truth)


def _describe(items) -> list[str]:
    return [
        f"p{i['page']} {i['label']!r} {i['amounts']}"
        if isinstance(i, dict)
        else f"p{i.page} {i.label!r} {i.amounts}"
        for i in items
    ]


def test_every_sample_company_with_pdfs_is_covered():
    assert {folder for folder, _ in PDFS} >= {
        "shree-ganesh-polymers",
        "mehta-agri-commodities",
        "sri-balaji-roadlines",
        "bharat-engineering-works",
        "gupta-electricals",
        "_bad",
    }


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_every_ground_truth_item_is_read_with_its_amount_in_every_year(folder, name):
    match = _match(folder, name)
    assert _describe(match.missing) == []


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_nothing_is_read_that_the_statement_does_not_print_as_an_item(folder, name):
    match = _match(folder, name)
    assert _describe(match.extra) == []


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_totals_face_lines_and_memo_columns_are_excluded_as_the_ground_truth_does(folder, name):
    should_exclude, should_count = exclusion_errors(_match(folder, name))
    assert [(gt["label"], gt["exclude_reason"]) for gt, _ in should_exclude] == []
    assert [(gt["label"], item.exclude_reason) for gt, item in should_count] == []


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_rows_the_classifier_decides_on_carry_no_exclusion_from_the_reader(folder, name):
    wrongly = [
        (gt["label"], item.exclude_reason)
        for gt, item in _match(folder, name).matched
        if not is_structural(gt.get("exclude_reason")) and item.exclude_reason
    ]
    assert wrongly == []


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_structural_exclusions_give_the_ground_truths_kind_of_reason(folder, name):
    differing = [
        (gt["label"], gt["exclude_reason"], item.exclude_reason)
        for gt, item in _match(folder, name).matched
        if is_structural(gt.get("exclude_reason"))
        and gt["exclude_reason"].split(":")[0] != (item.exclude_reason or "").split(":")[0]
    ]
    assert differing == []


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_side_column_table_and_printed_unit_are_the_ground_truths(folder, name):
    differing = [
        (gt["label"], field, gt.get(field), getattr(item, field))
        for gt, item in _match(folder, name).matched
        for field in ("side", "column", "table", "printed_unit")
        if (gt.get(field) or None) != getattr(item, field)
    ]
    assert differing == []


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_years_are_the_columns_shown_and_the_statement_year_is_the_latest(folder, name):
    document = _read(folder, name)
    expected = sorted(
        {
            year
            for item in _truth(folder)["line_items"]
            if item["file"] == name
            for year in item["amounts"]
        },
        reverse=True,
    )
    assert document.years == expected
    assert document.statement_year == expected[0]


@pytest.mark.parametrize(("folder", "name"), [p for p in PDFS if p[0] != "_bad"])
def test_every_page_is_read_in_the_unit_its_header_states(folder, name):
    meta = next(d for d in _truth(folder)["documents"] if d["file"] == name)
    units = _read(folder, name).units
    assert set(units.values()) == {Decimal(meta["rupees_per_unit"])}
    assert len(units) == meta["pages"]


@pytest.mark.parametrize(("folder", "name"), PDFS)
def test_a_clean_statement_reads_without_warnings(folder, name):
    assert _read(folder, name).warnings == []


def test_a_statement_in_lakhs_is_converted_to_rupees_exactly():
    document = _read("mehta-agri-commodities", "MACPL_FS_2024-25.pdf")
    share_capital = next(i for i in document.items if i.label == "(a) Share capital")
    assert share_capital.amounts == {
        "FY2025": Decimal("10000000.00"),
        "FY2024": Decimal("10000000.00"),
    }


def test_earnings_per_share_stay_as_printed_in_rupees_per_share():
    document = _read("mehta-agri-commodities", "MACPL_FS_2024-25.pdf")
    basic = next(i for i in document.items if i.label.startswith("(1) Basic"))
    assert basic.amounts["FY2025"] == Decimal("18.75")
    assert basic.printed_unit == "rupees per share"
    assert basic.exclude_reason


def test_schedule_iii_items_carry_their_statement_note_and_provenance():
    document = _read("shree-ganesh-polymers", "Audited Financial Statements FY 2024-25.pdf")
    by_label = {item.label: item for item in document.items}
    receivables = by_label["(b) Trade receivables"]
    assert (receivables.statement, receivables.note, receivables.page) == ("balance_sheet", "14", 1)
    assert receivables.exclude_reason == "face total: expanded in note 14"
    wages = by_label["Wages"]
    assert (wages.statement, wages.note, wages.section) == (
        "profit_and_loss",
        "22",
        "Employee benefits expense",
    )
    assert wages.row and wages.page == 9
    assert document.kind == "schedule_iii"


def test_t_format_lines_give_one_item_per_side_with_their_account():
    document = _read("bharat-engineering-works", "BEW Final Accounts 2024-25.pdf")
    row = [i for i in document.items if i.page == 2 and i.label.endswith("Raw materials")]
    assert [(i.label, i.side, i.statement) for i in row] == [  # under "Manufacturing Account"
        ("To Opening Stock of Raw materials", "Dr", "manufacturing"),
        ("By Closing Stock of Raw materials", "Cr", "manufacturing"),
    ]
    assert row[0].row == row[1].row
    drawings = next(i for i in document.items if i.label == "To Drawings")
    assert drawings.section == "Schedule A: Harish Patel - Capital Account"
    assert document.kind == "tformat"


def test_a_balance_sheet_that_does_not_tie_is_read_as_printed():
    document = _read("_bad", f"{DRAFT}.pdf")
    totals = [i.amounts["FY2025"] for i in document.items if i.label == "TOTAL"]
    assert totals[1] - totals[0] == Decimal("10000.00")
