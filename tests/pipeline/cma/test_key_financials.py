"""The key financials a credit officer reads first, worked by hand on one small year,
checked for consistency on every sample, and the one-page summary."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.build import build_cma
from pipeline.cma.compute import Ledger
from pipeline.cma.export import cma_document
from pipeline.cma.workbook import SUMMARY, build_workbook
from tests.pipeline.cma.samples import companies, inputs, load

D = Decimal


def test_key_financials_of_a_small_manufacturer_worked_by_hand():
    ledger = Ledger(["FY2024", "FY2025"])
    for year, sales in (("FY2024", 8_000_000), ("FY2025", 10_000_000)):
        ledger.set_inputs(year, {
            "sales_domestic": D(sales), "rm_indigenous": D(6_000_000), "depreciation": D(300_000),
            "sga_expenses": D(1_000_000), "interest": D(400_000), "tax": D(200_000),
            "bank_borrowings_wc": D(2_000_000), "sundry_creditors": D(1_000_000),
            "term_loans": D(1_500_000), "current_maturities_ltd": D(500_000),
            "share_capital": D(3_000_000), "investments_noncurrent": D(600_000),
            "receivables_domestic": D(4_000_000), "inventory_rm": D(2_000_000),
            "cash_bank": D(500_000), "gross_block": D(1_000_000),
        })  # fmt: skip
    value = lambda key: ledger.value(key, "FY2025")  # noqa: E731
    # Sales 1,00,00,000 − materials 60,00,000 − depreciation 3,00,000 − SGA 10,00,000
    # = OPBI 27,00,000; EBITDA adds back depreciation: 30,00,000.
    assert value("ebitda") == D(3_000_000)
    # PBT 23,00,000 − tax 2,00,000 = PAT 21,00,000; NCA = PAT + depreciation = 24,00,000.
    assert value("net_cash_accruals") == D(2_400_000)
    # Debt: bank 20,00,000 + instalments 5,00,000 + term loans 15,00,000 = 40,00,000.
    assert value("total_debt") == D(4_000_000)
    assert value("total_debt_nca") == D(4_000_000) / D(2_400_000)
    # Adjusted TNW: 30,00,000 − investments in group concerns 6,00,000.
    assert value("adjusted_tnw") == D(2_400_000)
    # ROCE: (PBT 23,00,000 + interest 4,00,000) / (TNW 30,00,000 + term loans 15,00,000).
    assert value("roce_pct") == D(100) * D(2_700_000) / D(4_500_000)
    # Current assets 65,00,000: bank 20,00,000, other current liabilities 15,00,000.
    assert value("ca_funded_by_bank_pct") == D(100) * D(2_000_000) / D(6_500_000)
    # Net sales grew from 80 to 100 lakhs: 25 %; EBITDA from 10 to 30 lakhs: 200 %.
    assert value("net_sales_growth_pct") == D(25)
    assert value("ebitda_growth_pct") == D(200)
    assert ledger.value("ebitda_growth_pct", "FY2024") is None


@pytest.mark.parametrize("company", companies())
def test_funding_pattern_adds_to_the_current_assets(company):
    cma = build_cma(**inputs(load(company)))
    for year in cma.year_keys:
        parts = [
            cma.value(f"ca_funded_by_{part}_pct", year) for part in ("bank", "other_cl", "nwc")
        ]
        assert abs(sum(parts) - 100) < D("1e-20"), (year, parts)
        nca = cma.value("pat", year) + cma.value("depreciation", year)
        assert cma.value("net_cash_accruals", year) == nca


def test_summary_page_points_at_the_forms_and_json_carries_the_new_keys():
    cma = build_cma(**inputs(load("gupta-electricals")))
    xlsx = build_workbook(cma)
    ws = load_workbook(BytesIO(xlsx))["Summary"]
    formulas = [ws.cell(row, 5).value for row in range(7, 7 + len(SUMMARY))]  # FY2025
    assert formulas[0] == "='Form II'!E11"  # net sales, Form II row 3
    assert all(f.startswith("='") for f in formulas)
    assert ws.page_setup.fitToWidth == 1
    shown = load_workbook(BytesIO(xlsx), data_only=True)["Summary"]
    assert shown.cell(7, 3).value == pytest.approx(float(cma.value("net_sales", "FY2023")) / 1e5)
    assessment = cma_document(cma)["assessment"]
    assert {"ebitda", "net_cash_accruals", "roce_pct", "adjusted_tnw"} <= set(assessment)
