"""Wordings of the sources issue 12 names, one line each: the old Schedule VI's headings
and schedules and Schedule III Division II (Ind AS) line items, in their own words.

Written from the formats themselves, not from the blind set, as a regression check that
the broadened vocabulary (pipeline/classifier/data/) reads them.
"""

from __future__ import annotations

import pytest

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext

BS, PL = "balance_sheet", "profit_and_loss"
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
