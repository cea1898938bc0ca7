"""One expression gives both the Python figure and the Excel formula."""

from __future__ import annotations

from decimal import Decimal

from pipeline.cma.compute import may_be_empty, years_needed
from pipeline.cma.formula import (
    Amount,
    evaluate,
    linear_terms,
    minus,
    paise,
    prev,
    ratio,
    references,
    to_excel,
    total,
)
from pipeline.cma.projection import balancing_formula
from pipeline.cma.rows import ROW_BY_KEY

VALUES = {("a", 0): Decimal(10), ("b", 0): Decimal(4), ("a", 1): Decimal(8), ("z", 0): Decimal(0)}


def lookup(key: str, lag: int, or_current: bool):
    return VALUES.get((key, lag))


def cell_of(key: str, lag: int, or_current: bool):
    return f"{key.upper()}{2 - lag}"


def test_sum_and_difference_evaluate_and_render_alike():
    expr = minus(total("a", "b"), prev("a"))
    assert evaluate(expr, lookup) == Decimal(6)
    assert to_excel(expr, cell_of) == "=((A2+B2)-A1)"


def test_division_by_zero_has_no_value_and_the_cell_shows_empty():
    expr = ratio("a", "z")
    assert evaluate(expr, lookup) is None
    assert to_excel(expr, cell_of, guard=True) == '=IFERROR((A2/Z2),"")'


def test_no_previous_year_gives_no_value_and_no_formula():
    def first_year(key, lag, or_current):
        return None if lag else VALUES[(key, 0)]

    expr = minus("a", prev("a"))
    assert evaluate(expr, first_year) is None
    assert to_excel(expr, lambda k, lag, c: None if lag else "A2") is None


def test_paise_rounds_half_up_and_keeps_the_paisa_of_the_display_unit():
    expr = paise(ratio("a", "b"))  # 2.5
    assert evaluate(paise(total(Amount(Decimal("0.125")))), lookup) == Decimal("0.13")
    # In lakhs a paisa is the seventh decimal.
    assert to_excel(expr, cell_of, unit_digits=5) == "=ROUND((A2/B2),7)"


def test_a_constant_amount_is_shown_in_the_display_unit():
    assert to_excel(total("a", Amount(Decimal(250000))), cell_of, unit_digits=5) == "=(A2+2.5)"


def test_total_assets_expand_to_input_rows():
    terms = linear_terms(ROW_BY_KEY["net_block"].formula, lambda k: ROW_BY_KEY[k].formula)
    assert terms == {"gross_block": 1, "accumulated_depreciation": -1}


def test_balancing_row_never_reads_itself_or_a_total_that_contains_it():
    for row in ("cash_bank", "bank_borrowings_wc"):
        used = references(balancing_formula(row))
        assert row not in used
        assert all(ROW_BY_KEY[key].is_input for key in used)


def test_fund_flow_totals_need_one_earlier_year_and_plain_totals_none():
    assert years_needed("ff_total_sources") == 1
    assert years_needed("ff_net_profit") == 0
    assert years_needed("total_assets") == 0


def test_rows_made_from_a_division_may_be_empty_and_sums_may_not():
    assert may_be_empty("dscr")  # reads term_loan_interest, itself a division
    assert may_be_empty("current_ratio")
    assert not may_be_empty("total_liabilities")
