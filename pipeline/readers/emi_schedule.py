"""A lender's EMI (repayment) schedule, from Excel or PDF: bytes in, a LoanSchedule out.

Banks and NBFCs print the same table: one line an instalment, with its due
date, the EMI, its principal and interest parts and the balance outstanding
after it, under a few facts (lender, loan amount, rate, EMI, moratorium).
The document is recognised by that table, not by its file name: a header
naming principal, interest and balance, and dated lines below it. Pure: no
ORM; the CMA takes the per-year interest, principal and outstanding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pipeline.readers.amounts import _month_number, fy_key, parse_amount
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.loaders import load_xlsx
from pipeline.readers.pdf_pages import opened

# Column roles, matched in the header's words; the first pattern that matches wins.
ROLES = (
    ("opening", re.compile(r"opening|beginning", re.I)),
    ("balance", re.compile(r"closing|balance|outstanding", re.I)),
    ("principal", re.compile(r"principal", re.I)),
    ("interest", re.compile(r"interest", re.I)),
    ("payment", re.compile(r"\bemi\b|instal+ment amount|payment|amount", re.I)),
)
_HEADER_CELL = re.compile(
    r"opening balance|closing balance|balance outstanding|outstanding|balance|principal"
    r"|interest|\bemi\b|payment",
    re.I,
)
_DATE = re.compile(r"\b(\d{1,2})[\s./-]+([a-z]{3,9}|\d{1,2})[\s.,/-]+(\d{4})\b", re.I)
_FACTS = {
    "lender": re.compile(r"^\s*(?:lender|bank|financier|lent by)\s*[:\-]\s*(.+?)\s*$", re.I),
    "sanction": re.compile(
        r"(?:loan amount|sanction(?:ed)?(?: amount)?|amount financed)\s*[:\-]?\s*(?:₹|rs\.?)?"
        r"\s*([\d,]+(?:\.\d+)?)",
        re.I,
    ),
    "rate": re.compile(r"(?:rate of interest|interest rate|\broi\b)[^\d]*([\d.]+)\s*%", re.I),
    "emi": re.compile(r"\bemi\b(?: amount)?\s*[:\-]\s*(?:₹|rs\.?)?\s*([\d,]+(?:\.\d+)?)", re.I),
    "moratorium": re.compile(r"moratorium[^\d]*(\d+)\s*months?", re.I),
}
MIN_INSTALMENTS = 3


@dataclass(frozen=True)
class Instalment:
    due: date
    payment: Decimal
    principal: Decimal
    interest: Decimal
    balance: Decimal


@dataclass(frozen=True)
class LoanYear:
    """One financial year of a loan: what was paid and what is still owed at its end."""

    interest: Decimal
    principal: Decimal
    outstanding: Decimal


@dataclass(frozen=True)
class LoanSchedule:
    lender: str
    sanction: Decimal | None
    rate_pct: Decimal | None
    emi: Decimal | None
    moratorium_months: int
    instalments: tuple[Instalment, ...]

    def by_year(self) -> dict[str, LoanYear]:
        """Interest and principal paid in each financial year (April to March), and the
        balance outstanding after its last instalment."""
        years: dict[str, list[Instalment]] = {}
        for instalment in self.instalments:
            due = instalment.due
            years.setdefault(fy_key(due.year + 1 if due.month > 3 else due.year), []).append(
                instalment
            )
        return {
            year: LoanYear(
                interest=sum((i.interest for i in items), Decimal(0)),
                principal=sum((i.principal for i in items), Decimal(0)),
                outstanding=items[-1].balance,
            )
            for year, items in sorted(years.items())
        }


def is_emi_schedule(lines: list[list[str]]) -> bool:
    """Whether these lines (each a list of cell texts) carry a repayment schedule."""
    try:
        _table(lines)
    except ReaderError:
        return False
    return True


def read_emi_schedule(data: bytes, filename: str, limits: ReadLimits | None = None):
    """The schedule in an .xlsx or .pdf; ReaderError says what is missing."""
    limits = limits or ReadLimits()
    if filename.lower().endswith(".pdf"):
        lines = pdf_lines(data, limits)
    elif filename.lower().endswith(".xlsx"):
        lines = workbook_lines(data, limits)
    else:
        raise ReaderError(
            "wrong_file_type",
            f"{filename}: an EMI schedule is read from .xlsx or .pdf only.",
            "Upload the lender's schedule as the Excel or PDF file the lender sent.",
        )
    return schedule_of(lines, filename)


def workbook_lines(data: bytes, limits: ReadLimits) -> list[list[str]]:
    workbook = load_xlsx(data, limits)
    return [[cell.text for cell in row] for sheet in workbook.sheets for row in sheet.rows()]


def pdf_lines(data: bytes, limits: ReadLimits, pages: int | None = None) -> list[list[str]]:
    """Each printed line as its words (of the first `pages` pages, or all); a date printed
    "05 Apr 2024" stays one word."""
    lines = []
    with opened(data, None) as pdf:  # a damaged or locked PDF is a ReaderError
        if len(pdf.pages) > limits.max_pdf_pages:
            raise ReaderError(
                "too_large",
                f"The schedule has more than {limits.max_pdf_pages} pages.",
                "Upload the repayment schedule on its own.",
            )
        for page in pdf.pages[:pages]:
            for text in (page.extract_text() or "").splitlines():
                text = _DATE.sub(lambda m: "-".join(m.groups()), text)
                lines.append(text.split())
    return lines


def schedule_of(lines: list[list[str]], filename: str = "the schedule") -> LoanSchedule:
    header_at, roles = _table(lines)
    facts = _facts([" ".join(line) for line in lines[:header_at]])
    instalments = tuple(
        row for row in (_instalment(line, roles) for line in lines[header_at + 1 :]) if row
    )
    if len(instalments) < MIN_INSTALMENTS:
        raise ReaderError(
            "not_an_emi_schedule",
            f"{filename}: fewer than {MIN_INSTALMENTS} dated instalments.",
            "Upload the full repayment schedule, or enter the loan by hand.",
        )
    moratorium = facts.get("moratorium")
    if moratorium is None:  # the instalments that repay nothing: interest only
        moratorium = next((n for n, i in enumerate(instalments) if i.principal), 0)
    return LoanSchedule(
        lender=facts.get("lender") or "Lender not named in the schedule",
        sanction=facts.get("sanction"),
        rate_pct=facts.get("rate"),
        emi=facts.get("emi"),
        moratorium_months=int(moratorium),
        instalments=instalments,
    )


def _table(lines: list[list[str]]) -> tuple[int, list[str]]:
    """The header line and the role of each amount column, in order."""
    for index, line in enumerate(lines):
        roles = _roles(" ".join(line))
        if {"principal", "interest", "balance"} <= set(roles):
            dated = sum(_date_of(row) is not None for row in lines[index + 1 :])
            if dated >= MIN_INSTALMENTS:
                return index, roles
    raise ReaderError(
        "not_an_emi_schedule",
        "No repayment schedule found: no header naming principal, interest and balance "
        f"above at least {MIN_INSTALMENTS} dated instalments.",
        "Upload the lender's repayment schedule, or enter the loan by hand.",
    )


def _roles(header: str) -> list[str]:
    roles = []
    for match in _HEADER_CELL.finditer(header):
        role = next(name for name, pattern in ROLES if pattern.search(match[0]))
        if role not in roles:
            roles.append(role)
    return roles


def _instalment(line: list[str], roles: list[str]) -> Instalment | None:
    found = _date_of(line)
    if found is None:
        return None
    position, due = found
    amounts = [parse_amount(word) for word in line[position + 1 :]]
    amounts = [amount for amount in amounts if amount is not None]
    if len(amounts) != len(roles):
        return None  # a sub-total or a note line
    values = dict(zip(roles, amounts, strict=True))
    payment = values.get("payment", values["principal"] + values["interest"])
    return Instalment(due, payment, values["principal"], values["interest"], values["balance"])


def _date_of(line: list[str]) -> tuple[int, date] | None:
    for position, word in enumerate(line):
        match = _DATE.fullmatch(word.strip())
        if match:
            day, month, year = match.groups()
            number = _month_number(month)
            if number:
                try:
                    return position, date(int(year), number, int(day))
                except ValueError:
                    return None
    return None


def _facts(lines: list[str]) -> dict:
    facts: dict = {}
    for text in lines:
        for name, pattern in _FACTS.items():
            match = pattern.search(text)
            if match and name not in facts:
                raw = match.group(1)
                facts[name] = raw if name == "lender" else Decimal(raw.replace(",", ""))
    return facts
