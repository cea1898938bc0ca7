"""The JSON export keeps the keys of docs/spec/cma-json.md exactly."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.cma.assessment import ASSESSMENT_KEYS
from pipeline.cma.build import build_cma
from pipeline.cma.checks import check_cma
from pipeline.cma.export import cma_document, dumps
from pipeline.cma.rows import AMOUNT, ROWS
from tests.pipeline.cma.samples import BAD_DRAFT, inputs, load, load_path


@pytest.fixture(scope="module")
def pragati():
    cma = build_cma(**inputs(load("pragati-steel-castings"), id="p-1", firm="Rao & Reddy"))
    return cma, json.loads(dumps(cma, check_cma(cma)))


def test_document_has_the_spec_keys_and_schema(pragati):
    _, document = pragati
    assert list(document) == [
        "schema", "project", "years", "rows", "assessment", "line_items", "validation",
        "form_i", "drawing_power", "assumptions", "bank_queries",  # additions
    ]  # fmt: skip
    assert document["schema"] == "cma/1"
    assert document["project"] == {
        "id": "p-1",
        "company": "Pragati Steel Castings Private Limited",
        "firm": "Rao & Reddy",
        "unit": "lakhs",  # an addition: the workbook's unit, chosen by size
    }
    assert document["years"][0] == {"key": "FY2023", "ends": "2023-03-31", "kind": "audited"}
    assert document["years"][3]["kind"] == "estimated"


def test_every_row_has_every_year_and_inputs_are_zero_where_nothing_maps(pragati):
    _, document = pragati
    years = [year["key"] for year in document["years"]]
    assert list(document["rows"]) == [row.key for row in ROWS]
    assert all(list(by_year) == years for by_year in document["rows"].values())
    assert document["rows"]["preference_shares"] == dict.fromkeys(years, 0.0)
    assert list(document["assessment"]) == list(ASSESSMENT_KEYS)


def test_amounts_are_numbers_with_at_most_two_decimals(pragati):
    cma, document = pragati
    amounts = [
        json.dumps(value)
        for row in ROWS
        if row.kind == AMOUNT
        for value in document["rows"][row.key].values()
    ]
    assert all(re.fullmatch(r"-?\d+(\.\d{1,2})?", text) for text in amounts)
    assert document["rows"]["net_sales"]["FY2025"] == float(cma.value("net_sales", "FY2025"))


def test_ratios_keep_four_decimals(pragati):
    cma, document = pragati
    ratio = document["rows"]["current_ratio"]["FY2024"]
    assert ratio == round(float(cma.value("current_ratio", "FY2024")), 4)
    assert document["rows"]["net_sales_growth_pct"]["FY2023"] is None


def test_line_items_carry_source_decision_and_exclusion_reason(pragati):
    cma, document = pragati
    assert len(document["line_items"]) == len(cma.line_items)
    counted = next(i for i in document["line_items"] if i["cma_key"])
    assert set(counted) == {"id", "file", "page", "sheet", "section", "note", "label",
                            "amounts", "cma_key", "sign", "confidence", "decision"}  # fmt: skip
    excluded = next(i for i in document["line_items"] if not i["cma_key"])
    assert excluded["decision"] == "excluded"
    assert excluded["exclude_reason"]


def test_validation_lists_the_findings():
    cma = build_cma(**inputs(load_path(BAD_DRAFT)))
    document = cma_document(cma, check_cma(cma))
    assert {
        "level": "error",
        "code": "balance_sheet_mismatch",
        "year": "FY2025",
        "message": document["validation"][0]["message"],
    } in document["validation"]
    assert "₹10,000.00" in document["validation"][0]["message"]
