"""A sheet's rows as printed lines: a label, the marker beside it, its amounts.

Statements, notes and schedules in a workbook share one grammar: a serial
number or note number in a narrow column, the label, perhaps a note
reference, then figures. `scan` reads that grammar once so that each kind of
sheet only decides what its lines mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.readers.grid import Cell, Sheet
from pipeline.readers.layout import clean_label, is_marker, label_column, year_of

_CURRENT = re.compile(r"\b(?:current|this)\s+(?:financial\s+)?year\b|^\s*c\.?y\.?\s*$", re.I)
_PREVIOUS = re.compile(
    r"\b(?:previous|last|prior|preceding)\s+(?:financial\s+)?year\b|^\s*p\.?y\.?\s*$", re.I
)
_NOTE_HEADER = re.compile(r"^(?:notes?|note\s*no\.?|sch(?:edule)?\.?(?:\s*no\.?)?)$", re.I)


@dataclass
class Line:
    row: int
    label: str = ""
    label_cell: Cell | None = None
    marker: str | None = None  # serial number, note number, '(a)', 'SN 3'
    note: str | None = None  # the 'Note No.' column
    amounts: dict[int, Cell] = field(default_factory=dict)  # column -> cell with a figure
    texts: dict[int, Cell] = field(default_factory=dict)  # column -> words right of the label
    current_year: str | None = None  # what 'Current Year' means on this sheet

    @property
    def years(self) -> dict[int, str]:
        """{column: 'FY2025'} for header words naming a year ('As at 31.03.2025').

        'Current Year' / 'Previous Year' headings are resolved against the year
        the sheet's title (or the file name) gives.
        """
        named = {col: y for col, cell in self.texts.items() if (y := year_of(cell.text))}
        if named or not self.current_year:
            return named
        previous = f"FY{int(self.current_year[2:]) - 1}"
        relative = {}
        for col, cell in self.texts.items():
            if _CURRENT.search(cell.text):
                relative[col] = self.current_year
            elif _PREVIOUS.search(cell.text):
                relative[col] = previous
        return relative

    @property
    def is_heading(self) -> bool:
        return bool(self.label) and not self.amounts and not self.texts


def note_column(sheet: Sheet) -> int | None:
    """The column headed 'Note No.' (or 'Notes', 'Sch.'), if the sheet has one."""
    for cells in sheet.rows()[:60]:
        for cell in cells:
            if cell.is_text and _NOTE_HEADER.match(cell.text.strip()):
                return cell.col
    return None


def scan(sheet: Sheet, current_year: str | None = None, limit: int | None = None) -> list[Line]:
    """The non-empty rows of `sheet` (the first `limit` of them) as `Line`s, top to bottom."""
    label_col = label_column(sheet)
    notes = note_column(sheet)
    rows = sheet.rows() if limit is None else sheet.rows()[:limit]
    return [_line(cells, label_col, notes, current_year) for cells in rows]


def _line(cells: list[Cell], label_col: int, note_col: int | None, year: str | None) -> Line:
    line = Line(cells[0].row, current_year=year)
    for cell in cells:
        if cell.col == note_col and note_col > label_col:
            text = cell.text.strip()
            line.note = None if _NOTE_HEADER.match(text) else text or None
        elif cell.col <= label_col:
            _left(line, cell, label_col)
        elif cell.amount is not None:
            line.amounts[cell.col] = cell
        else:
            line.texts[cell.col] = cell
    if line.note is not None and line.note.endswith(".0"):
        line.note = line.note[:-2]
    return line


def _left(line: Line, cell: Cell, label_col: int) -> None:
    """A cell at or left of the label column: the label, or the marker before it."""
    text = cell.text.strip()
    if not line.label and cell.is_text and not (is_marker(text) and cell.col < label_col):
        line.label, line.label_cell = clean_label(text), cell
    elif not line.label and line.marker is None:
        line.marker = text[:-2] if text.endswith(".0") else text
    elif cell.amount is not None and cell.col > (line.label_cell.col if line.label_cell else 0):
        line.amounts[cell.col] = cell
    else:
        line.texts[cell.col] = cell
