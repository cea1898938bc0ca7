"""A lender's EMI schedule (as the reader gives it) as the CMA's term loan."""

from __future__ import annotations

from pipeline.cma.loans import LoanYear, TermLoan
from pipeline.readers.emi_schedule import LoanSchedule


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
