"""A workbook sheet's role, decided by weighing what its content shows, never one signature.

Firms name sheets as they like ('Sheet1', 'Final', a 'BS' that holds the trial
balance) and one mark misleads: a face statement with year columns looks like
a Tally export's period heading, a 'Key Ratios (see notes)' title says
'notes'. So every mark a sheet shows is evidence with a weight, and the role
with the most weight wins:

- a title naming a statement, notes, a trial balance or a working
  (cash flow, ratios, EMI schedule, deferred tax, sub-notes);
- column headings: year columns, a Note column, a Debit/Credit pair, Tally's
  level columns, a fixed-asset schedule's gross block / depreciation / net
  block groups, an EMI schedule's principal / interest / balance;
- the rows: note headings ('Note 1 - ...', '1. Share capital'), labels that
  are ratios or percentages.

A sheet whose best role has too little weight is not placed: it is reported
and left out, never forced through a reader. `why` says the evidence in a
sentence for the extract report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pipeline.readers import auxiliary, fixed_assets, tally, trial_balance
from pipeline.readers.document import BALANCE_SHEET, PROFIT_AND_LOSS
from pipeline.readers.grid import Sheet
from pipeline.readers.layout import statement_of, year_of
from pipeline.readers.notes import split_notes
from pipeline.readers.scan import note_column, scan

NOTES, FIXED_ASSETS, TALLY = "notes", "fixed_assets", "tally"
MIN_WEIGHT = 3
_NOTES_TITLE = re.compile(
    r"(?<!sub)(?<!sub-)(?<!sub )\bnotes\b|\bschedules? (?:forming|to)\b", re.IGNORECASE
)
_RATIO_LABEL = re.compile(r"\bratio\b|%|percent|\btimes\b|\bmargin\b|return on", re.IGNORECASE)
_NAMES = {
    BALANCE_SHEET: "balance sheet",
    PROFIT_AND_LOSS: "statement of profit and loss",
    NOTES: "notes",
    FIXED_ASSETS: "fixed-asset schedule",
    TALLY: "Tally export",
    auxiliary.TRIAL_BALANCE: "trial balance",
    auxiliary.CASH_FLOW: "cash flow statement",
    auxiliary.RATIOS: "sheet of ratios",
    auxiliary.EMI: "loan repayment (EMI) schedule",
    auxiliary.DEFERRED_TAX: "deferred tax working",
    auxiliary.SUB_NOTES: "sub-notes",
}
# Roles preferred on equal weight: the statements, then what carries items.
_ORDER = [
    BALANCE_SHEET,
    PROFIT_AND_LOSS,
    NOTES,
    FIXED_ASSETS,
    *auxiliary.REASONS,
    auxiliary.SUB_NOTES,
    TALLY,
]


@dataclass(frozen=True)
class Role:
    role: str | None  # None: the sheet cannot be placed
    why: str
    weights: dict[str, int]


def name_of(role: str) -> str:
    return _NAMES.get(role, role.replace("_", " "))


def sheet_role(sheet: Sheet, title: str) -> Role:
    """The role with the most evidence, and the evidence (see the module docstring).

    `title` is the words printed above the sheet's first figure or heading.
    """
    evidence: dict[str, list[tuple[int, str]]] = defaultdict(list)
    _titles(title, evidence)
    _columns(sheet, title, evidence)
    _rows(sheet, title, evidence)
    weights = {role: sum(weight for weight, _ in found) for role, found in evidence.items()}
    if not weights or max(weights.values()) < MIN_WEIGHT:
        shown = "; ".join(reason for found in evidence.values() for _, reason in found)
        why = "no statement title, note headings, trial balance columns or schedule was found"
        return Role(
            None, f"{why}{f' (only: {shown})' if shown else ''}, so it was left out", weights
        )
    best = max(weights, key=lambda role: (weights[role], -_ORDER.index(role)))
    reasons = ", ".join(reason for _, reason in evidence[best])
    return Role(best, f"read as the {name_of(best)}: {reasons}", weights)


def _titles(title: str, evidence) -> None:
    shown = f"“{_telling(title)}”"
    statement = statement_of(title)
    if statement and not _NOTES_TITLE.search(title):
        evidence[statement].append((3, f"its title {shown} names it"))
    if _NOTES_TITLE.search(title):
        evidence[NOTES].append((3, f"its title {shown} names notes"))
    if "trial balance" in title.lower():
        evidence[auxiliary.TRIAL_BALANCE].append((5, f"its title {shown} names it"))
    for kind, pattern in auxiliary.TITLES:
        if pattern.search(title):
            evidence[kind].append((4, f"its title {shown} names it"))


def _columns(sheet: Sheet, title: str, evidence) -> None:
    lines = scan(sheet, year_of(title), limit=15)
    years = next((line.years for line in lines if len(line.years) >= 1), {})
    statements = [role for role in (BALANCE_SHEET, PROFIT_AND_LOSS) if role in evidence]
    if years:
        for role in statements:
            evidence[role].append((1, f"{len(years)} year column{'s' if len(years) > 1 else ''}"))
    if note_column(sheet) is not None:
        for role in statements:
            evidence[role].append((2, "a Note column"))
    if trial_balance.detect(sheet) is not None:
        evidence[auxiliary.TRIAL_BALANCE].append((5, "debit and credit balance columns"))
    found = tally.detect(sheet)
    if found is not None:
        header_row, sides = found
        levels = any(b.last > b.first for side in sides for b in side.blocks)
        if levels and _beside(sheet, header_row, sides):
            for role in statements:
                evidence[role].append((3, "sub-totals printed beside their last items"))
        elif levels:
            evidence[TALLY].append((5, "Tally's level columns under each period heading"))
        elif len(sides) >= 2:
            evidence[TALLY].append((5, "two accounts printed side by side (T-format)"))
    if fixed_assets.detect(sheet):
        evidence[FIXED_ASSETS].append((4, "gross block, depreciation and net block columns"))
    if auxiliary.has_emi_headers(sheet):
        evidence[auxiliary.EMI].append((3, "principal, interest and balance columns"))


def _beside(sheet: Sheet, header_row: int, sides) -> bool:
    """A row with figures in two columns of one period: a statement's item and the sub-total
    beside it. Tally prints each node of its group tree on a row of its own."""
    spans = [(b.first, b.last) for side in sides for b in side.blocks if b.last > b.first]
    for cells in sheet.rows():
        if cells[0].row <= header_row:
            continue
        cols = {c.col for c in cells if c.amount is not None}
        if any(sum(1 for col in cols if first <= col <= last) >= 2 for first, last in spans):
            return True
    return False


def _rows(sheet: Sheet, title: str, evidence) -> None:
    lines = scan(sheet, year_of(title))
    headings = [heading for heading, _ in split_notes(lines)]
    subs = sum(1 for heading in headings if heading.refers_to)
    if len(headings) - subs >= 2:
        weight = 3 if len(headings) - subs >= 3 else 2
        evidence[NOTES].append((weight, f"{len(headings) - subs} note headings"))
    if subs >= 2:
        evidence[auxiliary.SUB_NOTES].append((2, f"{subs} sub-notes naming the note they break up"))
    figures = [line for line in lines if line.amounts and line.label]
    ratios = sum(1 for line in figures if _RATIO_LABEL.search(line.label))
    if figures and ratios * 2 >= len(figures):
        evidence[auxiliary.RATIOS].append((3, f"{ratios} of its {len(figures)} rows are ratios"))


_TELLING = re.compile(
    r"balance sheet|statement of|profit|notes?\b|schedules?\b|trial balance|cash\s*flow|"
    r"ratios?|repayment|deferred tax|sub[- ]?notes?|annexure|computation",
    re.IGNORECASE,
)


def _telling(title: str, size: int = 80) -> str:
    """The title from its first telling word on ('Balance Sheet as at ...', not the company)."""
    text = " ".join(title.split())
    found = _TELLING.search(text)
    text = text[found.start() :] if found else text
    return text if len(text) <= size else text[: size - 1] + "…"
