"""A term loan's schedule as the CMA's TermLoan: from a lender's EMI schedule (as the
reader gives it) or from what the CA entered or corrected (stored per financial year)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from pipeline.cma.loans import LoanYear, TermLoan
from pipeline.readers.emi_schedule import LoanSchedule

PARTS = ("interest", "principal", "outstanding")
_YEAR = re.compile(r"^FY\d{4}$")


def term_loan(schedule: LoanSchedule, source: str) -> TermLoan:
    """`source` names where the schedule came from (the uploaded file) for the trace."""
    return TermLoan(
        lender=schedule.lender,
        years={
            year: LoanYear(y.interest, y.principal, y.outstanding)
            for year, y in schedule.by_year().items()
        },
        sanction=schedule.sanction,
        rate_pct=schedule.rate_pct,
        emi=schedule.emi,
        moratorium_months=schedule.moratorium_months,
        source=source,
    )


def stored_years(schedule: LoanSchedule) -> dict[str, dict[str, str]]:
    """A read schedule's years as they are stored (exact rupees as text)."""
    return {
        year: {"interest": str(y.interest), "principal": str(y.principal),
               "outstanding": str(y.outstanding)}
        for year, y in schedule.by_year().items()
    }  # fmt: skip


def loan_years(data: Mapping) -> dict[str, LoanYear]:
    """Stored or entered years checked: keys such as "FY2026", each with its interest,
    principal and outstanding, none negative. ValueError says what is wrong."""
    if not isinstance(data, Mapping) or not data:
        raise ValueError("Give at least one financial year of the schedule.")
    years = {}
    for year, parts in sorted(data.items()):
        if not isinstance(year, str) or not _YEAR.match(year):
            raise ValueError(f"{year!r} is not a financial year such as 'FY2026'.")
        if not isinstance(parts, Mapping):
            raise ValueError(f"{year}: give its interest, principal and outstanding.")
        years[year] = LoanYear(*(_amount(year, part, parts.get(part)) for part in PARTS))
    return years


def _amount(year: str, part: str, raw) -> Decimal:
    try:
        value = Decimal(str(raw).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise ValueError(f"{year}: the {part} must be an amount in rupees, not {raw!r}.") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"{year}: the {part} cannot be {raw!r}.")
    return value
