"""Which document counts for each year, against every company's ground truth."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.readers import read_document
from pipeline.readers.amounts import fy_key
from pipeline.readers.document import ExtractedDocument, ExtractedItem, ReadLimits
from pipeline.readers.years import (
    assign_year_sources,
    comparative_only_years,
    counts_for,
    other_sources,
)
from tests.groundtruth import SAMPLES, companies, load, match_items

KINDS = {"tb_csv": "trial_balance", "tally_h": "tally", "final_xls": "final_accounts"}
SPREADSHEET_COMPANIES = [
    c for c in companies() if not any(d["file"].endswith(".pdf") for d in load(c)["documents"])
]
PDF_COMPANIES = [c for c in companies() if c not in SPREADSHEET_COMPANIES]


def expected_sources(truth: dict) -> dict[str, str]:
    return {year: source["file"] for year, source in truth["year_sources"].items()}


def documents_from_truth(truth: dict) -> list[ExtractedDocument]:
    """The documents as a perfect reader would hand them over (no reader involved)."""
    documents = []
    for doc in truth["documents"]:
        items = [
            ExtractedItem(
                label=item["label"],
                amounts={y: Decimal(v) for y, v in item["amounts"].items()},
                section=item["section"],
                page=item.get("page"),
                sheet=item.get("sheet"),
                row=item.get("row"),
            )
            for item in truth["line_items"]
            if item["file"] == doc["file"]
        ]
        years = [fy_key(year) for year in doc["years_shown"]]
        kind = KINDS.get(doc["kind"], doc["kind"])
        documents.append(ExtractedDocument(doc["file"], kind, fy_key(doc["year"]), years, items))
    return documents


@pytest.mark.parametrize("company", companies())
def test_year_sources_and_counts_for_follow_the_later_document(company):
    truth = load(company)
    documents = documents_from_truth(truth)
    sources = assign_year_sources(documents)
    assert sources == expected_sources(truth)
    by_file = {document.file_name: document for document in documents}
    expected = [item["counts_for"] for item in truth["line_items"]]
    got = [
        counts_for(item, by_file[document.file_name], sources)
        for document in documents
        for item in document.items
    ]
    assert sorted(map(tuple, got)) == sorted(map(tuple, expected))


def read_all(company: str) -> list[ExtractedDocument]:
    return [
        read_document(d["file"], (SAMPLES / company / d["file"]).read_bytes(), ReadLimits())
        for d in load(company)["documents"]
    ]


def assert_counts_match_truth(company: str, documents: list[ExtractedDocument]) -> None:
    truth = load(company)
    sources = assign_year_sources(documents)
    assert sources == expected_sources(truth)
    for document in documents:
        expected = [i for i in truth["line_items"] if i["file"] == document.file_name]
        match = match_items(document.items, expected)
        wrong = [
            (gt["label"], gt["counts_for"], counts_for(item, document, sources))
            for gt, item in match.matched
            if counts_for(item, document, sources) != gt["counts_for"]
        ]
        assert wrong == []


@pytest.mark.parametrize("company", SPREADSHEET_COMPANIES)
def test_counts_for_of_read_spreadsheets_matches_the_ground_truth(company):
    assert_counts_match_truth(company, read_all(company))


@pytest.mark.parametrize("company", PDF_COMPANIES)
def test_counts_for_of_read_pdfs_matches_the_ground_truth(company):
    pytest.importorskip("pipeline.readers.pdf")
    assert_counts_match_truth(company, read_all(company))


def test_the_winning_item_records_what_the_earlier_document_printed():
    documents = read_all("pragati-steel-castings")
    sources = assign_year_sources(documents)
    later = next(d for d in documents if d.file_name.endswith("2024-25.xls"))
    raw = next(i for i in later.items if i.sheet == "Notes BS (2)" and i.label == "Raw materials")
    assert counts_for(raw, later, sources) == ["FY2024", "FY2025"]
    recorded = other_sources(raw, later, documents, sources)
    assert recorded == [
        {
            "file": "PSCPL Final Accounts 2023-24.xls",
            "year": "FY2024",
            "amount": "9258448.00",
            "sheet": "Notes BS (2)",
            "row": 15,
            "differs": True,
        }
    ]


def test_an_item_that_counts_for_no_year_records_no_other_source():
    documents = read_all("pragati-steel-castings")
    sources = assign_year_sources(documents)
    earliest = next(d for d in documents if d.file_name.endswith("2022-23.xls"))
    item = next(i for i in earliest.items if i.label == "Raw materials")
    assert counts_for(item, earliest, sources) == []
    assert other_sources(item, earliest, documents, sources) == []


def document(name: str, kind: str, year: str, years: list[str]) -> ExtractedDocument:
    item = ExtractedItem("Cash", {y: Decimal(1) for y in years}, section="Cash")
    return ExtractedDocument(name, kind, year, years, [item])


def test_a_statement_beats_a_trial_balance_of_the_same_year_whatever_the_order():
    statement = document("BS 2024-25.pdf", "schedule_iii", "FY2025", ["FY2025", "FY2024"])
    ledgers = document("TB 2024-25.csv", "trial_balance", "FY2025", ["FY2025"])
    expected = {"FY2024": "BS 2024-25.pdf", "FY2025": "BS 2024-25.pdf"}
    assert assign_year_sources([ledgers, statement]) == expected
    assert assign_year_sources([statement, ledgers]) == expected


def test_a_single_years_statement_counts_its_comparative_column():
    documents = [document("FS 2024-25.pdf", "schedule_iii", "FY2025", ["FY2025", "FY2024"])]
    assert assign_year_sources(documents) == {
        "FY2024": "FS 2024-25.pdf",
        "FY2025": "FS 2024-25.pdf",
    }
    assert comparative_only_years(documents) == []


def test_the_year_before_the_earliest_statement_counts_only_when_asked_for():
    documents = [
        document("FS 2023-24.pdf", "schedule_iii", "FY2024", ["FY2024", "FY2023"]),
        document("FS 2024-25.pdf", "schedule_iii", "FY2025", ["FY2025", "FY2024"]),
    ]
    assert sorted(assign_year_sources(documents)) == ["FY2024", "FY2025"]
    assert comparative_only_years(documents) == ["FY2023"]
    asked = assign_year_sources(documents, wanted=["FY2023", "FY2024", "FY2025"])
    assert asked["FY2023"] == "FS 2023-24.pdf"
