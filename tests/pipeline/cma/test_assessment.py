"""MPBF by each method and the ratios, against examples worked by hand.

The figures are a small manufacturer's, in rupees; each expected value is
worked out in the comments the way a credit officer would on paper.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.cma.compute import Ledger
from pipeline.cma.money import to_ratio

D = Decimal


def one_year(**inputs: int | str) -> Ledger:
    ledger = Ledger(["FY2025"])
    ledger.set_inputs("FY2025", {key: D(value) for key, value in inputs.items()})
    return ledger


# Current assets:  cash 1,00,000 + domestic receivables 12,00,000 + export receivables
# 2,00,000 + raw materials 5,00,000 + finished goods 4,00,000 + other 1,00,000 = 25,00,000.
CURRENT_ASSETS = {
    "cash_bank": 100_000,
    "receivables_domestic": 1_200_000,
    "receivables_export": 200_000,
    "inventory_rm": 500_000,
    "inventory_fg": 400_000,
    "other_current_assets": 100_000,
}
# Current liabilities: bank 14,00,000 + creditors 6,00,000 + other 2,00,000 = 22,00,000.
CURRENT_LIABILITIES = {
    "bank_borrowings_wc": 1_400_000,
    "sundry_creditors": 600_000,
    "other_current_liabilities": 200_000,
}


def test_tandon_method_one_keeps_a_quarter_of_the_gap_from_long_term_sources():
    ledger = one_year(**CURRENT_ASSETS, **CURRENT_LIABILITIES)
    value = lambda key: ledger.value(key, "FY2025")  # noqa: E731
    # Other current liabilities (other than bank) = 22,00,000 − 14,00,000 = 8,00,000
    assert value("other_cl_excl_bank") == D(800_000)
    # Working capital gap = 25,00,000 − 8,00,000 = 17,00,000
    assert value("working_capital_gap") == D(1_700_000)
    # Actual NWC = 25,00,000 − 22,00,000 = 3,00,000
    assert value("net_working_capital") == D(300_000)
    # Minimum NWC = 25 % of 17,00,000 = 4,25,000 (more than the actual 3,00,000)
    assert value("min_nwc_method1") == D(425_000)
    # MPBF = 17,00,000 − max(4,25,000, 3,00,000) = 12,75,000
    assert value("mpbf_method1") == D(1_275_000)


def test_tandon_method_two_keeps_a_quarter_of_current_assets_from_long_term_sources():
    ledger = one_year(**CURRENT_ASSETS, **CURRENT_LIABILITIES)
    value = lambda key: ledger.value(key, "FY2025")  # noqa: E731
    # Minimum NWC = 25 % of (25,00,000 − export receivables 2,00,000) = 5,75,000
    assert value("min_nwc_method2") == D(575_000)
    # MPBF = 17,00,000 − max(5,75,000, 3,00,000) = 11,25,000
    assert value("mpbf_method2") == D(1_125_000)
    # Borrowings of 14,00,000 exceed the MPBF by 2,75,000
    assert value("excess_borrowings_method2") == D(275_000)


def test_a_larger_actual_nwc_reduces_the_mpbf_of_both_tandon_methods():
    # Bank borrowings 9,00,000: current liabilities 17,00,000, actual NWC 8,00,000,
    # more than either minimum (4,25,000 and 5,75,000); the gap stays 17,00,000.
    ledger = one_year(**CURRENT_ASSETS, **(CURRENT_LIABILITIES | {"bank_borrowings_wc": 900_000}))
    # MPBF = 17,00,000 − 8,00,000 = 9,00,000 by both methods
    assert ledger.value("mpbf_method1", "FY2025") == D(900_000)
    assert ledger.value("mpbf_method2", "FY2025") == D(900_000)


def test_turnover_method_finances_a_fifth_of_net_sales():
    # Net sales = gross 1,30,00,000 − GST 10,00,000 = 1,20,00,000
    sales = {"sales_domestic": 13_000_000, "duties_on_sales": 1_000_000}
    ledger = one_year(**CURRENT_ASSETS, **CURRENT_LIABILITIES, **sales)
    value = lambda key: ledger.value(key, "FY2025")  # noqa: E731
    # Working capital requirement = 25 % of 1,20,00,000 = 30,00,000
    assert value("wc_requirement_turnover") == D(3_000_000)
    # Borrower's margin = 5 % = 6,00,000; bank finance = 20 % = 24,00,000
    assert value("min_margin_turnover") == D(600_000)
    assert value("mpbf_turnover") == D(2_400_000)
    # Actual NWC 3,00,000 is below the 6,00,000 margin: 30,00,000 − 6,00,000 = 24,00,000
    assert value("mpbf_turnover_after_nwc") == D(2_400_000)


def test_turnover_method_finance_falls_when_the_actual_nwc_exceeds_the_margin():
    sales = {"sales_domestic": 13_000_000, "duties_on_sales": 1_000_000}
    low_bank = CURRENT_LIABILITIES | {"bank_borrowings_wc": 900_000}  # actual NWC 8,00,000
    ledger = one_year(**CURRENT_ASSETS, **low_bank, **sales)
    # 30,00,000 − max(6,00,000, 8,00,000) = 22,00,000
    assert ledger.value("mpbf_turnover_after_nwc", "FY2025") == D(2_200_000)


def test_minimum_margin_is_rounded_half_up_to_the_paisa():
    # Gap 12,34,567.06 (current assets only, no other current liabilities):
    # 25 % = 3,08,641.765, rounded half up to 3,08,641.77
    ledger = one_year(cash_bank="1234567.06")
    assert ledger.value("min_nwc_method1", "FY2025") == D("308641.77")
    assert ledger.value("min_nwc_method2", "FY2025") == D("308641.77")


PROFIT_AND_LOSS = {
    "sales_domestic": 13_000_000,
    "duties_on_sales": 1_000_000,  # net sales 1,20,00,000
    "rm_indigenous": 8_000_000,
    "depreciation": 200_000,  # cost of sales 82,00,000
    "sga_expenses": 2_000_000,  # operating profit before interest 18,00,000
    "interest": 300_000,  # profit before tax 15,00,000
    "tax": 375_000,  # net profit 11,25,000
}
TERM_DEBT = {"term_loans": 1_000_000, "current_maturities_ltd": 250_000}


def test_ratios_worked_by_hand():
    ledger = one_year(**CURRENT_ASSETS, **CURRENT_LIABILITIES, **PROFIT_AND_LOSS, **TERM_DEBT)
    value = lambda key: ledger.value(key, "FY2025")  # noqa: E731
    assert value("opbi") == D(1_800_000)
    assert value("pat") == D(1_125_000)
    # Current ratio = 25,00,000 / (22,00,000 + instalments 2,50,000) = 1.0204
    assert to_ratio(value("current_ratio")) == D("1.0204")
    # Interest coverage = 18,00,000 / 3,00,000 = 6
    assert value("interest_coverage") == D(6)
    # Interest on term loans = 3,00,000 × term debt 12,50,000 / all debt (12,50,000 + bank
    # 14,00,000 = 26,50,000) = 1,41,509.4339… → 1,41,509.43
    assert value("term_loan_interest") == D("141509.43")
    # DSCR = (11,25,000 + 2,00,000 + 1,41,509.43) / (1,41,509.43 + 2,50,000)
    #      = 14,66,509.43 / 3,91,509.43 = 3.7458
    assert to_ratio(value("dscr")) == D("3.7458")
    # Quick ratio = (25,00,000 − stocks 9,00,000) / 24,50,000 = 0.6531
    assert to_ratio(value("quick_ratio")) == D("0.6531")


def test_ratio_over_a_zero_divisor_has_no_value():
    ledger = one_year(cash_bank=100)
    assert ledger.value("current_ratio", "FY2025") is None
    assert ledger.value("interest_coverage", "FY2025") is None
    assert ledger.value("dscr", "FY2025") is None


def test_holding_levels_are_months_of_the_annual_flow():
    # Raw materials consumed 96,00,000 a year; stock 12,00,000 = 1.5 months.
    # Creditors 8,00,000 on purchases of 96,00,000 (first year: no opening stock on the
    # sheet, purchases taken equal to consumption) = 1 month.
    ledger = one_year(rm_indigenous=9_600_000, inventory_rm=1_200_000, sundry_creditors=800_000)
    assert ledger.value("rm_holding_months", "FY2025") == D("1.5")
    assert ledger.value("purchases", "FY2025") == D(9_600_000) + D(1_200_000) - D(1_200_000)
    assert ledger.value("creditors_months", "FY2025") == D(1)


def test_fund_flow_long_term_surplus_equals_the_change_in_net_working_capital():
    ledger = Ledger(["FY2024", "FY2025"])
    # FY2024: capital 10,00,000 = fixed assets 6,00,000 + NWC (5,00,000 − 1,00,000) 4,00,000
    before = {"share_capital": 1_000_000, "gross_block": 600_000, "cash_bank": 500_000}
    # FY2025: sales 3,50,000 less depreciation 50,000 = profit 3,00,000, drawings 1,00,000
    # (capital 12,00,000); a term loan of 2,00,000 and a machine of 2,50,000 (WDV block
    # 6,00,000 + 2,50,000 − 50,000 = 8,00,000); cash 7,00,000, so NWC 6,00,000.
    after = {
        "sales_domestic": 350_000,
        "depreciation": 50_000,
        "dividend": 100_000,
        "share_capital": 1_200_000,
        "term_loans": 200_000,
        "gross_block": 800_000,
        "cash_bank": 700_000,
    }
    for year, inputs in (("FY2024", before), ("FY2025", after)):
        amounts = {key: D(value) for key, value in inputs.items()}
        ledger.set_inputs(year, amounts | {"sundry_creditors": D(100_000)})
    value = lambda key: ledger.value(key, "FY2025")  # noqa: E731
    # Sources: profit 3,00,000 + depreciation 50,000 + term loan 2,00,000 = 5,50,000
    assert value("ff_total_sources") == D(550_000)
    # Uses: drawings 1,00,000 + capital expenditure 2,50,000 = 3,50,000
    assert value("ff_fixed_assets_increase") == D(250_000)
    assert value("ff_total_uses") == D(350_000)
    # Long-term surplus 2,00,000 = NWC 6,00,000 − 4,00,000
    assert value("ff_long_term_surplus") == D(200_000)
    assert value("net_working_capital") - ledger.value("net_working_capital", "FY2024") == D(
        200_000
    )
    assert ledger.value("ff_long_term_surplus", "FY2024") is None
