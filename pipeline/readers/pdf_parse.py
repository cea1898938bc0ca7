"""Walk a statement's pages in order, line by line, into draft line items.

Each page is cut into tables at its column headings: a table runs from one
block of headings to the next, so the figures below a heading are read in
that heading's columns, and a page that continues a note without repeating
its headings reads them in the columns of the page before. Notes, sections
and the unit carry over from page to page the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.readers.amounts import year_of_heading
from pipeline.readers.pdf_context import (
    NOTES,
    PageContent,
    has_percent,
    is_centred,
    page_content,
    ref_heading,
    short_title,
    title_kind,
)
from pipeline.readers.pdf_layout import (
    COLUMN_SLACK,
    Column,
    cells,
    cluster,
    is_figure,
    trailing_amounts,
)
from pipeline.readers.pdf_pages import Line, PageText
from pipeline.readers.pdf_state import Draft, State, Table
from pipeline.readers.pdf_tables import vertical_table
from pipeline.readers.schedule_iii import body_row, open_reference, text_row
from pipeline.readers.tformat import t_row, t_table

NOISE, BODY, TITLE, REF, HEADER, TEXT = "noise", "body", "title", "ref", "header", "text"
EXACT = 1.5  # points: right-aligned text ends on a column's edge to within this


@dataclass
class Parsed:
    drafts: list[Draft]
    units: dict[str, Decimal] = field(default_factory=dict)
    unstated_unit_pages: list[int] = field(default_factory=list)
    annexure_pages: list[int] = field(default_factory=list)
    unplaced: list[tuple[int, int]] = field(default_factory=list)  # (page, line)
    tformat: bool = False


def parse_pages(pages: Sequence[PageText], annexures: Sequence[int] = ()) -> Parsed:
    """Draft items of every page with a text layer, in printed order.

    `annexures` are pages left unread because they are wholly an annexure:
    a page after them that goes on with the annexure is not counted either.
    """
    state = State()
    parsed = Parsed(state.drafts)
    skipped = sorted(annexures)
    for page in pages:
        while skipped and skipped[0] < page.number:
            state.annexure = True
            state.annexure_pages.add(skipped.pop(0))
        if not page.has_text:
            continue
        content = page_content(page)
        _start_page(content, state, parsed)
        _walk(content, state, parsed)
    parsed.annexure_pages = sorted(state.annexure_pages | set(skipped))
    parsed.unplaced = state.unplaced
    return parsed


def _start_page(content: PageContent, state: State, parsed: Parsed) -> None:
    state.page, state.last = content.number, []
    if content.unit is not None:
        state.unit = content.unit
    elif content.number == 1 or not parsed.units:
        parsed.unstated_unit_pages.append(content.number)
    parsed.units[str(content.number)] = state.unit
    if content.title and content.title != state.page_title:
        state.page_title = content.title
        open_statement(content.title, state)


def open_statement(title: str, state: State) -> None:
    """A statement, its notes, or an account of a T-format statement starts here."""
    state.title, state.kind = title, title_kind(title)
    state.year_hint = year_of_heading(title) or state.year_hint
    state.notes_area = state.kind == NOTES
    if state.kind != NOTES:
        state.note, state.annexure = None, False
    state.open_section(short_title(title))


def _walk(content: PageContent, state: State, parsed: Parsed) -> None:
    kinds = classify(content, state.notes_area)
    tables = _tables(content.lines, kinds, state)
    for index, (line, kind) in enumerate(zip(content.lines, kinds, strict=True)):
        if index in tables:
            state.table, state.side_subsections = tables[index], {}
            parsed.tformat = parsed.tformat or state.table.kind == "tformat"
        if kind in (NOISE, HEADER):
            continue
        if kind == TITLE:
            _account_title(line.text, state)
        elif kind == REF and (heading := ref_heading(line.text, state.notes_area)):
            state.last = []
            open_reference(heading, state)
        elif state.table is not None and state.table.kind == "tformat" and not state.annexure:
            t_row(line, state)
        elif kind == BODY:
            body_row(line, state)
        else:
            text_row(line, state)


def _account_title(text: str, state: State) -> None:
    """A centred title inside a page: a statement ("Statement of Profit and Loss" below
    the balance sheet), an account ("Trading Account"), or one of a schedule's accounts."""
    state.last = []
    if title_kind(text):
        open_statement(text, state)
    elif state.section.startswith("Schedule "):  # a schedule of several accounts
        state.open_section(f"{state.section.split(':')[0]}: {text}")
    else:
        state.open_section(text)


def classify(content: PageContent, notes_area: bool) -> list[str]:
    """Each line's kind: noise, body (has figures), title, ref, header or text."""
    bodies = [ln for ln in content.lines if trailing_amounts(ln.words) and not has_percent(ln)]
    columns = cluster(
        [w for ln in bodies for w in ln.words[len(ln.words) - trailing_amounts(ln.words) :]]
    )
    notes_area = notes_area or content.kind == NOTES
    lines = content.lines
    return [
        _kind(line, _paragraph(lines, i), content.width, columns, notes_area)
        for i, line in enumerate(lines)
    ]


def _paragraph(lines: list[Line], index: int) -> bool:
    """The line starts where the line above or below it starts: running text, not a title."""
    x0 = lines[index].words[0].x0
    near = [lines[j] for j in (index - 1, index + 1) if 0 <= j < len(lines)]
    return any(abs(line.words[0].x0 - x0) <= 2 for line in near)


def _kind(line: Line, paragraph: bool, width: float, columns, notes_area: bool) -> str:
    if has_percent(line):
        return NOISE
    if trailing_amounts(line.words) or any(is_figure(word.text) for word in line.words):
        return BODY  # figures on the left side of a two-sided line, text on the right
    if is_centred(line, width) and not paragraph:
        return REF if ref_heading(line.text, notes_area) else TITLE
    if _aligned(line, columns):
        return HEADER
    if ref_heading(line.text, notes_area):
        return REF
    return TEXT


def _aligned(line: Line, columns: list[Column]) -> bool:
    """A column heading: some cell of it stands over a column of figures.

    Two headings printed so close that they read as one cell ("Year ended 31
    March 2025 Year ended 31 March 2024") still end exactly on two columns' edges.
    """
    if not columns:
        return False
    left = min(c.x0 for c in columns) - 3 * COLUMN_SLACK
    for cell in cells(line.words):
        edges = {c.x1 for c in columns for w in cell.words if abs(w.x1 - c.x1) <= EXACT}
        if len(edges) >= 2:
            return True
        if cell.x0 >= left and any(
            min(cell.x1, c.x1) - max(cell.x0, c.x0) > 0 or abs(cell.x1 - c.x1) <= COLUMN_SLACK
            for c in columns
        ):
            return True
    return False


def _tables(lines: list[Line], kinds: list[str], state: State) -> dict[int, Table]:
    """The table each block of column headings opens, by the index of its first line."""
    starts = [i for i, k in enumerate(kinds) if k == HEADER and (i == 0 or kinds[i - 1] != HEADER)]
    tables = {}
    for n, start in enumerate(starts):
        end = start
        while end + 1 < len(lines) and kinds[end + 1] == HEADER:
            end += 1
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        header = lines[start : end + 1]
        body = [lines[i] for i in range(end + 1, stop) if kinds[i] == BODY]
        tables[start] = t_table(header, body, state.year_hint) or _vertical(
            lines, kinds, start, header, body, state
        )
    return tables


def _vertical(lines, kinds, start, header, body, state: State) -> Table:
    caption = next(
        (lines[i].text for i in range(start - 1, max(start - 3, -1), -1) if kinds[i] == TEXT), ""
    )
    year_hint = year_of_heading(caption) or state.year_hint
    return vertical_table(header, [line.words for line in body], caption, year_hint)
