"""Rupees as a CA reads them: ₹12,34,567.00 (Indian digit grouping).

Rounding happens only here and in the JSON export; computation keeps every
paisa (and the full precision of a ratio) in `Decimal`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PAISA = Decimal("0.01")
RATIO_PLACES = Decimal("0.0001")


def to_paisa(amount: Decimal) -> Decimal:
    return amount.quantize(PAISA, rounding=ROUND_HALF_UP)


def to_ratio(value: Decimal) -> Decimal:
    """Four decimals, half up: how the bank and the ground truth state a ratio."""
    return value.quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)


def group_indian(digits: str) -> str:
    """'1234567' → '12,34,567': the last three digits, then pairs."""
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def rupees(amount: Decimal) -> str:
    """₹12,34,567.00; a negative amount as −₹12,34,567.00."""
    text = format(abs(to_paisa(amount)), "f")
    whole, _, fraction = text.partition(".")
    sign = "−" if amount < 0 and to_paisa(amount) else ""
    return f"{sign}₹{group_indian(whole)}.{fraction}"
