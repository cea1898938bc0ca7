"""Trial balances: one ledger a row, its group, and its closing balance as debit or credit.

Exports differ in how they say debit and credit: two columns ('Debit',
'Credit', 'Dr', 'Cr', under a 'Closing Balance' heading when opening balances
and transactions are printed too), or one balance column with a 'Dr'/'Cr'
suffix or a Dr/Cr column beside it. Each balance becomes one item whose
`column` says which side it is on, amount as printed. The grand total is
found by arithmetic (each column equals the sum of the column above it) and
kept, excluded. The closing stock appears twice, as the adjusting pair the
CA's books carry (the inventory, debit, and the trading account's credit):
both are real balances and both are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.readers.amounts import dr_cr_of
from pipeline.readers.document import BALANCE_SHEET, PROFIT_AND_LOSS, TRADING, ExtractedItem
from pipeline.readers.grid import Cell, Sheet
from pipeline.readers.layout import clean_label, is_marker, says_total, unit_at, unit_cells

TB_TOTAL = "trial balance total"
_DEBIT = re.compile(r"^(?:debit|dr\.?)\b|\bdebit\b", re.IGNORECASE)
_CREDIT = re.compile(r"^(?:credit|cr\.?)\b|\bcredit\b", re.IGNORECASE)
_LABEL = re.compile(r"particulars|ledger|account|name|description|head of", re.IGNORECASE)
_GROUP = re.compile(r"\bgroup\b|\bunder\b|\bparent\b|\bcategory\b|classification", re.IGNORECASE)
_BALANCE = re.compile(r"closing|balance|amount", re.IGNORECASE)
_PL_GROUPS = re.compile(r"indirect\s+(?:expenses|incomes?)", re.IGNORECASE)
_TRADING_GROUPS = re.compile(
    r"sales\s+accounts?|purchase\s+accounts?|direct\s+(?:expenses|incomes?)|trading",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Columns:
    header_row: int
    label: int
    group: int | None
    debit: int | None = None
    credit: int | None = None
    balance: int | None = None  # one signed column: 'Dr'/'Cr' suffix or a Dr/Cr column beside
    side: int | None = None  # the Dr/Cr indicator column beside `balance`


def detect(sheet: Sheet) -> Columns | None:
    """The trial balance's columns, found from its header cells, or None."""
    rows = sheet.rows()[:30]
    for index, cells in enumerate(rows):
        debits = [c for c in cells if c.is_text and _DEBIT.search(c.text)]
        credits = [c for c in cells if c.is_text and _CREDIT.search(c.text)]
        if debits and credits:
            above = [c for r in rows[max(0, index - 2) : index + 1] for c in r]
            debit, credit = _closing_pair(debits, credits, above)
            return _with_labels(cells[0].row, above, debit=debit.col, credit=credit.col)
    return _single_column(sheet, rows)


def _closing_pair(debits: list[Cell], credits: list[Cell], above: list[Cell]):
    """The closing debit/credit pair where opening and transactions are printed too."""
    closing = [c for c in above if "closing" in c.text.lower()]
    if closing:
        start = closing[0].col
        debit = next((d for d in debits if d.col >= start), debits[-1])
        credit = next((c for c in credits if c.col > debit.col), credits[-1])
        return debit, credit
    return debits[-1], next((c for c in credits if c.col > debits[-1].col), credits[-1])


def _with_labels(header_row: int, header: list[Cell], **amounts) -> Columns | None:
    used = {v for v in amounts.values() if v}
    texts = [c for c in header if c.is_text and c.col not in used]
    label = next((c.col for c in texts if _LABEL.search(c.text)), None)
    group = next((c.col for c in texts if _GROUP.search(c.text)), None)
    if label is None:
        label = min((c.col for c in texts if c.col != group), default=1)
    return Columns(header_row, label, group, **amounts)


def _single_column(sheet: Sheet, rows: list[list[Cell]]) -> Columns | None:
    """One balance column whose amounts end in Dr/Cr, or with a Dr/Cr column beside."""
    for cells in rows:
        for cell in cells:
            if not (cell.is_text and _BALANCE.search(cell.text)):
                continue
            below = [sheet.get(r, cell.col) for r in range(cell.row + 1, cell.row + 40)]
            suffixed = [c for c in below if c is not None and dr_cr_of(c.text)]
            side = _side_column(sheet, cell)
            if len(suffixed) >= 3 or side is not None:
                return _with_labels(cell.row, cells, balance=cell.col, side=side)
    return None


def _side_column(sheet: Sheet, header: Cell) -> int | None:
    for col in (header.col + 1, header.col - 1):
        marks = [sheet.get(r, col) for r in range(header.row + 1, header.row + 40)]
        marks = [m.text.lower().rstrip(".") for m in marks if m is not None]
        if len(marks) >= 3 and set(marks) <= {"dr", "cr"}:
            return col
    return None


def read_items(sheet: Sheet, columns: Columns, year: str) -> list[ExtractedItem]:
    """Every balance of the trial balance, and its grand total (excluded)."""
    units = unit_cells(sheet)
    items: list[ExtractedItem] = []
    sums: dict[str, Decimal] = {"Dr": Decimal(0), "Cr": Decimal(0)}
    for cells in sheet.rows():
        if cells[0].row > columns.header_row:
            items += _row_items(sheet, cells, columns, unit_at(units, cells[0].row), sums, year)
    return items


def _row_items(sheet, cells, columns: Columns, unit, sums, year) -> list[ExtractedItem]:
    """The balances of one row (or the grand total); `sums` runs down each column."""
    by_col = {c.col: c for c in cells}
    balances = _balances(by_col, columns, unit)
    label = _label(by_col, columns)
    if not balances or label is None:
        return []
    group = _group(by_col, columns)
    if _is_total(balances, sums, group, label):
        return [
            _total(sheet, side, c, amount, label, year) for side, (c, amount) in balances.items()
        ]
    for side, (_, amount) in balances.items():
        sums[side] += amount
    return [
        _item(sheet, label, group, side, c, amount, year) for side, (c, amount) in balances.items()
    ]


def _label(by_col: dict[int, Cell], columns: Columns) -> str | None:
    cell = by_col.get(columns.label)
    if cell is None or not cell.is_text or is_marker(cell.text):
        return None
    return clean_label(cell.text)


def _group(by_col: dict[int, Cell], columns: Columns) -> str | None:
    cell = by_col.get(columns.group) if columns.group else None
    return clean_label(cell.text) if cell is not None and cell.is_text else None


def _balances(by_col, columns: Columns, unit: Decimal) -> dict[str, tuple[Cell, Decimal]]:
    """{'Dr' | 'Cr': (cell, rupees)} of the row's closing balance."""
    found = {}
    for side, col in (("Dr", columns.debit), ("Cr", columns.credit)):
        cell = by_col.get(col) if col else None
        if cell is not None and cell.amount is not None:
            found[side] = (cell, (cell.amount * unit).quantize(Decimal("0.01")))
    if columns.balance:
        cell = by_col.get(columns.balance)
        if cell is not None and cell.amount is not None:
            mark = by_col.get(columns.side) if columns.side else None
            side = (mark.text if mark else dr_cr_of(cell.text) or "Dr").capitalize().rstrip(".")
            found[side] = (cell, (abs(cell.amount) * unit).quantize(Decimal("0.01")))
    if len(found) == 2 and any(amount == 0 for _, amount in found.values()):
        found = {side: pair for side, pair in found.items() if pair[1] != 0}
    return found


def _is_total(balances, sums: dict[str, Decimal], group: str | None, label: str) -> bool:
    """The grand total: every column equals the sum of that column above it."""
    if group is not None:
        return False
    if says_total(label):
        return True
    return all(sums[side] == amount and amount != 0 for side, (_, amount) in balances.items())


def statement_of_group(group: str | None, label: str) -> str | None:
    """Which statement a Tally primary group closes into (None when it depends)."""
    if not group:
        return None
    if _PL_GROUPS.search(group):
        return PROFIT_AND_LOSS
    if _TRADING_GROUPS.search(group):
        return TRADING
    if "stock" in group.lower():
        return TRADING if "opening" in label.lower() else BALANCE_SHEET
    return BALANCE_SHEET


def _item(sheet, label, group, side, cell: Cell, amount, year) -> ExtractedItem:
    return ExtractedItem(
        label=label,
        amounts={year: amount},
        statement=statement_of_group(group, label),
        section=group or "",
        tally_group=group,
        column=side,
        sheet=sheet.name,
        row=cell.row,
        cells={year: cell.ref},
        stored_as=cell.stored_as,
    )


def _total(sheet, side, cell: Cell, amount, label, year) -> ExtractedItem:
    item = _item(sheet, label, None, side, cell, amount, year)
    item.section, item.statement, item.exclude_reason = "Trial Balance", None, TB_TOTAL
    return item
