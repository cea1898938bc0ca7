"""A borrower's stock and book-debts statement (the monthly statement filed with the
bank), from Excel: bytes in, a StockStatement out.

Borrowers and banks print it in many shapes: a list of particulars and
amounts; a table of items with quantity, rate and value, or opening,
purchases, consumption and closing (the value or closing column counts); book
debts aged down the page (up to 90 days, above 90 days, or buckets such as
0-30 and 91-180) or across it (a row of age headings over the debtors' row).
The statement is recognised by that table: stock rows and aged book debts,
not by the file's name. Totals and the borrower's own drawing-power lines are
left out, so nothing counts twice; creditors for expenses or capital goods
are not creditors for goods. Pure: no ORM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.readers.amounts import detect_unit, parse_amount
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.grid import Cell, Sheet
from pipeline.readers.loaders import load_xls, load_xlsx

STOCK_PARTS = (
    ("raw_materials", re.compile(r"raw\s*materials?|\brm\b", re.I)),
    ("work_in_progress", re.compile(r"work[\s-]*in[\s-]*(progress|process)|\bwip\b|"
                                    r"semi[\s-]*finished|stock[\s-]*in[\s-]*process", re.I)),
    ("finished_goods", re.compile(r"finished\s*goods|\bfg\b", re.I)),
    ("stores_spares", re.compile(r"stores|spares|consumables|packing\s*materials?", re.I)),
    ("traded_goods", re.compile(r"stock[\s-]*in[\s-]*trade|traded\s*goods|goods\s*for\s*resale|"
                                r"stock\s*of\s*goods|^\s*(closing\s*)?stock\s*$", re.I)),
)  # fmt: skip
CREDITORS = re.compile(r"creditors|payables|suppliers", re.I)
NOT_FOR_GOODS = re.compile(r"expenses|capital|services|salar|statutory", re.I)
DEBTORS = re.compile(r"debtors|receivables|book\s*debts", re.I)
# The borrower's own arithmetic: totals, net or paid stock, margins, drawing power.
SKIPPED = re.compile(r"\btotal\b|\bnet\b|paid[\s-]*stock|margin|drawing\s*power|\bdp\b|"
                     r"eligible|limit|sanction", re.I)  # fmt: skip
VALUE_HEADING = re.compile(r"\bvalue\b|closing|amount", re.I)
TITLE = re.compile(r"stock|inventor|book\s*debts", re.I)
PERIOD = re.compile(r"(month\s+of|as\s+(on|at)|for\s+the\s+month)\b.*", re.I)
# An age: a range "0-30", "91 to 180", or a bound "up to 90", "above 180", "> 90".
_RANGE = re.compile(r"(\d+)\s*(?:-|–|to)\s*(\d+)")
_UNDER = re.compile(r"(up\s*to|upto|less\s*than|below|within|not\s*exceeding|<=?|under)\s*(\d+)",
                    re.I)  # fmt: skip
_OVER = re.compile(r"(above|over|more\s*than|exceeding|beyond|older\s*than|>=?)\s*(\d+)", re.I)
DAYS = 90


@dataclass(frozen=True)
class StockStatement:
    """What the statement declares, in rupees."""

    stock: dict[str, Decimal]  # by part (STOCK_PARTS keys)
    creditors_for_goods: Decimal
    receivables_under_90: Decimal
    receivables_over_90: Decimal
    period: str = ""  # "for the month of March 2026", as printed
    warnings: tuple[str, ...] = field(default=())

    @property
    def total_stock(self) -> Decimal:
        return sum(self.stock.values(), Decimal(0))


def read_stock_statement(
    data: bytes, filename: str, limits: ReadLimits | None = None
) -> StockStatement:
    """The statement in an .xlsx or .xls; ReaderError says why it is not one."""
    limits = limits or ReadLimits()
    lowered = filename.lower()
    if lowered.endswith(".xlsx"):
        workbook = load_xlsx(data, limits)
    elif lowered.endswith(".xls"):
        workbook = load_xls(data, limits)
    else:
        raise ReaderError(
            "wrong_file_type",
            f"{filename}: a stock statement is read from Excel (.xlsx or .xls) only.",
            "Upload the statement as the Excel file filed with the bank, or enter it by hand.",
        )
    found = [statement for sheet in workbook.sheets if (statement := _sheet(sheet))]
    if not found:
        raise ReaderError(
            "not_a_stock_statement",
            f"{filename} has no stock and book-debts table: no sheet lists stocks and book "
            "debts aged up to and over 90 days.",
            "Upload the monthly stock statement filed with the bank, or enter its figures by hand.",
        )
    return found[0]


def _sheet(sheet: Sheet) -> StockStatement | None:
    rows = [sorted(row, key=lambda c: c.col) for row in sheet.rows()]
    texts = [str(c.value) for row in rows for c in row if isinstance(c.value, str)]
    if not any(TITLE.search(text) for text in texts):
        return None
    unit = next((u for text in texts if (u := detect_unit(text)) is not None), Decimal(1))
    value_col = _value_column(rows)
    stock: dict[str, Decimal] = {}
    creditors = under = over = Decimal(0)
    aged = in_debtors = False  # in_debtors: under a "Sundry debtors" heading of age rows
    warnings = []
    for index, row in enumerate(rows):
        label = _label(row)
        if not label or SKIPPED.search(label):
            continue
        age, amount = _age(label), _amount(row, value_col)
        if DEBTORS.search(label) or (in_debtors and age):
            across = _aged_across(rows[:index], row) if DEBTORS.search(label) else None
            if across is not None:
                under, over, aged = under + across[0], over + across[1], True
                continue
            in_debtors = (age is None and amount is None) or (in_debtors and age is not None)
            if age is None or amount is None:
                continue
            aged = True
            if age == "under":
                under += amount
            else:
                over += amount
            continue
        in_debtors = False
        if amount is None:
            continue
        if CREDITORS.search(label):
            if NOT_FOR_GOODS.search(label):
                warnings.append(f"'{label}' is not a creditor for goods: not deducted.")
            else:
                creditors += abs(amount)
            continue
        part = next((key for key, pattern in STOCK_PARTS if pattern.search(label)), None)
        if part:
            stock[part] = stock.get(part, Decimal(0)) + amount
    if not stock or not aged:
        return None
    if not creditors:
        warnings.append("No creditors for goods are stated: none deducted from the stock.")
    return StockStatement(
        stock={key: value * unit for key, value in stock.items()},
        creditors_for_goods=creditors * unit,
        receivables_under_90=under * unit,
        receivables_over_90=over * unit,
        period=next((m.group(0).strip() for t in texts if (m := PERIOD.search(t))), ""),
        warnings=tuple(warnings),
    )


def _label(row: list[Cell]) -> str:
    return next((c.value.strip() for c in row if isinstance(c.value, str) and c.value.strip()),
                "")  # fmt: skip


def _number(cell: Cell) -> Decimal | None:
    if isinstance(cell.value, Decimal):
        return cell.value
    return parse_amount(cell.value) if re.search(r"\d", cell.value) else None


def _value_column(rows: list[list[Cell]]) -> int | None:
    """The rightmost column headed value, closing or amount, when the table has one."""
    for row in rows:
        headed = [c.col for c in row if isinstance(c.value, str) and VALUE_HEADING.search(c.value)]
        if headed and len(row) > 1:
            return max(headed)
    return None


def _amount(row: list[Cell], value_col: int | None) -> Decimal | None:
    """The row's value: in the value column when there is one, else its last figure."""
    numbers = [(c.col, n) for c in row[1:] if (n := _number(c)) is not None]
    if not numbers:
        return None
    if value_col is not None:
        at = [n for col, n in numbers if col == value_col]
        if at:
            return at[0]
    return numbers[-1][1]


def _age(text: str) -> str | None:
    """ "under" (up to 90 days), "over", or None when the text states no age."""
    if match := _RANGE.search(text):
        low, high = int(match.group(1)), int(match.group(2))
        return "under" if high <= DAYS else "over" if low >= DAYS else None
    if match := _UNDER.search(text):
        return "under" if int(match.group(2)) <= DAYS else None
    if match := _OVER.search(text):
        return "over" if int(match.group(2)) >= DAYS else None
    return None


def _aged_across(above: list[list[Cell]], row: list[Cell]) -> tuple[Decimal, Decimal] | None:
    """A debtors' row under a row of age headings: its figures split by their column."""
    for heading in reversed(above[-3:]):
        ages = {c.col: _age(c.value) for c in heading if isinstance(c.value, str)}
        ages = {col: age for col, age in ages.items() if age}
        if len(ages) >= 2:
            under = over = Decimal(0)
            for cell in row:
                number = _number(cell) if cell.col in ages else None
                if number is not None:
                    if ages[cell.col] == "under":
                        under += number
                    else:
                        over += number
            return under, over
    return None
