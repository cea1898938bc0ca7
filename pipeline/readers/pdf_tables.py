"""Tables of a vertical statement: year columns, or a matrix of named columns.

A note's table has one column per year and gives one line item per row. A
fixed-asset schedule or an ageing table is a matrix: every figure is a line
item of its own, named by its column. In a fixed-asset schedule only the
closing balances are balances (gross block and accumulated depreciation as
at the year end, or the written-down value); the opening balances, additions,
deductions and the charge for the year are movements, and the net block is
the difference of two balances already counted. An ageing table re-analyses
a note total, so none of its figures count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.readers.amounts import fy_key
from pipeline.readers.pdf_layout import (
    Column,
    build_columns,
    mark_detail_columns,
    resolve_relative_years,
)
from pipeline.readers.pdf_pages import Line, Word
from pipeline.readers.pdf_state import Table

FIXED_ASSETS = "fixed asset schedule"
DEPRECIATION = "depreciation schedule"  # Income-tax written-down values
AGEING = "ageing"

MOVEMENT = "memo: fixed-asset movement column"
NET_BLOCK = "memo: net block (gross block less depreciation)"
AGEING_MEMO = "memo: ageing analysis of the note total"

_FA_WORDS = re.compile(
    r"gross\s+(block|carrying)|net\s+block|depreciation|amortis|\bw\.?d\.?v\b|written\s+down|"
    r"additions?|deductions?|disposals?",
    re.I,
)
_WDV = re.compile(r"\bw\.?d\.?v\b|written\s+down", re.I)
_AGEING = re.compile(
    r"less\s+than|more\s+than|\d\s*[-–]\s*\d+\s*(years?|months?)|not\s+due|ageing|aging", re.I
)
_NET = re.compile(r"\bnet\s+(block|carrying|book)|carrying\s+(amount|value)", re.I)
# A date's day is not a word of its own where a scan glued the words ("Upto31March 2025").
_OPENING = re.compile(
    r"(?<!\d)0?1(st)?[\s./-]*(april|apr\b|04\b)|\bopening\b|\bbeginning\b|\bb/f\b", re.I
)
_CLOSING = re.compile(r"(?<!\d)31(st)?[\s./-]*(march|mar\b|03\b)|\bclosing\b|\bend of\b", re.I)


def vertical_table(
    header: Sequence[Line], body: Sequence[Sequence[Word]], caption: str, year_hint: str | None
) -> Table:
    """The table that `header` opens, judged from its column headings and caption."""
    columns = build_columns(header, body)
    resolve_relative_years(columns, year_hint)
    mark_detail_columns(columns)
    amounts = [c for c in columns if c.role == "amount"]
    years = [c.year for c in amounts]
    names = " ".join(c.name for c in amounts)
    if _AGEING.search(names) or (_AGEING.search(caption) and len(amounts) > 2):
        return Table("matrix", columns, name=AGEING, year=year_hint or _latest(years))
    if len(amounts) > 2 and _FA_WORDS.search(names):
        wdv = not any(c.group for c in amounts) and bool(_WDV.search(names))
        name = DEPRECIATION if wdv else FIXED_ASSETS
        return Table("matrix", columns, name=name, year=_latest(years) or year_hint, wdv=wdv)
    if amounts and all(years) and len(set(years)) == len(years):
        return Table("years", columns)
    return Table("matrix", columns, year=_latest(years) or year_hint)


def _latest(years: list[str | None]) -> str | None:
    known = [y for y in years if y]
    return max(known) if known else None


def cell_year_and_reason(table: Table, column: Column) -> tuple[str | None, str | None]:
    """The financial year a matrix figure belongs to, and why it is not counted (if so)."""
    if table.name == AGEING:
        return table.year, AGEING_MEMO
    if table.name not in (FIXED_ASSETS, DEPRECIATION):
        return table.year, None
    role = fa_role(column)
    if role == "net":
        return table.year, NET_BLOCK
    if role == "opening" and table.wdv and table.year:
        # The Income-tax WDV brought forward is last year's closing balance.
        return fy_key(int(table.year[2:]) - 1), None
    if role == "closing":
        return table.year, None
    return table.year, MOVEMENT


def fa_role(column: Column) -> str:
    """'net', 'opening', 'closing' or 'movement' for a fixed-asset schedule column."""
    if _NET.search(column.name):
        return "net"
    if _OPENING.search(column.header):
        return "opening"
    if _CLOSING.search(column.header):
        return "closing"
    return "movement"
