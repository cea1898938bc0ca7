"""Lenders' EMI schedules (our own, in Excel and PDF) read by their content: the loan's
facts, each instalment, and the interest, principal and outstanding per financial year."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import Workbook

from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.emi_schedule import is_emi_schedule, read_emi_schedule, workbook_lines
from tests.readers.emi_fixtures import LOAN, emi, pdf_schedule, schedule, xlsx_schedule


def xlsx_without_table() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Interest on term loans", 120000])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _expected_years() -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    years: dict[str, list] = {}
    for row in schedule():
        fy = f"FY{row.due.year + 1 if row.due.month > 3 else row.due.year}"
        years.setdefault(fy, []).append(row)
    return {
        fy: (sum(r.interest for r in rows), sum(r.principal for r in rows), rows[-1].closing)
        for fy, rows in years.items()
    }


@pytest.mark.parametrize(
    ("name", "data", "lender"),
    [
        ("BoB term loan.xlsx", xlsx_schedule(), "Bank of Baroda, Gandhinagar branch"),
        ("NBFC schedule.pdf", pdf_schedule(), "Lender not named in the schedule"),
    ],
)
def test_an_emi_schedule_gives_the_loan_and_its_years(name, data, lender):
    loan = read_emi_schedule(data, name)
    assert loan.lender == lender
    assert (loan.sanction, loan.rate_pct, loan.emi) == (LOAN, Decimal("10.00"), emi())
    assert loan.moratorium_months == 3
    assert len(loan.instalments) == 27
    assert loan.instalments[0].principal == 0 and loan.instalments[-1].balance == 0
    years = {fy: (y.interest, y.principal, y.outstanding) for fy, y in loan.by_year().items()}
    assert years == _expected_years()
    assert sum(y.principal for y in loan.by_year().values()) == LOAN


def test_a_statement_is_not_taken_for_an_emi_schedule():
    lines = [["Balance Sheet as at 31 March 2025"], ["Share capital", "5,00,000"],
             ["Interest", "accrued", "12,000"]]  # fmt: skip
    assert not is_emi_schedule(lines)
    assert is_emi_schedule(workbook_lines(xlsx_schedule(), ReadLimits()))
    with pytest.raises(ReaderError, match=r"read from \.xlsx or \.pdf only"):
        read_emi_schedule(b"a,b", "x.csv")
    with pytest.raises(ReaderError, match="No repayment schedule found") as refused:
        read_emi_schedule(xlsx_without_table(), "balance sheet.xlsx")
    assert refused.value.hint
