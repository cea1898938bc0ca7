"""Validation: what stops a CMA (errors) and what the CA confirms (warnings)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.build import build_cma
from pipeline.cma.checks import check_cma
from pipeline.cma.model import PendingItem
from tests.pipeline.cma.samples import BAD_DRAFT, inputs, load, load_path
from tests.pipeline.cma.synthetic import cma_from, figures


def codes(findings, level=None) -> list[tuple[str, str]]:
    return [(f.code, f.year) for f in findings if level is None or f.level == level]


def test_draft_statement_reports_the_ten_thousand_rupee_mismatch_of_fy2025_only():
    findings = check_cma(build_cma(**inputs(load_path(BAD_DRAFT))))
    (mismatch,) = [f for f in findings if f.code == "balance_sheet_mismatch"]
    assert (mismatch.level, mismatch.year) == ("error", "FY2025")
    assert mismatch.message.startswith("Total assets exceed total liabilities by ₹10,000.00")
    assert mismatch.details["difference"] == "10000.00"
    assert codes(findings, "error") == [("balance_sheet_mismatch", "FY2025")]


def test_a_statement_that_does_not_tie_is_never_plugged():
    cma = build_cma(**inputs(load_path(BAD_DRAFT)))
    assert cma.value("total_assets", "FY2025") - cma.value("total_liabilities", "FY2025") == (
        Decimal("10000.00")
    )


def test_statements_that_tie_give_no_finding():
    assert check_cma(cma_from(figures())) == []


def test_liabilities_exceeding_assets_are_reported_the_other_way_round():
    findings = check_cma(cma_from(figures(FY2024={"sundry_creditors": 312_345})))
    assert findings[0].message.startswith("Total liabilities exceed total assets by ₹12,345.00")


def test_a_difference_within_the_statement_rounding_is_a_warning():
    cma = cma_from(figures(FY2024={"sundry_creditors": 300_400}), tolerance="1000")
    (finding,) = [f for f in check_cma(cma) if f.code == "balance_sheet_mismatch"]
    assert finding.level == "warning"
    assert "rounding" in finding.message


def test_a_year_asked_for_but_not_uploaded_is_an_error():
    cma = cma_from(figures(), years_wanted=("FY2023", "FY2024", "FY2025"))
    assert ("year_missing", "FY2023") in codes(check_cma(cma), "error")


def test_items_awaiting_review_stop_the_years_they_count_for():
    pending = [
        PendingItem("7", "Sundry balances written back", "fs.pdf", ("FY2025",), page=4),
        PendingItem("8", "=cmd|' /C calc'!A0", "fs.xlsx", ("FY2025",), sheet="BS", row=12),
    ]
    findings = check_cma(cma_from(figures()), pending)
    (finding,) = [f for f in findings if f.code == "pending_items"]
    assert (finding.level, finding.year) == ("error", "FY2025")
    assert "‘Sundry balances written back’ (fs.pdf, page 4)" in finding.message
    assert finding.details["ids"] == "7,8"


def test_negative_cash_is_an_impossible_balance():
    by_year = figures(FY2025={"cash_bank": -50_000, "sundry_creditors": 100_000})
    findings = check_cma(cma_from(by_year))
    assert ("negative_balance", "FY2025") in codes(findings, "error")
    assert "bank overdraft belongs in row 18" in findings[0].message


def test_closing_stock_differing_from_inventory_is_an_error():
    findings = check_cma(cma_from(figures(FY2025={"closing_fg": 440_000})))
    assert ("closing_stock_mismatch", "FY2025") in codes(findings, "error")


def test_closing_stock_split_differently_is_a_warning():
    by_year = figures(FY2025={"closing_fg": 350_000, "closing_wip": 100_000})
    assert codes(check_cma(cma_from(by_year))) == [("closing_stock_split", "FY2025")]


def test_opening_stock_must_be_last_years_closing_stock():
    # Opening 4,10,000 against last year's 4,00,000; purchases 10,000 less keep the profit.
    by_year = figures(FY2025={"opening_fg": 410_000, "rm_indigenous": 890_000})
    assert codes(check_cma(cma_from(by_year))) == [("opening_stock_mismatch", "FY2025")]


def test_profit_missing_from_the_surplus_is_a_warning_for_a_company():
    by_year = figures(FY2025={"pl_surplus": 250_000, "sundry_creditors": 350_000})
    (finding,) = check_cma(cma_from(by_year))
    assert (finding.code, finding.level) == ("profit_not_in_reserves", "warning")
    assert "₹50,000.00 is not explained" in finding.message


def test_capital_introduced_by_a_proprietor_is_not_a_finding_but_a_shortfall_is():
    capital = {
        year: {k: v for k, v in rows.items() if k != "pl_surplus"}
        | {"share_capital": rows["share_capital"] + rows["pl_surplus"]}
        for year, rows in figures().items()
    }
    assert check_cma(cma_from(capital, "proprietorship")) == []
    introduced = capital | {"FY2025": capital["FY2025"] | {"share_capital": 900_000,
                                                           "cash_bank": 250_000}}  # fmt: skip
    assert check_cma(cma_from(introduced, "proprietorship")) == []
    withdrawn = capital | {"FY2025": capital["FY2025"] | {"share_capital": 750_000,
                                                         "cash_bank": 100_000}}  # fmt: skip
    assert codes(check_cma(cma_from(withdrawn, "proprietorship"))) == [
        ("profit_not_in_reserves", "FY2025")
    ]


def test_depreciation_must_match_the_movement_in_accumulated_depreciation():
    by_year = figures(
        FY2024={"accumulated_depreciation": 100_000, "gross_block": 600_000},
        FY2025={"accumulated_depreciation": 180_000, "gross_block": 680_000,
                "depreciation": 60_000, "sga_expenses": -10_000},
    )  # fmt: skip
    (finding,) = check_cma(cma_from(by_year))
    assert finding.code == "depreciation_mismatch"
    assert "difference ₹20,000.00" in finding.message


def test_projected_cash_below_zero_is_a_warning_to_raise_the_limit():
    # The bank finance held at the last balance while the business grows: cash runs out.
    held = Assumptions.from_dict({"bank_borrowings_wc": 1_500_000})
    findings = check_cma(build_cma(**inputs(load("gupta-electricals"), assumptions=held)))
    negative = [f for f in findings if f.code == "balancing_figure_negative"]
    assert negative and all(f.level == "warning" for f in negative)
    assert "raise the limit" in negative[0].message
