"""Rows of vertical statements: the Schedule III face statements and their notes.

A face line carries its note number in the note column; a heading without
figures opens a section of the face ("(1) Shareholders' funds") or, inside a
note, a sub-heading ("Secured"); a line that starts in lower case continues
the label above it (labels wrap under their own first words). Per-share
figures are kept as printed: they are rupees per share, not amounts of the
entity in the statement's unit.
"""

from __future__ import annotations

import re

from pipeline.readers.amounts import fy_key, parse_amount, to_rupees, year_of_heading
from pipeline.readers.document import ExtractedItem
from pipeline.readers.pdf_context import CASH_FLOW, NOTES, ref_heading, starts_lowercase
from pipeline.readers.pdf_layout import (
    DETAIL,
    is_figure,
    split_group_total,
    split_row,
    trailing_amounts,
)
from pipeline.readers.pdf_pages import Line, Word
from pipeline.readers.pdf_state import Draft, State
from pipeline.readers.pdf_tables import MOVEMENT, cell_year_and_reason

CASH_FLOW_REASON = (
    "auxiliary schedule: cash flow statement; movements derived from the statements, not balances"
)
PER_SHARE = (
    "per-share figure in rupees, not an amount of the entity (and not in the statement's unit)"
)
_PER_SHARE = re.compile(r"\bearnings\s+per\b|\beps\b", re.I)
_RATE = re.compile(r"^\d+(\.\d+)?%$")
_PREVIOUS_YEAR_ROW = re.compile(r"^(previous|last|prior|preceding)\s+year\b|^p\.?\s?y\.?$", re.I)
PREVIOUS_YEAR_TOTAL = "total: the schedule's totals for the previous year"
PROSE_WORDS = 10


def body_row(line: Line, state: State) -> None:
    """A line with figures: one item, or one per figure in a matrix."""
    table = state.table
    if state.annexure:
        state.annexure_pages.add(state.page)
        return
    label_words, placed = split_row(line.words, table.columns if table else [])
    refs = [word.text for column, word in placed if column.role == "note"]
    figures = [(column, word) for column, word in placed if column.role in ("amount", DETAIL)]
    if not figures:
        if trailing_amounts(label_words) and any(is_figure(word.text) for word in label_words):
            state.unplaced.append((state.page, line.number))  # told to the CA, not dropped
        text_row(Line(line.number, line.top, line.bottom, tuple(label_words)), state, refs)
        return
    label = _joined_to_heading(_label(label_words), line, state)
    if table.kind == "matrix":
        drafts = _matrix_drafts(label, figures, line, state)
    else:
        drafts = [
            _year_draft(part_label, part, refs, line, state)
            for part_label, part in split_group_total(label, figures)
        ]
    if state.kind == CASH_FLOW:
        for draft in drafts:  # kept for the CA to see, never counted
            draft.item.exclude_reason, draft.face = CASH_FLOW_REASON, False
    state.drafts.extend(drafts)
    state.last, state.last_bottom = drafts, line.bottom


def _joined_to_heading(label: str, line: Line, state: State) -> str:
    """A label wrapped with its figures on its last line: the line above was its start,
    not a heading ("Total outstanding dues of micro enterprises and small" / "enterprises")."""
    heading, state.heading = state.heading, None
    if not heading or not label[:1].islower():
        return label
    text, bottom, saved = heading
    if line.top - bottom > 1.2 * (line.bottom - line.top):
        return label
    state.section, state.subsection, state.heading_note, state.per_share = saved
    return f"{text} {label}"


def _label(words: list[Word]) -> str:
    texts = [word.text for word in words]
    while texts and _RATE.match(texts[-1]):  # a depreciation rate column
        texts.pop()
    return " ".join(texts)


def _year_draft(label, figures, refs, line: Line, state: State) -> Draft:
    per_share = state.per_share or bool(_PER_SHARE.search(label))
    amounts = {}
    for column, word in figures:
        printed = parse_amount(word.text)
        if column.year and printed is not None:
            amounts[column.year] = printed if per_share else to_rupees(printed, state.unit)
    face = state.kind != NOTES
    ref = (refs[0] if refs else state.heading_note) if face else None
    item = _item(label, amounts, line, state, ref if face else state.note)
    if per_share:
        item.printed_unit, item.exclude_reason = "rupees per share", PER_SHARE
    outer = all(c.role != DETAIL for c, _ in figures) and _has_detail(state)
    return Draft(item, _block(state), face=face, ref=ref, outer=outer)


def _has_detail(state: State) -> bool:
    return any(column.role == DETAIL for column in state.table.columns)


def _matrix_drafts(label, figures, line: Line, state: State) -> list[Draft]:
    table = state.table
    previous = bool(_PREVIOUS_YEAR_ROW.match(label))
    drafts = []
    for column, word in figures:
        year, reason = cell_year_and_reason(table, column)
        if previous and year:  # the schedule's totals a year earlier, under its last row
            year, reason = fy_key(int(year[2:]) - 1), PREVIOUS_YEAR_TOTAL
        printed = parse_amount(word.text)
        if year is None or printed is None:
            continue
        item = _item(label, {year: to_rupees(printed, state.unit)}, line, state, state.note)
        item.column, item.table, item.exclude_reason = column.name, table.name, reason
        block = (*_block(state), column.name)
        drafts.append(Draft(item, block, balance=reason != MOVEMENT))
    return drafts


def _item(label, amounts, line: Line, state: State, note) -> ExtractedItem:
    return ExtractedItem(
        label=label,
        amounts=amounts,
        statement=state.kind if state.kind not in (NOTES, CASH_FLOW) else None,
        section=state.section,
        subsection=state.subsection,
        note=note,
        page=state.page,
        row=line.number,
    )


def _block(state: State) -> tuple:
    return (state.page if state.kind != NOTES else None, state.kind, state.note)


def text_row(line: Line, state: State, refs: list[str] | None = None) -> None:
    """A line without figures: a wrapped label, a heading, or prose."""
    if not line.words:
        return
    text = line.text
    if _continues(line, state):
        state.heading = None
        for draft in state.last:
            draft.item.label = f"{draft.item.label} {text}".strip()
        state.last_bottom = line.bottom
        return
    state.last, state.heading = [], None
    heading = ref_heading(text, state.notes_area)
    if heading:
        open_reference(heading, state)
        return
    if len(line.words) > PROSE_WORDS or text.endswith("."):
        state.year_hint = year_of_heading(text) or state.year_hint
    elif not state.annexure:
        _open_heading(line, state, refs)


def _open_heading(line: Line, state: State, refs: list[str] | None) -> None:
    """A sub-heading inside a note, or a section of a face statement (with its note)."""
    saved = (state.section, state.subsection, state.heading_note, state.per_share)
    state.heading = (line.text, line.bottom, saved)
    if state.kind == NOTES and state.note:
        state.subsection = line.text
    else:
        state.open_section(line.text)
        state.heading_note = refs[0] if refs else None
    state.per_share = bool(_PER_SHARE.search(line.text))


def _continues(line: Line, state: State) -> bool:
    height = line.bottom - line.top
    return (
        bool(state.last)
        and starts_lowercase(line)
        and line.top - state.last_bottom < 1.2 * height
        and line.top > state.last_bottom - height
    )


def open_reference(heading: tuple[str, str, str], state: State) -> None:
    """A heading that opens a note, a schedule or an annexure."""
    kind, ident, title = heading
    if kind == "annexure":
        state.annexure = True
        state.annexure_pages.add(state.page)
        return
    state.annexure = False
    state.note = ident
    if kind == "schedule":
        state.open_section(f"Schedule {ident}: {title}" if title else f"Schedule {ident}")
    else:
        state.open_section(title)
