"""Term loans with their repayment schedules, feeding Form II's interest and the DSCR.

Without schedules the interest on term loans is an estimate (a share of all
interest, `assessment.term_loan_interest`) and projected repayments follow
the trend. With the lenders' schedules (read from their EMI schedules or
entered by the CA), each year from the first scheduled one takes:

1. interest on term loans: the schedules' interest paid in the year;
2. in the estimated and projected years, term loans and the instalments due
   within a year (row 25, which the DSCR services) from the schedules'
   outstanding and next year's principal, and Form II's interest as the
   schedules' interest plus the assumed rate on the other borrowings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pipeline.cma.compute import Ledger
from pipeline.cma.formula import Amount

PAISA = Decimal("0.01")
OTHER_DEBT = ("bank_borrowings_wc", "st_borrowings_other", "other_term_liabilities")


@dataclass(frozen=True)
class LoanYear:
    interest: Decimal
    principal: Decimal
    outstanding: Decimal  # at the financial year's end


@dataclass(frozen=True)
class TermLoan:
    """One loan as its lender scheduled it; `years` by financial year ("FY2025")."""

    lender: str
    years: Mapping[str, LoanYear]
    sanction: Decimal | None = None
    rate_pct: Decimal | None = None
    emi: Decimal | None = None
    moratorium_months: int = 0
    source: str = "entered by the CA"

    def year(self, key: str) -> LoanYear:
        """A year outside the schedule: before it nothing is owed, after it the last
        balance (nil once repaid) and nothing paid."""
        if key in self.years:
            return self.years[key]
        earlier = [y for y in sorted(self.years) if y < key]
        owed = self.years[earlier[-1]].outstanding if earlier else Decimal(0)
        return LoanYear(Decimal(0), Decimal(0), owed)


def next_key(year: str) -> str:
    return f"FY{int(year[2:]) + 1}"


def schedule_interest(ledger: Ledger, loans: Sequence[TermLoan]) -> None:
    """Interest on term loans from the schedules, in every year from the first
    scheduled one (earlier years keep the estimate)."""
    scheduled = [year for loan in loans for year in loan.years]
    if not scheduled:
        return
    for year in ledger.years:
        if year >= min(scheduled):
            ledger.override("term_loan_interest", year, Amount(_sum(loans, year, "interest")))


def scheduled_finance(
    loans: Sequence[TermLoan], year: str, other_debt: Decimal, rate_pct: Decimal
) -> dict[str, Decimal]:
    """A projected year's term loans, instalments due within a year and interest
    (`other_debt`: the other interest-bearing debt at the start of the year)."""
    due = _sum(loans, next_key(year), "principal")
    outstanding = _sum(loans, year, "outstanding")
    due = min(due, outstanding)
    return {
        "current_maturities_ltd": due,
        "term_loans": outstanding - due,
        "interest": _sum(loans, year, "interest") + _q(other_debt * rate_pct / 100),
    }


def _sum(loans: Sequence[TermLoan], year: str, part: str) -> Decimal:
    return sum((getattr(loan.year(year), part) for loan in loans), Decimal(0))


def _q(amount: Decimal) -> Decimal:
    return amount.quantize(PAISA, rounding=ROUND_HALF_UP)
