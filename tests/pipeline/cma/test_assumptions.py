from decimal import Decimal

import pytest

from pipeline.cma.assumptions import AssumptionError, Assumptions


def test_assumptions_round_trip_through_their_dict():
    data = {
        "sales_growth_pct": "12.5",
        "rm_months": 1.5,
        "capex": {"FY2027": 2500000, "FY2028": "1000000"},
        "new_term_loans": 2000000,
        "balancing_row": "bank_borrowings_wc",
    }
    assumptions = Assumptions.from_dict(data)
    assert assumptions.get("sales_growth_pct") == Decimal("12.5")
    assert assumptions.get("rm_months") == Decimal("1.5")  # a float through its text
    assert assumptions.for_year("capex", "FY2028") == Decimal(1000000)
    assert assumptions.for_year("capex", "FY2026") is None
    assert assumptions.for_year("new_term_loans", "FY2031") == Decimal(2000000)
    assert Assumptions.from_dict(assumptions.to_dict()) == assumptions


def test_an_empty_dict_leaves_everything_to_the_trend():
    assumptions = Assumptions.from_dict({})
    assert assumptions.to_dict() == {}
    assert assumptions.balancing_row == "cash_bank"


def test_unknown_assumption_is_named_in_the_error():
    with pytest.raises(AssumptionError, match="'sales_growth'"):
        Assumptions.from_dict({"sales_growth": 10})


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"tax_rate_pct": "abc"}, "must be a number"),
        ({"tax_rate_pct": True}, "must be a number"),
        ({"tax_rate_pct": "NaN"}, "finite"),
        ({"tax_rate_pct": 140}, "cannot be above 100"),
        ({"rm_months": -1}, "cannot be below 0"),
        ({"capex": {"2027": 5}}, "not a year key"),
        ({"capex": {"FY2027": -5}}, "cannot be below 0"),
        ({"balancing_row": "term_loans"}, "balancing_row must be one of"),
    ],
)
def test_bad_values_are_refused_with_a_reason(data, words):
    with pytest.raises(AssumptionError, match=words):
        Assumptions.from_dict(data)
