"""The trace sheet: every line item, the page it was printed on, the row it went to.

The one place the internal row keys are printed (the forms show the bank's
row numbers). Printed landscape, one page wide: the source is one column
(file and page, or sheet and row), the decision carries its confidence, and
long texts wrap, so that the page stays readable.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.model import Cma, DerivedItem, LineItem
from pipeline.cma.rows import AMOUNT, ROW_BY_KEY
from pipeline.cma.workbook_style import (
    BOLD,
    WRAP,
    fit_height,
    header,
    print_setup,
    put_number,
    put_text,
)

COLUMNS = (
    ("ID", 22), ("Source", 24), ("Section, note", 16), ("Label", 30), ("CMA row (key)", 17),
    ("Sign", 5), ("Decision", 10), ("Counts for", 9), ("Exclude reason", 24),
)  # fmt: skip
YEAR_WIDTH = 13
FIRST_YEAR = len(COLUMNS) + 1


def write_trace(ws: Worksheet, cma: Cma) -> None:
    """Every line item with its source, its row and its decision; amounts in rupees."""
    years = sorted(
        {year for item in cma.line_items for year in item.amounts} | set(cma.actual_years)
    )
    put_text(ws, 1, 1, "Line items: every printed amount, where it was printed and where it went "
             "(amounts in ₹ as printed, converted to rupees)", BOLD)  # fmt: skip
    for column, (title, width) in enumerate(COLUMNS, start=1):
        header(put_text(ws, 2, column, title))
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[2].height = 30
    for offset, year in enumerate(years, start=FIRST_YEAR):
        header(put_text(ws, 2, offset, year))
        ws.column_dimensions[get_column_letter(offset)].width = YEAR_WIDTH
    row = 2
    for item in cma.line_items:
        row += 1
        _texts(ws, row, _item_texts(item))
        _amounts(ws, row, item.amounts, years)
    for derived in cma.derived:
        row += 1
        _texts(ws, row, _derived_texts(derived))
        _amounts(ws, row, {derived.year: derived.amount}, years)
    ws.freeze_panes = "B3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS) + len(years))}{max(row, 3)}"
    print_setup(ws, title_rows="2:2")


def source_of(item: LineItem) -> str:
    """Where a banker finds the amount: "file, p. 3" or "file, sheet BS, row 12"."""
    parts = [item.file]
    if item.page is not None:
        parts.append(f"p. {item.page}")
    if item.sheet:
        parts.append(f"sheet {item.sheet}")
    if item.row is not None:
        parts.append(f"row {item.row}")
    return ", ".join(parts)


def _item_texts(item: LineItem) -> tuple:
    section = ", ".join(p for p in (item.section, item.note and f"note {item.note}") if p)
    decision = item.decision + (f" {item.confidence:.2f}" if item.confidence is not None else "")
    return (
        item.id, source_of(item), section, item.label, _row_of(item.cma_key), item.sign,
        decision, ", ".join(item.counts_for), item.exclude_reason,
    )  # fmt: skip


def _derived_texts(derived: DerivedItem) -> tuple:
    return (
        f"derived-{derived.cma_key}-{derived.year}", derived.file, "Closing entry (derived)",
        derived.reason, _row_of(derived.cma_key), 1, "derived", derived.year, "",
    )  # fmt: skip


def _row_of(key: str | None) -> str:
    if key is None:
        return ""
    return f"{ROW_BY_KEY[key].number} ({key})" if key in ROW_BY_KEY else key


def _texts(ws: Worksheet, row: int, cells: tuple) -> None:
    for column, value in enumerate(cells, start=1):
        if isinstance(value, int | float):  # the sign: a number to filter on
            ws.cell(row=row, column=column, value=value).alignment = WRAP
        elif value:
            put_text(ws, row, column, value).alignment = WRAP
            fit_height(ws, row, str(value), COLUMNS[column - 1][1] * 0.95)


def _amounts(ws: Worksheet, row: int, amounts, years: Sequence[str]) -> None:
    for offset, year in enumerate(years, start=FIRST_YEAR):
        if year in amounts:
            put_number(ws, row, offset, amounts[year], AMOUNT).alignment = WRAP
