"""The shared vocabulary of sheet layouts: titles, units, year columns, labels.

Every layout reader asks the same questions of a sheet (which statement is
this, in what unit, which column is which year, which text is a label and
which a serial number) and answers them from the cells, never from a sheet
name.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.readers.amounts import detect_unit, to_rupees, year_of_heading
from pipeline.readers.document import BALANCE_SHEET, PROFIT_AND_LOSS
from pipeline.readers.grid import Cell, Sheet

# Serial numbers and list markers printed beside labels: "1", "1.0", "(a)", "iv.", "SN 3".
_MARKER = re.compile(
    r"^(?:\(?[0-9]{1,3}(?:\.0)?[.)]?|\(?[a-z][.)]|\([a-z]{1,2}\)|\(?[ivx]{1,5}[.)]|"
    r"sn\.?\s*\d+|s\.?\s*no\.?|sr\.?\s*no\.?)$",
    re.IGNORECASE,
)
_UNIT_STATEMENT = re.compile(
    r"\bin\s+(?:₹|rs\b|rupees|inr|lakhs?|lacs?|crores?|thousands?|millions?|'000)"
    r"|(?:₹|\brs\b\.?|\brupees|\binr)\s*(?:in\b|\)|$|'?000\b)|^\(?\s*amounts?\b"
    r"|^\W*in\s+(?:1[0,]{3,}|'?000)\b",
    re.IGNORECASE,
)
MAX_UNIT_CELL = 120  # a title may end with its unit: "... for three years (₹ in lakhs)"
_BRACKETED = re.compile(r"[(\[]([^()\[\]]{3,40})[)\]]")
_TOTAL_WORD = re.compile(r"\btotal\b", re.IGNORECASE)


def is_marker(text: str) -> bool:
    return bool(_MARKER.match(text.strip()))


def clean_label(text: str) -> str:
    """A label as printed, without the padding exports add: spaces collapsed, ends trimmed."""
    return " ".join(text.replace("\u00a0", " ").split())


def says_total(text: str) -> bool:
    return bool(_TOTAL_WORD.search(text))


def statement_of(title: str) -> str | None:
    """Balance sheet or profit and loss, from a title such as 'Balance Sheet as at ...'."""
    lowered = title.lower()
    if "balance sheet" in lowered or "statement of affairs" in lowered:
        return BALANCE_SHEET
    if re.search(r"profit|loss|income and expenditure|income & expenditure|trading", lowered):
        return PROFIT_AND_LOSS
    return None


def unit_of_text(text: str) -> Decimal | None:
    """Rupees per unit a short unit cell states: '(Rs. in Lakhs)', '(Amount in Rs.)'."""
    if len(text) > 60:  # a title that ends '(₹ in lakhs)': its brackets state the unit
        units = [unit_of_text(inner) for inner in _BRACKETED.findall(text)]
        return next((unit for unit in units if unit is not None), None)
    if not _UNIT_STATEMENT.search(text):
        return None
    return detect_unit(text)


def unit_cells(sheet: Sheet) -> list[tuple[int, Decimal]]:
    """(row, rupees per unit) of every unit cell, top to bottom: a unit holds below its cell.

    A cell in a row of figures is a label ('Basic (₹)'), never a unit statement.
    """
    found = []
    for cells in sheet.rows():
        if any(isinstance(cell.value, Decimal) for cell in cells):
            continue
        for cell in cells:
            unit = unit_of_text(cell.text) if len(cell.text) <= MAX_UNIT_CELL else None
            if unit is not None:
                found.append((cell.row, unit))
    return found


def unit_at(units: list[tuple[int, Decimal]], row: int) -> Decimal:
    """The unit in force at `row`: the last unit cell above it (rupees when none)."""
    current = units[0][1] if units else Decimal(1)
    for unit_row, unit in units:
        if unit_row <= row:
            current = unit
    return current


def rupees(cell: Cell, unit: Decimal) -> Decimal | None:
    amount = cell.amount
    return None if amount is None else to_rupees(amount, unit)


_MONTH_FIRST = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?[\s,'-]+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(\d{4}|\d{2})\b",
    re.IGNORECASE,
)
_FY_SINGLE = re.compile(r"\bf\.?\s?y\.?\s*'?(\d{4}|\d{2})\b(?!\s*[-–/]\s*\d)", re.IGNORECASE)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def year_of(text: str) -> str | None:
    """The financial year a heading names: what `year_of_heading` reads, and also
    'March 31, 2025', 'Mar-25', 'FY 2025'."""
    if not text:
        return None
    found = year_of_heading(text)
    if found:
        return found
    month_first = _MONTH_FIRST.search(text)
    if month_first:
        year = int(month_first.group(2)) % 100 + 2000
        month = _MONTHS.index(month_first.group(1)[:3].lower()) + 1
        return f"FY{year + 1 if month > 3 else year}"
    single = _FY_SINGLE.search(text)
    return f"FY{int(single.group(1)) % 100 + 2000}" if single else None


def year_columns(cells: list[Cell]) -> dict[int, str]:
    """{column: 'FY2025'} for the header cells of a row that name a year."""
    years = {}
    for cell in cells:
        if isinstance(cell.value, str):
            year = year_of(cell.text)
            if year:
                years[cell.col] = year
    return years


def title_text(sheet: Sheet, rows: int = 6) -> str:
    """The words of a sheet's first rows, where statements print their titles."""
    return " ".join(sheet.texts(limit_rows=rows))


def label_cell(cells: list[Cell], before_col: int | None = None) -> Cell | None:
    """The row's label: its first text cell that is not a serial number or marker."""
    for cell in cells:
        if before_col is not None and cell.col >= before_col:
            break
        if cell.is_text and not is_marker(cell.text):
            return cell
    return None


def label_column(sheet: Sheet, sample: int = 400) -> int:
    """The column most rows with amounts print their label in (judged on the first rows)."""
    counts: dict[int, int] = {}
    for cells in sheet.rows()[:sample]:
        if not any(c.amount is not None for c in cells):
            continue
        label = label_cell(cells)
        if label is not None and any(c.col > label.col and c.amount is not None for c in cells):
            counts[label.col] = counts.get(label.col, 0) + 1
    return max(counts, key=lambda col: (counts[col], -col)) if counts else 1
