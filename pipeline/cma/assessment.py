"""Forms IV to VI and the ratios a banker reads: holding levels, MPBF, fund flow.

The formulas follow the "Forms IV–VI and assessment" table of
docs/spec/cma-rows.md. Where the spec is silent this module follows
Indian bank practice, and each such choice is said next to its row:

- Holding levels are months of the year's flow: 12 × stock / annual flow.
  Purchases of raw materials are consumption plus the rise in raw-material
  stock; the first year shown has no opening stock on the sheet and takes its
  purchases as equal to consumption.
- Minimum margins and the turnover-method figures are rounded half up to the
  paisa, as the ground truth's min_nwc_method2 is.
- Nayak (turnover) method: working capital of 25 % of projected net sales, of
  which the borrower brings 5 % and the bank finances 20 %; when the actual
  net working capital exceeds the 5 %, banks reduce the finance accordingly
  (`mpbf_turnover_after_nwc`).
- DSCR needs the interest on term loans, which statements rarely show apart
  from the rest: it is estimated as the year's interest in proportion of term
  debt to all interest-bearing debt at the year end (`term_loan_interest`).
  Repayments are the year's current maturities, as the spec says.
- Form VI splits each movement into a source or a use (never both) so that
  long-term sources less long-term uses equal the change in net working
  capital whenever both balance sheets tie.
"""

from __future__ import annotations

from pipeline.cma.formula import (
    change,
    larger,
    minus,
    paise,
    percent,
    positive,
    prev,
    product,
    ratio,
    times,
    total,
)
from pipeline.cma.rows import AMOUNT, MONTHS, PERCENT, RATIO, Row


def _months(stock: str, flow: str):
    """Months of the year's flow held as stock: 12 × stock / flow."""
    return times(12, ratio(stock, flow))


FORM_IV = [
    Row("rm_consumed", "1", "Raw materials consumed (5(i))", "IV",
        total("rm_imported", "rm_indigenous")),
    Row("rm_holding_months", "2", "Raw materials: months' consumption", "IV",
        _months("inventory_rm", "rm_consumed"), MONTHS),
    Row("spares_consumed", "3", "Consumable spares, stores and packing consumed (5(ii))", "IV",
        total("spares_imported", "spares_indigenous")),
    Row("spares_holding_months", "4", "Consumable spares: months' consumption", "IV",
        _months("inventory_spares", "spares_consumed"), MONTHS),
    Row("wip_holding_months", "5", "Stock-in-process: months' cost of production", "IV",
        _months("inventory_wip", "cost_of_production"), MONTHS),
    Row("fg_holding_months", "6", "Finished goods: months' cost of sales", "IV",
        _months("inventory_fg", "cost_of_sales"), MONTHS),
    Row("net_domestic_sales", "7", "Net domestic sales (1(i) − 2)", "IV",
        minus("sales_domestic", "duties_on_sales")),
    Row("receivables_months", "8", "Domestic receivables: months' net domestic sales", "IV",
        _months("receivables_domestic", "net_domestic_sales"), MONTHS),
    Row("export_receivables_months", "9", "Export receivables: months' export sales", "IV",
        _months("receivables_export", "sales_export"), MONTHS),
    Row("purchases", "10", "Purchases of raw materials (consumption + closing − opening stock)",
        "IV", minus(total("rm_consumed", "inventory_rm"), prev("inventory_rm", or_current=True))),
    Row("creditors_months", "11", "Sundry creditors: months' purchases", "IV",
        _months("sundry_creditors", "purchases"), MONTHS),
]  # fmt: skip

FORM_V = [
    Row("other_cl_excl_bank", "2", "Other current liabilities (other than bank borrowings)",
        "V", minus("total_current_liabilities", "bank_borrowings_wc")),
    Row("working_capital_gap", "3", "Working capital gap (1 − 2)", "V",
        minus("total_current_assets", "other_cl_excl_bank")),
    Row("min_nwc_method1", "4", "Method I: minimum NWC, 25 % of the working capital gap", "V",
        paise(times("0.25", "working_capital_gap"))),
    Row("mpbf_method1", "6", "Method I: MPBF, gap less the larger of 4 and 5", "V",
        minus("working_capital_gap", larger("min_nwc_method1", "net_working_capital"))),
    Row("min_nwc_method2", "7",
        "Method II: minimum NWC, 25 % of current assets other than export receivables", "V",
        paise(times("0.25", minus("total_current_assets", "receivables_export")))),
    Row("mpbf_method2", "8", "Method II: MPBF, gap less the larger of 7 and 5", "V",
        minus("working_capital_gap", larger("min_nwc_method2", "net_working_capital"))),
    Row("excess_borrowings_method2", "9",
        "Excess (+) / shortfall (−) of bank borrowings over MPBF (method II)", "V",
        minus("bank_borrowings_wc", "mpbf_method2")),
    Row("wc_requirement_turnover", "10", "Turnover method: working capital, 25 % of net sales",
        "V", paise(times("0.25", "net_sales"))),
    Row("min_margin_turnover", "11", "Turnover method: borrower's margin, 5 % of net sales",
        "V", paise(times("0.05", "net_sales"))),
    Row("mpbf_turnover", "12", "Turnover method: MPBF, 20 % of net sales", "V",
        paise(times("0.20", "net_sales"))),
    Row("mpbf_turnover_after_nwc", "13",
        "Turnover method: MPBF, 10 less the larger of 11 and the actual NWC", "V",
        minus("wc_requirement_turnover", larger("min_margin_turnover", "net_working_capital"))),
]  # fmt: skip


def _other_nw_change():
    # Capital introduced, share premium, revaluation: the change in net worth
    # that retained profit does not explain.
    return minus(change("net_worth"), "retained_profit")


def _capex():
    # Additions net of disposals, gross of the year's depreciation.
    return total(change("net_block"), "depreciation")


def _noncurrent_change():
    return total(change("total_noncurrent_assets"), change("intangible_assets"))


FORM_VI = [
    Row("ff_net_profit", "1(a)", "Sources: net profit", "VI", positive("pat")),
    Row("ff_depreciation", "1(b)", "Sources: depreciation", "VI", total("depreciation")),
    Row("ff_capital_increase", "1(c)", "Sources: increase in capital and reserves", "VI",
        positive(_other_nw_change())),
    Row("ff_term_liabilities_increase", "1(d)", "Sources: increase in term liabilities", "VI",
        positive(change("total_term_liabilities"))),
    Row("ff_fixed_assets_decrease", "1(e)", "Sources: decrease in fixed assets (disposals)",
        "VI", positive(times(-1, _capex()))),
    Row("ff_noncurrent_assets_decrease", "1(f)",
        "Sources: decrease in non-current and intangible assets", "VI",
        positive(times(-1, _noncurrent_change()))),
    Row("ff_total_sources", "1", "Total long-term sources", "VI",
        total("ff_net_profit", "ff_depreciation", "ff_capital_increase",
              "ff_term_liabilities_increase", "ff_fixed_assets_decrease",
              "ff_noncurrent_assets_decrease")),
    Row("ff_net_loss", "2(a)", "Uses: net loss", "VI", positive(times(-1, "pat"))),
    Row("ff_dividend", "2(b)", "Uses: dividend paid / drawings", "VI", total("dividend")),
    Row("ff_capital_decrease", "2(c)", "Uses: decrease in capital and reserves", "VI",
        positive(times(-1, _other_nw_change()))),
    Row("ff_term_liabilities_decrease", "2(d)", "Uses: decrease in term liabilities", "VI",
        positive(times(-1, change("total_term_liabilities")))),
    Row("ff_fixed_assets_increase", "2(e)", "Uses: capital expenditure", "VI",
        positive(_capex())),
    Row("ff_noncurrent_assets_increase", "2(f)",
        "Uses: increase in non-current and intangible assets", "VI",
        positive(_noncurrent_change())),
    Row("ff_total_uses", "2", "Total long-term uses", "VI",
        total("ff_net_loss", "ff_dividend", "ff_capital_decrease",
              "ff_term_liabilities_decrease", "ff_fixed_assets_increase",
              "ff_noncurrent_assets_increase")),
    Row("ff_long_term_surplus", "3",
        "Long-term surplus (+) / deficit (−) (1 − 2): increase / decrease in net working capital",
        "VI", minus("ff_total_sources", "ff_total_uses")),
    Row("ff_current_assets_change", "4", "Increase / decrease in current assets", "VI",
        change("total_current_assets")),
    Row("ff_current_liabilities_change", "5",
        "Increase / decrease in current liabilities other than bank borrowings", "VI",
        change("other_cl_excl_bank")),
    Row("ff_wcg_change", "6", "Increase / decrease in working capital gap (4 − 5)", "VI",
        minus("ff_current_assets_change", "ff_current_liabilities_change")),
    Row("ff_net_surplus", "7", "Net surplus (+) / deficit (−) (3 − 6)", "VI",
        minus("ff_long_term_surplus", "ff_wcg_change")),
    Row("ff_bank_borrowings_change", "8", "Increase / decrease in bank borrowings", "VI",
        change("bank_borrowings_wc")),
]  # fmt: skip

TERM_DEBT = (
    "current_maturities_ltd",
    "debentures",
    "term_loans",
    "deferred_payment_credits",
    "term_deposits",
)
INTEREST_BEARING_DEBT = (
    *TERM_DEBT,
    "bank_borrowings_wc",
    "st_borrowings_other",
    "other_term_liabilities",
)
INVENTORIES = ("inventory_rm", "inventory_wip", "inventory_fg", "inventory_spares")

RATIOS = [
    Row("term_loan_interest", "1", "Interest on term loans (estimated: interest × term debt / "
        "interest-bearing debt)", "R",
        paise(ratio(product("interest", total(*TERM_DEBT)), total(*INTEREST_BEARING_DEBT))),
        AMOUNT),
    Row("dscr", "2", "Debt service coverage ratio: (net profit + depreciation + term-loan "
        "interest) / (term-loan interest + instalments due)", "R",
        ratio(total("pat", "depreciation", "term_loan_interest"),
              total("term_loan_interest", "current_maturities_ltd")), RATIO),
    Row("interest_coverage", "3", "Interest coverage: operating profit before interest / "
        "interest", "R", ratio("opbi", "interest"), RATIO),
    Row("quick_ratio", "4", "Quick ratio: (current assets − inventories) / current liabilities",
        "R", ratio(minus("total_current_assets", *INVENTORIES), "total_current_liabilities"),
        RATIO),
    Row("gross_margin_pct", "5", "Gross margin: (net sales − cost of sales) / net sales (%)",
        "R", percent(minus("net_sales", "cost_of_sales"), "net_sales"), PERCENT),
    Row("opbi_margin_pct", "6", "Operating profit before interest / net sales (%)", "R",
        percent("opbi", "net_sales"), PERCENT),
    Row("pat_margin_pct", "7", "Net profit / net sales (%)", "R",
        percent("pat", "net_sales"), PERCENT),
    Row("return_on_tnw_pct", "8", "Net profit / tangible net worth (%)", "R",
        percent("pat", "tangible_net_worth"), PERCENT),
    Row("asset_turnover", "9", "Net sales / total assets (times)", "R",
        ratio("net_sales", "total_assets"), RATIO),
]  # fmt: skip


def _growth(key: str):
    # % rise or fall over the previous year, against the previous year's size (a
    # loss turning into a profit grows from a negative base: the sign says so).
    return percent(change(key), prev(key))


# The key financials a credit officer reads first (the ones banks' appraisal notes
# quote). NCA is net profit plus depreciation, as the banks' term-loan appraisals
# define it; ROCE is over long-term funds (tangible net worth and term
# liabilities); adjusted TNW deducts investments in and long-term advances to
# group concerns, which the bank does not count as the borrower's own stake.
KEY_FINANCIALS = [
    Row("ebitda", "1", "EBITDA: operating profit before interest + depreciation (8 + 5(vi))",
        "K", total("opbi", "depreciation")),
    Row("ebitda_margin_pct", "2", "EBITDA / net sales (%)", "K",
        percent("ebitda", "net_sales"), PERCENT),
    Row("net_cash_accruals", "3", "Net cash accruals: net profit + depreciation (14 + 5(vi))",
        "K", total("pat", "depreciation")),
    Row("total_debt", "4", "Total debt: bank borrowings, other short-term borrowings and "
        "term liabilities (18 + 19 + 25 + 29 + 31 to 34)", "K", total(*INTEREST_BEARING_DEBT)),
    Row("total_debt_nca", "5", "Total debt / net cash accruals (years)", "K",
        ratio("total_debt", "net_cash_accruals"), RATIO),
    Row("capital_employed", "6", "Capital employed: tangible net worth + term liabilities "
        "(62 + 35)", "K", total("tangible_net_worth", "total_term_liabilities")),
    Row("roce_pct", "7", "Return on capital employed: profit before interest and tax / "
        "capital employed (%)", "K", percent(total("pbt", "interest"), "capital_employed"),
        PERCENT),
    Row("adjusted_tnw", "8", "Adjusted tangible net worth: TNW less investments in and "
        "long-term advances to group concerns (62 − 56(i))", "K",
        minus("tangible_net_worth", "investments_noncurrent")),
    Row("tol_adjusted_tnw", "9", "Total outside liabilities / adjusted TNW", "K",
        ratio("total_outside_liabilities", "adjusted_tnw"), RATIO),
    Row("ca_funded_by_bank_pct", "10", "Current assets funded by bank borrowings (18 / 52, %)",
        "K", percent("bank_borrowings_wc", "total_current_assets"), PERCENT),
    Row("ca_funded_by_other_cl_pct", "11", "Current assets funded by other current "
        "liabilities (27 / 52, %)", "K", percent("other_cl_subtotal", "total_current_assets"),
        PERCENT),
    Row("ca_funded_by_nwc_pct", "12", "Current assets funded by long-term sources, the net "
        "working capital (63 / 52, %)", "K",
        percent("net_working_capital", "total_current_assets"), PERCENT),
    Row("ebitda_growth_pct", "13", "Growth in EBITDA over the previous year (%)", "K",
        _growth("ebitda"), PERCENT),
    Row("pat_growth_pct", "14", "Growth in net profit over the previous year (%)", "K",
        _growth("pat"), PERCENT),
    Row("tnw_growth_pct", "15", "Growth in tangible net worth over the previous year (%)", "K",
        _growth("tangible_net_worth"), PERCENT),
]  # fmt: skip

ASSESSMENT_ROWS: tuple[Row, ...] = (*FORM_IV, *FORM_V, *FORM_VI, *RATIOS, *KEY_FINANCIALS)
ASSESSMENT_KEYS: tuple[str, ...] = tuple(row.key for row in ASSESSMENT_ROWS)

# Rows a banker compares across methods, in the order the summary shows them.
MPBF_KEYS = ("mpbf_method1", "mpbf_method2", "mpbf_turnover")
