"""The "Term loans" sheet: each loan's schedule as its lender gave it, year by year.

The interest and instalments here are the ones Form II and the DSCR use, so a
banker can trace both to the lender's own schedule.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.model import Cma
from pipeline.cma.money import rupees
from pipeline.cma.rows import AMOUNT
from pipeline.cma.workbook_style import (
    BOLD,
    TITLE_FONT,
    UNIT_NAMES,
    header,
    print_setup,
    put_number,
    put_text,
    scaled,
    widths,
)

COLUMNS = ("Financial year", "Interest paid", "Principal repaid", "Outstanding at year end")


def write_loans(ws: Worksheet, cma: Cma) -> None:
    put_text(ws, 1, 1, "Term loans: the lenders' repayment schedules", TITLE_FONT)
    put_text(ws, 2, 1, f"Amounts in {UNIT_NAMES[cma.project.display_unit]}", BOLD)
    row = 4
    for loan in cma.project.term_loans:
        row = _loan(ws, cma, loan, row) + 2
    widths(ws, {"A": 30, "B": 20, "C": 20, "D": 24})
    print_setup(ws, landscape=False)


def _loan(ws: Worksheet, cma: Cma, loan, row: int) -> int:
    put_text(ws, row, 1, loan.lender, BOLD)
    facts = (
        ("Sanctioned", rupees(loan.sanction) if loan.sanction is not None else "not stated"),
        ("Rate of interest", f"{loan.rate_pct} % a year" if loan.rate_pct is not None else
         "not stated"),
        ("EMI / instalment", rupees(loan.emi) if loan.emi is not None else "not stated"),
        ("Moratorium", f"{loan.moratorium_months} months"),
        ("Source", loan.source),
    )  # fmt: skip
    for label, text in facts:
        row += 1
        put_text(ws, row, 1, label)
        put_text(ws, row, 2, text)
    row += 1
    for column, text in enumerate(COLUMNS, start=1):
        header(put_text(ws, row, column, text))
    digits = cma.project.unit_digits
    for year, figures in sorted(loan.years.items()):
        row += 1
        put_text(ws, row, 1, year)
        for column, amount in enumerate(
            (figures.interest, figures.principal, figures.outstanding), start=2
        ):
            put_number(ws, row, column, scaled(amount, digits), AMOUNT)
    return row
