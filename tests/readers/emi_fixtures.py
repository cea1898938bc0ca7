"""Lenders' EMI schedules of our own making, in Excel and in PDF: a term loan of
₹10,00,000 at 10 % a year over 24 EMIs after a three-month interest-only moratorium."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO

from openpyxl import Workbook

from tests.readers.test_pdf_layouts import Page, make_pdf

PAISA = Decimal("0.01")
LOAN, RATE, MONTHS, MORATORIUM = Decimal(1_000_000), Decimal(10), 24, 3
FIRST_DUE = date(2024, 6, 5)
HEADER = ("Inst. No.", "Due date", "Opening balance", "EMI", "Principal", "Interest",
          "Closing balance")  # fmt: skip


@dataclass(frozen=True)
class Row:
    number: int
    due: date
    opening: Decimal
    emi: Decimal
    principal: Decimal
    interest: Decimal
    closing: Decimal


def _months_after(start: date, months: int) -> date:
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, start.day)


def emi() -> Decimal:
    r = RATE / 1200
    return (LOAN * r * (1 + r) ** MONTHS / ((1 + r) ** MONTHS - 1)).quantize(PAISA, ROUND_HALF_UP)


def schedule() -> list[Row]:
    rows, balance, r = [], LOAN, RATE / 1200
    for n in range(MORATORIUM + MONTHS):
        interest = (balance * r).quantize(PAISA, ROUND_HALF_UP)
        principal = Decimal(0) if n < MORATORIUM else min(balance, emi() - interest)
        closing = balance - principal
        rows.append(Row(n + 1, _months_after(FIRST_DUE, n), balance, principal + interest,
                        principal, interest, closing))  # fmt: skip
        balance = closing
    return rows


FACTS = (
    "Lender: Bank of Baroda, Gandhinagar branch",
    "Loan amount: Rs. 10,00,000.00",
    "Rate of interest: 10.00 % p.a. (floating)",
    f"EMI: {emi():,.2f}",
    "Moratorium: 3 months (interest only)",
)


def xlsx_schedule() -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Repayment schedule"
    for text in FACTS:
        ws.append([text])
    ws.append([])
    ws.append(list(HEADER))
    for row in schedule():
        ws.append([row.number, row.due, float(row.opening), float(row.emi),
                   float(row.principal), float(row.interest), float(row.closing)])  # fmt: skip
        ws.cell(ws.max_row, 2).number_format = "DD-MMM-YYYY"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_schedule() -> bytes:
    """Printed as an NBFC's statement: dates as "05/06/2024", Indian grouping."""
    pages, page, top = [], Page(), 40
    for text in ("Tata Capital Financial Services Limited: loan repayment schedule", *FACTS[1:]):
        page.left(40, top, text)
        top += 14
    top += 10
    for x, text in zip((40, 80, 140, 230, 300, 370, 440), HEADER, strict=True):
        page.left(x, top, text)
    for row in schedule():
        top += 12
        if top > 800:
            pages.append(page)
            page, top = Page(), 40
        cells = (str(row.number), f"{row.due:%d/%m/%Y}", *(_indian(v) for v in
                 (row.opening, row.emi, row.principal, row.interest, row.closing)))  # fmt: skip
        for x1, text in zip((60, 130, 210, 280, 350, 420, 500), cells, strict=True):
            page.right(x1, top, text)
    pages.append(page)
    return make_pdf(pages)


def _indian(amount: Decimal) -> str:
    whole, _, paise = f"{amount:.2f}".partition(".")
    head, tail = whole[:-3], whole[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([g for g in (head, *groups) if g] + [tail]) + "." + paise
