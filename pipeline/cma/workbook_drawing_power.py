"""The "Drawing power" sheet: the stock statement's figures, the margins, the DP as live
formulas (carrying their values) and the DP against the facility's limit."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.cached_values import Cached
from pipeline.cma.drawing_power import DrawingPower
from pipeline.cma.model import Cma
from pipeline.cma.rows import AMOUNT, PERCENT
from pipeline.cma.workbook_style import (
    BOLD,
    FORMATS,
    INPUT,
    TITLE_FONT,
    UNIT_NAMES,
    paint,
    print_setup,
    put_number,
    put_text,
    scaled,
    widths,
)

TITLE = "Drawing power"


def write_drawing_power(ws: Worksheet, cma: Cma, dp: DrawingPower, cached: Cached) -> None:
    values = cached.setdefault(TITLE, {})
    digits = cma.project.unit_digits
    position = dp.position
    put_text(ws, 1, 1, "Drawing power from the stock and book-debts statement", TITLE_FONT)
    put_text(ws, 2, 1, f"{position.period or 'Period not stated'} — {position.source}")
    put_text(ws, 3, 1, f"Amounts in {UNIT_NAMES[cma.project.display_unit]}", BOLD)
    facility = dp.facility or "no working-capital facility on Form I: the default margins"
    put_text(ws, 4, 1, f"Margins and limit of: {facility}")
    inputs = (
        (6, "Stock", position.stock),
        (7, "Less: creditors for goods", position.creditors_for_goods),
        (10, "Receivables up to 90 days", position.receivables_under_90),
        (14, "Receivables over 90 days (not counted)", position.receivables_over_90),
    )
    for row, label, amount in inputs:
        put_text(ws, row, 1, label)
        paint(put_number(ws, row, 2, scaled(amount, digits), AMOUNT), INPUT)
    for row, label, pct in ((8, "Stock margin (%)", dp.stock_margin_pct),
                            (11, "Receivables margin (%)", dp.receivables_margin_pct)):  # fmt: skip
        put_text(ws, row, 1, label)
        paint(put_number(ws, row, 2, pct, PERCENT), INPUT)
    formulas = (
        (9, "Drawing power on stock: (stock − creditors) × (1 − margin)",
         "=MAX(0,B6-B7)*(1-B8/100)", dp.stock_dp),
        (12, "Drawing power on receivables: receivables × (1 − margin)",
         "=B10*(1-B11/100)", dp.receivables_dp),
        (13, "Drawing power", "=B9+B12", dp.drawing_power),
    )  # fmt: skip
    for row, label, formula, amount in formulas:
        put_text(ws, row, 1, label, BOLD if row == 13 else None)
        cell = ws.cell(row=row, column=2, value=formula)
        cell.number_format = FORMATS[AMOUNT]
        values[cell.coordinate] = scaled(amount, digits)
    if dp.limit is not None:
        put_text(ws, 16, 1, "Sanctioned (existing) limit")
        paint(put_number(ws, 16, 2, scaled(dp.limit, digits), AMOUNT), INPUT)
        put_text(ws, 17, 1, "Proposed limit")
        paint(put_number(ws, 17, 2, scaled(dp.proposed_limit, digits), AMOUNT), INPUT)
        lines = (
            (18, "Available to draw: the lower of the DP and the limit", "=MIN(B13,B16)",
             dp.available),
            (19, "Shortfall of the DP against the limit", "=MAX(0,B16-B13)", dp.shortfall),
        )  # fmt: skip
        for row, label, formula, amount in lines:
            put_text(ws, row, 1, label, BOLD)
            cell = ws.cell(row=row, column=2, value=formula)
            cell.number_format = FORMATS[AMOUNT]
            values[cell.coordinate] = scaled(amount, digits)
    else:
        put_text(ws, 16, 1, "No limit on Form I to compare the drawing power with.")
    widths(ws, {"A": 60, "B": 20})
    print_setup(ws, landscape=False)
