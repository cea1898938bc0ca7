"""T-format (two-sided) accounts of proprietorships and partnerships.

The balance sheet prints Liabilities beside Assets, and the trading, profit
and loss and capital accounts print Dr ("To ...") beside Cr ("By ..."), each
side with its own year columns. One printed line therefore carries up to two
line items, one per side. A side's figures printed without a label are the
sub-total of the group above them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.readers.amounts import parse_amount, to_rupees, year_of_heading
from pipeline.readers.document import (
    BALANCE_SHEET,
    MANUFACTURING,
    PROFIT_AND_LOSS,
    TRADING,
    ExtractedItem,
)
from pipeline.readers.pdf_context import starts_lowercase, title_kind
from pipeline.readers.pdf_layout import (
    DETAIL,
    Cell,
    build_columns,
    cells,
    is_figure,
    mark_detail_columns,
    relative_year,
    resolve_relative_years,
    split_group_total,
    split_row,
    trailing_amounts,
)
from pipeline.readers.pdf_pages import Line, Word
from pipeline.readers.pdf_state import Draft, State, Table, TSide

_DR_CR = re.compile(r"^(dr|cr)\.?$", re.I)
_BALANCE_SIDES = re.compile(r"liabilit|assets|capital\s+and", re.I)
_SCHEDULE_REF = re.compile(r"\b(?:schedule|sch\.|annexure|note)\s*([A-Z]{1,2}|\d{1,3})\b", re.I)
_DATE_WORDS = 6  # a column heading is short: "As at 31 March 2025"


def t_table(header: Sequence[Line], body: Sequence[Line], year_hint: str | None) -> Table | None:
    """The two-sided table `header` opens, or None when it is not one."""
    for line in header:
        found = _split(cells(line.words), year_hint)
        if found:
            split, left, right = found
            sides = _sides(header, body, split, (left, right), year_hint)
            return Table("tformat", split=split, sides=sides)
    return None


def _split(row: list[Cell], year_hint: str | None) -> tuple[float, str, str] | None:
    """(x of the right side, left heading, right heading) of a two-sided heading row."""
    years = [_year(cell, year_hint) for cell in row]
    kinds = ["date" if year else "text" for year in years]
    if not kinds or kinds[0] != "text":
        return None
    for index in range(1, len(row)):
        before, after = kinds[:index], kinds[index:]
        if kinds[index] != "text" or "date" not in before or "date" not in after:
            continue
        left = [year for year in years[:index] if year]
        right = [year for year in years[index:] if year]
        if left == right:
            return row[index].x0, _side_name(row[:index], 0), _side_name(row[index:], 1)
    return None


def _year(cell: Cell, year_hint: str | None) -> str | None:
    """The year a column heading names ("31.03.2025", "Current Year"), if it is one."""
    if len(cell.words) > _DATE_WORDS:
        return None
    return year_of_heading(cell.text) or relative_year(cell.text, year_hint)


def _side_name(row: list[Cell], side: int) -> str:
    """'Dr'/'Cr' as marked, 'Liabilities'/'Assets' as headed; else the account's sides."""
    for cell in row:
        match = _DR_CR.match(cell.words[-1].text)
        if match:
            return match.group(1).capitalize()
    heading = row[0].text
    if _BALANCE_SIDES.search(heading):
        return heading
    return ("Dr", "Cr")[side]  # an account debits on the left, credits on the right


def _sides(header, body, split: float, names, year_hint) -> tuple[TSide, TSide]:
    halves = []
    for index, name in enumerate(names):
        head = [_half(line, split, index) for line in header]
        rows = [_half(line, split, index).words for line in body]
        columns = build_columns([h for h in head if h.words], rows)
        resolve_relative_years(columns, year_hint)
        mark_detail_columns(columns)
        halves.append(TSide(name, columns))
    return tuple(halves)


def _half(line: Line, split: float, side: int) -> Line:
    words = tuple(w for w in line.words if (w.x0 >= split - 2) == bool(side))
    return Line(line.number, line.top, line.bottom, words)


def t_row(line: Line, state: State) -> None:
    """One printed line of a two-sided table: up to one item per side."""
    table = state.table
    drafts = []
    for index, side in enumerate(table.sides):
        half = _half(line, table.split, index)
        if not half.words:
            continue
        label_words, placed = split_row(half.words, side.columns)
        if any(column.role in ("amount", DETAIL) for column, _ in placed):
            drafts.extend(_drafts(label_words, placed, side, line, state))
        elif trailing_amounts(half.words) and any(is_figure(word.text) for word in half.words):
            state.unplaced.append((state.page, line.number))
        elif starts_lowercase(half) and state.last:
            _continue_label(half, side, state)
        else:
            state.side_subsections[side.name] = half.text
    if drafts:
        state.drafts.extend(drafts)
        state.last, state.last_bottom = drafts, line.bottom


def _continue_label(half: Line, side: TSide, state: State) -> None:
    for draft in state.last:
        if draft.item.side == side.name:
            draft.item.label = f"{draft.item.label} {half.text}".strip()


def _drafts(label_words: list[Word], placed, side: TSide, line: Line, state: State) -> list:
    """The side's item, and its group's unlabelled sub-total when printed beside it."""
    refs = [(c, w) for c, w in placed if c.role == "note"]
    figures = [(c, w) for c, w in placed if c.role != "note"]
    label = " ".join(word.text for word in label_words)
    detail = any(c.role == DETAIL for c in side.columns)
    drafts = []
    for part_label, part in split_group_total(label, figures):
        draft = _draft(part_label, refs + part, side, line, state)
        draft.outer = detail and all(c.role != DETAIL for c, _ in part)
        drafts.append(draft)
    return drafts


def _draft(label: str, placed, side: TSide, line: Line, state: State) -> Draft:
    amounts, refs = {}, []
    for column, word in placed:
        printed = parse_amount(word.text)
        if column.role == "note":
            refs.append(word.text)
        elif column.year and printed is not None:
            amounts[column.year] = to_rupees(printed, state.unit)
    statement = title_kind(state.section) or title_kind(state.title)
    if statement not in (TRADING, MANUFACTURING, PROFIT_AND_LOSS):
        statement = BALANCE_SHEET  # the balance sheet and its schedules
    match = _SCHEDULE_REF.search(label)
    face = state.note is None
    ref = (refs[0] if refs else match.group(1) if match else None) if face else None
    item = ExtractedItem(
        label=label,
        amounts=amounts,
        statement=statement,
        section=state.section,
        subsection=state.side_subsections.get(side.name, ""),
        note=ref if face else state.note,
        side=side.name,
        page=state.page,
        row=line.number,
    )
    return Draft(item, (state.section, side.name), face=face, ref=ref)
