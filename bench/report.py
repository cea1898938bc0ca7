"""Percentiles and the printed table: plain functions, tested without a server."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share 0.99 for p99): a value that was measured."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(math.ceil(share * len(ordered)), 1)
    return ordered[rank - 1]


@dataclass
class Row:
    """One measure: what it is, what was found, the goal, and whether it was met."""

    measure: str
    result: str
    goal: str = ""
    passed: bool | None = None  # None: reported, no goal

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "-"}[self.passed]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table, each column as wide as its widest cell; numbers right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if _numeric(str(c)) else str(c).ljust(w)
            for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def summary(rows: Sequence[Row]) -> str:
    return table(
        ["measure", "result", "goal", "verdict"],
        [[r.measure, r.result, r.goal, r.verdict] for r in rows],
    )


def _numeric(cell: str) -> bool:
    return cell.replace(".", "", 1).replace("%", "").replace("x", "").strip().isdigit()
