"""The auxiliary sheets of a final-accounts workbook: read, shown, never counted.

Beside the statements and notes, a CA's final-accounts workbook carries the
trial balance, sub-notes, the deferred tax working, EMI schedules, key ratios
and the cash flow statement. They repeat or derive from figures the
statements already carry, so adding them double counts: every row of theirs
is kept (the CA and the banker see them) with an exclusion that says why.
They are recognised by their headings and content, not by sheet names, which
every firm spells its own way.
"""

from __future__ import annotations

import re

from pipeline.readers import trial_balance
from pipeline.readers.blocks import Block, Context, read_block
from pipeline.readers.document import ExtractedItem
from pipeline.readers.grid import Sheet
from pipeline.readers.layout import year_of
from pipeline.readers.notes import split_notes
from pipeline.readers.scan import Line, scan

TRIAL_BALANCE, CASH_FLOW, RATIOS = "trial_balance", "cash_flow", "ratios"
EMI, DEFERRED_TAX, SUB_NOTES = "emi", "deferred_tax", "sub_notes"
_PREFIX = "auxiliary schedule: "
REASONS = {
    TRIAL_BALANCE: _PREFIX + "trial balance of the same year's ledgers; the statements and "
    "notes already carry these balances, so counting them again double counts",
    CASH_FLOW: _PREFIX + "cash flow statement; movements derived from the statements, not balances",
    RATIOS: _PREFIX + "key ratios and their workings, derived from the statements",
    EMI: _PREFIX + "EMI (loan repayment) schedule; the loan balances are in the borrowings "
    "notes and the interest in finance costs",
    DEFERRED_TAX: _PREFIX + "deferred tax working; the net deferred tax is on the balance sheet "
    "and its charge in the statement of profit and loss",
}
TB_TOTAL = _PREFIX + "trial balance total"
TITLES = [
    (CASH_FLOW, re.compile(r"cash\s*flow", re.I)),
    (RATIOS, re.compile(r"\bratios?\b", re.I)),
    (EMI, re.compile(r"repayment schedule|\bemi\b|amorti[sz]ation schedule|loan schedule", re.I)),
    (DEFERRED_TAX, re.compile(r"deferred tax", re.I)),
    (SUB_NOTES, re.compile(r"sub[- ]?notes?|annexure|break[- ]?up", re.I)),
]
_EMI_HEADERS = re.compile(r"principal|interest|emi|instal+ment|closing balance", re.I)


def is_trial_balance(sheet: Sheet, title: str) -> bool:
    return "trial balance" in title.lower() or trial_balance.detect(sheet) is not None


def kind_of(sheet: Sheet, title: str) -> str | None:
    """Which auxiliary schedule the sheet is, from its title and headers; None if none."""
    if is_trial_balance(sheet, title):
        return TRIAL_BALANCE
    for kind, pattern in TITLES:
        if pattern.search(title):
            return kind
    return EMI if has_emi_headers(sheet) else None


def has_emi_headers(sheet: Sheet) -> bool:
    """A header row naming three of principal, interest, EMI, instalment, closing balance."""
    return any(
        sum(1 for c in cells if c.is_text and _EMI_HEADERS.search(c.text)) >= 3
        for cells in sheet.rows()[:40]
    )


def read(kind: str, sheet: Sheet, ctx: Context) -> list[ExtractedItem]:
    """Every figure of the auxiliary sheet, each excluded with the reason of its kind."""
    if kind == TRIAL_BALANCE:
        return _trial_balance(sheet, ctx)
    lines = scan(sheet, ctx.default_year)
    if kind == SUB_NOTES:
        return _sub_notes(sheet, lines, ctx)
    if kind == RATIOS:
        ctx.printed_unit = _ratio_unit
    items, _ = read_block(Block(sheet.name, lines, notes_mode=False), ctx)
    for item in items:
        item.exclude_reason = REASONS[kind]
    return items


def _trial_balance(sheet: Sheet, ctx: Context) -> list[ExtractedItem]:
    columns = trial_balance.detect(sheet)
    if columns is None:
        return []
    year = year_of(" ".join(sheet.texts(limit_rows=columns.header_row))) or ctx.default_year
    if year is None:
        return []
    items = trial_balance.read_items(sheet, columns, year)
    for item in items:
        total = item.exclude_reason == trial_balance.TB_TOTAL
        item.exclude_reason = TB_TOTAL if total else REASONS[TRIAL_BALANCE]
    return items


def _sub_notes(sheet: Sheet, lines: list[Line], ctx: Context) -> list[ExtractedItem]:
    items, year_cols = [], {}
    for _heading, block in split_notes(lines):
        block.year_cols = block.year_cols or year_cols
        found, year_cols = read_block(block, ctx)
        reason = (
            f"{_PREFIX}sub-note breaking up an amount already itemised in note {block.note}; "
            "not to be counted again"
        )
        for item in found:
            item.section, item.exclude_reason = f"{sheet.name} / {block.title}", reason
        items += found
    return items


def _ratio_unit(line: Line) -> str | None:
    """Ratios print times or percent, not rupees: 'Current ratio 2.63', 'ROCE (%) 15.13'."""
    if "%" in line.label or "percent" in line.label.lower():
        return "percent"
    if line.texts or re.search(r"\bratio\b", line.label, re.IGNORECASE):
        return "times"
    return None
