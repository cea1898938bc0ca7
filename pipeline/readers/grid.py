"""One cell grid for .xlsx, .xls and CSV, so that every layout reader reads them alike.

A layout (Tally export, trial balance, final-accounts workbook) is recognised
from where its cells sit, not from the file format: a trial balance typed into
Excel and one exported as CSV are the same grid. Numbers become `Decimal`
through their shortest text (`str(2626864.73)`), never through float
arithmetic, and every cell remembers how it was stored (number, text or
formula) because the CA's audit trail shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from pipeline.readers.amounts import parse_amount


def column_letter(col: int) -> str:
    """'A' for 1, 'AB' for 28."""
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


@dataclass(frozen=True)
class Cell:
    """One non-empty cell; `value` is a str or a Decimal (numbers as stored)."""

    row: int  # 1-based
    col: int  # 1-based
    value: str | Decimal
    stored_as: str | None = None  # "number", "text", "formula"; None for CSV
    indent: int = 0  # alignment indent levels plus leading spaces / 4
    bold: bool = False

    @property
    def ref(self) -> str:
        return cell_ref(self.row, self.col)

    @cached_property
    def text(self) -> str:
        if isinstance(self.value, Decimal):
            return format(self.value, "f")
        return " ".join(self.value.split())

    @cached_property
    def amount(self) -> Decimal | None:
        """The figure the cell carries, or None when it is a word, not an amount."""
        if isinstance(self.value, Decimal):
            return self.value
        if not self.value.strip():
            return None
        return parse_amount(self.value)

    @property
    def is_text(self) -> bool:
        return isinstance(self.value, str) and self.amount is None


@dataclass
class Sheet:
    """The non-empty cells of one worksheet (or of a CSV file)."""

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    _rows: list[list[Cell]] | None = field(default=None, repr=False, compare=False)

    def add(self, cell: Cell) -> None:
        self.cells[(cell.row, cell.col)] = cell
        self._rows = None

    def get(self, row: int, col: int) -> Cell | None:
        return self.cells.get((row, col))

    def rows(self) -> list[list[Cell]]:
        """Non-empty rows in order, each a list of cells left to right (computed once)."""
        if self._rows is None:
            by_row: dict[int, list[Cell]] = {}
            for cell in self.cells.values():
                by_row.setdefault(cell.row, []).append(cell)
            self._rows = [sorted(by_row[r], key=lambda c: c.col) for r in sorted(by_row)]
        return self._rows

    @property
    def max_col(self) -> int:
        return max((c for _, c in self.cells), default=0)

    def merged_span(self, row: int, col: int) -> tuple[int, int] | None:
        """(first, last) column of the merged range whose top-left is (row, col)."""
        for r1, c1, _r2, c2 in self.merged:
            if r1 == row and c1 == col:
                return c1, c2
        return None

    def texts(self, limit_rows: int | None = None) -> list[str]:
        return [
            c.text
            for c in self.cells.values()
            if isinstance(c.value, str) and (limit_rows is None or c.row <= limit_rows)
        ]


@dataclass
class Workbook:
    sheets: list[Sheet]
    source_format: str  # "xlsx", "xls", "csv"
    warnings: list[str] = field(default_factory=list)  # for the file, e.g. external links

    @property
    def is_empty(self) -> bool:
        return not any(sheet.cells for sheet in self.sheets)


def leading_indent(text: str) -> int:
    """Indent levels that leading spaces stand for (Tally pads with four per level)."""
    spaces = len(text) - len(text.lstrip(" \u00a0"))
    return spaces // 4
