"""Wordings of the sources issue 12 names: the old Schedule VI's headings and schedules,
Schedule III Division II (Ind AS) line items, a three-year comparative sheet, a Tally
trial balance, a partnership's T-format accounts, ageing tables, the Guidance Note's
illustrations, loan and ledger wordings and banks' CMA formats, in their own words.

Written from the formats themselves, not from the blind set, as a regression check that
the broadened vocabulary (pipeline/classifier/data/) reads them.
"""

from __future__ import annotations

import pytest

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext

BS, PL = "balance_sheet", "profit_and_loss"
MAKER = {"constitution": "private_limited", "industry": "manufacturing"}
CASES = [
    (
        "Interest accrued and due on secured loans",
        "Schedule 3 - Secured Loans",
        BS,
        "other_current_liabilities",
    ),
    ("Loans and advances from banks", "Schedule 3 - Secured Loans", BS, "term_loans"),
    (
        "Short-term loans and advances from banks",
        "Schedule 4 - Unsecured Loans",
        BS,
        "bank_borrowings_wc",
    ),
    ("Fixed deposits", "Schedule 4 - Unsecured Loans", BS, "term_deposits"),
    ("Acceptances", "Schedule 9 - Current Liabilities and Provisions", BS, "sundry_creditors"),
    (
        "Advance payments and unexpired discounts",
        "Schedule 9 - Current Liabilities and Provisions",
        BS,
        "advances_from_customers",
    ),
    (
        "Unclaimed dividends",
        "Schedule 9 - Current Liabilities and Provisions",
        BS,
        "dividend_payable",
    ),
    (
        "Interest accrued but not due on loans",
        "Schedule 9 - Current Liabilities and Provisions",
        BS,
        "other_current_liabilities",
    ),
    ("Proposed dividends", "Provisions", BS, "dividend_payable"),
    ("Provision for taxation", "Provisions", BS, "provision_for_tax"),
    (
        "Interest accrued on investments",
        "Schedule 7 - Current Assets, Loans and Advances",
        BS,
        "other_current_assets",
    ),
    (
        "Stores and spare parts",
        "Schedule 7 - Current Assets, Loans and Advances",
        BS,
        "inventory_spares",
    ),
    ("Loose tools", "Current Assets, Loans and Advances", BS, "inventory_spares"),
    ("Stock-in-trade", "Current Assets, Loans and Advances", BS, "inventory_fg"),
    (
        "Debts outstanding for a period exceeding six months",
        "Sundry Debtors",
        BS,
        "other_noncurrent_assets",
    ),
    ("Other debts", "Sundry Debtors", BS, "receivables_domestic"),
    ("Bank balances with scheduled banks", "Current Assets, Loans and Advances", BS, "cash_bank"),
    (
        "Advances recoverable in cash or in kind or for value to be received",
        "Loans and Advances",
        BS,
        "other_current_assets",
    ),
    (
        "Balances with customs, port trust and excise authorities",
        "Loans and Advances",
        BS,
        "other_current_assets",
    ),
    ("Bills of exchange", "Loans and Advances", BS, "receivables_domestic"),
    (
        "Preliminary expenses",
        "Miscellaneous expenditure (to the extent not written off or adjusted)",
        BS,
        "intangible_assets",
    ),
    (
        "Discount allowed on issue of shares",
        "Miscellaneous expenditure (to the extent not written off or adjusted)",
        BS,
        "intangible_assets",
    ),
    ("Profit and loss account (debit balance)", "Application of funds", BS, "intangible_assets"),
    ("Investment in Government securities", "Investments", BS, "investments_noncurrent"),
    ("Capital of partnership firms", "Investments", BS, "investments_noncurrent"),
    ("Turnover", "Income", PL, "sales_domestic"),
    ("Commission paid to sole selling agents", "Expenditure", PL, "sga_expenses"),
    ("Payments to and provisions for employees", "Expenditure", PL, "sga_expenses"),
    (
        "Consumption of stores and spare parts",
        "Manufacturing and other expenses",
        PL,
        "spares_indigenous",
    ),
    ("Interest on debentures and fixed loans", "Interest", PL, "interest"),
    ("Income from investments", "Income", PL, "nonop_income"),
    ("Profit on sale of investments", "Income", PL, "nonop_income"),
    ("Managerial remuneration", "Expenditure", PL, "sga_expenses"),
    ("Payments to the auditor as auditor", "Expenditure", PL, "sga_expenses"),
    ("Rent", "Expenditure", PL, "sga_expenses"),
    ("Rates and taxes", "Expenditure", PL, "sga_expenses"),
    (
        "Depreciation on right-of-use assets",
        "Depreciation and amortisation expense",
        PL,
        "depreciation",
    ),
    ("Interest on lease liabilities", "Finance costs", PL, "interest"),
    ("Right-of-use assets", "Non-current assets", BS, "gross_block"),
    ("Lease liabilities", "Non-current financial liabilities", BS, "other_term_liabilities"),
    ("Lease liabilities", "Current financial liabilities", BS, "other_current_liabilities"),
    ("Remeasurement of defined benefit plans", "Other comprehensive income", PL, "nonop_income"),
    ("Items of OCI - equity instruments through OCI", "Other equity", BS, "other_reserves"),
    ("Current tax liabilities (net)", "Current liabilities", BS, "provision_for_tax"),
    ("Current tax assets (net)", "Non-current assets", BS, "advance_tax"),
    ("Contract liabilities", "Other current liabilities", BS, "advances_from_customers"),
    ("Security deposits", "Non-current financial assets - Others", BS, "other_noncurrent_assets"),
    (
        "Bank deposits with more than 12 months maturity",
        "Non-current financial assets - Others",
        BS,
        "investments_current",
    ),
    ("Unbilled revenue", "Other current financial assets", BS, "other_current_assets"),
    ("Investment property", "Non-current assets", BS, "investments_noncurrent"),
    ("Goodwill", "Non-current assets", BS, "intangible_assets"),
    ("Capital work-in-progress", "Non-current assets", BS, "gross_block"),
    ("Deferred tax assets (net)", "Non-current assets", BS, "intangible_assets"),
    ("Loans to employees", "Current financial assets - Loans", BS, "other_current_assets"),
    (
        "Derivative liabilities",
        "Other current financial liabilities",
        BS,
        "other_current_liabilities",
    ),
    (
        "Total outstanding dues of micro enterprises and small enterprises",
        "Current financial liabilities - Trade payables",
        BS,
        "sundry_creditors",
    ),
    (
        "Total outstanding dues of creditors other than micro enterprises and small enterprises",
        "Current financial liabilities - Trade payables",
        BS,
        "sundry_creditors",
    ),
    (
        "Working capital loans from banks",
        "Current financial liabilities - Borrowings",
        BS,
        "bank_borrowings_wc",
    ),
    (
        "Current maturities of long-term borrowings",
        "Current financial liabilities - Borrowings",
        BS,
        "current_maturities_ltd",
    ),
    (
        "Term loans from banks (secured)",
        "Non-current financial liabilities - Borrowings",
        BS,
        "term_loans",
    ),
    (
        "Employee benefits payable",
        "Other current financial liabilities",
        BS,
        "other_current_liabilities",
    ),
    ("Statutory dues payable", "Other current liabilities", BS, "statutory_liabilities"),
    ("Provision for employee benefits", "Non-current provisions", BS, "other_term_liabilities"),
    ("Provision for employee benefits", "Current provisions", BS, "other_current_liabilities"),
    ("Retained earnings", "Other equity", BS, "pl_surplus"),
    ("Equity share capital", "Equity", BS, "share_capital"),
]


@pytest.mark.parametrize(("label", "section", "statement", "expected"), CASES)
def test_a_line_of_the_format_gets_its_row(label, section, statement, expected):
    item = ItemContext(
        label,
        section=section,
        statement=statement,
        constitution="public_limited",
        industry="manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A three-year comparative sheet: no statement, no side, one "Particulars" column, in order.
THREE_YEARS = [
    ("Gross sales - domestic", "sales_domestic"),
    ("Export sales", "sales_export"),
    ("Less: Excise duty / GST", "duties_on_sales"),
    ("Raw materials consumed - indigenous", "rm_indigenous"),
    ("Raw materials consumed - imported", "rm_imported"),
    ("Stores and spares consumed", "spares_indigenous"),
    ("Power and fuel", "power_fuel"),
    ("Direct labour", "direct_labour"),
    ("Other manufacturing expenses", "other_mfg_expenses"),
    ("Depreciation", "depreciation"),
    ("Opening stock-in-process", "opening_wip"),
    ("Closing stock-in-process", "closing_wip"),
    ("Opening stock of finished goods", "opening_fg"),
    ("Closing stock of finished goods", "closing_fg"),
    ("Selling, general and administrative expenses", "sga_expenses"),
    ("Interest and finance charges", "interest"),
    ("Other non-operating income", "nonop_income"),
    ("Other non-operating expenses", "nonop_expenses"),
    ("Provision for taxes", "tax"),
    ("Dividend paid", "dividend"),
    ("Short-term borrowings from banks (CC/OD)", "bank_borrowings_wc"),
    ("Sundry creditors", "sundry_creditors"),
    ("Advances from customers", "advances_from_customers"),
    ("Provision for taxation", "provision_for_tax"),
    ("Statutory liabilities", "statutory_liabilities"),
    ("Instalments of term loans due within one year", "current_maturities_ltd"),
    ("Other current liabilities", "other_current_liabilities"),
    ("Term loans (excluding instalments due within one year)", "term_loans"),
    ("Unsecured loans from directors", "other_term_liabilities"),
    ("Deferred tax liability", "other_term_liabilities"),
    ("Equity share capital", "share_capital"),
    ("General reserve", "general_reserve"),
    ("Surplus in profit and loss account", "pl_surplus"),
    ("Cash and bank balances", "cash_bank"),
    ("Sundry debtors", "receivables_domestic"),
    ("Export receivables", "receivables_export"),
    ("Raw materials", "inventory_rm"),
    ("Stock-in-process", "inventory_wip"),
    ("Finished goods", "inventory_fg"),
    ("Consumable stores and spares", "inventory_spares"),
    ("Advances to suppliers", "advances_to_suppliers"),
    ("Advance tax and TDS", "advance_tax"),
    ("Other current assets", "other_current_assets"),
    ("Gross block", "gross_block"),
    ("Less: Accumulated depreciation", "accumulated_depreciation"),
    ("Investments in subsidiaries", "investments_noncurrent"),
    ("Security deposits", "other_noncurrent_assets"),
    ("Preliminary expenses not written off", "intangible_assets"),
]


def test_a_three_year_sheet_is_read_without_its_statement():
    items = [
        ItemContext(label, section="Particulars", sheet="3 Years", file="3y.xlsx", **MAKER)
        for label, _ in THREE_YEARS
    ]
    got = [v.cma_key for v in Classifier().classify(items)]
    wrong = [
        (label, want, row)
        for (label, want), row in zip(THREE_YEARS, got, strict=True)
        if row != want
    ]
    assert not wrong


# A Tally trial balance: ledgers with their predefined group and Dr/Cr, no statement.
TRIAL_BALANCE = [
    ("IGST Output @18%", "Duties & Taxes", "Cr", "statutory_liabilities"),
    ("CGST Input", "Duties & Taxes", "Dr", "other_current_assets"),
    ("TDS Payable - 194C", "Duties & Taxes", "Cr", "statutory_liabilities"),
    ("TDS Receivable FY 24-25", "Loans & Advances (Asset)", "Dr", "advance_tax"),
    ("TCS Payable", "Duties & Taxes", "Cr", "statutory_liabilities"),
    ("Sharma Traders (MSME)", "Sundry Creditors", "Cr", "sundry_creditors"),
    ("HDFC Bank CC A/c", "Bank OD A/c", "Cr", "bank_borrowings_wc"),
    ("SBI Term Loan A/c", "Secured Loans", "Cr", "term_loans"),
    ("Loan from Director - Mr. Rao", "Unsecured Loans", "Cr", "other_term_liabilities"),
    ("Salary Payable", "Provisions", "Cr", "other_current_liabilities"),
    ("Audit Fees Payable", "Provisions", "Cr", "other_current_liabilities"),
    ("Electricity Deposit", "Deposits (Asset)", "Dr", "other_noncurrent_assets"),
    ("Plant & Machinery", "Fixed Assets", "Dr", "gross_block"),
    ("Sales - GST 18%", "Sales Accounts", "Cr", "sales_domestic"),
    ("Purchase - Local 12%", "Purchase Accounts", "Dr", "rm_indigenous"),
    ("Freight Inward", "Direct Expenses", "Dr", "other_mfg_expenses"),
    ("Office Rent", "Indirect Expenses", "Dr", "sga_expenses"),
    ("Interest on CC", "Indirect Expenses", "Dr", "interest"),
    ("Discount Received", "Indirect Incomes", "Cr", "nonop_income"),
    ("Opening Stock", "Stock-in-Hand", "Dr", "opening_fg"),
    ("Cash", "Cash-in-Hand", "Dr", "cash_bank"),
    ("Preliminary Expenses", "Misc. Expenses (ASSET)", "Dr", "intangible_assets"),
    ("Mutual Fund - HDFC Liquid", "Investments", "Dr", "investments_current"),
    ("Advance to Supplier - Steel", "Loans & Advances (Asset)", "Dr", "advances_to_suppliers"),
    ("GST RCM Payable", "Duties & Taxes", "Cr", "statutory_liabilities"),
    ("PF Payable", "Duties & Taxes", "Cr", "statutory_liabilities"),
    ("Provision for Income Tax", "Provisions", "Cr", "provision_for_tax"),
    ("Depreciation", "Indirect Expenses", "Dr", "depreciation"),
    ("Drawings", "Capital Account", "Dr", "dividend"),
    ("Mahesh Capital A/c", "Capital Account", "Cr", "share_capital"),
]


@pytest.mark.parametrize(("label", "group", "side", "expected"), TRIAL_BALANCE)
def test_a_trial_balance_ledger_gets_its_row(label, group, side, expected):
    item = ItemContext(
        label,
        tally_group=group,
        side=side,
        file="tb.csv",
        constitution="proprietorship",
        industry="manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A partnership's T-format trading and profit and loss account ('To' / 'By').
T_FORMAT = [
    ("To Opening Stock", "Trading Account", "Dr", "opening_fg"),
    ("To Purchases", "Trading Account", "Dr", "rm_indigenous"),
    ("To Wages", "Manufacturing Account", "Dr", "direct_labour"),
    ("To Carriage Inward", "Trading Account", "Dr", "other_mfg_expenses"),
    ("To Gross Profit c/d", "Trading Account", "Dr", None),
    ("By Sales", "Trading Account", "Cr", "sales_domestic"),
    ("By Closing Stock", "Trading Account", "Cr", "closing_fg"),
    ("To Salary to Partners", "Profit and Loss Account", "Dr", "sga_expenses"),
    ("To Interest on Partners' Capital", "Profit and Loss Account", "Dr", "interest"),
    ("To Carriage Outward", "Profit and Loss Account", "Dr", "sga_expenses"),
    ("To Net Profit transferred to Partners' Capital A/c", "Profit and Loss Account", "Dr", None),
    ("By Gross Profit b/d", "Profit and Loss Account", "Cr", None),
    ("By Interest on FD", "Profit and Loss Account", "Cr", "nonop_income"),
    ("By Discount Received", "Profit and Loss Account", "Cr", "nonop_income"),
    ("To Depreciation", "Profit and Loss Account", "Dr", "depreciation"),
    ("To Bank Charges", "Profit and Loss Account", "Dr", "interest"),
    ("To Bad Debts", "Profit and Loss Account", "Dr", "sga_expenses"),
]


@pytest.mark.parametrize(("label", "account", "side", "expected"), T_FORMAT)
def test_a_t_format_line_gets_its_row(label, account, side, expected):
    item = ItemContext(
        label, section=account, side=side, constitution="partnership", industry="trading"
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# Schedule III ageing tables (2021 amendment) and the ICAI Guidance Note's illustrations.
AGEING_AND_GUIDANCE_NOTE = [
    (
        "Undisputed trade receivables - considered good - less than 6 months",
        "Trade receivables ageing schedule",
        BS,
        "receivables_domestic",
    ),
    (
        "Undisputed trade receivables - considered good - 6 months to 1 year",
        "Trade receivables ageing schedule",
        BS,
        "other_noncurrent_assets",
    ),
    (
        "Undisputed trade receivables - considered good - 1-2 years",
        "Trade receivables ageing schedule",
        BS,
        "other_noncurrent_assets",
    ),
    (
        "Undisputed trade receivables - considered good - more than 3 years",
        "Trade receivables ageing schedule",
        BS,
        "other_noncurrent_assets",
    ),
    ("Not due", "Trade receivables ageing schedule", BS, "receivables_domestic"),
    ("Less than 6 months", "Trade receivables", BS, "receivables_domestic"),
    ("6 months - 1 year", "Trade receivables", BS, "other_noncurrent_assets"),
    ("MSME - less than 1 year", "Trade payables ageing schedule", BS, "sundry_creditors"),
    ("Others - 1-2 years", "Trade payables ageing schedule", BS, "sundry_creditors"),
    ("Disputed dues - MSME", "Trade payables ageing schedule", BS, "sundry_creditors"),
    ("Disputed dues - Others", "Trade payables ageing schedule", BS, "sundry_creditors"),
    ("Bonds / debentures", "Long-term borrowings", BS, "debentures"),
    ("Term loans from banks", "Long-term borrowings", BS, "term_loans"),
    ("Term loans from other parties", "Long-term borrowings", BS, "term_loans"),
    ("Deferred payment liabilities", "Long-term borrowings", BS, "deferred_payment_credits"),
    ("Deposits", "Long-term borrowings", BS, "term_deposits"),
    (
        "Loans and advances from related parties",
        "Long-term borrowings",
        BS,
        "other_term_liabilities",
    ),
    (
        "Long term maturities of finance lease obligations",
        "Long-term borrowings",
        BS,
        "other_term_liabilities",
    ),
    ("Loans repayable on demand from banks", "Short-term borrowings", BS, "bank_borrowings_wc"),
    (
        "Loans repayable on demand from other parties",
        "Short-term borrowings",
        BS,
        "st_borrowings_other",
    ),
    (
        "Current maturities of finance lease obligations",
        "Other current liabilities",
        BS,
        "current_maturities_ltd",
    ),
    (
        "Interest accrued but not due on borrowings",
        "Other current liabilities",
        BS,
        "other_current_liabilities",
    ),
    ("Income received in advance", "Other current liabilities", BS, "other_current_liabilities"),
    (
        "Unpaid matured deposits and interest accrued thereon",
        "Other current liabilities",
        BS,
        "other_current_liabilities",
    ),
    (
        "Application money received for allotment of securities and due for refund",
        "Other current liabilities",
        BS,
        "other_current_liabilities",
    ),
    (
        "Other payables (specify nature)",
        "Other current liabilities",
        BS,
        "other_current_liabilities",
    ),
    ("Provision for employee benefits", "Short-term provisions", BS, "other_current_liabilities"),
    ("Capital advances", "Long-term loans and advances", BS, "advances_capital_goods"),
    ("Security deposits", "Long-term loans and advances", BS, "other_noncurrent_assets"),
    (
        "Loans and advances to related parties",
        "Long-term loans and advances",
        BS,
        "other_noncurrent_assets",
    ),
    (
        "Long-term trade receivables (including trade receivables on deferred credit terms)",
        "Other non-current assets",
        BS,
        "deferred_receivables_noncurrent",
    ),
    ("Investment in equity instruments", "Non-current investments", BS, "investments_noncurrent"),
    ("Investments in mutual funds", "Current investments", BS, "investments_current"),
    ("Cheques, drafts on hand", "Cash and cash equivalents", BS, "cash_bank"),
    ("Balances with banks", "Cash and cash equivalents", BS, "cash_bank"),
    (
        "Stock-in-trade (in respect of goods acquired for trading)",
        "Inventories",
        BS,
        "inventory_fg",
    ),
    ("Goods-in-transit", "Inventories", BS, "inventory_fg"),
    ("Unsecured, considered good", "Trade receivables", BS, "receivables_domestic"),
    ("Doubtful", "Trade receivables", BS, "receivables_domestic"),
    ("Sale of products", "Revenue from operations", PL, "sales_domestic"),
    ("Other operating revenues", "Revenue from operations", PL, "sales_domestic"),
    ("Less: Excise duty", "Revenue from operations", PL, "duties_on_sales"),
    (
        "Interest income (in case of a company other than a finance company)",
        "Other income",
        PL,
        "nonop_income",
    ),
    ("Net gain/loss on sale of investments", "Other income", PL, "nonop_income"),
    (
        "Other non-operating income (net of expenses directly attributable to such income)",
        "Other income",
        PL,
        "nonop_income",
    ),
    ("Salaries and wages", "Employee benefits expense", PL, "sga_expenses"),
    ("Contribution to provident and other funds", "Employee benefits expense", PL, "sga_expenses"),
    (
        "Expense on Employee Stock Option Scheme (ESOP)",
        "Employee benefits expense",
        PL,
        "sga_expenses",
    ),
    ("Interest expense", "Finance costs", PL, "interest"),
    ("Other borrowing costs", "Finance costs", PL, "interest"),
    (
        "Applicable net gain/loss on foreign currency transactions and translation",
        "Finance costs",
        PL,
        "interest",
    ),
    ("Consumption of stores and spare parts", "Other expenses", PL, "spares_indigenous"),
    ("Power and fuel", "Other expenses", PL, "power_fuel"),
    ("Rent", "Other expenses", PL, "sga_expenses"),
    ("Repairs to buildings", "Other expenses", PL, "sga_expenses"),
    ("Repairs to machinery", "Other expenses", PL, "other_mfg_expenses"),
    ("Insurance", "Other expenses", PL, "sga_expenses"),
    ("Rates and taxes, excluding taxes on income", "Other expenses", PL, "sga_expenses"),
    ("Miscellaneous expenses", "Other expenses", PL, "sga_expenses"),
    ("Payments to the auditor - for taxation matters", "Other expenses", PL, "sga_expenses"),
    ("Prior period items", "Exceptional items", PL, "nonop_expenses"),
    ("Current tax", "Tax expense", PL, "tax"),
    ("Deferred tax", "Tax expense", PL, "tax"),
    ("Raw materials consumed", "Cost of materials consumed", PL, "rm_indigenous"),
    ("Purchases of stock-in-trade", "Expenses", PL, "rm_indigenous"),
    (
        "Inventories at the end of the year - finished goods",
        "Changes in inventories of finished goods, work-in-progress and stock-in-trade",
        PL,
        "closing_fg",
    ),
    (
        "Inventories at the beginning of the year - work-in-progress",
        "Changes in inventories of finished goods, work-in-progress and stock-in-trade",
        PL,
        "opening_wip",
    ),
]


@pytest.mark.parametrize(("label", "section", "statement", "expected"), AGEING_AND_GUIDANCE_NOTE)
def test_an_ageing_or_guidance_note_line_gets_its_row(label, section, statement, expected):
    item = ItemContext(label, section=section, statement=statement, **MAKER)
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# Loan wordings of notes and sanction letters, Ind AS profit and loss lines, a proprietor's
# capital account and the ledgers a small trader keeps.
LOANS_IND_AS_AND_LEDGERS = [
    (
        "Cash Credit facility from State Bank of India "
        "(secured by hypothecation of stocks and book debts)",
        "Short-term borrowings",
        BS,
        "bank_borrowings_wc",
    ),
    ("Working Capital Demand Loan - ICICI Bank", "Short-term borrowings", BS, "bank_borrowings_wc"),
    (
        "Packing credit in foreign currency (PCFC)",
        "Short-term borrowings",
        BS,
        "bank_borrowings_wc",
    ),
    ("Post-shipment credit - EBRD", "Short-term borrowings", BS, "bank_borrowings_wc"),
    ("Bills discounted with banks", "Short-term borrowings", BS, "bank_borrowings_wc"),
    ("Overdraft against fixed deposits", "Short-term borrowings", BS, "bank_borrowings_wc"),
    ("GECL 2.0 loan from Canara Bank", "Long-term borrowings", BS, "term_loans"),
    ("Guaranteed Emergency Credit Line (GECL)", "Long-term borrowings", BS, "term_loans"),
    ("SIDBI term loan for machinery", "Long-term borrowings", BS, "term_loans"),
    (
        "Vehicle loans from HDFC Bank (secured by hypothecation of vehicles)",
        "Long-term borrowings",
        BS,
        "term_loans",
    ),
    ("Equipment loan from Tata Capital", "Long-term borrowings", BS, "term_loans"),
    ("Current maturities of GECL loan", "Short-term borrowings", BS, "current_maturities_ltd"),
    (
        "Unsecured loans from directors and their relatives",
        "Long-term borrowings",
        BS,
        "other_term_liabilities",
    ),
    ("Inter-corporate deposits", "Short-term borrowings", BS, "st_borrowings_other"),
    (
        "Items that will not be reclassified to profit or loss - "
        "remeasurement of defined benefit plans",
        "Other comprehensive income",
        PL,
        "nonop_income",
    ),
    (
        "Income tax relating to items that will not be reclassified to profit or loss",
        "Other comprehensive income",
        PL,
        "tax",
    ),
    ("Share of profit of associates", "Statement of profit and loss", PL, "nonop_income"),
    ("Net gain on fair value changes", "Other income", PL, "nonop_income"),
    ("Interest on lease liabilities", "Finance costs", PL, "interest"),
    ("Unwinding of discount on provisions", "Finance costs", PL, "interest"),
    (
        "Depreciation on investment property",
        "Depreciation and amortisation expense",
        PL,
        "depreciation",
    ),
    ("Impairment loss on financial assets", "Other expenses", PL, "sga_expenses"),
    ("Bardana purchase", "Expenses", PL, "spares_indigenous"),
    ("Hamali charges", "Expenses", PL, "sga_expenses"),
    ("Diwali expenses", "Expenses", PL, "sga_expenses"),
    ("Kasar / Vatav", "Expenses", PL, "sga_expenses"),
    ("Round off", "Expenses", PL, "sga_expenses"),
    ("Tea and refreshment", "Expenses", PL, "sga_expenses"),
    ("Staff tea expenses", "Expenses", PL, "sga_expenses"),
    ("Shop rent", "Expenses", PL, "sga_expenses"),
    ("Godown rent", "Expenses", PL, "sga_expenses"),
    ("Electricity charges - shop", "Expenses", PL, "sga_expenses"),
    ("Petrol and diesel - car", "Expenses", PL, "sga_expenses"),
    ("Generator diesel", "Expenses", PL, "power_fuel"),
    ("Commission on sales", "Expenses", PL, "sga_expenses"),
    ("Interest on OD", "Expenses", PL, "interest"),
    ("Bank charges", "Expenses", PL, "interest"),
    ("TDS on rent receivable", "Current assets", BS, "advance_tax"),
    ("GST Electronic Cash Ledger", "Current assets", BS, "other_current_assets"),
    ("Sundry creditors for goods - MSME", "Current liabilities", BS, "sundry_creditors"),
    ("Sundry creditors for expenses", "Current liabilities", BS, "other_current_liabilities"),
    ("Output CGST", "Current liabilities", BS, "statutory_liabilities"),
    ("Professional tax payable", "Current liabilities", BS, "statutory_liabilities"),
    ("Advance received from customers", "Current liabilities", BS, "advances_from_customers"),
    ("Income tax payable (net of advance tax)", "Current liabilities", BS, "provision_for_tax"),
]
PROPRIETOR_SECTIONS = {"Expenses", "Current assets", "Current liabilities"}


@pytest.mark.parametrize(("label", "section", "statement", "expected"), LOANS_IND_AS_AND_LEDGERS)
def test_a_loan_ind_as_or_ledger_line_gets_its_row(label, section, statement, expected):
    proprietor = section in PROPRIETOR_SECTIONS
    item = ItemContext(
        label,
        section=section,
        statement=statement,
        constitution="proprietorship" if proprietor else "private_limited",
        industry="trading" if section == "Expenses" else "manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


def test_a_proprietors_capital_account_is_read_as_one_account():
    lines = [
        ("Opening balance", None),
        ("Add: Net profit for the year", None),
        ("Less: Drawings", "dividend"),
        ("Less: Income tax paid", "dividend"),
        ("Closing balance", "share_capital"),
    ]
    items = [
        ItemContext(label, section="Capital Account", statement=BS, constitution="proprietorship")
        for label, _ in lines
    ]
    got = [v.cma_key for v in Classifier().classify(items)]
    assert got == [expected for _, expected in lines]


# The rows of banks' CMA formats (Form II and Form III) printed as statement lines.
BANK_CMA_FORMAT = [
    (
        "Short-term borrowings from banks (including bills purchased, "
        "discounted and excess borrowings placed on repayment basis)",
        "Current liabilities",
        BS,
        "bank_borrowings_wc",
    ),
    ("Short-term borrowings from others", "Current liabilities", BS, "st_borrowings_other"),
    ("Sundry creditors (trade)", "Current liabilities", BS, "sundry_creditors"),
    (
        "Advance payments from customers / deposits from dealers",
        "Current liabilities",
        BS,
        "advances_from_customers",
    ),
    ("Provision for taxation", "Current liabilities", BS, "provision_for_tax"),
    ("Dividend payable", "Current liabilities", BS, "dividend_payable"),
    (
        "Other statutory liabilities (due within one year)",
        "Current liabilities",
        BS,
        "statutory_liabilities",
    ),
    (
        "Deposits / instalments of term loans / DPGs / debentures (due within one year)",
        "Current liabilities",
        BS,
        "current_maturities_ltd",
    ),
    (
        "Other current liabilities and provisions (due within one year)",
        "Current liabilities",
        BS,
        "other_current_liabilities",
    ),
    ("Debentures (not maturing within one year)", "Term liabilities", BS, "debentures"),
    (
        "Redeemable preference shares (maturing after one year)",
        "Term liabilities",
        BS,
        "preference_shares",
    ),
    (
        "Term loans (excluding instalments repayable within one year)",
        "Term liabilities",
        BS,
        "term_loans",
    ),
    (
        "Deferred payment credits (excluding instalments due within one year)",
        "Term liabilities",
        BS,
        "deferred_payment_credits",
    ),
    ("Term deposits (repayable after one year)", "Term liabilities", BS, "term_deposits"),
    ("Other term liabilities", "Term liabilities", BS, "other_term_liabilities"),
    ("Ordinary share capital", "Net worth", BS, "share_capital"),
    ("Revaluation reserve", "Net worth", BS, "revaluation_reserve"),
    ("Surplus (+) or deficit (-) in profit and loss account", "Net worth", BS, "pl_surplus"),
    (
        "Investments (other than long-term investments) - Government and other trustee securities",
        "Current assets",
        BS,
        "investments_current",
    ),
    ("Fixed deposits with banks", "Current assets", BS, "investments_current"),
    (
        "Receivables other than deferred and exports (including bills "
        "purchased and discounted by bankers)",
        "Current assets",
        BS,
        "receivables_domestic",
    ),
    (
        "Export receivables (including bills purchased and discounted by bankers)",
        "Current assets",
        BS,
        "receivables_export",
    ),
    (
        "Instalments of deferred receivables (due within one year)",
        "Current assets",
        BS,
        "deferred_receivables_current",
    ),
    (
        "Raw materials (including stores and other items used in the process "
        "of manufacture) - imported",
        "Inventory",
        BS,
        "inventory_rm",
    ),
    ("Stocks-in-process", "Inventory", BS, "inventory_wip"),
    ("Finished goods", "Inventory", BS, "inventory_fg"),
    ("Other consumable spares - indigenous", "Inventory", BS, "inventory_spares"),
    (
        "Advances to suppliers of raw materials and stores / spares",
        "Current assets",
        BS,
        "advances_to_suppliers",
    ),
    ("Advance payment of taxes", "Current assets", BS, "advance_tax"),
    ("Other current assets (specify major items)", "Current assets", BS, "other_current_assets"),
    (
        "Gross block (land and building, machinery, work-in-process)",
        "Fixed assets",
        BS,
        "gross_block",
    ),
    ("Depreciation to date", "Fixed assets", BS, "accumulated_depreciation"),
    (
        "Advances to suppliers of capital goods and contractors",
        "Other non-current assets",
        BS,
        "advances_capital_goods",
    ),
    (
        "Deferred receivables (maturity exceeding one year)",
        "Other non-current assets",
        BS,
        "deferred_receivables_noncurrent",
    ),
    ("Non-consumable stores and spares", "Other non-current assets", BS, "other_noncurrent_assets"),
    (
        "Intangible assets (patents, goodwill, preliminary expenses, bad / "
        "doubtful debts not provided for)",
        "Intangible assets",
        BS,
        "intangible_assets",
    ),
    ("Domestic sales", "Operating statement", PL, "sales_domestic"),
    ("Export sales", "Operating statement", PL, "sales_export"),
    ("Less: Excise duty", "Operating statement", PL, "duties_on_sales"),
    (
        "Raw materials (including stores and other items used in the process "
        "of manufacture) - indigenous",
        "Cost of sales",
        PL,
        "rm_indigenous",
    ),
    ("Other spares - imported", "Cost of sales", PL, "spares_imported"),
    ("Power and fuel", "Cost of sales", PL, "power_fuel"),
    ("Direct labour (factory wages and salaries)", "Cost of sales", PL, "direct_labour"),
    ("Other manufacturing expenses", "Cost of sales", PL, "other_mfg_expenses"),
    ("Add: Opening stock-in-process", "Cost of sales", PL, "opening_wip"),
    ("Deduct: Closing stock-in-process", "Cost of sales", PL, "closing_wip"),
    ("Add: Opening stock of finished goods", "Cost of sales", PL, "opening_fg"),
    ("Deduct: Closing stock of finished goods", "Cost of sales", PL, "closing_fg"),
    ("Selling, general and administrative expenses", "Operating statement", PL, "sga_expenses"),
    ("Add: Other non-operating income", "Operating statement", PL, "nonop_income"),
    ("Deduct: Other non-operating expenses", "Operating statement", PL, "nonop_expenses"),
    ("Provision for taxes", "Operating statement", PL, "tax"),
    ("Equity dividend paid", "Operating statement", PL, "dividend"),
]


@pytest.mark.parametrize(("label", "section", "statement", "expected"), BANK_CMA_FORMAT)
def test_a_bank_cma_format_row_gets_its_row(label, section, statement, expected):
    item = ItemContext(label, section=section, statement=statement, **MAKER)
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A vertical Tally export: each ledger under its predefined group, no side, no statement.
TALLY_GROUPS = [
    ("Sales @ 18% GST", "Sales Accounts", "sales_domestic"),
    ("Export Sales (LUT)", "Sales Accounts", "sales_export"),
    ("Purchase @ 18%", "Purchase Accounts", "rm_indigenous"),
    ("Import Purchase", "Purchase Accounts", "rm_imported"),
    ("Carriage Inward", "Direct Expenses", "other_mfg_expenses"),
    ("Factory Wages", "Direct Expenses", "direct_labour"),
    ("Electricity Charges", "Direct Expenses", "power_fuel"),
    ("Job Work Charges", "Direct Expenses", "other_mfg_expenses"),
    ("Staff Salary", "Indirect Expenses", "sga_expenses"),
    ("Audit Fees", "Indirect Expenses", "sga_expenses"),
    ("Interest on Term Loan", "Indirect Expenses", "interest"),
    ("Bank Charges", "Indirect Expenses", "interest"),
    ("Depreciation", "Indirect Expenses", "depreciation"),
    ("Loss on Sale of Car", "Indirect Expenses", "nonop_expenses"),
    ("Interest on FD", "Indirect Incomes", "nonop_income"),
    ("Rent Received", "Indirect Incomes", "nonop_income"),
    ("Discount Received", "Indirect Incomes", "nonop_income"),
    ("Duty Drawback", "Indirect Incomes", "sales_export"),
    ("Job Work Income", "Direct Incomes", "sales_domestic"),
    ("Opening Stock", "Opening Stock", "opening_fg"),
    ("HDFC Bank OD", "Bank OD A/c", "bank_borrowings_wc"),
    ("Axis Bank - Term Loan", "Secured Loans", "term_loans"),
    ("Vehicle Loan - ICICI", "Secured Loans", "term_loans"),
    ("Loan from Mrs. Sunita (wife)", "Unsecured Loans", "other_term_liabilities"),
    ("Output IGST", "Duties & Taxes", "statutory_liabilities"),
    ("Input CGST", "Duties & Taxes", "other_current_assets"),
    ("TDS on Contract", "Duties & Taxes", "statutory_liabilities"),
    ("Salary Payable", "Provisions", "other_current_liabilities"),
    ("Provision for Tax", "Provisions", "provision_for_tax"),
    ("ABC Steels", "Sundry Creditors", "sundry_creditors"),
    ("XYZ Enterprises", "Sundry Debtors", "receivables_domestic"),
    ("Cash", "Cash-in-Hand", "cash_bank"),
    ("SBI Current A/c", "Bank Accounts", "cash_bank"),
    ("FD with SBI", "Deposits (Asset)", "investments_current"),
    ("Telephone Deposit", "Deposits (Asset)", "other_noncurrent_assets"),
    ("Advance to Staff", "Loans & Advances (Asset)", "other_current_assets"),
    ("TDS Receivable", "Loans & Advances (Asset)", "advance_tax"),
    ("Computer", "Fixed Assets", "gross_block"),
    ("Shares of Saraswat Bank", "Investments", "investments_noncurrent"),
    ("Stock of Raw Material", "Stock-in-Hand", "inventory_rm"),
    ("Capital A/c - Ramesh", "Capital Account", "share_capital"),
    ("Drawings - Ramesh", "Capital Account", "dividend"),
    ("Preliminary Expenses", "Misc. Expenses (ASSET)", "intangible_assets"),
    ("Suspense A/c", "Suspense A/c", "other_current_liabilities"),
]


@pytest.mark.parametrize(("label", "group", "expected"), TALLY_GROUPS)
def test_a_tally_ledger_under_its_group_gets_its_row(label, group, expected):
    item = ItemContext(
        label,
        section=group,
        tally_group=group,
        file="tally.xlsx",
        constitution="proprietorship",
        industry="manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# Ledger names as accountants abbreviate them.
ABBREVIATED = [
    ("SUNDRY DRS", "Current Assets", BS, "receivables_domestic"),
    ("S. Crs", "Current Liabilities", BS, "sundry_creditors"),
    ("Adv. to Suppliers", "Current Assets", BS, "advances_to_suppliers"),
    ("P&M", "Fixed Assets", BS, "gross_block"),
    ("F&F", "Fixed Assets", BS, "gross_block"),
    ("Int. on CC", "Indirect Expenses", PL, "interest"),
    ("Depn.", "Indirect Expenses", PL, "depreciation"),
    ("Prov. for I.Tax", "Current Liabilities", BS, "provision_for_tax"),
    ("O/s Exps.", "Current Liabilities", BS, "other_current_liabilities"),
    ("TDS Recv.", "Current Assets", BS, "advance_tax"),
    ("Pre-paid Exps", "Current Assets", BS, "other_current_assets"),
    ("Cash in hand", "Current Assets", BS, "cash_bank"),
    ("CC A/c - BOB", "Loans (Liability)", BS, "bank_borrowings_wc"),
    ("Sec. Dep. - MSEB", "Current Assets", BS, "other_noncurrent_assets"),
    ("Misc. Exps.", "Indirect Expenses", PL, "sga_expenses"),
    ("Trvl. & Conv.", "Indirect Expenses", PL, "sga_expenses"),
    ("Tel. Exps", "Indirect Expenses", PL, "sga_expenses"),
    ("Advt. Exps", "Indirect Expenses", PL, "sga_expenses"),
    ("Sal. & Wages", "Indirect Expenses", PL, "sga_expenses"),
    ("Frt. Inward", "Direct Expenses", PL, "other_mfg_expenses"),
    ("Elec. Exp.", "Direct Expenses", PL, "power_fuel"),
    ("Stk. of RM", "Current Assets", BS, "inventory_rm"),
    ("WIP", "Current Assets", BS, "inventory_wip"),
    ("FG Stock", "Current Assets", BS, "inventory_fg"),
    ("Unsec. Loan from Dir.", "Loans (Liability)", BS, "other_term_liabilities"),
    ("TL from SBI", "Loans (Liability)", BS, "term_loans"),
    ("GST Pay.", "Current Liabilities", BS, "statutory_liabilities"),
    ("Adv. from Cust.", "Current Liabilities", BS, "advances_from_customers"),
]


@pytest.mark.parametrize(("label", "group", "statement", "expected"), ABBREVIATED)
def test_an_abbreviated_ledger_name_gets_its_row(label, group, statement, expected):
    item = ItemContext(
        label,
        section=group,
        tally_group=group,
        statement=statement,
        constitution="partnership",
        industry="manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A company's accounts in the old Schedule VI form: its numbered schedules.
OLD_SCHEDULE_VI = [
    ("Sales", "Schedule 11 - Sales", PL, "sales_domestic"),
    ("Less: Excise duty recovered on sales", "Schedule 11 - Sales", PL, "duties_on_sales"),
    ("Export sales (FOB)", "Schedule 11 - Sales", PL, "sales_export"),
    ("Job work charges received", "Schedule 11 - Sales", PL, "sales_domestic"),
    ("Interest received (TDS Rs. 12,000)", "Schedule 12 - Other Income", PL, "nonop_income"),
    ("Dividend on shares", "Schedule 12 - Other Income", PL, "nonop_income"),
    ("Profit on sale of fixed assets", "Schedule 12 - Other Income", PL, "nonop_income"),
    ("Miscellaneous receipts", "Schedule 12 - Other Income", PL, "nonop_income"),
    ("Opening stock - raw materials", "Schedule 13 - Raw Materials Consumed", PL, "rm_indigenous"),
    ("Add: Purchases", "Schedule 13 - Raw Materials Consumed", PL, "rm_indigenous"),
    ("Less: Closing stock", "Schedule 13 - Raw Materials Consumed", PL, "rm_indigenous"),
    (
        "Opening stock - Finished goods",
        "Schedule 14 - (Increase)/Decrease in Stocks",
        PL,
        "opening_fg",
    ),
    (
        "Opening stock - Work-in-process",
        "Schedule 14 - (Increase)/Decrease in Stocks",
        PL,
        "opening_wip",
    ),
    (
        "Closing stock - Finished goods",
        "Schedule 14 - (Increase)/Decrease in Stocks",
        PL,
        "closing_fg",
    ),
    (
        "Closing stock - Work-in-process",
        "Schedule 14 - (Increase)/Decrease in Stocks",
        PL,
        "closing_wip",
    ),
    (
        "Salaries, wages and bonus",
        "Schedule 15 - Payments to and Provisions for Employees",
        PL,
        "sga_expenses",
    ),
    (
        "Contribution to PF and other funds",
        "Schedule 15 - Payments to and Provisions for Employees",
        PL,
        "sga_expenses",
    ),
    (
        "Workmen and staff welfare expenses",
        "Schedule 15 - Payments to and Provisions for Employees",
        PL,
        "sga_expenses",
    ),
    (
        "Consumption of stores and spares",
        "Schedule 16 - Manufacturing and Other Expenses",
        PL,
        "spares_indigenous",
    ),
    ("Power and fuel", "Schedule 16 - Manufacturing and Other Expenses", PL, "power_fuel"),
    ("Repairs to buildings", "Schedule 16 - Manufacturing and Other Expenses", PL, "sga_expenses"),
    (
        "Repairs to machinery",
        "Schedule 16 - Manufacturing and Other Expenses",
        PL,
        "other_mfg_expenses",
    ),
    ("Rates and taxes", "Schedule 16 - Manufacturing and Other Expenses", PL, "sga_expenses"),
    (
        "Directors' sitting fees",
        "Schedule 16 - Manufacturing and Other Expenses",
        PL,
        "sga_expenses",
    ),
    (
        "Auditors' remuneration",
        "Schedule 16 - Manufacturing and Other Expenses",
        PL,
        "sga_expenses",
    ),
    (
        "Freight and forwarding on sales",
        "Schedule 16 - Manufacturing and Other Expenses",
        PL,
        "sga_expenses",
    ),
    ("Interest on fixed loans", "Schedule 17 - Interest", PL, "interest"),
    ("Interest - others", "Schedule 17 - Interest", PL, "interest"),
    ("Provision for taxation - current", "Profit and loss account", PL, "tax"),
    ("Provision for deferred tax", "Profit and loss account", PL, "tax"),
    ("Fringe benefit tax", "Profit and loss account", PL, "tax"),
    ("Proposed dividend", "Profit and loss account", PL, "dividend"),
    ("Corporate dividend tax", "Profit and loss account", PL, "dividend"),
    (
        "Equity shares of Rs. 10 each fully paid up",
        "Schedule 1 - Share Capital",
        BS,
        "share_capital",
    ),
    ("Capital reserve", "Schedule 2 - Reserves and Surplus", BS, "other_reserves"),
    ("Share premium account", "Schedule 2 - Reserves and Surplus", BS, "share_premium"),
    ("Balance in profit and loss account", "Schedule 2 - Reserves and Surplus", BS, "pl_surplus"),
    ("From banks - cash credit", "Schedule 3 - Secured Loans", BS, "bank_borrowings_wc"),
    ("From banks - term loans", "Schedule 3 - Secured Loans", BS, "term_loans"),
    ("Hire purchase loans", "Schedule 3 - Secured Loans", BS, "term_loans"),
    ("From directors", "Schedule 4 - Unsecured Loans", BS, "other_term_liabilities"),
    ("Sales tax deferral loan", "Schedule 4 - Unsecured Loans", BS, "deferred_payment_credits"),
    ("Sundry creditors - for goods", "Schedule 9 - Current Liabilities", BS, "sundry_creditors"),
    (
        "Sundry creditors - for expenses",
        "Schedule 9 - Current Liabilities",
        BS,
        "other_current_liabilities",
    ),
    (
        "Creditors for capital goods",
        "Schedule 9 - Current Liabilities",
        BS,
        "other_current_liabilities",
    ),
    ("Duties and taxes payable", "Schedule 9 - Current Liabilities", BS, "statutory_liabilities"),
    ("Provision for fringe benefit tax", "Schedule 10 - Provisions", BS, "provision_for_tax"),
    ("Gross block", "Schedule 5 - Fixed Assets", BS, "gross_block"),
    ("Less: Depreciation", "Schedule 5 - Fixed Assets", BS, "accumulated_depreciation"),
    ("Capital work-in-progress", "Schedule 5 - Fixed Assets", BS, "gross_block"),
    ("Quoted - at cost", "Schedule 6 - Investments", BS, "investments_noncurrent"),
    ("Raw materials", "Schedule 7 - Inventories", BS, "inventory_rm"),
    ("Goods in process", "Schedule 7 - Inventories", BS, "inventory_wip"),
    (
        "Debts outstanding for a period exceeding six months - considered good",
        "Schedule 8 - Sundry Debtors",
        BS,
        "other_noncurrent_assets",
    ),
    ("Other debts - considered good", "Schedule 8 - Sundry Debtors", BS, "receivables_domestic"),
    (
        "Balances with scheduled banks - in current accounts",
        "Schedule 8 - Cash and Bank Balances",
        BS,
        "cash_bank",
    ),
    (
        "Balances with scheduled banks - in fixed deposit accounts",
        "Schedule 8 - Cash and Bank Balances",
        BS,
        "investments_current",
    ),
    (
        "Advances recoverable in cash or kind",
        "Schedule 8 - Loans and Advances",
        BS,
        "other_current_assets",
    ),
    ("Advance income tax (net of provision)", "Schedule 8 - Loans and Advances", BS, "advance_tax"),
    ("Deposits", "Schedule 8 - Loans and Advances", BS, "other_noncurrent_assets"),
]


@pytest.mark.parametrize(("label", "schedule", "statement", "expected"), OLD_SCHEDULE_VI)
def test_an_old_schedule_vi_line_gets_its_row(label, schedule, statement, expected):
    item = ItemContext(
        label,
        section=schedule,
        statement=statement,
        constitution="public_limited",
        industry="manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# Notes of a company reporting under Ind AS (Schedule III Division II).
DIVISION_II_NOTES = [
    ("Freehold land", "Property, plant and equipment", BS, "gross_block"),
    ("Buildings", "Property, plant and equipment", BS, "gross_block"),
    (
        "Accumulated depreciation and impairment",
        "Property, plant and equipment",
        BS,
        "accumulated_depreciation",
    ),
    ("Right-of-use assets - buildings", "Right-of-use assets", BS, "gross_block"),
    ("Computer software", "Other intangible assets", BS, "intangible_assets"),
    (
        "Investment in equity shares of subsidiaries (unquoted, at cost)",
        "Non-current financial assets - Investments",
        BS,
        "investments_noncurrent",
    ),
    (
        "Investment in mutual funds at FVTPL",
        "Current financial assets - Investments",
        BS,
        "investments_current",
    ),
    ("Security deposits", "Non-current financial assets - Others", BS, "other_noncurrent_assets"),
    (
        "Bank deposits with remaining maturity of more than 12 months",
        "Non-current financial assets - Others",
        BS,
        "investments_current",
    ),
    ("Loans to employees", "Non-current financial assets - Loans", BS, "other_noncurrent_assets"),
    ("Deferred tax assets (net)", "Deferred tax assets", BS, "intangible_assets"),
    ("Capital advances", "Other non-current assets", BS, "advances_capital_goods"),
    ("Prepaid expenses", "Other non-current assets", BS, "other_noncurrent_assets"),
    (
        "Balances with government authorities",
        "Other non-current assets",
        BS,
        "other_noncurrent_assets",
    ),
    ("Raw materials (including goods in transit)", "Inventories", BS, "inventory_rm"),
    ("Work-in-progress", "Inventories", BS, "inventory_wip"),
    ("Stores and spares", "Inventories", BS, "inventory_spares"),
    (
        "Trade receivables - considered good - unsecured",
        "Current financial assets - Trade receivables",
        BS,
        "receivables_domestic",
    ),
    (
        "Less: Allowance for expected credit loss",
        "Current financial assets - Trade receivables",
        BS,
        "receivables_domestic",
    ),
    (
        "Balances with banks in current accounts",
        "Current financial assets - Cash and cash equivalents",
        BS,
        "cash_bank",
    ),
    (
        "Earmarked balances - unpaid dividend accounts",
        "Bank balances other than cash and cash equivalents",
        BS,
        "cash_bank",
    ),
    ("Interest accrued on deposits", "Other current financial assets", BS, "other_current_assets"),
    ("Advances to suppliers", "Other current assets", BS, "advances_to_suppliers"),
    ("GST input credit receivable", "Other current assets", BS, "other_current_assets"),
    ("Current tax assets (net)", "Current tax assets", BS, "advance_tax"),
    ("Equity share capital", "Equity", BS, "share_capital"),
    ("Securities premium", "Other equity", BS, "share_premium"),
    ("Remeasurement of defined benefit plans (OCI)", "Other equity", BS, "other_reserves"),
    (
        "Term loans from banks - secured",
        "Non-current financial liabilities - Borrowings",
        BS,
        "term_loans",
    ),
    (
        "Lease liabilities",
        "Non-current financial liabilities - Lease liabilities",
        BS,
        "other_term_liabilities",
    ),
    ("Provision for gratuity", "Non-current provisions", BS, "other_term_liabilities"),
    ("Deferred tax liabilities (net)", "Deferred tax liabilities", BS, "other_term_liabilities"),
    (
        "Working capital loans repayable on demand from banks",
        "Current financial liabilities - Borrowings",
        BS,
        "bank_borrowings_wc",
    ),
    (
        "Current maturities of long-term borrowings",
        "Current financial liabilities - Borrowings",
        BS,
        "current_maturities_ltd",
    ),
    (
        "Lease liabilities",
        "Current financial liabilities - Lease liabilities",
        BS,
        "other_current_liabilities",
    ),
    (
        "Dues of micro and small enterprises",
        "Current financial liabilities - Trade payables",
        BS,
        "sundry_creditors",
    ),
    (
        "Dues of creditors other than micro and small enterprises",
        "Current financial liabilities - Trade payables",
        BS,
        "sundry_creditors",
    ),
    (
        "Interest accrued but not due on borrowings",
        "Other current financial liabilities",
        BS,
        "other_current_liabilities",
    ),
    ("Unpaid dividends", "Other current financial liabilities", BS, "dividend_payable"),
    (
        "Payables for capital goods",
        "Other current financial liabilities",
        BS,
        "other_current_liabilities",
    ),
    (
        "Employee benefits payable",
        "Other current financial liabilities",
        BS,
        "other_current_liabilities",
    ),
    ("Statutory dues", "Other current liabilities", BS, "statutory_liabilities"),
    ("Advances from customers", "Other current liabilities", BS, "advances_from_customers"),
    ("Provision for compensated absences", "Current provisions", BS, "other_current_liabilities"),
    ("Current tax liabilities (net)", "Current tax liabilities", BS, "provision_for_tax"),
    ("Sale of products", "Revenue from operations", PL, "sales_domestic"),
    ("Export incentives", "Revenue from operations", PL, "sales_export"),
    ("Interest income on financial assets at amortised cost", "Other income", PL, "nonop_income"),
    ("Cost of materials consumed", "Expenses", PL, "rm_indigenous"),
    ("Purchases of stock-in-trade", "Expenses", PL, "rm_indigenous"),
    ("Salaries, wages and bonus", "Employee benefits expense", PL, "sga_expenses"),
    ("Share-based payment expense", "Employee benefits expense", PL, "sga_expenses"),
    ("Interest on borrowings", "Finance costs", PL, "interest"),
    (
        "Depreciation on property, plant and equipment",
        "Depreciation and amortisation expense",
        PL,
        "depreciation",
    ),
    (
        "Amortisation of intangible assets",
        "Depreciation and amortisation expense",
        PL,
        "depreciation",
    ),
    ("Corporate social responsibility expenditure", "Other expenses", PL, "sga_expenses"),
    ("Loss on sale of property, plant and equipment (net)", "Other expenses", PL, "nonop_expenses"),
    ("Current tax", "Tax expense", PL, "tax"),
    ("Deferred tax charge / (credit)", "Tax expense", PL, "tax"),
]


@pytest.mark.parametrize(("label", "note", "statement", "expected"), DIVISION_II_NOTES)
def test_a_division_ii_note_line_gets_its_row(label, note, statement, expected):
    item = ItemContext(
        label,
        section=note,
        statement=statement,
        constitution="public_limited",
        industry="manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A proprietor's T-format accounts: a transporter, a contractor, a professional, a trader.
PROPRIETORS_T_FORMAT = [
    ("By Freight received", "Profit and Loss Account", "Cr", "services", "sales_domestic"),
    ("To Diesel expenses", "Profit and Loss Account", "Dr", "services", "power_fuel"),
    ("To Driver salary", "Profit and Loss Account", "Dr", "services", "direct_labour"),
    ("To Tyres and tubes", "Profit and Loss Account", "Dr", "services", "other_mfg_expenses"),
    (
        "To Vehicle repairs and maintenance",
        "Profit and Loss Account",
        "Dr",
        "services",
        "other_mfg_expenses",
    ),
    ("To Toll tax", "Profit and Loss Account", "Dr", "services", "other_mfg_expenses"),
    ("To Office salary", "Profit and Loss Account", "Dr", "services", "sga_expenses"),
    ("By Contract receipts", "Profit and Loss Account", "Cr", "services", "sales_domestic"),
    ("To Sub-contract charges", "Profit and Loss Account", "Dr", "services", "other_mfg_expenses"),
    ("To Site expenses", "Profit and Loss Account", "Dr", "services", "other_mfg_expenses"),
    (
        "By Professional fees received",
        "Profit and Loss Account",
        "Cr",
        "services",
        "sales_domestic",
    ),
    ("To Purchases", "Trading Account", "Dr", "trading", "rm_indigenous"),
    ("To Opening stock", "Trading Account", "Dr", "trading", "opening_fg"),
    ("By Closing stock", "Trading Account", "Cr", "trading", "closing_fg"),
    ("To Freight and cartage", "Trading Account", "Dr", "trading", "other_mfg_expenses"),
    ("To Hamali", "Trading Account", "Dr", "trading", "other_mfg_expenses"),
    ("By Sales", "Trading Account", "Cr", "trading", "sales_domestic"),
    ("To Shop rent", "Profit and Loss Account", "Dr", "trading", "sga_expenses"),
    ("To Salary to staff", "Profit and Loss Account", "Dr", "trading", "sga_expenses"),
    ("To Interest on CC", "Profit and Loss Account", "Dr", "trading", "interest"),
    ("To Depreciation", "Profit and Loss Account", "Dr", "trading", "depreciation"),
    ("By Commission received", "Profit and Loss Account", "Cr", "trading", "nonop_income"),
    (
        "By Interest on income tax refund",
        "Profit and Loss Account",
        "Cr",
        "trading",
        "nonop_income",
    ),
    ("To Donation", "Profit and Loss Account", "Dr", "trading", "nonop_expenses"),
    (
        "To Net profit transferred to capital account",
        "Profit and Loss Account",
        "Dr",
        "trading",
        None,
    ),
    ("To Drawings", "Capital Account", "Dr", "trading", "dividend"),
]


@pytest.mark.parametrize(("label", "account", "side", "industry", "expected"), PROPRIETORS_T_FORMAT)
def test_a_proprietors_t_format_line_gets_its_row(label, account, side, industry, expected):
    item = ItemContext(
        label, section=account, side=side, constitution="proprietorship", industry=industry
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A trading partnership's vertical accounts.
PARTNERSHIP = [
    ("Partners' capital accounts", "Partners' funds", BS, "share_capital"),
    ("Partners' current accounts", "Partners' funds", BS, "share_capital"),
    ("Contribution from partners", "Partners' funds", BS, "share_capital"),
    ("Loans from partners", "Unsecured loans", BS, "other_term_liabilities"),
    ("Loan from relatives of partners", "Unsecured loans", BS, "other_term_liabilities"),
    ("Remuneration to partners", "Expenses", PL, "sga_expenses"),
    ("Interest on partners' capital", "Expenses", PL, "interest"),
    ("Interest on loans from partners", "Finance costs", PL, "interest"),
    (
        "Debit balance in partners' current account",
        "Loans and advances",
        BS,
        "other_noncurrent_assets",
    ),
    ("Cash credit from Bank of Baroda", "Secured loans", BS, "bank_borrowings_wc"),
    ("Car loan from Kotak Mahindra Prime", "Secured loans", BS, "term_loans"),
    ("Creditors for goods", "Current liabilities", BS, "sundry_creditors"),
    ("Outstanding expenses", "Current liabilities", BS, "other_current_liabilities"),
    ("Audit fee payable", "Current liabilities", BS, "other_current_liabilities"),
    ("Electricity charges payable", "Current liabilities", BS, "other_current_liabilities"),
    ("TDS payable", "Current liabilities", BS, "statutory_liabilities"),
    ("GST payable", "Current liabilities", BS, "statutory_liabilities"),
    ("Provision for income tax", "Current liabilities", BS, "provision_for_tax"),
    ("Stock in trade", "Current assets", BS, "inventory_fg"),
    ("Sundry debtors", "Current assets", BS, "receivables_domestic"),
    ("Cash on hand", "Current assets", BS, "cash_bank"),
    ("Balance with banks in current account", "Current assets", BS, "cash_bank"),
    ("Fixed deposit with Bank of India", "Current assets", BS, "investments_current"),
    ("Advance income tax and TDS", "Current assets", BS, "advance_tax"),
    ("GST receivable", "Current assets", BS, "other_current_assets"),
    ("Prepaid insurance", "Current assets", BS, "other_current_assets"),
    ("Deposits with MSEDCL", "Current assets", BS, "other_noncurrent_assets"),
    ("Income tax for the year", "Expenses", PL, "tax"),
]


@pytest.mark.parametrize(("label", "section", "statement", "expected"), PARTNERSHIP)
def test_a_partnership_line_gets_its_row(label, section, statement, expected):
    item = ItemContext(
        label, section=section, statement=statement, constitution="partnership", industry="trading"
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# Balance-sheet lines of a private company's notes, with the qualifiers that move them.
BALANCE_SHEET_NOTES = [
    ("Raw materials - in transit", "Inventories", "inventory_rm"),
    ("Finished goods - traded", "Inventories", "inventory_fg"),
    ("Stock of packing materials", "Inventories", "inventory_spares"),
    ("Scrap (at net realisable value)", "Inventories", "inventory_fg"),
    ("Semi-finished goods", "Inventories", "inventory_wip"),
    ("Stock-in-trade (goods purchased for resale)", "Inventories", "inventory_fg"),
    ("Balance with banks - in EEFC account", "Cash and cash equivalents", "cash_bank"),
    ("Cheques on hand", "Cash and cash equivalents", "cash_bank"),
    ("Margin money deposits against bank guarantees", "Other bank balances", "investments_current"),
    ("Investment in gold coins", "Non-current investments", "investments_noncurrent"),
    (
        "Investment in NSC (pledged with sales tax authorities)",
        "Non-current investments",
        "investments_noncurrent",
    ),
    ("Loans to subsidiaries", "Long-term loans and advances", "other_noncurrent_assets"),
    ("Advance to employees", "Short-term loans and advances", "other_current_assets"),
    (
        "Advance to suppliers for raw material",
        "Short-term loans and advances",
        "advances_to_suppliers",
    ),
    (
        "Capital work-in-progress - building under construction",
        "Property, plant and equipment",
        "gross_block",
    ),
    ("Vehicles", "Property, plant and equipment", "gross_block"),
    ("Leasehold land", "Property, plant and equipment", "gross_block"),
    ("Creditors for expenses", "Other current liabilities", "other_current_liabilities"),
    (
        "Deposits from customers (refundable)",
        "Other current liabilities",
        "advances_from_customers",
    ),
    ("Retention money payable", "Other current liabilities", "other_current_liabilities"),
    ("Book overdraft", "Other current liabilities", "other_current_liabilities"),
    ("Salary and wages payable", "Other current liabilities", "other_current_liabilities"),
    ("Bonus payable", "Short-term provisions", "other_current_liabilities"),
    ("Provision for warranty", "Short-term provisions", "other_current_liabilities"),
    ("Proposed dividend", "Short-term provisions", "dividend_payable"),
    ("Provision for income tax (net of advance tax)", "Short-term provisions", "provision_for_tax"),
    ("Unsecured loans from shareholders", "Long-term borrowings", "other_term_liabilities"),
    (
        "Loans from banks - secured against hypothecation of machinery",
        "Long-term borrowings",
        "term_loans",
    ),
    ("Vehicle loans", "Long-term borrowings", "term_loans"),
    ("Foreign currency term loan", "Long-term borrowings", "term_loans"),
    ("Buyer's credit", "Short-term borrowings", "bank_borrowings_wc"),
    ("Loans from directors (repayable on demand)", "Short-term borrowings", "st_borrowings_other"),
    ("Interest-free sales tax deferment loan", "Long-term borrowings", "deferred_payment_credits"),
    ("Trade deposits received", "Other long-term liabilities", "other_term_liabilities"),
    ("Share application money pending allotment", "Equity", "share_capital"),
    ("Money received against share warrants", "Shareholders' funds", "share_capital"),
    ("Capital subsidy received from DIC", "Reserves and surplus", "other_reserves"),
    ("Export receivables", "Trade receivables", "receivables_export"),
    ("Receivables from related parties", "Trade receivables", "receivables_domestic"),
    ("MAT credit entitlement", "Long-term loans and advances", "other_noncurrent_assets"),
]


@pytest.mark.parametrize(("label", "note", "expected"), BALANCE_SHEET_NOTES)
def test_a_balance_sheet_note_line_gets_its_row(label, note, expected):
    item = ItemContext(label, section=note, statement=BS, **MAKER)
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A manufacturer's profit and loss notes (Schedule III Division I).
PROFIT_AND_LOSS_NOTES = [
    ("Sale of manufactured goods - domestic", "Revenue from operations", "sales_domestic"),
    ("Sale of manufactured goods - export", "Revenue from operations", "sales_export"),
    ("Sale of traded goods", "Revenue from operations", "sales_domestic"),
    ("Sale of scrap", "Revenue from operations", "sales_domestic"),
    ("Duty drawback and RoDTEP", "Revenue from operations", "sales_export"),
    ("Less: GST recovered", "Revenue from operations", "duties_on_sales"),
    ("Sales returns", "Revenue from operations", "sales_domestic"),
    ("Interest on fixed deposits", "Other income", "nonop_income"),
    ("Rent income", "Other income", "nonop_income"),
    ("Foreign exchange gain (net)", "Other income", "nonop_income"),
    ("Insurance claims received", "Other income", "nonop_income"),
    ("Sundry balances written back", "Other income", "nonop_income"),
    ("Opening stock of raw materials", "Cost of materials consumed", "rm_indigenous"),
    ("Add: Purchases of raw materials", "Cost of materials consumed", "rm_indigenous"),
    ("Less: Closing stock of raw materials", "Cost of materials consumed", "rm_indigenous"),
    ("Imported raw materials consumed", "Cost of materials consumed", "rm_imported"),
    ("Packing materials consumed", "Cost of materials consumed", "spares_indigenous"),
    ("Wages and incentives to workers", "Employee benefits expense", "direct_labour"),
    ("Bonus", "Employee benefits expense", "sga_expenses"),
    ("Gratuity", "Employee benefits expense", "sga_expenses"),
    ("Leave encashment", "Employee benefits expense", "sga_expenses"),
    ("Interest on term loans", "Finance costs", "interest"),
    ("Interest on cash credit", "Finance costs", "interest"),
    ("Bank charges and commission", "Finance costs", "interest"),
    ("Loan processing charges", "Finance costs", "interest"),
    ("Interest on delayed payment of taxes", "Finance costs", "interest"),
    ("Stores and spares consumed", "Other expenses", "spares_indigenous"),
    ("Imported stores consumed", "Other expenses", "spares_imported"),
    ("Power and fuel", "Other expenses", "power_fuel"),
    ("Job work charges", "Other expenses", "other_mfg_expenses"),
    ("Freight inward", "Other expenses", "other_mfg_expenses"),
    ("Freight outward", "Other expenses", "sga_expenses"),
    ("Repairs to plant and machinery", "Other expenses", "other_mfg_expenses"),
    ("Repairs to buildings", "Other expenses", "sga_expenses"),
    ("Repairs - others", "Other expenses", "sga_expenses"),
    ("Insurance", "Other expenses", "sga_expenses"),
    ("Rent", "Other expenses", "sga_expenses"),
    ("Rates and taxes", "Other expenses", "sga_expenses"),
    ("Travelling and conveyance", "Other expenses", "sga_expenses"),
    ("Legal and professional charges", "Other expenses", "sga_expenses"),
    ("Payment to auditors - statutory audit", "Other expenses", "sga_expenses"),
    ("Advertisement and sales promotion", "Other expenses", "sga_expenses"),
    ("Commission on sales", "Other expenses", "sga_expenses"),
    ("Bad debts written off", "Other expenses", "sga_expenses"),
    ("Provision for doubtful debts", "Other expenses", "sga_expenses"),
    ("Donations", "Other expenses", "nonop_expenses"),
    ("Loss on sale of assets", "Other expenses", "nonop_expenses"),
    ("Loss on foreign exchange fluctuation", "Other expenses", "nonop_expenses"),
    ("Miscellaneous expenses", "Other expenses", "sga_expenses"),
    ("Directors' remuneration", "Other expenses", "sga_expenses"),
    ("Prior period expenses", "Other expenses", "nonop_expenses"),
    ("Current tax", "Tax expense", "tax"),
    ("Earlier years' tax", "Tax expense", "tax"),
    ("MAT credit entitlement", "Tax expense", "tax"),
]


@pytest.mark.parametrize(("label", "note", "expected"), PROFIT_AND_LOSS_NOTES)
def test_a_profit_and_loss_note_line_gets_its_row(label, note, expected):
    item = ItemContext(label, section=note, statement=PL, **MAKER)
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# Ageing wordings (months, days, years) and loan wordings of notes and sanction letters.
AGEING_AND_LOANS = [
    (
        "Outstanding for following periods from due date of payment - less than 6 months",
        "Trade receivables",
        "receivables_domestic",
    ),
    (
        "Outstanding for following periods from due date of payment - 6 months to 1 year",
        "Trade receivables",
        "other_noncurrent_assets",
    ),
    ("Unbilled dues", "Trade receivables", "receivables_domestic"),
    ("Receivables outstanding beyond 180 days", "Trade receivables", "other_noncurrent_assets"),
    ("Debtors above 6 months", "Sundry debtors", "other_noncurrent_assets"),
    ("Debtors below 6 months", "Sundry debtors", "receivables_domestic"),
    ("Debtors within six months", "Sundry debtors", "receivables_domestic"),
    ("Debtors - more than one year old", "Sundry debtors", "other_noncurrent_assets"),
    ("Trade payables - less than 1 year", "Trade payables", "sundry_creditors"),
    ("Trade payables - more than 3 years", "Trade payables", "sundry_creditors"),
    ("OD limit with HDFC Bank", "Short-term borrowings", "bank_borrowings_wc"),
    ("CC limit - SBI (Rs. 5 crore sanctioned)", "Short-term borrowings", "bank_borrowings_wc"),
    ("Stock and book debt hypothecation loan", "Short-term borrowings", "bank_borrowings_wc"),
    ("Export packing credit (EPC)", "Short-term borrowings", "bank_borrowings_wc"),
    ("Bills discounted under LC", "Short-term borrowings", "bank_borrowings_wc"),
    ("Invoice discounting - TReDS", "Short-term borrowings", "bank_borrowings_wc"),
    (
        "Term loan - Bank of Baroda (repayable in 60 monthly instalments)",
        "Long-term borrowings",
        "term_loans",
    ),
    ("Machinery loan - SIDBI", "Long-term borrowings", "term_loans"),
    ("Loan against property - HDFC", "Long-term borrowings", "term_loans"),
    ("Vehicle loan - Mahindra Finance", "Long-term borrowings", "term_loans"),
    ("GECL (extension) - 36 EMIs after 12 months moratorium", "Long-term borrowings", "term_loans"),
    ("WCTL under GECL", "Long-term borrowings", "term_loans"),
    (
        "Current maturities of long-term debt (term loan instalments due in next 12 months)",
        "Short-term borrowings",
        "current_maturities_ltd",
    ),
    ("Business loan from Bajaj Finserv (unsecured)", "Long-term borrowings", "term_loans"),
    ("Unsecured loan from Tata Capital", "Long-term borrowings", "term_loans"),
]


@pytest.mark.parametrize(("label", "note", "expected"), AGEING_AND_LOANS)
def test_an_ageing_or_loan_wording_gets_its_row(label, note, expected):
    item = ItemContext(label, section=note, statement=BS, **MAKER)
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# A trial balance with the groups SMEs add in Tally; Dr/Cr and no statement. A debit is read
# as an expense or an asset, a credit as an income or a liability.
CUSTOM_GROUPS = [
    ("CGST @9%", "GST Ledgers", "Cr", "statutory_liabilities"),
    ("Input IGST", "GST Ledgers", "Dr", "other_current_assets"),
    ("TDS u/s 194J", "TDS Ledgers", "Cr", "statutory_liabilities"),
    ("TDS deducted by customers", "TDS Ledgers", "Dr", "advance_tax"),
    ("Mr. Ramesh - Advance", "Staff Advances", "Dr", "other_current_assets"),
    ("Audit fee", "Creditors for Expenses", "Cr", "other_current_liabilities"),
    ("Kotak Car Loan", "Bank Loans", "Cr", "term_loans"),
    ("ICICI OD", "Bank Loans", "Cr", "bank_borrowings_wc"),
    ("PF Payable", "Statutory Dues", "Cr", "statutory_liabilities"),
    ("ESIC Payable", "Statutory Dues", "Cr", "statutory_liabilities"),
    ("Rajesh Capital", "Partners Capital", "Cr", "share_capital"),
    ("Anil Current A/c", "Partners Current Accounts", "Cr", "share_capital"),
    ("Sales - Local", "Sales", "Cr", "sales_domestic"),
    ("Purchase - Interstate", "Purchases", "Dr", "rm_indigenous"),
    ("Labour Charges", "Manufacturing Expenses", "Dr", "direct_labour"),
    ("Office Expenses", "Administrative Expenses", "Dr", "sga_expenses"),
    ("Sales Promotion", "Selling Expenses", "Dr", "sga_expenses"),
    ("Interest on Car Loan", "Financial Expenses", "Dr", "interest"),
    ("Bank Interest Received", "Other Income", "Cr", "nonop_income"),
    ("Electricity Deposit", "Security Deposits", "Dr", "other_noncurrent_assets"),
    ("Machinery", "Plant & Machinery", "Dr", "gross_block"),
    ("Accumulated Depreciation - Machinery", "Plant & Machinery", "Cr", "accumulated_depreciation"),
    ("FD - Axis Bank", "Fixed Deposits", "Dr", "investments_current"),
    ("Advance Tax FY 24-25", "Advance Tax", "Dr", "advance_tax"),
    ("Provision for Tax FY 24-25", "Provisions", "Cr", "provision_for_tax"),
]


@pytest.mark.parametrize(("label", "group", "side", "expected"), CUSTOM_GROUPS)
def test_a_ledger_under_an_smes_own_group_gets_its_row(label, group, side, expected):
    item = ItemContext(
        label,
        tally_group=group,
        side=side,
        file="tb.csv",
        constitution="partnership",
        industry="manufacturing",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


def without_statement() -> list[tuple[str, str, str | None]]:
    """Every note line above as a text export gives it: label and heading, no statement."""
    four = CASES + AGEING_AND_GUIDANCE_NOTE + BANK_CMA_FORMAT + OLD_SCHEDULE_VI
    four += DIVISION_II_NOTES + LOANS_IND_AS_AND_LEDGERS
    three = BALANCE_SHEET_NOTES + PROFIT_AND_LOSS_NOTES + AGEING_AND_LOANS
    return [(label, section, expected) for label, section, _, expected in four] + three


def test_a_note_line_without_its_statement_gets_the_same_row():
    lines = without_statement()
    items = [
        ItemContext(label, section=section, file="export.txt", **MAKER)
        for label, section, _ in lines
    ]
    verdicts = Classifier().classify(items)
    wrong = [
        (label, section, expected, verdict.cma_key)
        for (label, section, expected), verdict in zip(lines, verdicts, strict=True)
        if verdict.cma_key != expected
    ]
    assert len(lines) > 450
    assert not wrong


# Guidance Note lines of long-term liabilities and provisions, reserves and loans and advances.
GUIDANCE_NOTE_BALANCE_SHEET = [
    (
        "Trade payables (due after 12 months)",
        "Other long-term liabilities",
        "other_term_liabilities",
    ),
    (
        "Security deposits received from dealers",
        "Other long-term liabilities",
        "other_term_liabilities",
    ),
    ("Provision for leave encashment", "Long-term provisions", "other_term_liabilities"),
    ("Provision for warranties (non-current)", "Long-term provisions", "other_term_liabilities"),
    ("Provision for expenses", "Short-term provisions", "other_current_liabilities"),
    ("Unamortised premium on forward contracts", "Other current assets", "other_current_assets"),
    ("Interest accrued on investments", "Other current assets", "other_current_assets"),
    ("Assets held for disposal", "Other current assets", "other_current_assets"),
    ("Profit & Loss A/c", "Reserves and surplus", "pl_surplus"),
    ("Difference in opening balances", "Suspense", "other_current_liabilities"),
    ("Share capital - 10,00,000 equity shares of Rs.10 each", "Share capital", "share_capital"),
    ("Less: Calls in arrears", "Share capital", "share_capital"),
    ("Forfeited shares", "Share capital", "share_capital"),
    ("Debenture redemption reserve", "Reserves and surplus", "other_reserves"),
    ("Investment allowance reserve", "Reserves and surplus", "other_reserves"),
    ("Capital redemption reserve", "Other equity", "other_reserves"),
    (
        "Long-term loans and advances to employees",
        "Long-term loans and advances",
        "other_noncurrent_assets",
    ),
    ("Advance income tax (net of provisions)", "Long-term loans and advances", "advance_tax"),
    (
        "Balance with statutory authorities (GST, excise)",
        "Short-term loans and advances",
        "other_current_assets",
    ),
    ("Prepaid expenses", "Short-term loans and advances", "other_current_assets"),
    ("Inter-corporate deposits given", "Short-term loans and advances", "other_current_assets"),
]


@pytest.mark.parametrize(("label", "note", "expected"), GUIDANCE_NOTE_BALANCE_SHEET)
def test_a_guidance_note_balance_sheet_line_gets_its_row(label, note, expected):
    item = ItemContext(label, section=note, statement=BS, **MAKER)
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence


# Ledger names small traders keep in Hindi, spelt out by abbreviations.csv.
VERNACULAR = [
    ("Dukan kiraya", "Indirect Expenses", "Dr", "sga_expenses"),
    ("Byaj paid", "Indirect Expenses", "Dr", "interest"),
    ("Byaj received", "Indirect Incomes", "Cr", "nonop_income"),
    ("Bijli kharcha", "Indirect Expenses", "Dr", "sga_expenses"),
    ("Vetan", "Indirect Expenses", "Dr", "sga_expenses"),
    ("Rokad", "Cash-in-Hand", "Dr", "cash_bank"),
    ("Chhoot received", "Indirect Incomes", "Cr", "nonop_income"),
]


@pytest.mark.parametrize(("label", "group", "side", "expected"), VERNACULAR)
def test_a_vernacular_ledger_name_gets_its_row(label, group, side, expected):
    statement = PL if group.startswith("Indirect") else BS
    item = ItemContext(
        label,
        tally_group=group,
        side=side,
        statement=statement,
        constitution="proprietorship",
        industry="trading",
    )
    verdict = Classifier().classify([item])[0]
    assert verdict.cma_key == expected, verdict.evidence
