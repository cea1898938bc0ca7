"""The "Queries the bank will ask" sheet: each breach of the bank's checklist, with its
figure, its threshold, where the figure comes from and room for the CA's explanation."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.bank_checks import Query
from pipeline.cma.model import Cma
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

TITLE = "Queries the bank will ask"
CHECKS = {
    "current_ratio": "Current ratio",
    "tol_tnw": "TOL / TNW",
    "dscr": "DSCR, average",
    "dscr_minimum": "DSCR, lowest year",
    "interest_coverage": "Interest cover",
    "sales_growth": "Projected sales growth",
    "holding_level": "Holding level",
    "mpbf": "Bank borrowing against MPBF",
    "drawing_power": "Drawing power",
}
HEADINGS = ("No.", "Check", "Year", "Figure", "Threshold", "Query", "Where the figure comes from",
            "CA's explanation")  # fmt: skip


def write_queries(ws: Worksheet, cma: Cma, queries: list[Query]) -> None:
    put_text(ws, 1, 1, TITLE, TITLE_FONT)
    checklist = cma.project.checklist.name
    scope = "projected years included; amounts in rupees, ratios in times, holding levels in months"
    put_text(ws, 2, 1, f"The checklist '{checklist}' run on this CMA: {scope}.")
    for column, heading in enumerate(HEADINGS, start=1):
        header(put_text(ws, 4, column, heading))
    if not queries:
        put_text(ws, 5, 1, f"No breach of '{checklist}': the bank should have no query.", BOLD)
    for index, query in enumerate(queries, start=1):
        row = 4 + index
        figures = (_number(query.figure), _number(query.threshold))
        line = (str(index), CHECKS[query.check], query.year, *figures, query.question,
                query.source, query.explanation)  # fmt: skip
        for column, text in enumerate(line, start=1):
            put_text(ws, row, column, text).alignment = WRAP
        for text, width in ((query.question, 45), (query.source, 45), (query.explanation, 40)):
            fit_height(ws, row, text, width * 1.1)
    widths(ws, {"A": 5, "B": 18, "C": 14, "D": 14, "E": 12, "F": 45, "G": 45, "H": 40})
    print_setup(ws, landscape=True)


def _number(value: Decimal | None) -> str:
    return "n/a" if value is None else f"{value:,.2f}"
