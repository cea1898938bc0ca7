"""Tally exports of the balance sheet and profit and loss account, horizontal or vertical.

Tally prints each level of its group tree in its own amount column: ledgers
in the innermost column, sub-group totals in the next, primary group totals
in the outermost. The column an amount sits in, not the label's indentation
(exports pad labels with spaces, indents or both, inconsistently), tells a
ledger from a group total. A group total is kept for the CA to see but never
counted: its ledgers are. A horizontal export has two sides (Liabilities |
Assets, or Dr | Cr); each side is read on its own. A profit and loss account
is split at its first pair of totals into the trading account and the profit
and loss account proper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.readers.amounts import to_rupees
from pipeline.readers.document import (
    BALANCE_SHEET,
    PROFIT_AND_LOSS,
    TRADING,
    ExtractedItem,
)
from pipeline.readers.grid import Cell, Sheet
from pipeline.readers.layout import (
    clean_label,
    statement_of,
    title_text,
    unit_cells,
    year_of,
)
from pipeline.readers.totals import is_plain_total

GROUP_TOTAL = "group total: sum of the ledgers listed under it"
TOTAL = "total: sum of the items printed above it"
BALANCING = (
    "balancing figure carried between accounts (gross profit c/d, b/d; net profit transferred)"
)
_BALANCING_WORDS = re.compile(
    r"\b(?:c/[do]|b/[df])\b|\b(?:gross|nett?)\s+(?:profit|loss)\b", re.IGNORECASE
)
_PL_GROUPS = re.compile(
    r"^(?:sales|purchase)\s+accounts?$|^(?:direct|indirect)\s+(?:expenses|incomes?)$|"
    r"^opening stock$|^(?:manufacturing|trading)\s+(?:expenses|account)",
    re.IGNORECASE,
)
_BS_GROUPS = re.compile(
    r"^capital account$|^loans \(liability\)$|^current (?:liabilities|assets)$|^fixed assets$|"
    r"^investments$|^reserves (?:&|and) surplus$|^suspense a/?c$|^branch / divisions$",
    re.IGNORECASE,
)
_SIDE_WORDS = {"liabilities": "Liabilities", "assets": "Assets", "dr": "Dr", "cr": "Cr"}


@dataclass(frozen=True)
class Block:
    """The amount columns under one period heading: innermost level first."""

    year: str
    first: int
    last: int


@dataclass
class Side:
    label_col: int
    blocks: list[Block]
    name: str | None = None


@dataclass
class Node:
    label: str
    depth: int  # 0 for the outermost (primary group) column
    cells: dict[str, Cell]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def amounts(self) -> dict[str, Decimal]:
        return {year: cell.amount or Decimal(0) for year, cell in self.cells.items()}

    def path(self) -> list[str]:
        return ([*self.parent.path(), self.parent.label]) if self.parent else []


def detect(sheet: Sheet) -> tuple[int, list[Side]] | None:
    """(header row, sides) when the sheet is laid out as a Tally export, else None.

    The mark of one: a period heading ('as at 31-Mar-2024', often merged over
    the level columns) above two or more amount columns with the label column
    just left of them, or two such sides (Liabilities | Assets) side by side.
    """
    for cells in sheet.rows()[:25]:
        blocks = _blocks(sheet, cells)
        if not blocks:
            continue
        sides = [s for s in _sides(sheet, cells, blocks) if _holds_labels(sheet, cells[0].row, s)]
        if len(sides) >= 2 or (sides and any(b.last > b.first for b in sides[0].blocks)):
            return cells[0].row, sides
    return None


def _holds_labels(sheet: Sheet, header_row: int, side: Side) -> bool:
    """A label column holds words below the header, not figures (a 'Rate' column)."""
    below = [c for (r, col), c in sheet.cells.items() if col == side.label_col and r > header_row]
    words = sum(1 for c in below if c.is_text)
    return words >= 2 and words > len(below) - words


def _blocks(sheet: Sheet, cells: list[Cell]) -> list[Block]:
    """Period headings of a header row; a merged heading that names no date (the
    company's name) takes the period of the title above it."""
    title_year = year_of(title_text(sheet, cells[0].row - 1))
    blocks = []
    for cell in cells:
        if not isinstance(cell.value, str) or cell.col == 1:
            continue
        span = sheet.merged_span(cell.row, cell.col)
        year = year_of(cell.text) or (title_year if span and span[1] > span[0] else None)
        if year:
            blocks.append(Block(year, cell.col, span[1] if span else cell.col))
    return blocks


def _sides(sheet: Sheet, cells: list[Cell], blocks: list[Block]) -> list[Side]:
    covered = {col for b in blocks for col in range(b.first, b.last + 1)}
    sides: list[Side] = []
    for block in blocks:
        label_col = max((c for c in range(1, block.first) if c not in covered), default=None)
        if label_col is None:
            return []
        if sides and sides[-1].label_col == label_col:
            sides[-1].blocks.append(block)
        else:
            sides.append(Side(label_col, [block]))
    header = {c.col: c.text.strip().lower() for c in cells}
    for side in sides:
        side.name = _SIDE_WORDS.get(header.get(side.label_col, ""))
    return sides


def read_sheet(sheet: Sheet, header_row: int, sides: list[Side]) -> list[ExtractedItem]:
    """Every ledger, group total, balancing figure and total of a Tally sheet."""
    statement = (
        statement_of(title_text(sheet, header_row))
        or _statement_of_groups(sheet, header_row, sides)
        or BALANCE_SHEET
    )
    title = _title(sheet, header_row)
    units = unit_cells(sheet)
    unit = units[0][1] if units else Decimal(1)
    items = []
    for position, side in enumerate(sides):
        name = side.name or _default_side(statement, position, len(sides))
        segments = _segments(sheet, header_row, side)
        for index, segment in enumerate(segments):
            section, seg_statement = _segment_name(statement, title, index, len(segments))
            for node, reason in _classify(segment, seg_statement):
                item = _item(sheet, node, reason, (section, seg_statement, name), unit)
                items.append((item.row, position, item))
    return [item for _, _, item in sorted(items, key=lambda entry: entry[:2])]


def _statement_of_groups(sheet: Sheet, header_row: int, sides: list[Side]) -> str | None:
    """The statement Tally's primary groups belong to, when the title names none.

    A vertical export titled with the company and the period only ('1-Apr-2024
    to 31-Mar-2025') still prints Tally's reserved group names: Sales Accounts,
    Direct Expenses, Indirect Incomes are the profit and loss account's;
    Capital Account, Current Liabilities, Fixed Assets the balance sheet's.
    """
    votes = {PROFIT_AND_LOSS: 0, BALANCE_SHEET: 0}
    for side in sides:
        for segment in _segments(sheet, header_row, side):
            for node in segment:
                if node.parent is None and node.children:
                    if _PL_GROUPS.search(node.label):
                        votes[PROFIT_AND_LOSS] += 1
                    elif _BS_GROUPS.search(node.label):
                        votes[BALANCE_SHEET] += 1
    best = max(votes, key=votes.get)
    return best if votes[best] > 0 and votes[best] != min(votes.values()) else None


def _title(sheet: Sheet, header_row: int) -> str:
    """The balance sheet's name as printed: 'Balance Sheet'."""
    for cells in sheet.rows():
        if cells[0].row >= header_row:
            break
        for cell in cells:
            if statement_of(cell.text) == BALANCE_SHEET:
                return clean_label(cell.text)
    return "Balance Sheet"


def _default_side(statement: str, position: int, count: int) -> str | None:
    if count < 2:
        return None
    if statement == BALANCE_SHEET:
        return "Liabilities" if position == 0 else "Assets"
    return "Dr" if position == 0 else "Cr"


def _segment_name(statement: str, title: str, index: int, count: int) -> tuple[str, str]:
    if statement == BALANCE_SHEET:
        return title, BALANCE_SHEET
    if count > 1 and index == 0:
        return "Trading", TRADING
    return "Profit & Loss", PROFIT_AND_LOSS


def _segments(sheet: Sheet, header_row: int, side: Side) -> list[list[Node]]:
    """The side's rows as nodes, split after each total of the outermost column."""
    segments: list[list[Node]] = [[]]
    open_groups: list[Node] = []  # the nodes a later, deeper node may still belong to
    for cells in sheet.rows():
        if cells[0].row <= header_row:
            continue
        node = _node(cells, side)
        if node is None:
            continue
        segment = segments[-1]
        if node.depth == 0 and _is_total(node, segment):
            segment.append(node)
            segments.append([])
            open_groups = []
            continue
        _attach(node, open_groups)
        segment.append(node)
    return [segment for segment in segments if segment]


def _node(cells: list[Cell], side: Side) -> Node | None:
    by_col = {c.col: c for c in cells}
    label = by_col.get(side.label_col)
    width = side.blocks[0].last - side.blocks[0].first
    for offset in range(width + 1):
        found = {
            b.year: by_col[b.first + offset]
            for b in side.blocks
            if b.first + offset in by_col and by_col[b.first + offset].amount is not None
        }
        if found:
            text = clean_label(label.text) if label is not None else ""
            return Node(text, width - offset, found)
    return None


def _attach(node: Node, open_groups: list[Node]) -> None:
    """Parent: the nearest earlier node printed in an outer column.

    A group closes once a node at its level or outer follows it, so the open
    groups form a stack.
    """
    while open_groups and open_groups[-1].depth >= node.depth:
        open_groups.pop()
    if open_groups:
        node.parent = open_groups[-1]
        node.parent.children.append(node)
    open_groups.append(node)


def _is_total(node: Node, segment: list[Node]) -> bool:
    """A row of the outermost column equal to the sum of that column above it.

    A row that only says 'Total' is one too when the sides do not tie.
    """
    tops = [n for n in segment if n.depth == 0]
    if tops and is_plain_total(node.label):
        return True
    if len(tops) < 2:
        return False
    return all(
        sum((n.amounts.get(year, Decimal(0)) for n in tops), Decimal(0)) == amount
        for year, amount in node.amounts.items()
    )


def _classify(segment: list[Node], statement: str) -> list[tuple[Node, str | None]]:
    classified = []
    last = segment[-1]
    for node in segment:
        if node.children:
            reason = GROUP_TOTAL
        elif node is last and node.depth == 0 and node.parent is None and len(segment) > 1:
            reason = TOTAL if _is_total(node, segment[:-1]) else _balancing(node, statement)
        elif node.parent is None:
            reason = _balancing(node, statement)
        else:
            reason = None
        classified.append((node, reason))
    return classified


def _balancing(node: Node, statement: str) -> str | None:
    """Gross or net profit carried between accounts (a vertical export closes with it)."""
    balancing = statement != BALANCE_SHEET and _BALANCING_WORDS.search(node.label)
    return BALANCING if balancing else None


def _item(sheet, node: Node, reason, where, unit: Decimal) -> ExtractedItem:
    section_name, statement, side = where
    path = node.path()
    if node.children:
        section, group = (" / ".join(path) if path else node.label), node.label
    elif node.parent is not None:
        section, group = " / ".join(path), node.parent.label
    else:
        section, group = section_name, None
    first = next(iter(node.cells.values()))
    return ExtractedItem(
        label=node.label,
        amounts={year: to_rupees(amount, unit) for year, amount in node.amounts.items()},
        statement=statement,
        section=section,
        side=side,
        tally_group=group,
        sheet=sheet.name,
        row=first.row,
        cells={year: cell.ref for year, cell in node.cells.items()},
        stored_as=first.stored_as,
        exclude_reason=reason,
    )
