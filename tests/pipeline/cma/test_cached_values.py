"""Every formula cell stores its value: a reader that does not calculate (a mail
preview, a phone viewer, openpyxl with data_only=True) shows the JSON's figures,
and the cell is still a live formula."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.cached_values import store_values
from pipeline.cma.export import cma_document
from pipeline.cma.workbook import ALL_ROWS, build_workbook
from tests.pipeline.cma.sheet_figures import CASES, case_cma, mismatches


@pytest.mark.parametrize(("company", "unit", "assumptions"), CASES)
def test_stored_values_equal_the_json_without_recalculating(company, unit, assumptions):
    cma, findings = case_cma(company, unit, assumptions)
    xlsx = build_workbook(cma, findings)
    checked, wrong = mismatches(
        BytesIO(xlsx), cma_document(cma, findings), Decimal(10) ** cma.project.unit_digits
    )
    assert wrong == []
    assert checked >= len(ALL_ROWS) * len(cma.years)


def test_every_formula_cell_stores_a_value_and_stays_a_formula():
    cma, findings = case_cma("gupta-electricals", "lakhs", {})
    xlsx = build_workbook(cma, findings)
    with zipfile.ZipFile(BytesIO(xlsx)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if "worksheets/" in n]
    assert sum(xml.count("</f>") for xml in sheets) > 600
    assert not any(re.search(r"</f><v\s*/>", xml) for xml in sheets)
    ws = load_workbook(BytesIO(xlsx))["Form V"]
    assert sum(cell.data_type == "f" for row in ws.iter_rows() for cell in row) > 50


def test_a_value_for_a_cell_without_formula_is_refused():
    cma, findings = case_cma("gupta-electricals", "lakhs", {})
    with pytest.raises(ValueError, match="Form II: no formula in A1"):
        store_values(build_workbook(cma, findings), {"Form II": {"A1": Decimal(1)}})
