"""The "Form I" sheet, first in the workbook: the borrower and its limits per facility.

Particulars the CA left blank print as "not entered", so the banker sees what
is missing instead of a form that looks complete. The totals of the existing
and proposed limits (fund-based and non-fund-based apart) are live SUM
formulas carrying their values for readers that do not recalculate.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.cached_values import Cached
from pipeline.cma.form_one import PARTICULARS, Facility
from pipeline.cma.model import Cma
from pipeline.cma.rows import AMOUNT
from pipeline.cma.workbook_notes import CONSTITUTION_NAMES
from pipeline.cma.workbook_style import (
    BOLD,
    TITLE_FONT,
    UNIT_NAMES,
    WRAP,
    fit_height,
    header,
    print_setup,
    put_number,
    put_text,
    scaled,
    widths,
)

TITLE = "Form I"
COLUMNS = ("S. no.", "Facility", "Bank", "Existing limit", "Proposed limit", "Security")
NOT_ENTERED = "not entered"


def write_form_one(ws: Worksheet, cma: Cma, cached: Cached) -> None:
    ws.title = TITLE
    project = cma.project
    values = cached.setdefault(TITLE, {})
    put_text(ws, 1, 1, "Form I — Particulars of the borrower and of the limits", TITLE_FONT)
    given = dict(project.form_one.particulars)
    facts = (
        ("Name of the borrower", project.company),
        ("Constitution", CONSTITUTION_NAMES[project.constitution]),
        ("Industry", project.industry.capitalize()),
        *((label, given.get(key, NOT_ENTERED)) for key, label in PARTICULARS),
    )
    row = 3
    for label, text in facts:
        put_text(ws, row, 1, label, BOLD)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        put_text(ws, row, 2, text).alignment = WRAP
        fit_height(ws, row, text, 100)
        row += 1
    row += 1
    put_text(ws, row, 1, f"Existing and proposed limits (in {UNIT_NAMES[project.display_unit]})",
             BOLD)  # fmt: skip
    row = _limits(ws, cma, row + 1, values)
    widths(ws, {"A": 40, "B": 30, "C": 24, "D": 16, "E": 16, "F": 34})
    print_setup(ws, landscape=False)


def _limits(ws: Worksheet, cma: Cma, row: int, values: dict) -> int:
    for column, text in enumerate(COLUMNS, start=1):
        header(put_text(ws, row, column, text))
    facilities = cma.project.form_one.facilities
    if not facilities:
        put_text(ws, row + 1, 1, "No facility entered: the CA enters the limits on Form I.")
        return row + 2
    for fund_based, heading in ((True, "Fund-based"), (False, "Non-fund-based")):
        group = [f for f in facilities if f.fund_based == fund_based]
        if group:
            row = _group(ws, cma, row + 1, heading, group, values)
    return row + 1


def _group(ws, cma: Cma, row: int, heading: str, group: list[Facility], values: dict) -> int:
    put_text(ws, row, 1, heading, BOLD)
    digits = cma.project.unit_digits
    first = row + 1
    for number, facility in enumerate(group, start=1):
        row += 1
        put_text(ws, row, 1, str(number))
        put_text(ws, row, 2, facility.title)
        put_text(ws, row, 3, facility.bank)
        put_number(ws, row, 4, scaled(facility.existing, digits), AMOUNT)
        put_number(ws, row, 5, scaled(facility.proposed, digits), AMOUNT)
        put_text(ws, row, 6, facility.security).alignment = WRAP
    row += 1
    put_text(ws, row, 2, f"Total {heading.lower()}", BOLD)
    for column, part in ((4, "existing"), (5, "proposed")):
        letter = "D" if column == 4 else "E"
        cell = put_number(ws, row, column, None, AMOUNT)
        cell.value = f"=SUM({letter}{first}:{letter}{row - 1})"
        cell.font = BOLD
        total = sum((getattr(f, part) for f in group), Decimal(0))
        values[cell.coordinate] = scaled(total, digits)
    return row
