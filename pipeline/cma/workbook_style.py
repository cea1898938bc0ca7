"""How the CMA workbook looks: cell styles, Indian number formats, safe text, printing.

A banker must tell at a glance what was typed from the statements (inputs,
blue on yellow, as banks' own templates do) from what the sheet computes
(black on green), and which input cells of a projected year are formulas that
balance the sheet (brown on orange).
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.rows import AMOUNT, MONTHS, PERCENT, RATIO

# A positive and a negative section, no conditions: the one number format whose
# sign Excel and LibreOffice print alike (a conditional "[>=100000]…;…;##,##0.00"
# prints -9.98 as 9.98 in LibreOffice). "#,##0" groups digits as the reader's
# locale does: 12,34,567.00 on an Indian (en-IN) machine.
AMOUNT_FORMAT = "#,##0.00;-#,##0.00"
FORMATS = {
    AMOUNT: AMOUNT_FORMAT,
    RATIO: "0.00;-0.00",
    PERCENT: '0.00"%";-0.00"%"',
    MONTHS: "0.00;-0.00",
}
UNIT_NAMES = {"rupees": "₹", "lakhs": "₹ lakhs", "crores": "₹ crores"}

INPUT = "input"
FORMULA = "formula"
BALANCING = "balancing"
STYLES = {
    INPUT: (PatternFill("solid", fgColor="FFF2CC"), Font(color="1F4E9E")),
    FORMULA: (PatternFill("solid", fgColor="E2EFDA"), Font(color="000000")),
    BALANCING: (PatternFill("solid", fgColor="F8CBAD"), Font(color="843C0C", bold=True)),
}
LEGEND = {
    INPUT: "Input: figures from the statements (or the CA's assumptions); edit freely",
    FORMULA: "Formula: computed from the inputs; do not type over",
    BALANCING: "Formula in an input row of a projected year (balancing figure, profit "
    "carried forward)",
}
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(color="FFFFFF", bold=True)
PROJECTED_FILL = PatternFill("solid", fgColor="D9E1F2")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
KEY_FONT = Font(color="808080", size=8)
THIN = Border(bottom=Side(style="thin", color="BFBFBF"))
WRAP = Alignment(wrap_text=True, vertical="top")
LABEL_WRAP = Alignment(wrap_text=True, vertical="bottom")  # last line beside the figures

# A cell that Excel would read as a formula if it were typed in.
_FORMULA_STARTS = ("=", "+", "-", "@")


def put_text(ws: Worksheet, row: int, column: int, text: object, font: Font | None = None):
    """Write text that came from an uploaded file (or anywhere) as text, never a formula.

    openpyxl turns any string starting with "=" into a formula, and Excel
    runs one starting with "+", "-" or "@" once a user edits the cell: such
    text is stored as a string with Excel's quote prefix.
    """
    value = "" if text is None else ILLEGAL_CHARACTERS_RE.sub("", str(text))
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    if font:
        cell.font = font
    return cell


def put_number(ws: Worksheet, row: int, column: int, value: Decimal | None, kind: str) -> Cell:
    cell = ws.cell(row=row, column=column)
    cell.value = value
    cell.number_format = FORMATS[kind]
    return cell


def paint(cell: Cell, style: str) -> None:
    fill, font = STYLES[style]
    cell.fill = fill
    cell.font = font


def header(cell: Cell) -> None:
    cell.fill = HEADER_FILL
    cell.font = HEADER_FONT
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def legend(ws: Worksheet, row: int, column: int) -> int:
    """The three cell styles with what they mean; returns the next free row."""
    for offset, (style, text) in enumerate(LEGEND.items()):
        sample = ws.cell(row=row + offset, column=column, value="123.45")
        paint(sample, style)
        put_text(ws, row + offset, column + 1, text)
    return row + len(LEGEND)


def widths(ws: Worksheet, columns: dict[str, float]) -> None:
    for letter, width in columns.items():
        ws.column_dimensions[letter].width = width


def print_setup(ws: Worksheet, title_rows: str | None = None, landscape: bool = True) -> None:
    """One page wide, as many pages down as it takes; headings repeat on each page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # The sheet's name on every page: a printed page says which form it is.
    ws.oddFooter.center.text = "&A, page &P of &N"
    if title_rows:
        ws.print_title_rows = title_rows


def fit_height(ws: Worksheet, row: int, text: str, chars_per_line: float) -> None:
    """Give a wrapped row the height of its lines: LibreOffice and Excel keep a
    written row's default height, which would hide the second line."""
    lines = max(1, -(-len(text) // max(1, int(chars_per_line))))
    current = ws.row_dimensions[row].height or 15
    ws.row_dimensions[row].height = max(current, 14 * lines + 2)


def scaled(amount: Decimal | None, digits: int) -> Decimal | None:
    """Rupees in the display unit (lakhs: digits 5), exactly."""
    return None if amount is None else amount.scaleb(-digits)
