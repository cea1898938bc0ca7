"""Indian digit grouping, lakhs and crores, and the portal's small display filters."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template

from projects.templatetags.money import (
    compact_inr,
    crores,
    group_indian,
    in_unit,
    indian,
    inr,
    lakhs,
    unit_label,
)
from projects.templatetags.portal import duration, time_left


@pytest.mark.parametrize(
    ("digits", "grouped"),
    [
        ("7", "7"),
        ("999", "999"),
        ("1000", "1,000"),
        ("12345", "12,345"),
        ("123456", "1,23,456"),
        ("1234567", "12,34,567"),
        ("123456789", "12,34,56,789"),
        ("1234567890123", "12,34,56,78,90,123"),
    ],
)
def test_digits_group_the_indian_way(digits, grouped):
    assert group_indian(digits) == grouped


def test_rupees_have_the_sign_grouping_and_paise():
    assert inr(1234567) == "₹12,34,567.00"
    assert inr("91234567.5") == "₹9,12,34,567.50"
    assert inr(Decimal("0.005")) == "₹0.01"
    assert inr(0) == "₹0.00"


def test_negative_rupees_keep_the_sign_in_front():
    assert inr(-1234.5) == "-₹1,234.50"
    assert indian(-1234567) == "-12,34,567.00"


def test_nothing_to_show_is_a_dash():
    assert inr(None) == "—"
    assert inr("n/a") == "—"
    assert lakhs(None) == "—"
    assert in_unit(True, "lakhs") == "—"


def test_lakhs_and_crores():
    assert lakhs(1234567) == "₹12.35 lakh"
    assert crores(123456789) == "₹12.35 crore"
    assert compact_inr(250000000) == "₹25.00 crore"
    assert compact_inr(450000) == "₹4.50 lakh"
    assert compact_inr(999) == "₹999.00"


def test_amounts_in_the_projects_workbook_unit():
    assert in_unit(84512345, "lakhs") == "845.12"
    assert in_unit(1234567890, "crores") == "123.46"
    assert in_unit(1234567, "rupees") == "12,34,567.00"
    assert unit_label("lakhs") == "₹ lakhs"


def test_filters_work_in_templates():
    rendered = Template("{% load money %}{{ amount|inr }} / {{ amount|in_unit:'lakhs' }}").render(
        Context({"amount": Decimal("12345678.9")})
    )
    assert rendered == "₹1,23,45,678.90 / 123.46"


def test_durations_and_time_left_read_naturally():
    assert duration(1234) == "1.2 s"
    assert duration(75000) == "1 min 15 s"
    assert duration(None) == ""
    assert time_left(42) == "about 42 s left"
    assert time_left(600) == "about 10 min left"
    assert time_left(0) == "almost done"
