"""Every computed figure of Forms II to VI, year by year, from the input rows.

`Ledger` holds the input rows of a run of consecutive years and evaluates any
row on demand with the formulas of `rows.py` and `assessment.py`. A projected
year may replace an input row by a formula (the balancing figure, the surplus
carried forward): the same override becomes a live formula in the workbook.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from pipeline.cma.assessment import ASSESSMENT_ROWS
from pipeline.cma.formula import Expr, Ref, Value, divides, evaluate, references
from pipeline.cma.rows import INPUT_KEYS, PART_KEYS, ROWS

FORMULAS: dict[str, Expr] = {
    row.key: row.formula for row in (*ROWS, *ASSESSMENT_ROWS) if row.formula is not None
}
ALL_KEYS: tuple[str, ...] = tuple(row.key for row in (*ROWS, *ASSESSMENT_ROWS))


class Ledger:
    """Input rows by year, and every computed row evaluated from them."""

    def __init__(self, years: Iterable[str] = ()) -> None:
        self.years: list[str] = []
        self.inputs: dict[str, dict[str, Decimal]] = {key: {} for key in (*INPUT_KEYS, *PART_KEYS)}
        self.overrides: dict[tuple[str, str], Expr] = {}
        self._cache: dict[tuple[str, str], Value] = {}
        for year in years:
            self.add_year(year)

    def add_year(self, year: str, inputs: dict[str, Decimal] | None = None) -> None:
        """Append the next year; input rows (and parts) not given are zero."""
        self.years.append(year)
        for key in self.inputs:
            self.inputs[key][year] = Decimal(0)
        self.set_inputs(year, inputs or {})

    def set_inputs(self, year: str, inputs: dict[str, Decimal]) -> None:
        for key, amount in inputs.items():
            if key not in self.inputs:
                raise KeyError(f"{key!r} is not an input row or a part of one")
            self.inputs[key][year] = amount
        self._cache.clear()

    def override(self, key: str, year: str, formula: Expr) -> None:
        """Make an input row of `year` a formula (projected years only)."""
        self.overrides[(key, year)] = formula
        self._cache.clear()

    def formula(self, key: str, year: str) -> Expr | None:
        return self.overrides.get((key, year), FORMULAS.get(key))

    def value(self, key: str, year: str) -> Value:
        cached = (key, year)
        if cached not in self._cache:
            formula = self.formula(key, year)
            if formula is None:
                self._cache[cached] = self.inputs[key][year]
            else:
                self._cache[cached] = evaluate(formula, self._lookup(year))
        return self._cache[cached]

    def row(self, key: str) -> dict[str, Value]:
        return {year: self.value(key, year) for year in self.years}

    def values(self) -> dict[str, dict[str, Value]]:
        """Every row of Forms II to VI and every ratio, for every year."""
        return {key: self.row(key) for key in ALL_KEYS}

    def _lookup(self, year: str):
        index = self.years.index(year)

        def lookup(key: str, lag: int, or_current: bool) -> Value:
            if index - lag >= 0:
                return self.value(key, self.years[index - lag])
            return self.value(key, year) if or_current else None

        return lookup


@cache
def years_needed(key: str) -> int:
    """Earlier years a row needs before it has a value: a fund-flow movement needs
    one, and so does every total made from it. The first years of the sheet
    show nothing there, as the JSON shows null."""
    formula = FORMULAS.get(key)
    if formula is None:
        return 0
    return max((_needed(ref) for ref in _refs(formula)), default=0)


@cache
def may_be_empty(key: str) -> bool:
    """Whether a row divides, or is made from a row that does: it has no value when
    a divisor is zero."""
    formula = FORMULAS.get(key)
    if formula is None:
        return False
    return divides(formula) or any(may_be_empty(k) for k in references(formula))


def _refs(expr: Expr) -> list[Ref]:
    if isinstance(expr, Ref):
        return [expr]
    return [ref for arg in getattr(expr, "args", ()) for ref in _refs(arg)]


def _needed(ref: Ref) -> int:
    return (0 if ref.or_current else ref.lag) + years_needed(ref.key)
