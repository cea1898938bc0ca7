"""Split validation and rupee formatting: pure functions, no database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reviews.money import format_inr
from reviews.splits import SplitError, normalise_split

AMOUNTS = {"FY2024": Decimal("1000.00"), "FY2025": Decimal("100.00")}


def errors_of(parts, amounts=AMOUNTS) -> list[str]:
    with pytest.raises(SplitError) as refused:
        normalise_split(parts, amounts)
    return refused.value.errors


def test_shares_divide_every_year_and_the_last_part_takes_the_remainder():
    parts = [
        {"cma_key": "sga_expenses", "share": "0.3333"},
        {"cma_key": "other_mfg_expenses", "share": "0.3333"},
        {"cma_key": "power_fuel", "share": "0.3334", "sign": -1},
    ]

    stored = normalise_split(parts, AMOUNTS)

    assert [p["amounts"]["FY2025"] for p in stored] == ["33.33", "33.33", "33.34"]
    assert sum(Decimal(p["amounts"]["FY2024"]) for p in stored) == Decimal("1000.00")
    assert stored[2]["sign"] == -1 and stored[0]["share"] == "0.3333"


def test_amounts_per_year_must_add_up_to_the_items_amount_each_year():
    parts = [
        {"cma_key": "current_maturities_ltd", "amounts": {"FY2024": "200", "FY2025": "20.50"}},
        {"cma_key": "term_loans", "amounts": {"FY2024": 800, "FY2025": "79.50"}},
    ]

    stored = normalise_split(parts, AMOUNTS)

    assert stored[1]["amounts"] == {"FY2024": "800.00", "FY2025": "79.50"}
    assert stored[0]["share"] is None


def test_amounts_that_do_not_add_up_say_by_how_much_in_rupees():
    parts = [
        {"cma_key": "current_maturities_ltd", "amounts": {"FY2024": "200"}},
        {"cma_key": "term_loans", "amounts": {"FY2024": "700", "FY2025": "100"}},
    ]

    assert errors_of(parts) == [
        "For FY2024 the parts add up to ₹900.00, but the item is ₹1,000.00."
    ]


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ([{"cma_key": "term_loans", "share": 1}], "at least two parts"),
        (
            [{"cma_key": "term_loans", "share": 0.5}, {"cma_key": "net_sales", "share": 0.5}],
            "not an input row",
        ),
        (
            [{"cma_key": "term_loans", "share": 0.5}, {"cma_key": "interest", "share": 0.4}],
            "add up to 0.9, not 1",
        ),
        (
            [{"cma_key": "term_loans", "share": 0}, {"cma_key": "interest", "share": 1}],
            "more than 0",
        ),
        (
            [{"cma_key": "term_loans", "share": "half"}, {"cma_key": "interest", "share": 0.5}],
            "not a number",
        ),
        (
            [{"cma_key": "term_loans", "share": 0.5}, {"cma_key": "term_loans", "share": 0.5}],
            "repeats row",
        ),
        (
            [{"cma_key": "term_loans", "share": 0.5}, {"cma_key": "interest", "amounts": {}}],
            "not both",
        ),
        (
            [
                {"cma_key": "term_loans", "share": 0.5, "sign": 0},
                {"cma_key": "interest", "share": 0.5},
            ],
            "sign must be",
        ),
        ([{"cma_key": "term_loans"}, {"cma_key": "interest", "share": 1}], "give a share"),
        (
            [
                {"cma_key": "term_loans", "amounts": {"FY2023": 5}},
                {"cma_key": "interest", "amounts": {}},
            ],
            "FY2023 is not a year",
        ),
        (
            [
                {"cma_key": "term_loans", "amounts": {"FY2024": "1.005"}},
                {"cma_key": "interest", "amounts": {}},
            ],
            "more than two decimals",
        ),
        ("term_loans", "at least two parts"),
    ],
)
def test_a_bad_split_is_refused_with_a_clear_reason(parts, message):
    assert any(message in error for error in errors_of(parts))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1234567", "₹12,34,567.00"),
        ("123456789.5", "₹12,34,56,789.50"),
        ("999", "₹999.00"),
        ("-1500.505", "-₹1,500.51"),
        ("0", "₹0.00"),
        ("n/a", "n/a"),
    ],
)
def test_amounts_are_shown_in_indian_grouping(value, shown):
    assert format_inr(value) == shown
