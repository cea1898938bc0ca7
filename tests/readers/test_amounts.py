"""Amounts, units and financial years as Indian statements print them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.readers.amounts import (
    detect_unit,
    dr_cr_of,
    fy_ends,
    fy_key,
    parse_amount,
    to_rupees,
    year_of_heading,
)

LAKH, CRORE = Decimal("100000"), Decimal("10000000")


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("12,34,567.00", "1234567.00"),  # Indian grouping
        ("1,00,00,000", "10000000"),
        ("1,234,567.00", "1234567.00"),  # western grouping
        ("1234567", "1234567"),
        ("5,000", "5000"),
        ("0.50", "0.50"),
        ("₹ 5,000", "5000"),
        ("Rs. 5,000", "5000"),
    ],
)
def test_grouped_figures_read_exactly(printed, value):
    assert parse_amount(printed) == Decimal(value)
    assert str(parse_amount(printed)) == value


@pytest.mark.parametrize("printed", ["(15,01,043)", "-15,01,043", "( 15,01,043 )", "−15,01,043"])
def test_brackets_and_minus_signs_are_negative(printed):
    assert parse_amount(printed) == Decimal("-1501043")


@pytest.mark.parametrize("printed", ["-", "–", "—", "Nil", "NIL", "", "  "])
def test_nil_marks_are_zero(printed):
    assert parse_amount(printed) == Decimal("0")


@pytest.mark.parametrize(
    "printed", ["Total", "12,34", "1,2345", "(5,000", "5,000)", "55.00%", "27AAB1694F1Z1", None]
)
def test_what_is_not_a_figure_is_none(printed):
    assert parse_amount(printed) is None


def test_dr_and_cr_suffixes_are_read_and_named():
    assert parse_amount("5,000 Dr") == Decimal("5000")
    assert parse_amount("5,000.00 Cr.") == Decimal("5000.00")
    assert dr_cr_of("5,000 Dr") == "Dr"
    assert dr_cr_of("5,000.00 cr.") == "Cr"
    assert dr_cr_of("5,000") is None


@pytest.mark.parametrize(
    ("header", "rupees"),
    [
        ("(₹ in lakhs)", LAKH),
        ("(Rs. in Lacs)", LAKH),
        ("Amount in ₹ crores", CRORE),
        ("(Rupees in Crores)", CRORE),
        ("(₹ in thousands)", Decimal("1000")),
        ("(Amount in ₹)", Decimal("1")),
        ("Amount in Rs.", Decimal("1")),
    ],
)
def test_units_are_read_from_the_header_that_states_them(header, rupees):
    assert detect_unit(header) == rupees


def test_a_label_that_merely_mentions_crores_states_no_unit():
    assert detect_unit("Loans repayable in 3 crores instalments") is None


def test_lakhs_and_crores_convert_to_rupees_exactly():
    assert to_rupees(Decimal("816.91"), LAKH) == Decimal("81691000.00")
    assert to_rupees(Decimal("0.01"), LAKH) == Decimal("1000.00")
    assert to_rupees(Decimal("1,234.5678".replace(",", "")), CRORE) == Decimal("12345678000.00")
    assert to_rupees(Decimal("12,34,567.89".replace(",", "")), Decimal("1")) == Decimal(
        "1234567.89"
    )
    # 0.1 + 0.2 is not 0.3 in floats; in Decimal lakhs it is exactly 30,000 rupees
    assert to_rupees(Decimal("0.1") + Decimal("0.2"), LAKH) == Decimal("30000.00")


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        ("As at 31 March 2025", "FY2025"),
        ("As at 31st March 2025", "FY2025"),
        ("Year ended 31 March 2024", "FY2024"),
        ("31.03.2024", "FY2024"),
        ("31-Mar-24", "FY2024"),
        ("01.04.2024", "FY2025"),  # a date in April opens the next financial year
        ("As at March 31, 2025", "FY2025"),
        ("For the year ended March 31 2024", "FY2024"),
        ("FY 2023-24", "FY2024"),
        ("2024-25", "FY2025"),
        ("March 2024", "FY2024"),  # no day printed, or a scan lost it
        ("As at Mar-2025", "FY2025"),
        ("September 2024", "FY2025"),
    ],
)
def test_year_headings_name_the_financial_year_they_fall_in(heading, year):
    assert year_of_heading(heading) == year


@pytest.mark.parametrize(
    "heading", ["Particulars", "Note No.", "2023-25", "31 Foo 2024", "As at", "Decrease 2024"]
)
def test_headings_without_a_date_name_no_year(heading):
    assert year_of_heading(heading) is None


def test_year_keys_end_on_31_march():
    assert fy_key(2025) == "FY2025"
    assert fy_ends("FY2025").isoformat() == "2025-03-31"
