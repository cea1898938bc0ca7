"""The fixed-asset (depreciation) schedule: one item per asset and column.

The schedule prints column groups under merged headings: gross block (opening,
additions, deductions, closing), depreciation (opening, for the year, on
deductions, closing) and net block (this year, last year). Only the closing
column of the gross block and of the depreciation group are balances; the
other columns of those groups are movements that reconcile them, and the net
block is gross block less depreciation. All are kept, the memo ones excluded,
so the CA sees the schedule whole. Each table is for the year its latest date
names (a workbook prints this year's and last year's schedules one under the
other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.readers.blocks import TOTAL
from pipeline.readers.document import BALANCE_SHEET, ExtractedItem
from pipeline.readers.grid import Cell, Sheet
from pipeline.readers.layout import label_cell, unit_at, year_of
from pipeline.readers.notes import INLINE_HEADING
from pipeline.readers.totals import says_total

MOVEMENT = "memo: fixed-asset movement column"
NET_BLOCK = "memo: net block (gross block less depreciation)"
TABLE = "fixed asset schedule"
_GROUPS = [
    ("gross", re.compile(r"gross\s*(?:block|carrying)|^\s*cost\s*$|at cost", re.IGNORECASE)),
    ("depreciation", re.compile(r"depreciation|amorti[sz]ation", re.IGNORECASE)),
    ("net", re.compile(r"net\s*(?:block|carrying)|\bwdv\b|written down", re.IGNORECASE)),
]


_PREVIOUS_YEAR = re.compile(r"\s+[-–]\s+(?:previous|last|prior) year", re.IGNORECASE)


@dataclass(frozen=True)
class Group:
    kind: str  # "gross", "depreciation", "net"
    name: str  # 'Gross block'
    first: int
    last: int


def _kind(text: str) -> str | None:
    return next((kind for kind, pattern in _GROUPS if pattern.search(text)), None)


def group_row(sheet: Sheet, cells: list[Cell]) -> list[Group]:
    """The column groups a header row opens (at least a gross block and one other)."""
    heads = [(c, _kind(c.text)) for c in cells if c.is_text and c.col > 1]
    heads = [(c, kind) for c, kind in heads if kind]
    if len({kind for _, kind in heads}) < 2 or "gross" not in {kind for _, kind in heads}:
        return []
    groups = []
    for index, (cell, kind) in enumerate(heads):
        span = sheet.merged_span(cell.row, cell.col)
        following = heads[index + 1][0].col - 1 if index + 1 < len(heads) else sheet.max_col
        groups.append(
            Group(kind, cell.text.strip().capitalize(), cell.col, span[1] if span else following)
        )
    return groups


def detect(sheet: Sheet) -> bool:
    return any(group_row(sheet, cells) for cells in sheet.rows())


def read(
    sheet: Sheet,
    units: list[tuple[int, Decimal]],
    rows: list[list[Cell]] | None = None,
    title: str = "",
    note: str | None = None,
) -> list[ExtractedItem]:
    """Every figure of every schedule table among `rows` (the whole sheet by default).

    `units` are the sheet's unit cells (`layout.unit_cells`); `title` and
    `note` name the note the rows belong to, when a notes sheet carries the
    schedule as one of its notes.
    """
    rows, items = rows or sheet.rows(), []
    title = _PREVIOUS_YEAR.split(title)[0].strip()
    for index, cells in enumerate(rows):
        groups = group_row(sheet, cells)
        if not groups:
            title, note = _title(cells, title, note)
            continue
        table = _Table(sheet, groups, rows[index + 1] if index + 1 < len(rows) else [], title, note)
        items += table.read(rows[index + 2 :], units)
    return items


def _title(cells: list[Cell], title: str, note: str | None) -> tuple[str, str | None]:
    """The heading above a table: 'Note 10: Property, Plant and Equipment'."""
    label = label_cell(cells)
    if label is None or len(cells) > 1:
        return title, note
    inline = INLINE_HEADING.match(label.text.strip())
    if inline:
        return _PREVIOUS_YEAR.split(inline.group(2))[0].strip(), inline.group(1)
    return title, note


class _Table:
    def __init__(self, sheet, groups, subheader, title, note) -> None:
        self.sheet, self.groups, self.title, self.note = sheet, groups, title, note
        self.columns = {c.col: c.text.strip() for c in subheader if c.is_text}
        years = [year_of(text) for text in self.columns.values()]
        self.year = max((y for y in years if y), default=None)

    def read(self, rows: list[list[Cell]], units) -> list[ExtractedItem]:
        items, sums = [], {}
        for cells in rows:
            label = label_cell(cells)
            figures = {c.col: c for c in cells if c.amount is not None and self._group(c.col)}
            if not figures:
                if label is not None and items:
                    break  # the next heading: this table has ended
                continue
            total = self._is_total(label, figures, sums)
            for col, cell in sorted(figures.items()):
                sums[col] = sums.get(col, Decimal(0)) + (0 if total else cell.amount)
                items.append(self._item(label, cell, unit_at(units, cell.row), total))
        return items

    def _group(self, col: int) -> Group | None:
        return next((g for g in self.groups if g.first <= col <= g.last), None)

    def _is_total(self, label, figures: dict[int, Cell], sums) -> bool:
        if label is not None and says_total(label.text):
            return True
        return bool(sums) and all(sums.get(col) == c.amount for col, c in figures.items())

    def _item(self, label, cell: Cell, unit: Decimal, total: bool) -> ExtractedItem:
        group = self._group(cell.col)
        header = self.columns.get(cell.col, "")
        year = self.year or "unknown"
        return ExtractedItem(
            label=" ".join(label.text.split()) if label is not None else "",
            amounts={year: (cell.amount * unit).quantize(Decimal("0.01"))},
            statement=BALANCE_SHEET,
            section=self.title,
            note=self.note,
            column=f"{group.name} - {header}" if header else group.name,
            table=TABLE,
            sheet=self.sheet.name,
            row=cell.row,
            cells={year: cell.ref},
            stored_as=cell.stored_as,
            exclude_reason=TOTAL if total else self._reason(group, cell.col),
        )

    def _reason(self, group: Group, col: int) -> str | None:
        if group.kind == "net":
            return NET_BLOCK
        last = max(c for c in self.columns if group.first <= c <= group.last)
        return None if col == last else MOVEMENT
