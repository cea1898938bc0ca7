"""Compare the figures a workbook shows (as stored, never recalculated by openpyxl)
with the JSON export."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.build import build_cma
from pipeline.cma.checks import check_cma
from pipeline.cma.model import Cma, Finding
from pipeline.cma.rows import AMOUNT
from pipeline.cma.workbook import ALL_ROWS, FIRST_COLUMN, SHEETS, row_keys
from tests.pipeline.cma.samples import BAD_DRAFT, inputs, load, load_path

# A proprietor whose bank borrowings balance the sheet and who brings in capital: the
# balancing formula on the liabilities side and a constant amount scaled to lakhs.
BANK_BALANCES = {
    "balancing_row": "bank_borrowings_wc",
    "capital_introduced": {"FY2027": "250000.50"},
    "capex": 1500000,
}


CASES = [
    ("gupta-electricals", "lakhs", {}),
    ("shree-ganesh-polymers", "crores", {}),
    ("bharat-engineering-works", "rupees", {}),
    ("sri-balaji-roadlines", "lakhs", BANK_BALANCES),
    ("_bad", "lakhs", {}),
]


def case_cma(company: str, unit: str, assumptions: dict) -> tuple[Cma, list[Finding]]:
    truth = load_path(BAD_DRAFT) if company == "_bad" else load(company)
    stated = Assumptions.from_dict(assumptions)
    cma = build_cma(**inputs(truth, display_unit=unit, assumptions=stated))
    return cma, check_cma(cma)


def mismatches(source, document: dict, unit: Decimal) -> tuple[int, list[str]]:
    """How many figure cells were compared, and those that differ from the JSON."""
    workbook = load_workbook(source, data_only=True)
    years = [year["key"] for year in document["years"]]
    figures = document["rows"] | document["assessment"]
    checked, wrong = 0, []
    for spec in SHEETS:
        ws = workbook[spec.title]
        for row, key in row_keys(spec).items():
            for index, year in enumerate(years):
                got = ws.cell(row=row, column=FIRST_COLUMN + index).value
                checked += 1
                if not _same(got, figures[key][year], ALL_ROWS[key].kind, unit):
                    wrong.append(f"{spec.title}!{key} {year}: {got!r} vs {figures[key][year]}")
    return checked, wrong


def _same(got, expected, kind: str, unit: Decimal) -> bool:
    if expected is None:
        return got in (None, "", "n/a")
    if not isinstance(got, int | float):
        return False
    if kind == AMOUNT:
        # The sheet holds lakhs; a paisa is the JSON's resolution.
        return abs(Decimal(str(got)) * unit - Decimal(str(expected))) <= Decimal("0.006")
    places = Decimal("0.00005") if kind == "ratio" else Decimal("0.005")
    return abs(Decimal(str(got)) - Decimal(str(expected))) <= places + Decimal("1e-9")
