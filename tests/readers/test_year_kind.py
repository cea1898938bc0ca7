"""Each year's kind (audited, provisional, unaudited, estimated) from a document's titles."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.readers.document import ExtractedDocument, ExtractedItem
from pipeline.readers.year_kind import year_kinds
from pipeline.readers.years import assign_year_sources, counts_for, merge_statements


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([["Provisional Balance Sheet as at 31st March 2025"]], {"FY2025": "provisional"}),
        ([["Unaudited Statement of Profit and Loss", "for the year ended 31.03.2025"]],
         {"FY2025": "unaudited"}),
        ([["Estimated Balance Sheet as at 31 March 2026"]], {"FY2026": "estimated"}),
        ([["Projected Profit & Loss Account for FY 2026-27"]], {"FY2027": "estimated"}),
        ([["Provisional financial statements"], ["Balance Sheet"]], {"FY2025": "provisional"}),
        ([["Balance Sheet as at 31st March 2025"], ["As per our report of even date"]],
         {"FY2025": "audited"}),
        ([["Audited Balance Sheet as at 31st March 2024"],
          ["Provisional Balance Sheet as at 31st March 2025"]],
         {"FY2024": "audited", "FY2025": "provisional"}),
        ([["Balance Sheet as at 31st March 2025"]], {}),
        ([["Provision for gratuity is estimated on the basis of an actuarial valuation done by "
           "an independent actuary at the end of each year, using the projected unit credit "
           "method as required"]], {}),
    ],
)  # fmt: skip
def test_the_titles_say_each_years_kind(lines, expected):
    assert year_kinds(lines, "FY2025") == expected


def test_an_audit_sign_off_does_not_hide_a_provisional_title():
    lines = [["As per our report of even date"], ["Provisional Balance Sheet"]]
    assert year_kinds(lines, "FY2025") == {"FY2025": "provisional"}


def _document(name: str, statement: str, label: str) -> ExtractedDocument:
    item = ExtractedItem(label, {"FY2025": Decimal(5), "FY2024": Decimal(4)}, statement=statement)
    return ExtractedDocument(name, "schedule_iii", "FY2025", ["FY2025", "FY2024"], [item])


def test_a_year_whose_statements_are_in_two_files_counts_both():
    sheet = _document("BS 2024-25.xlsx", "balance_sheet", "Inventories")
    pnl = _document("PL 2024-25.xlsx", "profit_and_loss", "Revenue from operations")
    documents = [sheet, pnl]
    sources = merge_statements(documents, assign_year_sources(documents))
    assert counts_for(sheet.items[0], sheet, sources) == ["FY2024", "FY2025"]
    assert counts_for(pnl.items[0], pnl, sources) == ["FY2024", "FY2025"]


def test_the_same_statement_in_two_files_still_counts_once():
    first = _document("FS a.xlsx", "balance_sheet", "Inventories")
    second = _document("FS b.xlsx", "balance_sheet", "Inventories")
    documents = [first, second]
    sources = merge_statements(documents, assign_year_sources(documents))
    assert counts_for(first.items[0], first, sources) == ["FY2024", "FY2025"]
    assert counts_for(second.items[0], second, sources) == []


@pytest.mark.parametrize("heading", ["manufacturing", "trading"])
def test_a_manufacturing_or_trading_account_is_the_profit_and_loss_it_prints_before(heading):
    # One scan reads the page's heading as the manufacturing account, the other file's
    # scan as the profit and loss: the same closing stock must not count twice.
    later = _document("FS 2025-26.pdf", heading, "By Closing Stock of Finished goods")
    later.statement_year, later.years = "FY2026", ["FY2026", "FY2025"]
    later.items[0].amounts = {"FY2026": Decimal(6), "FY2025": Decimal(5)}
    earlier = _document("FS 2024-25.pdf", "profit_and_loss", "By Closing Stock of Finished goods")
    documents = [later, earlier]
    sources = merge_statements(documents, assign_year_sources(documents))
    assert counts_for(later.items[0], later, sources) == ["FY2025", "FY2026"]
    assert counts_for(earlier.items[0], earlier, sources) == []


def test_a_trial_balance_never_fills_a_statement_in():
    sheet = _document("BS.xlsx", "balance_sheet", "Inventories")
    ledgers = _document("TB.csv", "profit_and_loss", "Sales")
    ledgers.kind = "trial_balance"
    documents = [sheet, ledgers]
    sources = merge_statements(documents, assign_year_sources(documents))
    assert counts_for(ledgers.items[0], ledgers, sources) == []
