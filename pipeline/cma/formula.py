"""One small expression language for every computed CMA figure.

A banker edits an input in the workbook and expects the totals to move, and the
JSON must carry the very same totals: so each computed row is written once, as
an expression tree, and both evaluated here in `Decimal` and rendered as an
Excel formula. Nothing else in the package spells a formula twice.

An expression reads other rows of the same year (`ref`) or of the previous
year (`prev`). A year without a previous one has no value for an expression
that needs it (the first year of a fund-flow statement), unless the reference
says to fall back to the same year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

Value = Decimal | None


@dataclass(frozen=True)
class Ref:
    """A row's value in this year (`lag` 0) or the previous one (`lag` 1)."""

    key: str
    lag: int = 0
    or_current: bool = False  # no previous year: use this year's value instead


@dataclass(frozen=True)
class Const:
    """A pure number (a share, a count of months); never scaled to lakhs."""

    value: Decimal


@dataclass(frozen=True)
class Amount:
    """A constant amount in rupees (a projected capital introduction)."""

    value: Decimal


@dataclass(frozen=True)
class Op:
    """`+` and `-` over any number of terms, `*`, `/` (nothing on a zero divisor),
    `max`, and `paise` (round half up to the paisa, as a banker's sheet does)."""

    name: str
    args: tuple[Expr, ...]


Expr = Ref | Const | Amount | Op


def ref(key: str) -> Ref:
    return Ref(key)


def prev(key: str, *, or_current: bool = False) -> Ref:
    return Ref(key, lag=1, or_current=or_current)


def _expr(term: Expr | str) -> Expr:
    return Ref(term) if isinstance(term, str) else term


def total(*terms: Expr | str) -> Op:
    return Op("+", tuple(_expr(t) for t in terms))


def minus(first: Expr | str, *rest: Expr | str) -> Op:
    return Op("-", tuple(_expr(t) for t in (first, *rest)))


def times(factor: str | Decimal | int, term: Expr | str) -> Op:
    return Op("*", (Const(Decimal(factor)), _expr(term)))


def product(first: Expr | str, second: Expr | str) -> Op:
    return Op("*", (_expr(first), _expr(second)))


def ratio(numerator: Expr | str, denominator: Expr | str) -> Op:
    return Op("/", (_expr(numerator), _expr(denominator)))


def percent(numerator: Expr | str, denominator: Expr | str) -> Op:
    return times(100, ratio(numerator, denominator))


def larger(first: Expr | str, second: Expr | str) -> Op:
    return Op("max", (_expr(first), _expr(second)))


def positive(term: Expr | str) -> Op:
    """The term when above zero, else zero (one side of a fund-flow movement)."""
    return larger(Const(Decimal(0)), term)


def change(key: str) -> Op:
    """This year's value less last year's: nothing in the first year."""
    return minus(ref(key), prev(key))


def paise(term: Expr | str) -> Op:
    return Op("paise", (_expr(term),))


def references(expr: Expr) -> set[str]:
    """Every row key an expression reads."""
    if isinstance(expr, Ref):
        return {expr.key}
    if isinstance(expr, Op):
        return set().union(*(references(a) for a in expr.args))
    return set()


# --- evaluation ---------------------------------------------------------------

Lookup = Callable[[str, int, bool], Value]


def evaluate(expr: Expr, lookup: Lookup) -> Value:
    """Value of `expr`; `lookup(key, lag, or_current)` gives the rows it reads.

    None propagates: a ratio over a zero divisor, or a first-year change, has no
    value and neither has anything computed from it.
    """
    if isinstance(expr, Ref):
        return lookup(expr.key, expr.lag, expr.or_current)
    if isinstance(expr, Const | Amount):
        return expr.value
    values = [evaluate(a, lookup) for a in expr.args]
    if any(v is None for v in values):
        return None
    return _apply(expr.name, values)


def _apply(name: str, values: list[Decimal]) -> Value:
    if name == "+":
        return sum(values, Decimal(0))
    if name == "-":
        return values[0] - sum(values[1:], Decimal(0))
    if name == "*":
        return values[0] * values[1]
    if name == "/":
        return None if values[1] == 0 else values[0] / values[1]
    if name == "max":
        return max(values)
    if name == "paise":
        return values[0].quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    raise ValueError(f"unknown operation {name!r}")


# --- Excel --------------------------------------------------------------------

CellOf = Callable[[str, int, bool], str | None]


def to_excel(
    expr: Expr, cell_of: CellOf, unit_digits: int = 0, guard: bool = False, empty: str = ""
) -> str | None:
    """The Excel formula (with its leading `=`) of `expr`, or None when it reads a
    year that is not on the sheet.

    `cell_of(key, lag, or_current)` gives a cell address. `unit_digits` is the
    power of ten of the display unit (5 for lakhs): amounts on the sheet are in
    that unit, so rounding to the paisa keeps 2 + 5 decimals and a constant
    amount is divided by the unit. `guard` wraps the formula in IFERROR(…, empty):
    a ratio over a zero divisor (and whatever is computed from it) shows empty
    (or a text such as "n/a"), as the JSON's null.
    """
    body = _excel(expr, cell_of, unit_digits)
    if body is None:
        return None
    return f'=IFERROR({body},"{empty}")' if guard else f"={body}"


def _excel(expr: Expr, cell_of: CellOf, digits: int) -> str | None:
    if isinstance(expr, Ref):
        return cell_of(expr.key, expr.lag, expr.or_current)
    if isinstance(expr, Const):
        return _number(expr.value)
    if isinstance(expr, Amount):
        return _number(expr.value.scaleb(-digits))
    parts = [_excel(a, cell_of, digits) for a in expr.args]
    if any(p is None for p in parts):
        return None
    return _excel_op(expr.name, parts, digits)


def _excel_op(name: str, parts: list[str], digits: int) -> str:
    if name in ("+", "-", "*", "/"):
        return "(" + name.join(parts) + ")"
    if name == "max":
        return f"MAX({parts[0]},{parts[1]})"
    if name == "paise":
        return f"ROUND({parts[0]},{2 + digits})"
    raise ValueError(f"unknown operation {name!r}")


def divides(expr: Expr) -> bool:
    """Whether `expr` itself divides (and so may have no value)."""
    return isinstance(expr, Op) and (expr.name == "/" or any(divides(a) for a in expr.args))


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return f"({text})" if value < 0 else text


def linear_terms(expr: Expr, expand: Callable[[str], Expr | None]) -> dict[str, int]:
    """An additive expression as {input key: +1/-1}, expanding computed rows.

    `expand(key)` gives the formula of a computed row (None for an input row).
    Used to write the balancing figure of a projected balance sheet over input
    rows only, so that it can never refer to itself.
    """
    if isinstance(expr, Ref) and expr.lag == 0:
        formula = expand(expr.key)
        return {expr.key: 1} if formula is None else linear_terms(formula, expand)
    if isinstance(expr, Op) and expr.name in "+-":
        terms: dict[str, int] = {}
        for index, arg in enumerate(expr.args):
            sign = -1 if expr.name == "-" and index else 1
            for key, coefficient in linear_terms(arg, expand).items():
                terms[key] = terms.get(key, 0) + sign * coefficient
        return {k: c for k, c in terms.items() if c}
    raise ValueError(f"not a sum of this year's rows: {expr!r}")
