"""One block of printed lines (a statement, a note, a schedule) into line items.

A block is read top to bottom like a CA reads it: a header naming years
('As at 31.03.2025') says which column is which year until another header
says otherwise; a line with words but no figures is a heading (the section of
a statement, the subsection of a note); a header of several words over
figures that are not years opens a table (an ageing table, an EMI schedule)
whose cells become items of their own, keyed by column; totals are found by
arithmetic (`totals.TotalFinder`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pipeline.readers.document import BALANCE_SHEET, ExtractedItem
from pipeline.readers.grid import Cell, Sheet
from pipeline.readers.layout import unit_at, year_of
from pipeline.readers.scan import Line
from pipeline.readers.totals import TotalFinder, says_total

TOTAL = "total: sum of the items printed above it"
AGEING = "memo: ageing analysis of the note total"
AUTHORISED = "memo: authorised capital is not a balance"
PER_SHARE = (
    "per-share figure in rupees, not an amount of the entity (and not in the statement's unit)"
)
PER_SHARE_UNIT = "rupees per share"
_AGEING_WORDS = re.compile(
    r"ageing|aging|less than|more than|\bmonths?\b|\d\s*-\s*\d\s*years?|outstanding for",
    re.IGNORECASE,
)
_NOT_MONEY = re.compile(r"%|percent|\bno\.? of\b|number of|holding|\bshares\b|\brate\b", re.I)
_PER_SHARE = re.compile(r"per (?:equity )?share|earnings per", re.IGNORECASE)
_AUTHORISED = re.compile(r"^authori[sz]ed", re.IGNORECASE)


@dataclass
class Context:
    """What every block of one sheet shares."""

    sheet: Sheet
    statement: str | None
    units: list[tuple[int, Decimal]]
    tolerance: Decimal
    default_year: str | None = None  # for tables and single figures without a year column
    # The unit of a line whose figures are not rupees ('times', 'percent'), if any.
    printed_unit: Callable[[Line], str | None] | None = None


@dataclass
class Block:
    title: str  # the note's title, or a statement's default section
    lines: list[Line]
    note: str | None = None
    year_cols: dict[int, str] = field(default_factory=dict)
    notes_mode: bool = True  # headings are subsections of the note (else sections)


@dataclass
class _Table:
    columns: dict[int, str]  # column -> header text
    money: set[int]  # the columns that hold amounts (not counts of shares, not percentages)
    ageing: bool
    year: str | None


@dataclass
class _State:
    year_cols: dict[int, str]
    section: str
    subsection: str = ""
    last_heading: str = ""
    table: _Table | None = None
    finder: TotalFinder | None = None


def read_block(block: Block, ctx: Context) -> tuple[list[ExtractedItem], dict[int, str]]:
    """The block's items, and the year columns in force at its end."""
    flows = ctx.statement != BALANCE_SHEET or block.notes_mode
    state = _State(dict(block.year_cols), block.title, finder=TotalFinder(ctx.tolerance, flows))
    items: list[ExtractedItem] = []
    for line in block.lines:
        if line.years and not line.amounts:
            state.year_cols, state.table = _spanned(line, ctx.sheet), None
        elif not line.amounts:
            _words(line, block, state, ctx)
        elif state.table and set(line.amounts) & set(state.table.columns):
            items += _table_items(line, block, state, ctx)
            if says_total(line.label):  # a table ends with its total row
                state.table = None
        else:
            items += _line_items(line, block, state, ctx)
    return items, state.year_cols


def _spanned(line: Line, sheet: Sheet) -> dict[int, str]:
    """Year columns, a heading merged over two columns naming both: the items' inner
    column and the outer one where sub-totals stand beside their last items."""
    years = dict(line.years)
    for col, year in line.years.items():
        span = sheet.merged_span(line.row, col)
        if span:
            years.update({c: year for c in range(span[0], span[1] + 1)})
    return years


def _line_items(line: Line, block: Block, state: _State, ctx: Context) -> list[ExtractedItem]:
    """The line's item; with figures in both columns of a year, the item (inner column) and
    the sub-total printed beside it (outer column)."""
    columns: dict[str, list[int]] = {}
    for col in sorted(line.amounts):
        if col in state.year_cols:
            columns.setdefault(state.year_cols[col], []).append(col)
    if not any(len(cols) > 1 for cols in columns.values()):
        item = _line_item(line, block, state, ctx)
        return [] if item is None else [item]
    outer = {cols[-1] for cols in columns.values() if len(cols) > 1}
    inner = replace(line, amounts={c: v for c, v in line.amounts.items() if c not in outer})
    beside = replace(line, label="", amounts={c: v for c, v in line.amounts.items() if c in outer})
    found = [_line_item(inner, block, state, ctx), _line_item(beside, block, state, ctx)]
    return [item for item in found if item is not None]


def _words(line: Line, block: Block, state: _State, ctx: Context) -> None:
    """A header over a table, or a heading."""
    if len(line.texts) >= 2:
        state.table = _table(line, state, ctx)
        return
    if not line.is_heading:
        return
    state.table = None
    state.finder.heading(line.label)
    state.last_heading = line.label
    if block.notes_mode:
        state.subsection = line.label
    else:
        state.section = line.label


def _table(line: Line, state: _State, ctx: Context) -> _Table:
    words = " ".join([state.last_heading, *(c.text for c in line.texts.values())])
    year = year_of(state.last_heading) or _latest(state.year_cols) or ctx.default_year
    columns = {col: c.text for col, c in line.texts.items()}
    money = {col for col, text in columns.items() if not _NOT_MONEY.search(text)}
    return _Table(columns, money, bool(_AGEING_WORDS.search(words)), year)


def _latest(year_cols: dict[int, str]) -> str | None:
    return max(year_cols.values()) if year_cols else None


def _table_items(line: Line, block: Block, state: _State, ctx: Context) -> list[ExtractedItem]:
    table, items = state.table, []
    if table.year is None:
        return items
    unit = unit_at(ctx.units, line.row)
    for col, cell in sorted(line.amounts.items()):
        if col not in table.money:
            continue
        item = _item(line, block, state, {table.year: cell}, unit)
        item.column = table.columns[col]
        if table.ageing:
            item.table, item.exclude_reason = "ageing", AGEING
        items.append(item)
    return items


def _line_item(line: Line, block: Block, state: _State, ctx: Context) -> ExtractedItem | None:
    cells = {state.year_cols[col]: c for col, c in line.amounts.items() if col in state.year_cols}
    if not cells and ctx.default_year and len(line.amounts) == 1 and not state.year_cols:
        cells = {ctx.default_year: next(iter(line.amounts.values()))}
    if not cells:
        return None
    printed_unit = _printed_unit(line, state, ctx)
    item = _item(line, block, state, cells, unit_at(ctx.units, line.row))
    printed = {year: cell.amount for year, cell in cells.items()}
    if printed_unit:
        item.amounts, item.printed_unit = printed, printed_unit
        item.exclude_reason = PER_SHARE if printed_unit == PER_SHARE_UNIT else None
    elif state.finder.is_total(line.label, printed):
        item.exclude_reason = TOTAL
    elif _AUTHORISED.match(state.subsection) and block.notes_mode:
        item.exclude_reason = AUTHORISED
    return item


def _printed_unit(line: Line, state: _State, ctx: Context) -> str | None:
    if _PER_SHARE.search(f"{state.section} {line.label}"):
        return PER_SHARE_UNIT
    return ctx.printed_unit(line) if ctx.printed_unit else None


def _item(line: Line, block: Block, state: _State, cells: dict[str, Cell], unit) -> ExtractedItem:
    first = next(iter(cells.values()))
    note = block.note if block.notes_mode else line.note
    return ExtractedItem(
        label=line.label,
        amounts={year: (c.amount * unit).quantize(Decimal("0.01")) for year, c in cells.items()},
        statement=None,
        section=state.section,
        subsection=state.subsection if block.notes_mode else "",
        note=note,
        row=line.row,
        cells={year: c.ref for year, c in cells.items()},
        stored_as=first.stored_as,
    )


def heading_note(item: ExtractedItem, lines: list[Line]) -> str | None:
    """The note a face line's heading points to ('(b) Trade payables   7')."""
    note = None
    for line in lines:
        if line.row >= (item.row or 0):
            break
        if line.is_heading:
            note = line.note
        elif line.amounts and line.note:
            note = None
    return note
