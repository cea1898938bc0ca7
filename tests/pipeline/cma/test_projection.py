"""Estimated and projected years follow the CA's assumptions and always balance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.build import build_cma
from pipeline.cma.money import to_paisa
from tests.pipeline.cma.samples import inputs, load

D = Decimal


def shree(assumptions: dict | None = None, **fields):
    truth = load("shree-ganesh-polymers")
    return build_cma(**inputs(truth, assumptions=Assumptions.from_dict(assumptions), **fields))


def test_years_are_the_audited_ones_an_estimated_one_and_three_projected():
    cma = shree()
    assert [(y.key, y.kind) for y in cma.years] == [
        ("FY2023", "audited"),
        ("FY2024", "audited"),
        ("FY2025", "audited"),
        ("FY2026", "estimated"),
        ("FY2027", "projected"),
        ("FY2028", "projected"),
        ("FY2029", "projected"),
    ]
    assert cma.years[-1].ends == date(2029, 3, 31)


def test_number_of_projected_years_is_configurable():
    assert shree(projected_years=5).year_keys[-1] == "FY2031"
    assert shree(projected_years=0).year_keys[-1] == "FY2026"


def test_stated_growth_and_holding_levels_drive_the_projection():
    cma = shree({"sales_growth_pct": 10, "rm_months": 2, "receivables_months": "2.5"})
    for year in ("FY2026", "FY2027"):
        assert to_paisa(cma.value("net_sales_growth_pct", year)) == D("10.00")
        assert to_paisa(cma.value("rm_holding_months", year)) == D("2.00")
        assert to_paisa(cma.value("receivables_months", year)) == D("2.50")


def test_stated_gross_margin_sets_cost_of_sales():
    cma = shree({"gross_margin_pct": 20})
    for year in ("FY2026", "FY2029"):
        expected = to_paisa(cma.value("net_sales", year) * D("0.80"))
        assert cma.value("cost_of_sales", year) == expected


def test_retained_profit_rolls_into_the_surplus_of_a_company():
    cma = shree()
    for previous, year in (("FY2025", "FY2026"), ("FY2026", "FY2027")):
        rolled = cma.value("pl_surplus", previous) + cma.value("retained_profit", year)
        assert cma.value("pl_surplus", year) == rolled


def test_retained_profit_and_fresh_capital_roll_into_a_proprietors_capital():
    truth = load("sri-balaji-roadlines")
    assumptions = Assumptions.from_dict({"capital_introduced": {"FY2027": 500000}})
    cma = build_cma(**inputs(truth, assumptions=assumptions))
    assert cma.value("pl_surplus", "FY2027") == 0
    expected = (
        cma.value("share_capital", "FY2026") + cma.value("retained_profit", "FY2027") + 500000
    )
    assert cma.value("share_capital", "FY2027") == expected


def test_cash_absorbs_the_difference_by_default_and_bank_borrowing_is_held():
    cma = shree({"bank_borrowings_wc": 9000000})
    assert cma.balancing_row == "cash_bank"
    assert ("cash_bank", "FY2027") in cma.formulas
    assert cma.value("bank_borrowings_wc", "FY2027") == D(9000000)
    for year in cma.year_keys:
        assert cma.value("total_assets", year) == cma.value("total_liabilities", year)


def test_bank_borrowings_absorb_the_difference_when_the_ca_says_so():
    cma = shree({"balancing_row": "bank_borrowings_wc", "cash_bank": 2500000})
    assert ("bank_borrowings_wc", "FY2028") in cma.formulas
    assert ("cash_bank", "FY2028") not in cma.formulas
    assert cma.value("cash_bank", "FY2028") == D(2500000)
    for year in cma.year_keys:
        assert cma.value("total_assets", year) == cma.value("total_liabilities", year)


def test_capital_expenditure_and_term_loans_move_the_blocks_and_the_debt():
    cma = shree({"capex": {"FY2026": 10000000}, "new_term_loans": {"FY2026": 8000000}})
    before = shree()
    gross = cma.value("gross_block", "FY2026") - before.value("gross_block", "FY2026")
    assert gross == D(10000000)
    debt = lambda c: c.value("term_loans", "FY2026") + c.value("current_maturities_ltd", "FY2026")  # noqa: E731
    assert debt(cma) - debt(before) == D(8000000)


def test_a_written_down_value_block_loses_its_depreciation():
    cma = build_cma(**inputs(load("sri-balaji-roadlines")))
    for previous, year in (("FY2025", "FY2026"), ("FY2026", "FY2027")):
        assert cma.value("accumulated_depreciation", year) == 0
        fallen = cma.value("gross_block", previous) - cma.value("depreciation", year)
        assert cma.value("gross_block", year) == fallen


def test_the_cover_says_which_assumptions_came_from_the_ca():
    cma = shree({"sales_growth_pct": 10})
    sources = {used.name: used.source for used in cma.assumptions}
    assert sources["sales_growth_pct"] == "CA"
    assert sources["gross_margin_pct"] == "trend: FY2025"
    assert "cash_bank" not in sources  # the balancing row is computed, not assumed
