"""The thresholds of a bank's checklist, as the credit officer's check applies them.

A plain record so that the project (`ProjectInfo.checklist`) can carry the
firm's chosen set into the pipeline; the defaults are the set most banks
apply, used when the firm has set none.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal


@dataclass(frozen=True)
class Thresholds:
    """One checklist; the defaults are the set most banks apply."""

    name: str = "Default checklist"
    current_ratio_min: Decimal = Decimal("1.33")
    tol_tnw_max: Decimal = Decimal("3.0")
    dscr_average_min: Decimal = Decimal("1.25")
    dscr_minimum_min: Decimal = Decimal("1.10")
    interest_cover_min: Decimal = Decimal("2.0")
    sales_growth_margin_points: Decimal = Decimal("10")  # over the best of the last three
    holding_excess_pct: Decimal = Decimal("25")  # over the company's three-year average

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}
