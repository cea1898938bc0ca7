"""Final-accounts workbooks of our own making, in lakhs, that tie, and variants that break.

Each variant changes one printed figure the way a typing slip does, so that
exactly one of the statement's equations fails (and the ones it feeds).
Built with openpyxl in the test run, as the other Excel fixtures are.
"""

from __future__ import annotations

import io

import openpyxl

HEADER = ("Particulars", "Note", "31.03.2025", "31.03.2024")
FACE = [
    ("Narmada Textiles Private Limited",),
    ("Balance Sheet as at 31st March 2025",),
    (None, None, "(Rs. in Lakhs)"),
    HEADER,
    ("EQUITY AND LIABILITIES",),
    ("Shareholders' funds",),
    ("Share capital", "1", 50.00, 50.00),
    ("Reserves and surplus", "2", 120.50, 100.25),
    ("Current liabilities",),
    ("Trade payables", "3", 40.10, 35.00),
    ("TOTAL", None, 210.60, 185.25),
    ("ASSETS",),
    ("Property, plant and equipment", None, 90.60, 95.25),
    ("Inventories", "4", 70.00, 55.00),
    ("Cash and bank balances", None, 50.00, 35.00),
    ("TOTAL", None, 210.60, 185.25),
]
PROFIT_AND_LOSS = [
    ("Narmada Textiles Private Limited",),
    ("Statement of Profit and Loss for the year ended 31st March 2025",),
    (None, None, "(Rs. in Lakhs)"),
    HEADER,
    ("Revenue from operations", "5", 500.00, 450.00),
    ("Other income", None, 5.00, 4.00),
    ("Total income", None, 505.00, 454.00),
    ("Expenses",),
    ("Cost of materials consumed", "6", 300.00, 280.00),
    ("Changes in inventories of finished goods", "7", -5.00, 0.00),
    ("Employee benefits expense", None, 80.00, 70.00),
    ("Other expenses", None, 102.75, 81.00),
    ("Total expenses", None, 477.75, 431.00),
    ("Profit before tax", None, 27.25, 23.00),
    ("Tax expense", None, 7.00, 6.00),
    ("Profit for the year", None, 20.25, 17.00),
]
NOTES = [
    ("Narmada Textiles Private Limited",),
    ("Notes to the financial statements for the year ended 31st March 2025",),
    (None, None, "(Rs. in Lakhs)"),
    ("1. Share capital", None, "31.03.2025", "31.03.2024"),
    ("5,00,000 equity shares of Rs 10 each fully paid", None, 50.00, 50.00),
    ("Total", None, 50.00, 50.00),
    (),
    ("2. Reserves and surplus",),
    ("Surplus in the statement of profit and loss",),
    ("Opening balance", None, 100.25, 83.25),
    ("Add: Profit for the year", None, 20.25, 17.00),
    ("Closing balance", None, 120.50, 100.25),
    ("Total", None, 120.50, 100.25),
    (),
    ("3. Trade payables",),
    ("Dues to micro and small enterprises", None, 10.10, 5.00),
    ("Dues to others", None, 30.00, 30.00),
    ("Total", None, 40.10, 35.00),
    (),
    ("4. Inventories",),
    ("Raw materials", None, 40.00, 30.00),
    ("Finished goods", None, 30.00, 25.00),
    ("Total", None, 70.00, 55.00),
    (),
    ("5. Revenue from operations",),
    ("Sale of products", None, 495.00, 446.00),
    ("Other operating revenue", None, 5.00, 4.00),
    ("Total", None, 500.00, 450.00),
    (),
    ("6. Cost of materials consumed",),
    ("Opening stock of raw materials", None, 30.00, 28.00),
    ("Add: Purchases", None, 310.00, 282.00),
    (None, None, 340.00, 310.00),
    ("Less: Closing stock of raw materials", None, 40.00, 30.00),
    ("Total", None, 300.00, 280.00),
    (),
    ("7. Changes in inventories of finished goods",),
    ("Opening stock", None, 25.00, 25.00),
    ("Less: Closing stock", None, 30.00, 25.00),
    ("Net (increase) / decrease", None, -5.00, 0.00),
]


def _changed(rows, label, values, nth=0):
    """`rows` with the `nth` row labelled `label` printing `values` instead."""
    out, seen = [], 0
    for row in rows:
        if row and row[0] == label:
            if seen == nth:
                row = (*row[:2], *values)
            seen += 1
        out.append(row)
    return out


def sheets(variant: str = "ties") -> dict[str, list[tuple]]:
    """The workbook's sheets ('Final', 'Sheet2', 'Notes': names that say nothing)."""
    face, pnl, notes = FACE, PROFIT_AND_LOSS, NOTES
    if variant == "note_break":  # the note's lines and total say 41.10, the face 40.10
        notes = _changed(notes, "Dues to others", (31.00, 30.00))
        notes = _changed(notes, "Total", (41.10, 35.00), nth=2)
    elif variant == "no_tie":  # the asset side's figures and total both say one lakh more
        face = _changed(face, "Property, plant and equipment", (91.60, 95.25))
        face = _changed(face, "TOTAL", (211.60, 185.25), nth=1)
    elif variant == "profit_break":  # the reserves take in another profit than the P&L's
        notes = _changed(notes, "Add: Profit for the year", (20.52, 17.00))
        notes = _changed(notes, "Opening balance", (99.98, 83.25))
    elif variant == "subtotal_break":  # a printed total that is not the sum of its items
        pnl = _changed(pnl, "Total expenses", (478.75, 431.00))
        pnl = _changed(pnl, "Profit before tax", (26.25, 23.00))
        pnl = _changed(pnl, "Tax expense", (6.00, 6.00))
    elif variant != "ties":
        raise ValueError(variant)
    return {"Final": face, "Sheet2": pnl, "Notes": notes}


VARIANTS = ("ties", "note_break", "no_tie", "profit_break", "subtotal_break")


def workbook_bytes(variant: str = "ties") -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets(variant).items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
