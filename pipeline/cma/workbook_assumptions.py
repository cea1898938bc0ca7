"""The "Assumptions" sheet: every assumption of the estimated and projected years, its
value, who gave it (the CA, Form I or a default) and why a default is what it is.

One sheet for all of them, so that a credit officer who queries a projection
finds its basis in one place; the balancing row closes the list.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.model import Cma
from pipeline.cma.workbook_notes import balancing_sentence
from pipeline.cma.workbook_style import (
    BOLD,
    TITLE_FONT,
    WRAP,
    fit_height,
    header,
    print_setup,
    put_text,
    widths,
)

TITLE = "Assumptions"
COLUMNS = ("Assumption", "Value", "Entered by", "Source, or why this default")
WIDTHS = {"A": 44, "B": 30, "C": 14, "D": 60}


def write_assumptions(ws: Worksheet, cma: Cma) -> None:
    put_text(ws, 1, 1, "Assumptions for the estimated and projected years", TITLE_FONT)
    put_text(ws, 2, 1, f"{cma.project.company}: percentages in %, holding levels in months, "
             "amounts in ₹")  # fmt: skip
    row = 4
    for column, text in enumerate(COLUMNS, start=1):
        header(put_text(ws, row, column, text))
    for used in cma.assumptions:
        row += 1
        why = "entered by the CA" if used.source == "CA" else used.source
        for column, text in enumerate((used.label, used.value, used.entered_by, why), start=1):
            cell = put_text(ws, row, column, text)
            cell.alignment = WRAP
            fit_height(ws, row, text, WIDTHS["ABCD"[column - 1]] * 1.1)
        if used.entered_by == "CA":
            ws.cell(row=row, column=3).font = BOLD
    row += 2
    put_text(ws, row, 1, "Balancing row", BOLD).alignment = WRAP
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    sentence = balancing_sentence(cma)
    put_text(ws, row, 2, sentence).alignment = WRAP
    fit_height(ws, row, sentence, (WIDTHS["B"] + WIDTHS["C"] + WIDTHS["D"]) * 1.1)
    widths(ws, WIDTHS)
    print_setup(ws, title_rows="4:4", landscape=True)
