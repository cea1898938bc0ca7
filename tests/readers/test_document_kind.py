"""Every upload is recognised as what it is, by its content (pattern 10 of issue 11)."""

from __future__ import annotations

import pytest

from pipeline.readers.document_kind import OTHER, STATEMENT, classify
from tests.groundtruth import SAMPLES
from tests.readers.document_kind_fixtures import documents, xlsx_of
from tests.readers.test_pdf_layouts import Page, make_pdf

DOCUMENTS = documents()


@pytest.mark.parametrize(
    ("kind", "name", "data"), DOCUMENTS, ids=[name for _, name, _ in DOCUMENTS]
)
def test_each_document_of_the_pack_is_recognised_by_its_content(kind, name, data):
    found = classify(name, data)
    assert found.kind == kind, found.why


def test_text_with_no_sign_of_any_kind_is_other_and_a_scan_without_text_a_statement():
    assert (
        classify("orders.xlsx", xlsx_of([["Orders in hand"], ["L&T", "45,00,000"]])).kind == OTHER
    )
    assert classify("scan.pdf", make_pdf([Page()])).kind == STATEMENT


def test_the_file_name_does_not_decide_the_kind():
    _, _, data = next(d for d in DOCUMENTS if d[1] == "tax_audit_report-2.xlsx")
    assert classify("balance sheet 2025.xlsx", data).kind == "tax_audit_report"


SAMPLE_FILES = sorted(
    p for p in SAMPLES.rglob("*") if p.suffix.lower() in {".xlsx", ".xls", ".pdf", ".csv"}
)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_every_sample_statement_stays_a_statement(path):
    found = classify(path.name, path.read_bytes())
    assert found.kind == STATEMENT, found.why
