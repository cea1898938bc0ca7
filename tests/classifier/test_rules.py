"""Context rules: the place an item is printed decides its row as much as its label."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import AUTHORISED, BALANCING, MOVEMENT, TOTAL, ItemContext

RESERVES = {"statement": "balance_sheet", "section": "Reserves and surplus"}
TALLY_PL = {
    "statement": "balance_sheet",
    "section": "Profit & Loss A/c",
    "tally_group": "Profit & Loss A/c",
    "side": "Liabilities",
}


def classify(*items: ItemContext):
    return Classifier().classify(list(items))


def rows(verdicts) -> list[tuple[str | None, int]]:
    return [(v.cma_key, v.sign if v.cma_key else 0) for v in verdicts]


def test_a_reserve_that_prints_its_closing_balance_makes_the_rest_memo():
    surplus = {**RESERVES, "subsection": "(b) Surplus in the Statement of Profit and Loss"}
    verdicts = classify(
        ItemContext("Opening balance", **surplus),
        ItemContext("Add: Profit for the year", **surplus),
        ItemContext("Less: Dividend paid", **surplus),
        ItemContext("Less: Transferred to general reserve", **surplus),
        ItemContext("Closing balance", **surplus),
    )
    assert rows(verdicts) == [(None, 0), (None, 0), ("dividend", 1), (None, 0), ("pl_surplus", 1)]
    assert verdicts[0].exclude_reason == MOVEMENT


def test_a_reserve_without_a_closing_line_adds_up_its_lines():
    verdicts = classify(
        ItemContext("Opening Balance", **TALLY_PL), ItemContext("Current Period", **TALLY_PL)
    )
    assert rows(verdicts) == [("pl_surplus", 1), ("pl_surplus", 1)]


def test_a_single_line_reserve_is_its_balance():
    capital_subsidy = {**RESERVES, "subsection": "(a) Capital subsidy"}
    verdict = classify(ItemContext("Balance as per last financial statements", **capital_subsidy))
    assert rows(verdict) == [("other_reserves", 1)]


def test_a_partners_capital_account_keeps_drawings_and_the_closing_balance():
    account = {
        "statement": "balance_sheet",
        "section": "Schedule A: Asha Rao - Capital Account",
        "constitution": "partnership",
    }
    verdicts = classify(
        ItemContext("By Balance b/d", side="Cr", **account),
        ItemContext("By Interest on partners' capital", side="Cr", **account),
        ItemContext("By Share of Profit", side="Cr", **account),
        ItemContext("To Drawings", side="Dr", **account),
        ItemContext("To Balance c/d", side="Dr", **account),
    )
    assert rows(verdicts) == [
        (None, 0),
        (None, 0),
        (None, 0),
        ("dividend", 1),
        ("share_capital", 1),
    ]


def test_a_trial_balance_capital_ledger_is_capital_and_the_proprietors_tax_is_drawings():
    group = {"section": "Capital Account", "tally_group": "Capital Account"}
    proprietor = {"constitution": "proprietorship", "industry": "trading"}
    verdicts = classify(
        ItemContext("Asha Rao - Capital A/c", column="Cr", **group, **proprietor),
        ItemContext("Drawings - Asha Rao", column="Dr", **group, **proprietor),
        ItemContext("Income Tax (Proprietor)", column="Dr", **group, **proprietor),
    )
    assert rows(verdicts) == [("share_capital", 1), ("dividend", 1), ("dividend", 1)]


@pytest.mark.parametrize(
    ("constitution", "row"), [("proprietorship", "dividend"), ("partnership", "tax")]
)
def test_income_tax_in_the_profit_and_loss_account_depends_on_the_constitution(constitution, row):
    context = {"statement": "profit_and_loss", "side": "Dr", "constitution": constitution}
    assert rows(classify(ItemContext("To Income tax", **context))) == [(row, 1)]


def test_authorised_capital_and_balancing_figures_are_excluded():
    verdicts = classify(
        ItemContext(
            "50,00,000 Equity shares of ₹10 each",
            statement="balance_sheet",
            section="Share capital",
            subsection="Authorised",
        ),
        ItemContext("To Gross Profit c/d", statement="trading", side="Dr"),
        ItemContext("By Gross Profit b/d", statement="profit_and_loss", side="Cr"),
    )
    assert [v.exclude_reason for v in verdicts] == [AUTHORISED, BALANCING, BALANCING]


@pytest.mark.parametrize(
    ("column", "row", "sign"),
    [
        ("Gross block - As at 31 March 2025", "gross_block", 1),
        ("Gross block - As at 1 April 2024", None, 0),
        ("Gross block - Additions", None, 0),
        ("Depreciation - Up to 31.03.2025", "accumulated_depreciation", 1),
        ("Depreciation - For the year", None, 0),
        ("Net block - As at 31 March 2025", None, 0),
    ],
)
def test_a_fixed_asset_schedule_column_decides_the_row(column, row, sign):
    item = ItemContext(
        "Plant & Machinery",
        statement="balance_sheet",
        section="Property, Plant and Equipment",
        column=column,
        table="fixed asset schedule",
    )
    assert rows(classify(item)) == [(row, sign)]


@pytest.mark.parametrize(
    ("constitution", "row"), [("partnership", "gross_block"), ("private_limited", None)]
)
def test_a_written_down_value_is_the_block_only_for_non_corporates(constitution, row):
    item = ItemContext(
        "Computers",
        section="Schedule B: Fixed Assets",
        column="WDV as on 31.03.2025",
        table="depreciation schedule",
        constitution=constitution,
    )
    assert rows(classify(item))[0][0] == row


def test_amortisation_of_an_intangible_reduces_the_intangible_row():
    item = ItemContext(
        "Computer software",
        statement="balance_sheet",
        section="Intangible assets",
        column="Amortisation - Up to 31 March 2025",
        table="fixed asset schedule",
    )
    assert rows(classify(item)) == [("intangible_assets", -1)]


def test_tallys_negative_accumulated_depreciation_gets_sign_minus_one():
    item = ItemContext(
        "Accumulated Depreciation",
        statement="balance_sheet",
        section="Fixed Assets",
        tally_group="Fixed Assets",
        side="Assets",
        amounts={"FY2025": Decimal("-1250000.00")},
    )
    assert rows(classify(item)) == [("accumulated_depreciation", -1)]


@pytest.mark.parametrize(
    ("note_text", "row"),
    [
        (
            "Secured by hypothecation of stock and book debts; repayable on demand.",
            "bank_borrowings_wc",
        ),
        ("Repayable in 60 monthly instalments of Rs 1.2 lakh.", "term_loans"),
    ],
)
def test_the_note_text_tells_a_cash_credit_from_a_term_loan(note_text, row):
    item = ItemContext(
        "Loan from Canara Bank",
        statement="balance_sheet",
        section="Loans (Liability) / Secured Loans",
        tally_group="Secured Loans",
        side="Liabilities",
        note_text=note_text,
    )
    assert rows(classify(item)) == [(row, 1)]


def test_current_maturities_are_current_maturities_wherever_printed():
    verdicts = classify(
        ItemContext(
            "Current maturities of long-term debt",
            statement="balance_sheet",
            section="Short-term borrowings",
            subsection="Secured",
        ),
        ItemContext("Current maturities of long-term debt", section="Other current liabilities"),
    )
    assert rows(verdicts) == [("current_maturities_ltd", 1)] * 2


def test_the_same_label_follows_its_section():
    verdicts = classify(
        ItemContext("Others", statement="balance_sheet", section="Other current liabilities"),
        ItemContext("Others", statement="balance_sheet", section="Other current assets"),
        ItemContext("Finished goods", statement="balance_sheet", section="Inventories"),
        ItemContext(
            "Finished goods",
            section="Changes in inventories of finished goods and work-in-progress",
            subsection="Inventories at the end of the year",
        ),
    )
    assert [v.cma_key for v in verdicts] == [
        "other_current_liabilities",
        "other_current_assets",
        "inventory_fg",
        "closing_fg",
    ]


def test_party_names_under_sundry_debtors_are_debtors_whatever_they_say():
    debtors = {"section": "Sundry Debtors", "tally_group": "Sundry Debtors", "side": "Assets"}
    verdicts = classify(
        ItemContext("Jai Hind Transport Co.", **debtors),
        ItemContext("Sai Packaging & Sales Corporation", **debtors),
    )
    assert rows(verdicts) == [("receivables_domestic", 1)] * 2
    assert all(v.confidence >= 0.70 for v in verdicts)


def test_reader_exclusions_stay_excluded_with_full_confidence():
    reason = "total: sum of the items printed above it"
    verdict = classify(
        ItemContext("Total", section="Other current liabilities", exclude_reason=reason)
    )[0]
    assert (verdict.cma_key, verdict.confidence, verdict.layer) == (None, 1.0, "reader")
    assert verdict.exclude_reason == reason


def test_verdicts_come_back_in_order_with_alternatives_sharing_the_doubt():
    items = [
        ItemContext(
            "Salaries and wages", statement="profit_and_loss", section="Employee benefits expense"
        ),
        ItemContext("Rent", statement="profit_and_loss", section="Other expenses"),
        ItemContext("Zorblax", statement="balance_sheet", section="Balance Sheet", side="Assets"),
    ]
    verdicts = classify(*items)
    assert [v.cma_key for v in verdicts][1] == "sga_expenses"
    for verdict in verdicts:
        assert 0 <= verdict.confidence <= 1
        assert sum(c for _, c in verdict.alternatives) <= 1 - verdict.confidence + 1e-6
        assert verdict.evidence.endswith(".")
    assert verdicts[0].alternatives  # sga or direct labour: a CA decides
    assert verdicts[2].confidence < 0.70  # an unknown word is only a guess


@pytest.mark.parametrize(
    ("amount", "row", "sign", "auto"),
    [("-250000.00", "bank_borrowings_wc", -1, True), ("250000.00", "cash_bank", 1, False)],
)
def test_an_overdraft_among_bank_accounts_is_a_borrowing_only_in_credit(amount, row, sign, auto):
    item = ItemContext(
        "HDFC Bank OD A/c",
        statement="balance_sheet",
        section="Current Assets / Bank Accounts",
        tally_group="Bank Accounts",
        side="Assets",
        amounts={"FY2025": Decimal(amount)},
    )
    verdict = classify(item)[0]
    assert (verdict.cma_key, verdict.sign, verdict.confidence >= 0.70) == (row, sign, auto)


@pytest.mark.parametrize(
    "label", ["Total", "TOTAL", "Sub-total", "Grand Total", "Total (A+B)", "Total (I + II)"]
)
def test_a_bare_total_the_reader_did_not_mark_is_excluded(label):
    verdict = classify(ItemContext(label, statement="balance_sheet", section="Trade payables"))[0]
    assert (verdict.cma_key, verdict.exclude_reason) == (None, TOTAL)


def test_a_balance_that_begins_with_total_is_not_a_total():
    item = ItemContext(
        "Total outstanding dues of micro enterprises and small enterprises",
        statement="balance_sheet",
        section="Trade payables",
    )
    assert classify(item)[0].cma_key == "sundry_creditors"


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("Gross block as at 31.03.2024", None),
        ("Gross block as at 31st March 2025", "gross_block"),
        ("Depreciation up to 31st March, 2024", None),
        ("Depreciation up to 31st March, 2025", "accumulated_depreciation"),
        ("Depreciation as at 31-Mar-25", "accumulated_depreciation"),
    ],
)
def test_last_years_closing_column_is_this_years_opening(column, expected):
    """A schedule of FY2025 prints last year's 31 March as its opening balance."""
    item = ItemContext(
        "Plant and machinery",
        section="Property, plant and equipment",
        statement="balance_sheet",
        column=column,
        table="Fixed assets schedule",
        amounts={"FY2025": Decimal(100)},
    )
    assert Classifier().classify([item])[0].cma_key == expected


def test_drawings_in_a_trial_balance_are_drawings():
    item = ItemContext("Drawings", column="Dr", file="tb.csv", constitution="proprietorship")
    assert Classifier().classify([item])[0].cma_key == "dividend"
