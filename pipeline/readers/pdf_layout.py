"""Printed lines into labels, amounts and columns, from positions alone.

Statements right-align their figures under column headings, so a figure's
column is found by where it is printed, never by how many figures a row
has: a row with its previous-year figure left blank still puts this year's
figure in this year's column. Headings are read bottom-up from the figures
they stand over ("As at" over "31 March 2025"), with a spanning group
heading ("Gross block") shared by the columns it is centred over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations, pairwise
from statistics import median

from pipeline.readers.amounts import NIL_MARKS, detect_unit, fy_key, parse_amount, year_of_heading
from pipeline.readers.pdf_pages import Line, Word

COLUMN_SLACK = 8.0  # points a figure may stray from its column's right edge
_BARE_YEAR = re.compile(r"^(19|20)\d\d$")
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
_NOTE_REF = re.compile(r"^\d{1,2}$")  # an unheaded column of small whole numbers
_NOTE_HEADING = re.compile(r"\bnotes?\b|\bsch(edule)?\b|\bref\b", re.I)
# Schedule III's own headings name no date: "Figures as at the end of current
# reporting period"; small firms print "Current Year" / "Previous Year".
_PREVIOUS = re.compile(r"\b(previous|last|prior|preceding)\b.*\b(year|period)\b|^p\.?y\.?$", re.I)
_CURRENT = re.compile(r"\b(current|this)\b.*\b(year|period)\b|^c\.?y\.?$", re.I)
_UNIT_LINE = re.compile(
    r"^\(?\s*(all\s+)?(in\s+)?(amounts?|figures|₹|rs\.?|rupees|inr)(?![a-z])[^()]{0,70}\)?$",
    re.IGNORECASE,
)
MAX_GROUPS = 6  # spanning headings over one table; more cells than this is not a group line


@dataclass
class Cell:
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def cells(words: Sequence[Word]) -> list[Cell]:
    """Words of one line into cells: a gap wider than a space starts a new cell."""
    if not words:
        return []
    gap = _gap(words)
    result = [Cell([words[0]])]
    for word in words[1:]:
        if word.x0 - result[-1].x1 > gap:
            result.append(Cell([word]))
        else:
            result[-1].words.append(word)
    return result


def _gap(words: Sequence[Word]) -> float:
    return max(4.0, 0.7 * median(word.bottom - word.top for word in words))


def is_amount(text: str) -> bool:
    """A printed figure or nil mark ("-"), not a word that merely parses."""
    if text in NIL_MARKS:
        return text != ""
    return any(ch.isdigit() for ch in text) and parse_amount(text) is not None


def is_figure(text: str) -> bool:
    """Unmistakably money ("6,72,000.00", "1,250"), never a heading's "1" or "30.09"."""
    if not is_amount(text) or text in NIL_MARKS:
        return False
    integer = re.sub(r"[^\d.]", "", text).split(".")[0]
    return "," in text or (len(integer) >= 3 and "." in text)


def trailing_amounts(words: Sequence[Word]) -> int:
    """How many words at the end of the line are figures (0 for a line of bare years)."""
    count = 0
    for index in range(len(words) - 1, -1, -1):
        if not is_amount(words[index].text) or _ends_date(words, index):
            break
        count += 1
    if count and count == len(words) and all(_BARE_YEAR.match(w.text) for w in words):
        return 0  # "2025 2024": the last line of a column heading
    gap = _gap(words) if count else 0.0
    while 0 < count < len(words) and words[-count].x0 - words[-count - 1].x1 <= gap:
        count -= 1  # "costing up to ₹5,000", "Act, 1961": running text, not a column
    return count


def _ends_date(words: Sequence[Word], index: int) -> bool:
    """'2025' in '31 March 2025' is the end of a date, not a figure."""
    return (
        index > 0
        and bool(_BARE_YEAR.match(words[index].text))
        and words[index - 1].text[:3].lower() in _MONTHS
    )


def unit_of(text: str) -> Decimal | None:
    """Rupees per printed unit when `text` is a unit statement ("(₹ in lakhs)")."""
    text = text.strip()
    if len(text) > 80 or not _UNIT_LINE.match(text):
        return None
    return detect_unit(text)


@dataclass
class Column:
    x0: float
    x1: float
    header: str = ""
    group: str = ""
    role: str = "amount"  # "amount", "detail" (items of a year's group) or "note" (reference)
    tokens: list[str] = field(default_factory=list)
    fixed_year: str | None = None  # a "Current Year" heading's year, from the page title

    @property
    def name(self) -> str:
        return f"{self.group} - {self.header}" if self.group else self.header

    @property
    def year(self) -> str | None:
        return self.fixed_year or year_of_heading(self.header) or year_of_heading(self.name)


def relative_year(text: str, year_hint: str | None) -> str | None:
    """The year a "Current Year" / "Previous Year" heading means in a statement for `year_hint`."""
    text = text.strip()
    if not year_hint:
        return None
    if _PREVIOUS.search(text):
        return fy_key(int(year_hint[2:]) - 1)
    return year_hint if _CURRENT.search(text) else None


DETAIL = "detail"


def mark_detail_columns(columns: Sequence[Column]) -> None:
    """An unheaded column of figures just left of a year's column holds that year's
    items, whose group totals the year's column prints (Schedule VI and Tally layouts)."""
    for left, right in pairwise(columns):
        unheaded = left.role == "amount" and not left.header and not left.year
        if unheaded and right.role == "amount" and right.year:
            left.role, left.fixed_year = DETAIL, right.year


def split_group_total(label: str, figures: list) -> list[tuple[str, list]]:
    """[(label, figures)]: a line with a figure in both a year's item column and its
    group column is the last item and, unlabelled, the group's sub-total."""
    detail_years = {column.year for column, _ in figures if column.role == DETAIL}
    item = [(c, w) for c, w in figures if c.role == DETAIL or c.year not in detail_years]
    subtotal = [(c, w) for c, w in figures if c.role != DETAIL and c.year in detail_years]
    return [(label, item), ("", subtotal)] if subtotal else [(label, item)]


def resolve_relative_years(columns: Sequence[Column], year_hint: str | None) -> None:
    for column in columns:
        if column.role == "amount" and not column.year:
            column.fixed_year = relative_year(column.header, year_hint)


def fit(word: Word, columns: Sequence[Column]) -> Column | None:
    """The column `word` is printed in, if any."""
    best, best_score = None, 0.0
    for column in columns:
        overlap = min(word.x1, column.x1) - max(word.x0, column.x0)
        near = COLUMN_SLACK - abs(word.x1 - column.x1)
        score = max(overlap, near)
        if score > best_score:
            best, best_score = column, score
    return best


def split_row(words: Sequence[Word], columns: Sequence[Column]) -> tuple[list[Word], list]:
    """(label words, [(column, word)]): trailing figures that sit in a column."""
    count = trailing_amounts(words)
    placed: list[tuple[Column, Word]] = []
    for word in reversed(words[len(words) - count :]):
        column = fit(word, columns)
        if column is None or any(column is used for used, _ in placed):
            break
        placed.append((column, word))
    placed.reverse()
    label = list(words[: len(words) - len(placed)])
    notes = [c for c in columns if c.role == "note" and all(c is not u for u, _ in placed)]
    if notes and len(label) > 1 and _overlap(label[-1], notes[0]) > 0:
        placed.insert(0, (notes[0], label.pop()))  # a reference such as "3(a)" or "B"
    return label, placed


def _overlap(word: Word, column: Column) -> float:
    return min(word.x1, column.x1) - max(word.x0, column.x0)


def build_columns(header: Sequence[Line], body: Sequence[Sequence[Word]]) -> list[Column]:
    """Columns of a table: positions from its figures, names from the lines above them."""
    columns = cluster([w for words in body for w in words[len(words) - trailing_amounts(words) :]])
    if not columns:
        return []
    groups = [line for line in header[:-1] if _is_group_line(line, columns)]
    for line in header:
        if line not in groups:
            _name_columns(line, columns)
    if groups:
        _group_columns(cells(groups[-1].words), columns)
    for column in columns:
        if _NOTE_HEADING.search(column.header) or (
            not column.header and all(_NOTE_REF.match(t) for t in column.tokens)
        ):
            column.role = "note"
    kept = [c for c in columns if c.header or c.role == "note" or len(c.tokens) > 1 or not header]
    return _with_note_heading(header, kept)


def _with_note_heading(header: Sequence[Line], columns: list[Column]) -> list[Column]:
    """A "Note No." heading over references that are not figures ("3(a)", "B")."""
    if any(c.role == "note" for c in columns):
        return columns
    for line in header:
        for cell in cells(line.words):
            if _NOTE_HEADING.search(cell.text) and not any(_overlaps(cell, c) for c in columns):
                note = Column(cell.x0, cell.x1, header=cell.text, role="note")
                return sorted([*columns, note], key=lambda c: c.x1)
    return columns


def cluster(words: list[Word]) -> list[Column]:
    """Figures into columns by their right edges (figures are right-aligned)."""
    columns: list[Column] = []
    for word in sorted(words, key=lambda w: w.x1):
        if columns and word.x1 - columns[-1].x1 <= COLUMN_SLACK:
            column = columns[-1]
            column.x0, column.x1 = min(column.x0, word.x0), max(column.x1, word.x1)
            column.tokens.append(word.text)
        else:
            columns.append(Column(word.x0, word.x1, tokens=[word.text]))
    return columns


def _is_group_line(line: Line, columns: list[Column]) -> bool:
    """A heading over several columns each ("Gross block" over four): few, wide cells."""
    count = len(cells(line.words))
    return len(columns) >= 4 and count * 2 <= len(columns) and count <= MAX_GROUPS


def _overlaps(cell: Cell, column: Column) -> bool:
    return min(cell.x1, column.x1) - max(cell.x0, column.x0) > 2


def _name_columns(line: Line, columns: list[Column]) -> None:
    """Append each heading to the column it stands over; a column spans its heading too."""
    parts: list[tuple[int, Word | Cell]] = []
    for cell in cells(line.words):
        index = _column_of(cell.x0, cell.x1, columns)
        if index is not None:
            parts.append((index, cell))
        elif sum(_overlaps(cell, column) for column in columns) >= 2:
            # Two headings printed close enough to read as one: split them word by word,
            # each word to the column whose right edge it stands before.
            parts.extend(
                (i, word) for word in cell.words if (i := _region(word, columns)) is not None
            )
    for index, part in parts:
        column = columns[index]
        column.header = f"{column.header} {part.text}".strip()
        column.x0, column.x1 = min(column.x0, part.x0), max(column.x1, part.x1)


def _region(word: Word, columns: list[Column]) -> int | None:
    for index, column in enumerate(columns):
        if word.centre <= column.x1 + COLUMN_SLACK:
            return index
    return None


def _column_of(x0: float, x1: float, columns: list[Column]) -> int | None:
    """The one column a heading stands over (overlapping it or right-aligned with it)."""
    hits = [
        index
        for index, column in enumerate(columns)
        if min(x1, column.x1) - max(x0, column.x0) > 0 or abs(x1 - column.x1) <= COLUMN_SLACK
    ]
    return hits[0] if len(hits) == 1 else None


def _group_columns(group_cells: list[Cell], columns: list[Column]) -> None:
    """Give each spanning heading the run of columns it is centred over."""
    best, best_cost = None, float("inf")
    n, m = len(columns), len(group_cells)
    for cuts in combinations(range(n + 1), m + 1):
        spans = list(pairwise(cuts))
        cost = sum(
            abs(cell.centre - (columns[a].x0 + columns[b - 1].x1) / 2)
            for cell, (a, b) in zip(group_cells, spans, strict=True)
        ) + COLUMN_SLACK * (n - cuts[-1])  # a column right of every group is unusual
        if cost < best_cost:
            best, best_cost = spans, cost
    for cell, (a, b) in zip(group_cells, best or [], strict=True):
        for column in columns[a:b]:
            column.group = cell.text
