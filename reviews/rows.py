# ruff: noqa: E501  (a data table: one row of the spec a line)
"""The input rows of ../shared/spec/cma-rows.md: the only keys an item may be reviewed into.

Copied from the spec as a table until pipeline/cma/ publishes the catalogue of
rows; then this module should read from there, so that code has one copy.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMS = {
    "II": "Form II: operating statement",
    "III-L": "Form III: liabilities",
    "III-A": "Form III: assets",
}

# form | key | row as the bank numbers it | the bank's label
_TABLE = """
II | sales_domestic | 1(i) | Gross sales: domestic
II | sales_export | 1(ii) | Gross sales: export
II | duties_on_sales | 2 | Less: excise duty / GST collected in sales
II | rm_imported | 5(i)a | Raw materials consumed: imported
II | rm_indigenous | 5(i)b | Raw materials consumed: indigenous (incl. purchases of traded goods)
II | spares_imported | 5(ii)a | Other spares consumed: imported
II | spares_indigenous | 5(ii)b | Other spares consumed: indigenous (stores, consumables, packing)
II | power_fuel | 5(iii) | Power and fuel
II | direct_labour | 5(iv) | Direct labour (factory wages, salaries of production staff)
II | other_mfg_expenses | 5(v) | Other manufacturing expenses (freight inward, job work, factory repairs, carriage)
II | depreciation | 5(vi) | Depreciation and amortisation
II | opening_wip | 5(viii) | Add: opening stock-in-process
II | closing_wip | 5(ix) | Less: closing stock-in-process
II | opening_fg | 5(xi) | Add: opening stock of finished goods (incl. traded goods)
II | closing_fg | 5(xii) | Less: closing stock of finished goods (incl. traded goods)
II | sga_expenses | 6 | Selling, general and administrative expenses (incl. salaries of office staff, rent, audit fees, advertisement)
II | interest | 9 | Interest and finance charges (incl. bank charges)
II | nonop_income | 11(i) | Add: other non-operating income (interest received, dividends, rent received, profit on sale of assets)
II | nonop_expenses | 11(ii) | Less: other non-operating expenses (loss on sale of assets, prior-period items, write-offs)
II | tax | 13 | Provision for taxes (current + deferred)
II | dividend | 15 | Equity dividend paid / drawings (proprietors and partners)
III-L | bank_borrowings_wc | 18 | Short-term borrowings from banks (cash credit, overdraft, packing credit, bills purchased/discounted, WCDL)
III-L | st_borrowings_other | 19 | Short-term borrowings from others
III-L | sundry_creditors | 20 | Sundry creditors (trade), incl. acceptances
III-L | advances_from_customers | 21 | Advance payments from customers / deposits from dealers
III-L | provision_for_tax | 22 | Provision for taxation (net of advance tax where shown net)
III-L | dividend_payable | 23 | Dividend payable
III-L | statutory_liabilities | 24 | Other statutory liabilities due within one year (GST, TDS, PF, ESI payable)
III-L | current_maturities_ltd | 25 | Instalments of term loans / deferred payment credits / debentures / deposits due within one year
III-L | other_current_liabilities | 26 | Other current liabilities and provisions due within one year (expenses payable, salary payable, audit fee payable, short-term provisions)
III-L | debentures | 29 | Debentures (not maturing within one year)
III-L | preference_shares | 30 | Redeemable preference shares (after one year)
III-L | term_loans | 31 | Term loans, excluding instalments due within one year (secured long-term borrowings, vehicle loans)
III-L | deferred_payment_credits | 32 | Deferred payment credits (excluding instalments due within one year)
III-L | term_deposits | 33 | Term deposits repayable after one year
III-L | other_term_liabilities | 34 | Other term liabilities (unsecured loans from directors, partners, relatives and others; deferred tax liability; long-term provisions such as gratuity)
III-L | share_capital | 37 | Ordinary share capital / proprietor's or partners' capital
III-L | general_reserve | 38 | General reserve
III-L | revaluation_reserve | 39 | Revaluation reserve
III-L | share_premium | 40a | Share premium
III-L | other_reserves | 40 | Other reserves (excluding provisions), capital subsidy
III-L | pl_surplus | 41 | Surplus (+) / deficit (−) in profit and loss account
III-A | cash_bank | 44 | Cash and bank balances
III-A | investments_current | 45 | Investments other than long-term (government securities, fixed deposits with banks)
III-A | receivables_domestic | 46(i) | Receivables other than deferred and exports (sundry debtors, trade receivables), net of provision
III-A | receivables_export | 46(ii) | Export receivables
III-A | deferred_receivables_current | 47 | Instalments of deferred receivables due within one year
III-A | inventory_rm | 48(i) | Raw materials (imported and indigenous)
III-A | inventory_wip | 48(ii) | Stock-in-process
III-A | inventory_fg | 48(iii) | Finished goods (incl. stock-in-trade)
III-A | inventory_spares | 48(iv) | Other consumable spares, stores, packing material
III-A | advances_to_suppliers | 49 | Advances to suppliers of raw materials and stores
III-A | advance_tax | 50 | Advance payment of taxes, TDS receivable, tax refunds due
III-A | other_current_assets | 51 | Other current assets (prepaid expenses, GST input credit, deposits and loans and advances recoverable within one year, accrued interest)
III-A | gross_block | 53 | Gross block (incl. capital work-in-progress)
III-A | accumulated_depreciation | 54 | Depreciation to date
III-A | investments_noncurrent | 56(i) | Investments in subsidiaries / affiliates and other long-term investments
III-A | advances_capital_goods | 56(ii) | Advances to suppliers of capital goods and contractors
III-A | deferred_receivables_noncurrent | 56(iii) | Deferred receivables (maturity over one year)
III-A | other_noncurrent_assets | 56(iv)–58 | Other non-current assets: security deposits (electricity, rent), long-term loans and advances, dues from directors/partners, non-consumable stores
III-A | intangible_assets | 60 | Intangible assets (goodwill, patents, preliminary expenses not written off, deferred revenue expenditure, deferred tax asset, debit balance of profit and loss)
"""


@dataclass(frozen=True)
class Row:
    key: str
    number: str  # as the bank prints it: "5(i)b", "46(ii)"
    label: str
    form: str

    @property
    def title(self) -> str:
        return f"{self.number} {self.label}"


def _parse(table: str) -> tuple[Row, ...]:
    rows = []
    for line in table.strip().splitlines():
        form, key, number, label = (cell.strip() for cell in line.split(" | "))
        rows.append(Row(key, number, label, FORMS[form]))
    return tuple(rows)


INPUT_ROWS: tuple[Row, ...] = _parse(_TABLE)
ROWS_BY_KEY: dict[str, Row] = {row.key: row for row in INPUT_ROWS}


def is_input_key(key: str) -> bool:
    return key in ROWS_BY_KEY


def row_title(key: str) -> str:
    """ "18 Short-term borrowings from banks …" for a key; the key itself if unknown."""
    row = ROWS_BY_KEY.get(key)
    return row.title if row else key


def rows_by_form() -> list[tuple[str, list[Row]]]:
    """The rows grouped as the bank's forms group them, for a select's optgroups."""
    forms: dict[str, list[Row]] = {}
    for row in INPUT_ROWS:
        forms.setdefault(row.form, []).append(row)
    return list(forms.items())
