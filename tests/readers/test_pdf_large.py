"""The 200-page statement: its statement items exactly, and never an annexure row."""

from __future__ import annotations

import json
from functools import cache

import pytest

from pipeline.readers import pdf_pages
from pipeline.readers.document import ExtractedDocument, ReaderError, ReadLimits
from pipeline.readers.pdf import read_pdf
from pipeline.readers.pdf_pages import read_pages
from pipeline.readers.pdf_parse import parse_pages
from pipeline.readers.pdf_structure import finish
from pipeline.readers.pdf_survey import survey
from tests.groundtruth import SAMPLES, exclusion_errors, match_items

LARGE = SAMPLES / "_large"
FILE = LARGE / "Shree Ganesh Polymers - FS FY2024-25 with annexures.pdf"
FIRST_ANNEXURE_PAGE = 11


@cache
def _truth() -> dict:
    return json.loads((LARGE / "ground_truth.json").read_text())


@cache
def _document() -> ExtractedDocument:
    return read_pdf(FILE.name, FILE.read_bytes(), ReadLimits())


def _annexure_pages() -> set[int]:
    return {
        page
        for annexure in _truth()["annexures"]
        for page in range(annexure["pages"][0], annexure["pages"][1] + 1)
    }


def test_the_statement_items_of_the_long_file_are_read_exactly():
    match = match_items(_document().items, _truth()["line_items"])
    assert match.missing == []
    assert match.extra == []
    assert exclusion_errors(match) == ([], [])


def test_no_annexure_row_is_read_and_the_ca_is_told_which_pages_were_left_out():
    document = _document()
    assert not {item.page for item in document.items} & _annexure_pages()
    assert "pages 11-199" in " ".join(document.warnings)
    assert document.pages == 200


def test_the_survey_finds_every_annexure_page_and_no_scan():
    found = survey(FILE.read_bytes(), None, 200)
    assert found is not None
    assert set(found.annexures) == _annexure_pages()
    assert found.textless == []


def test_read_in_worker_processes_the_pages_are_the_same_as_in_one():
    numbers = list(range(1, 17))
    data = FILE.read_bytes()
    assert read_pages(data, None, numbers, workers=2) == read_pages(data, None, numbers, workers=1)


def test_read_without_the_survey_annexure_rows_are_still_not_counted():
    """The walker itself stops at an annexure heading: pages 11-24 give nothing."""
    pages = read_pages(FILE.read_bytes(), None, list(range(1, 25)), workers=2)
    items = finish(parse_pages(pages).drafts)
    assert {item.page for item in items} <= set(range(1, FIRST_ANNEXURE_PAGE))
    statement = [i for i in _document().items if i.page < FIRST_ANNEXURE_PAGE]
    assert [(i.page, i.label, i.amounts, i.exclude_reason) for i in items] == [
        (i.page, i.label, i.amounts, i.exclude_reason) for i in statement
    ]


def test_a_page_that_cannot_be_read_in_a_worker_fails_the_file_with_a_clear_error(monkeypatch):
    read_page = pdf_pages._read_page

    def damaged_page_13(pdf, number):
        if number == 13:
            raise pdf_pages.damaged_pdf(" (page 13 could not be read)")
        return read_page(pdf, number)

    monkeypatch.setattr(pdf_pages, "_read_page", damaged_page_13)  # forked workers inherit it
    with pytest.raises(ReaderError) as caught:
        read_pages(FILE.read_bytes(), None, list(range(1, 17)), workers=2)
    assert caught.value.code == "corrupt_pdf"
    assert "page 13" in caught.value.message
