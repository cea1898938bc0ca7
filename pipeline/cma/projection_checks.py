"""Warnings on the projections a credit officer would query at once.

A projection made from defaults can look precise and still be absurd: an
interest rate implied by a year's interest over its debt outside what banks
charge, or a DSCR so high that the term debt it speaks of is negligible. The
CA either states the assumption or explains the figure; nothing is changed
silently.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pipeline.cma.assessment import INTEREST_BEARING_DEBT
from pipeline.cma.model import WARNING, Cma, Finding

RATE_RANGE = (Decimal(6), Decimal(18))  # % a year: what Indian banks and NBFCs charge
DSCR_ABSURD = Decimal(10)  # above this the debt serviced is negligible, or misread


def projection_warnings(cma: Cma) -> list[Finding]:
    return [*_implied_rate(cma), *_dscr(cma)]


def _implied_rate(cma: Cma) -> list[Finding]:
    used = next((a for a in cma.assumptions if a.name == "interest_rate_pct"), None)
    last = cma.actual_years[-1]
    debt = sum((cma.value(key, last) for key in INTEREST_BEARING_DEBT), Decimal(0))
    if used is None or used.source == "CA" or not debt:
        return []  # stated by the CA, or no debt to imply a rate from
    try:
        rate = Decimal(used.value)
    except InvalidOperation:
        return []
    low, high = RATE_RANGE
    if low <= rate <= high or not cma.year_keys[len(cma.actual_years) :]:
        return []
    message = (
        f"The interest rate implied by the last actual year ({used.source}) is {rate} % a "
        f"year, outside the {low}–{high} % banks charge: the projected interest uses it. "
        "State interest_rate_pct in the assumptions, or check the interest and the debt."
    )
    first = cma.year_keys[len(cma.actual_years)]
    return [Finding("implied_interest_rate", WARNING, first, message, {"rate": str(rate)})]


def _dscr(cma: Cma) -> list[Finding]:
    findings = []
    for year in cma.year_keys:
        dscr = cma.value("dscr", year)
        if dscr is not None and dscr > DSCR_ABSURD:
            message = (
                f"DSCR of {dscr:.2f} in {year}: the term debt serviced (interest on term loans "
                f"and instalments due) is negligible against the accruals. Check the term "
                "loans' schedule, or say why in the CA's explanation."
            )
            findings.append(Finding("dscr_absurd", WARNING, year, message, {"dscr": f"{dscr:.4f}"}))
    return findings
