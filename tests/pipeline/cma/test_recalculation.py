"""An independent engine (LibreOffice) recalculates the workbook's formulas and finds
every computed cell equal to the JSON export."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.cma.export import cma_document
from pipeline.cma.workbook import ALL_ROWS, build_workbook
from tests.pipeline.cma.recalc import recalculate, soffice
from tests.pipeline.cma.sheet_figures import CASES, case_cma, mismatches

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        soffice() is None,
        reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)",
    ),
]


@pytest.mark.parametrize(("company", "unit", "assumptions"), CASES)
def test_recalculated_workbook_equals_the_json(company, unit, assumptions, tmp_path):
    cma, findings = case_cma(company, unit, assumptions)
    recalculated = recalculate(build_workbook(cma, findings), tmp_path)
    checked, wrong = mismatches(
        recalculated, cma_document(cma, findings), Decimal(10) ** cma.project.unit_digits
    )
    assert wrong == []
    assert checked >= len(ALL_ROWS) * len(cma.years)
