"""An independent engine (LibreOffice) recalculates the workbook's formulas and finds
every computed cell equal to the JSON export."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.build import build_cma
from pipeline.cma.checks import check_cma
from pipeline.cma.export import cma_document
from pipeline.cma.rows import AMOUNT
from pipeline.cma.workbook import ALL_ROWS, FIRST_COLUMN, FIRST_ROW, SHEETS, build_workbook
from tests.pipeline.cma.recalc import recalculate, soffice
from tests.pipeline.cma.samples import BAD_DRAFT, inputs, load, load_path

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        soffice() is None,
        reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)",
    ),
]


def _mismatches(recalculated, document: dict, unit: Decimal) -> tuple[int, list[str]]:
    workbook = load_workbook(recalculated, data_only=True)
    years = [year["key"] for year in document["years"]]
    figures = document["rows"] | document["assessment"]
    checked, wrong = 0, []
    for spec in SHEETS:
        ws = workbook[spec.title]
        for row in range(FIRST_ROW, ws.max_row + 1):
            key = ws.cell(row=row, column=3).value
            if key not in ALL_ROWS:
                continue
            for index, year in enumerate(years):
                got = ws.cell(row=row, column=FIRST_COLUMN + index).value
                checked += 1
                if not _same(got, figures[key][year], ALL_ROWS[key].kind, unit):
                    wrong.append(f"{spec.title}!{key} {year}: {got!r} vs {figures[key][year]}")
    return checked, wrong


def _same(got, expected, kind: str, unit: Decimal) -> bool:
    if expected is None:
        return got in (None, "")
    if not isinstance(got, int | float):
        return False
    if kind == AMOUNT:
        # The sheet holds lakhs; a paisa is the JSON's resolution.
        return abs(Decimal(str(got)) * unit - Decimal(str(expected))) <= Decimal("0.006")
    places = Decimal("0.00005") if kind == "ratio" else Decimal("0.005")
    return abs(Decimal(str(got)) - Decimal(str(expected))) <= places + Decimal("1e-9")


# A proprietor whose bank borrowings balance the sheet and who brings in capital: the
# balancing formula on the liabilities side and a constant amount scaled to lakhs.
BANK_BALANCES = {
    "balancing_row": "bank_borrowings_wc",
    "capital_introduced": {"FY2027": "250000.50"},
    "capex": 1500000,
}


@pytest.mark.parametrize(
    ("company", "unit", "assumptions"),
    [
        ("gupta-electricals", "lakhs", {}),
        ("shree-ganesh-polymers", "crores", {}),
        ("bharat-engineering-works", "rupees", {}),
        ("sri-balaji-roadlines", "lakhs", BANK_BALANCES),
        ("_bad", "lakhs", {}),
    ],
)
def test_recalculated_workbook_equals_the_json(company, unit, assumptions, tmp_path):
    truth = load_path(BAD_DRAFT) if company == "_bad" else load(company)
    stated = Assumptions.from_dict(assumptions)
    cma = build_cma(**inputs(truth, display_unit=unit, assumptions=stated))
    findings = check_cma(cma)
    recalculated = recalculate(build_workbook(cma, findings), tmp_path)
    checked, wrong = _mismatches(
        recalculated, cma_document(cma, findings), Decimal(10) ** cma.project.unit_digits
    )
    assert wrong == []
    assert checked >= len(ALL_ROWS) * len(cma.years)
