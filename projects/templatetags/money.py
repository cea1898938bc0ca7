"""Amounts as Indian readers expect them: ₹12,34,567.00, lakhs and crores.

Indian digit grouping puts the first comma after the thousands and then one
every two digits (12,34,56,789), which neither Python's format mini-language
nor Django's humanize does.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

from pipeline.cma.money import group_indian

register = template.Library()

MISSING = "—"
LAKH = Decimal(100_000)
CRORE = Decimal(10_000_000)
UNIT_DIVISORS = {"rupees": Decimal(1), "lakhs": LAKH, "crores": CRORE}
UNIT_LABELS = {"rupees": "₹", "lakhs": "₹ lakhs", "crores": "₹ crores"}


def to_decimal(value) -> Decimal | None:
    """A Decimal for numbers and numeric text; None for anything else (shown as a dash)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_indian(value, places: int = 2) -> str:
    """A number with Indian grouping and `places` decimals; a dash when it is not a number."""
    number = to_decimal(value)
    if number is None:
        return MISSING
    exponent = Decimal(1).scaleb(-places)
    rounded = number.quantize(exponent, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = group_indian(whole)
    return f"{sign}{text}.{fraction}" if places > 0 else f"{sign}{text}"


@register.filter
def inr(value, places: int = 2) -> str:
    """₹12,34,567.00 (negative: -₹1,234.50)."""
    text = format_indian(value, int(places))
    if text == MISSING:
        return text
    return f"-₹{text[1:]}" if text.startswith("-") else f"₹{text}"


@register.filter
def indian(value, places: int = 2) -> str:
    """12,34,567.00: Indian grouping without the rupee sign (for tables with a unit header)."""
    return format_indian(value, int(places))


@register.filter
def lakhs(value) -> str:
    """₹12.35 lakh."""
    number = to_decimal(value)
    return MISSING if number is None else f"{inr(number / LAKH)} lakh"


@register.filter
def crores(value) -> str:
    """₹1.23 crore."""
    number = to_decimal(value)
    return MISSING if number is None else f"{inr(number / CRORE)} crore"


@register.filter
def in_unit(value, unit: str = "rupees") -> str:
    """Rupees shown in the project's unit (rupees, lakhs or crores), grouped, two decimals."""
    number = to_decimal(value)
    if number is None:
        return MISSING
    return format_indian(number / UNIT_DIVISORS.get(unit, Decimal(1)))


@register.filter
def unit_label(unit: str) -> str:
    """The column header for amounts in `unit`: ₹, ₹ lakhs or ₹ crores."""
    return UNIT_LABELS.get(unit, "₹")


@register.filter
def compact_inr(value) -> str:
    """The readable size of an amount: crores from one crore, lakhs from one lakh, else rupees."""
    number = to_decimal(value)
    if number is None:
        return MISSING
    if abs(number) >= CRORE:
        return crores(number)
    if abs(number) >= LAKH:
        return lakhs(number)
    return inr(number)
