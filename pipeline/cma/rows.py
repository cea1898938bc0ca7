"""The rows of Forms II and III, in the bank's order (docs/spec/cma-rows.md).

Each row carries its stable key, the bank's row number and label, and, for a
computed row, its formula: the one definition from which both the Python
figures and the workbook's Excel formulas are made. Input rows have no
formula: classified line items fill them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.cma.formula import Expr, change, minus, percent, prev, ratio, ref, total

AMOUNT = "amount"
PERCENT = "percent"  # shown as 12.34, meaning 12.34 %
RATIO = "ratio"  # times, four decimals
MONTHS = "months"
# The sheet of each form, by the code a row carries (`Row.form`).
FORM_NAMES = {"S": "Summary", "II": "Form II", "III": "Form III", "IV": "Form IV",
              "V": "Form V", "VI": "Form VI", "R": "Ratios", "K": "Key financials"}  # fmt: skip


@dataclass(frozen=True)
class Row:
    key: str
    number: str
    label: str
    form: str
    formula: Expr | None = None
    kind: str = AMOUNT
    part_of: str | None = None  # a sub-row: says what part of that row is what

    @property
    def is_input(self) -> bool:
        """A row classified line items fill (a sub-row never is: its parent is)."""
        return self.formula is None and self.part_of is None

    @property
    def is_part(self) -> bool:
        """A sub-row given as a figure (read from its parent's line items), not a formula."""
        return self.formula is None and self.part_of is not None


def _rows(form: str, specs: list[tuple]) -> list[Row]:
    return [Row(key, number, label, form, *rest) for key, number, label, *rest in specs]


def _growth() -> Expr:
    # % rise or fall of net sales over the previous year; nothing in the first year.
    return percent(change("net_sales"), prev("net_sales"))


FORM_II = _rows(
    "II",
    [
        ("sales_domestic", "1(i)", "Gross sales: domestic"),
        ("sales_export", "1(ii)", "Gross sales: export"),
        ("gross_sales", "1", "Gross sales", total("sales_domestic", "sales_export")),
        ("duties_on_sales", "2", "Less: excise duty / GST collected in sales"),
        ("net_sales", "3", "Net sales", minus("gross_sales", "duties_on_sales")),
        (
            "net_sales_growth_pct",
            "4",
            "% rise (+) / fall (−) in net sales over previous year",
            _growth(),
            PERCENT,
        ),
        ("rm_imported", "5(i)a", "Raw materials consumed: imported"),
        (
            "rm_indigenous",
            "5(i)b",
            "Raw materials consumed: indigenous (incl. purchases of traded goods)",
        ),
        ("spares_imported", "5(ii)a", "Other spares consumed: imported"),
        (
            "spares_indigenous",
            "5(ii)b",
            "Other spares consumed: indigenous (stores, consumables, packing)",
        ),
        ("power_fuel", "5(iii)", "Power and fuel"),
        ("direct_labour", "5(iv)", "Direct labour (factory wages, salaries of production staff)"),
        (
            "other_mfg_expenses",
            "5(v)",
            "Other manufacturing expenses (freight inward, job work, factory repairs, carriage)",
        ),
        ("depreciation", "5(vi)", "Depreciation and amortisation"),
        (
            "mfg_subtotal",
            "5(vii)",
            "Sub-total (5(i) to 5(vi))",
            total(
                "rm_imported",
                "rm_indigenous",
                "spares_imported",
                "spares_indigenous",
                "power_fuel",
                "direct_labour",
                "other_mfg_expenses",
                "depreciation",
            ),
        ),
        ("opening_wip", "5(viii)", "Add: opening stock-in-process"),
        ("closing_wip", "5(ix)", "Less: closing stock-in-process"),
        (
            "cost_of_production",
            "5(x)",
            "Cost of production",
            minus(total("mfg_subtotal", "opening_wip"), "closing_wip"),
        ),
        ("opening_fg", "5(xi)", "Add: opening stock of finished goods (incl. traded goods)"),
        ("closing_fg", "5(xii)", "Less: closing stock of finished goods (incl. traded goods)"),
        (
            "cost_of_sales",
            "5(xiii)",
            "Total cost of sales",
            minus(total("cost_of_production", "opening_fg"), "closing_fg"),
        ),
        (
            "sga_expenses",
            "6",
            "Selling, general and administrative expenses (incl. salaries of office staff, "
            "rent, audit fees, advertisement)",
        ),
        (
            "cost_of_sales_and_sga",
            "7",
            "Sub-total (5 + 6)",
            total("cost_of_sales", "sga_expenses"),
        ),
        (
            "opbi",
            "8",
            "Operating profit before interest (3 − 7)",
            minus("net_sales", "cost_of_sales_and_sga"),
        ),
        ("interest", "9", "Interest and finance charges (incl. bank charges)"),
        (
            "interest_term_loans",
            "9(i)",
            "of which: interest on term loans (from the lenders' schedules, else estimated)",
            ref("term_loan_interest"),
            AMOUNT,
            "interest",
        ),
        (
            "interest_working_capital",
            "9(ii)",
            "of which: interest on working capital and other charges (9 − 9(i))",
            minus("interest", "interest_term_loans"),
            AMOUNT,
            "interest",
        ),
        ("opai", "10", "Operating profit after interest (8 − 9)", minus("opbi", "interest")),
        (
            "nonop_income",
            "11(i)",
            "Add: other non-operating income (interest received, dividends, rent received, "
            "profit on sale of assets)",
        ),
        (
            "nonop_expenses",
            "11(ii)",
            "Less: other non-operating expenses (loss on sale of assets, prior-period items, "
            "write-offs)",
        ),
        (
            "nonop_net",
            "11(iii)",
            "Net of non-operating income / expenses",
            minus("nonop_income", "nonop_expenses"),
        ),
        ("pbt", "12", "Profit before tax / loss (10 + 11(iii))", total("opai", "nonop_net")),
        ("tax", "13", "Provision for taxes (current + deferred)"),
        (
            "tax_current",
            "13(i)",
            "of which: current tax (incl. earlier years' tax) (13 − 13(ii))",
            minus("tax", "tax_deferred"),
            AMOUNT,
            "tax",
        ),
        ("tax_deferred", "13(ii)", "of which: deferred tax", None, AMOUNT, "tax"),
        ("pat", "14", "Net profit / loss (12 − 13)", minus("pbt", "tax")),
        ("dividend", "15", "Equity dividend paid / drawings (proprietors and partners)"),
        ("retained_profit", "16", "Retained profit (14 − 15)", minus("pat", "dividend")),
        (
            "retained_profit_pct",
            "17",
            "Retained profit / net profit (%)",
            percent("retained_profit", "pat"),
            PERCENT,
        ),
    ],
)

FORM_III = _rows(
    "III",
    [
        (
            "bank_borrowings_wc",
            "18",
            "Short-term borrowings from banks (cash credit, overdraft, packing credit, "
            "bills purchased/discounted, WCDL)",
        ),
        ("st_borrowings_other", "19", "Short-term borrowings from others"),
        ("sundry_creditors", "20", "Sundry creditors (trade), incl. acceptances"),
        (
            "advances_from_customers",
            "21",
            "Advance payments from customers / deposits from dealers",
        ),
        (
            "provision_for_tax",
            "22",
            "Provision for taxation (net of advance tax where shown net)",
        ),
        ("dividend_payable", "23", "Dividend payable"),
        (
            "statutory_liabilities",
            "24",
            "Other statutory liabilities due within one year (GST, TDS, PF, ESI payable)",
        ),
        (
            "current_maturities_ltd",
            "25",
            "Instalments of term loans / deferred payment credits / debentures / deposits "
            "due within one year",
        ),
        (
            "other_current_liabilities",
            "26",
            "Other current liabilities and provisions due within one year (expenses payable, "
            "salary payable, audit fee payable, short-term provisions)",
        ),
        (
            "other_cl_subtotal",
            "27",
            "Sub-total of 19 to 26",
            total(
                "st_borrowings_other",
                "sundry_creditors",
                "advances_from_customers",
                "provision_for_tax",
                "dividend_payable",
                "statutory_liabilities",
                "current_maturities_ltd",
                "other_current_liabilities",
            ),
        ),
        (
            "total_current_liabilities",
            "28",
            "Total current liabilities (18 + 27)",
            total("bank_borrowings_wc", "other_cl_subtotal"),
        ),
        ("debentures", "29", "Debentures (not maturing within one year)"),
        ("preference_shares", "30", "Redeemable preference shares (after one year)"),
        (
            "term_loans",
            "31",
            "Term loans, excluding instalments due within one year (secured long-term "
            "borrowings, vehicle loans)",
        ),
        (
            "deferred_payment_credits",
            "32",
            "Deferred payment credits (excluding instalments due within one year)",
        ),
        ("term_deposits", "33", "Term deposits repayable after one year"),
        (
            "other_term_liabilities",
            "34",
            "Other term liabilities (unsecured loans from directors, partners, relatives and "
            "others; deferred tax liability; long-term provisions such as gratuity)",
        ),
        (
            "deferred_tax_liability",
            "34(i)",
            "of which: deferred tax liability (net)",
            None,
            AMOUNT,
            "other_term_liabilities",
        ),
        (
            "total_term_liabilities",
            "35",
            "Total term liabilities (29 to 34)",
            total(
                "debentures",
                "preference_shares",
                "term_loans",
                "deferred_payment_credits",
                "term_deposits",
                "other_term_liabilities",
            ),
        ),
        (
            "total_outside_liabilities",
            "36",
            "Total outside liabilities (28 + 35)",
            total("total_current_liabilities", "total_term_liabilities"),
        ),
        (
            "share_capital",
            "37",
            "Ordinary share capital / proprietor's or partners' capital",
        ),
        ("general_reserve", "38", "General reserve"),
        ("revaluation_reserve", "39", "Revaluation reserve"),
        ("share_premium", "40a", "Share premium"),
        ("other_reserves", "40", "Other reserves (excluding provisions), capital subsidy"),
        ("pl_surplus", "41", "Surplus (+) / deficit (−) in profit and loss account"),
        (
            "net_worth",
            "42",
            "Net worth (37 to 41)",
            total(
                "share_capital",
                "general_reserve",
                "revaluation_reserve",
                "share_premium",
                "other_reserves",
                "pl_surplus",
            ),
        ),
        (
            "total_liabilities",
            "43",
            "Total liabilities (36 + 42)",
            total("total_outside_liabilities", "net_worth"),
        ),
        ("cash_bank", "44", "Cash and bank balances"),
        (
            "investments_current",
            "45",
            "Investments other than long-term (government securities, fixed deposits with banks)",
        ),
        (
            "receivables_domestic",
            "46(i)",
            "Receivables other than deferred and exports (sundry debtors, trade receivables), "
            "net of provision",
        ),
        ("receivables_export", "46(ii)", "Export receivables"),
        (
            "deferred_receivables_current",
            "47",
            "Instalments of deferred receivables due within one year",
        ),
        ("inventory_rm", "48(i)", "Raw materials (imported and indigenous)"),
        ("inventory_wip", "48(ii)", "Stock-in-process"),
        ("inventory_fg", "48(iii)", "Finished goods (incl. stock-in-trade)"),
        ("inventory_spares", "48(iv)", "Other consumable spares, stores, packing material"),
        ("advances_to_suppliers", "49", "Advances to suppliers of raw materials and stores"),
        ("advance_tax", "50", "Advance payment of taxes, TDS receivable, tax refunds due"),
        (
            "other_current_assets",
            "51",
            "Other current assets (prepaid expenses, GST input credit, deposits and loans and "
            "advances recoverable within one year, accrued interest)",
        ),
        (
            "total_current_assets",
            "52",
            "Total current assets (44 to 51)",
            total(
                "cash_bank",
                "investments_current",
                "receivables_domestic",
                "receivables_export",
                "deferred_receivables_current",
                "inventory_rm",
                "inventory_wip",
                "inventory_fg",
                "inventory_spares",
                "advances_to_suppliers",
                "advance_tax",
                "other_current_assets",
            ),
        ),
        ("gross_block", "53", "Gross block (incl. capital work-in-progress)"),
        ("accumulated_depreciation", "54", "Depreciation to date"),
        (
            "net_block",
            "55",
            "Net block (53 − 54)",
            minus("gross_block", "accumulated_depreciation"),
        ),
        (
            "investments_noncurrent",
            "56(i)",
            "Investments in subsidiaries / affiliates and other long-term investments",
        ),
        (
            "advances_capital_goods",
            "56(ii)",
            "Advances to suppliers of capital goods and contractors",
        ),
        (
            "deferred_receivables_noncurrent",
            "56(iii)",
            "Deferred receivables (maturity over one year)",
        ),
        (
            "other_noncurrent_assets",
            "56(iv)–58",
            "Other non-current assets: security deposits (electricity, rent), long-term loans "
            "and advances, dues from directors/partners, non-consumable stores",
        ),
        (
            "total_noncurrent_assets",
            "59",
            "Total other non-current assets",
            total(
                "investments_noncurrent",
                "advances_capital_goods",
                "deferred_receivables_noncurrent",
                "other_noncurrent_assets",
            ),
        ),
        (
            "intangible_assets",
            "60",
            "Intangible assets (goodwill, patents, preliminary expenses not written off, "
            "deferred revenue expenditure, deferred tax asset, debit balance of profit and loss)",
        ),
        (
            "total_assets",
            "61",
            "Total assets (52 + 55 + 59 + 60)",
            total(
                "total_current_assets", "net_block", "total_noncurrent_assets", "intangible_assets"
            ),
        ),
        (
            "tangible_net_worth",
            "62",
            "Tangible net worth (42 − 60)",
            minus("net_worth", "intangible_assets"),
        ),
        (
            "net_working_capital",
            "63",
            "Net working capital (52 − 28)",
            minus("total_current_assets", "total_current_liabilities"),
        ),
        (
            "current_ratio",
            "64",
            "Current ratio (52 / 28)",
            ratio("total_current_assets", "total_current_liabilities"),
            RATIO,
        ),
        (
            "tol_tnw",
            "65",
            "Total outside liabilities / tangible net worth (36 / 62)",
            ratio("total_outside_liabilities", "tangible_net_worth"),
            RATIO,
        ),
        (
            "ttl_tnw",
            "66",
            "Total term liabilities / tangible net worth (35 / 62)",
            ratio("total_term_liabilities", "tangible_net_worth"),
            RATIO,
        ),
    ],
)

ROWS: tuple[Row, ...] = (*FORM_II, *FORM_III)
ROW_BY_KEY: dict[str, Row] = {row.key: row for row in ROWS}
INPUT_KEYS: tuple[str, ...] = tuple(row.key for row in ROWS if row.is_input)
PART_KEYS: tuple[str, ...] = tuple(row.key for row in ROWS if row.is_part)
COMPUTED_KEYS: tuple[str, ...] = tuple(row.key for row in ROWS if row.formula is not None)
