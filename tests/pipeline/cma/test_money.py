from decimal import Decimal

from pipeline.cma.money import rupees, to_ratio


def test_rupees_are_grouped_in_lakhs_and_crores():
    assert rupees(Decimal("10000")) == "₹10,000.00"
    assert rupees(Decimal("1234567")) == "₹12,34,567.00"
    assert rupees(Decimal("123456789.5")) == "₹12,34,56,789.50"
    assert rupees(Decimal("999.999")) == "₹1,000.00"


def test_negative_rupees_carry_a_minus_before_the_symbol():
    assert rupees(Decimal("-54321.1")) == "−₹54,321.10"
    assert rupees(Decimal("-0.001")) == "₹0.00"


def test_ratios_round_half_up_to_four_decimals():
    assert to_ratio(Decimal("1.23455")) == Decimal("1.2346")
    assert to_ratio(Decimal("-1.23455")) == Decimal("-1.2346")
