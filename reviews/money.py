"""Rupee amounts: exact parsing to Decimal and Indian digit grouping (₹12,34,567.00)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pipeline.cma.money import group_indian

PAISA = Decimal("0.01")


class BadAmount(ValueError):
    """A value that is not an amount of rupees with at most two decimals."""


def to_decimal(value) -> Decimal:
    """An amount from a decimal string or number; floats go through str() to stay exact."""
    if isinstance(value, bool) or value is None:
        raise BadAmount(f"{value!r} is not an amount")
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise BadAmount(f"{value!r} is not an amount") from None
    if not amount.is_finite():
        raise BadAmount(f"{value!r} is not an amount")
    return amount


def to_rupees(value) -> Decimal:
    """An amount with at most two decimals (paise), refused otherwise rather than rounded."""
    amount = to_decimal(value)
    if amount != amount.quantize(PAISA):
        raise BadAmount(f"{value} has more than two decimals; give rupees and paise")
    return amount.quantize(PAISA)


def amounts_of(amounts: dict) -> dict[str, Decimal]:
    """A line item's stored amounts ({"FY2025": "123.00"}) as Decimals."""
    return {year: to_decimal(value) for year, value in amounts.items()}


def format_inr(value) -> str:
    """'₹12,34,567.00', '-₹1,500.50'; an unreadable value is shown as given."""
    try:
        amount = to_decimal(value).quantize(PAISA, rounding=ROUND_HALF_UP)
    except BadAmount:
        return str(value)
    whole, paise = f"{abs(amount):.2f}".split(".")
    sign = "-" if amount < 0 else ""
    return f"{sign}₹{group_indian(whole)}.{paise}"
