"""Every computed figure of Forms II to VI, year by year, from the input rows.

`Ledger` holds the input rows of a run of consecutive years and evaluates any
row on demand with the formulas of `rows.py` and `assessment.py`. A projected
year may replace an input row by a formula (the balancing figure, the surplus
carried forward): the same override becomes a live formula in the workbook.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pipeline.cma.assessment import ASSESSMENT_ROWS
from pipeline.cma.formula import Expr, Value, evaluate
from pipeline.cma.rows import INPUT_KEYS, ROWS

FORMULAS: dict[str, Expr] = {
    row.key: row.formula for row in (*ROWS, *ASSESSMENT_ROWS) if row.formula is not None
}
ALL_KEYS: tuple[str, ...] = tuple(row.key for row in (*ROWS, *ASSESSMENT_ROWS))


class Ledger:
    """Input rows by year, and every computed row evaluated from them."""

    def __init__(self, years: Iterable[str] = ()) -> None:
        self.years: list[str] = []
        self.inputs: dict[str, dict[str, Decimal]] = {key: {} for key in INPUT_KEYS}
        self.overrides: dict[tuple[str, str], Expr] = {}
        self._cache: dict[tuple[str, str], Value] = {}
        for year in years:
            self.add_year(year)

    def add_year(self, year: str, inputs: dict[str, Decimal] | None = None) -> None:
        """Append the next year; input rows not given are zero."""
        self.years.append(year)
        for key in INPUT_KEYS:
            self.inputs[key][year] = Decimal(0)
        self.set_inputs(year, inputs or {})

    def set_inputs(self, year: str, inputs: dict[str, Decimal]) -> None:
        for key, amount in inputs.items():
            if key not in self.inputs:
                raise KeyError(f"{key!r} is not an input row")
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
