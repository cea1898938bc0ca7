"""Defaults a credit officer accepts when the CA states nothing: every projected balance
sheet ties, creditors of a services firm do not vanish, bank finance (and so MPBF)
moves with the business, drawings go on, and absurd figures are warnings."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.build import build_cma
from pipeline.cma.checks import check_cma
from pipeline.cma.export import cma_document
from pipeline.cma.workbook import build_workbook
from tests.pipeline.cma.samples import companies, inputs, load
from tests.pipeline.cma.synthetic import cma_from, figures


def _projected(cma):
    return cma.year_keys[len(cma.actual_years) :]


@pytest.mark.parametrize("company", companies())
def test_every_projected_balance_sheet_ties(company):
    cma = build_cma(**inputs(load(company)))
    for year in _projected(cma):
        assert cma.value("total_assets", year) == cma.value("total_liabilities", year), year


def test_a_services_firms_creditors_grow_with_sales_instead_of_vanishing():
    cma = build_cma(**inputs(load("sri-balaji-roadlines")))  # a transporter: no purchases
    last = cma.actual_years[-1]
    for year in _projected(cma):
        assert cma.value("sundry_creditors", year) > cma.value("sundry_creditors", last)
        assert cma.value("current_ratio", year) < 10  # 14.88 when creditors fell to nil
    used = {a.name: a for a in cma.assumptions}
    assert "creditors grow with net sales" in used["creditors_months"].source


def test_bank_finance_and_mpbf_move_with_the_business_and_drawings_go_on():
    cma = build_cma(**inputs(load("gupta-electricals")))  # a proprietor who draws
    projected = _projected(cma)
    for key in ("bank_borrowings_wc", "mpbf_method2"):
        values = [cma.value(key, year) for year in projected]
        assert len(set(values)) == len(values), key
    assert all(cma.value("dividend", year) > 0 for year in projected)
    used = {a.name: a for a in cma.assumptions}
    assert "grown with net sales" in used["bank_borrowings_wc"].value


def test_an_implied_interest_rate_outside_six_to_eighteen_percent_is_a_warning():
    # Term loans of 10,00,000 and interest of 10,000: 1 % a year, no bank charges that.
    low = figures(
        FY2025={"term_loans": 1_000_000, "interest": 10_000, "cash_bank": 1_150_000},
        FY2024={"term_loans": 1_000_000, "cash_bank": 1_100_000},
    )
    (finding,) = [f for f in check_cma(cma_from(low)) if f.code == "implied_interest_rate"]
    assert finding.level == "warning" and "1.00 %" in finding.message
    stated = cma_from(low, assumptions=Assumptions.from_dict({"interest_rate_pct": 10}))
    assert not [f for f in check_cma(stated) if f.code == "implied_interest_rate"]


def test_dscr_reads_na_without_term_debt_and_warns_when_absurd():
    cma = cma_from(figures())  # no term debt at all
    assert cma_document(cma)["assessment"]["dscr"]["FY2025"] is None
    ratios = load_workbook(BytesIO(build_workbook(cma)), data_only=True)["Ratios"]
    assert "n/a" in [cell.value for row in ratios.iter_rows() for cell in row]
    gupta = build_cma(**inputs(load("gupta-electricals")))
    absurd = [f for f in check_cma(gupta) if f.code == "dscr_absurd"]
    assert absurd and all(f.level == "warning" for f in absurd)
    assert "DSCR of 24.16 in FY2023" in absurd[0].message
