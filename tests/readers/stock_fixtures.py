"""Stock and book-debts statements of our own making, in the shapes borrowers file them.

Every variant declares the same position (in rupees): stock of 42,50,000 (raw
materials 18,00,000, stock-in-process 6,50,000, finished goods 15,00,000, stores
and spares 3,00,000), creditors for goods 9,50,000, book debts of 22,00,000 up
to 90 days and 4,00,000 over 90 days.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook

STOCK = Decimal(4_250_000)
CREDITORS = Decimal(950_000)
UNDER_90 = Decimal(2_200_000)
OVER_90 = Decimal(400_000)


def _book(rows: list[tuple], title: str = "Stock statement") -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def simple_list() -> bytes:
    """Particulars and amounts, book debts in two lines, the borrower's own DP below."""
    return _book([
        ("Shree Ganesh Polymers Pvt Ltd",),
        ("Statement of stock and book debts for the month of March 2026",),
        ("Particulars", "Amount (Rs.)"),
        ("Raw materials", 1_800_000),
        ("Work-in-progress", 650_000),
        ("Finished goods", 1_500_000),
        ("Stores and spares", 300_000),
        ("Total stock", 4_250_000),
        ("Less: Sundry creditors for goods", 950_000),
        ("Paid stock", 3_300_000),
        ("Book debts up to 90 days", 2_200_000),
        ("Book debts above 90 days", 400_000),
        ("Total book debts", 2_600_000),
        ("Drawing power", 3_795_000),
    ])  # fmt: skip


def valued_items_in_lakhs() -> bytes:
    """Quantity, rate and value in lakhs; debtors in age buckets under a heading."""
    return _book([
        ("Stock and book debts statement as on 31.03.2026", None, None, None),
        ("(Rs. in lakhs)", None, None, None),
        ("Item", "Quantity (MT)", "Rate", "Value"),
        ("Raw material - HDPE granules", 120, "0.15", "18.00"),
        ("Semi-finished goods", 40, "0.1625", "6.50"),
        ("Finished goods - pipes", 60, "0.25", "15.00"),
        ("Packing materials", None, None, "3.00"),
        ("Total", None, None, "42.50"),
        ("Creditors for purchases", None, None, "9.50"),
        ("Creditors for expenses", None, None, "1.25"),
        ("Sundry debtors", None, None, None),
        ("0-30 days", None, None, "12.00"),
        ("31-60 days", None, None, "6.00"),
        ("61-90 days", None, None, "4.00"),
        ("91-180 days", None, None, "3.00"),
        ("Above 180 days", None, None, "1.00"),
    ], title="March 2026")  # fmt: skip


def movement_and_ageing_across() -> bytes:
    """Opening, purchases, consumption and closing; the ageing across the page."""
    return _book([
        ("Monthly stock statement for the month of March 2026",),
        (),
        ("Particulars", "Opening", "Purchases / production", "Consumption / sales", "Closing"),
        ("Raw materials", 1_700_000, 900_000, 800_000, 1_800_000),
        ("Stock-in-process", 600_000, 300_000, 250_000, 650_000),
        ("Finished goods", 1_400_000, 700_000, 600_000, 1_500_000),
        ("Consumables and spares", 280_000, 50_000, 30_000, 300_000),
        ("Trade payables (for goods)", None, None, None, 950_000),
        (),
        ("Age of book debts", "Up to 30 days", "31 to 60 days", "61 to 90 days",
         "91 to 180 days", "Over 180 days", "Total"),
        ("Trade receivables", 1_200_000, 600_000, 400_000, 300_000, 100_000, 2_600_000),
    ])  # fmt: skip


def balance_sheet() -> bytes:
    """Not a stock statement: inventories and receivables, but no ageing by 90 days."""
    return _book([
        ("Balance sheet as at 31 March 2026", None),
        ("Particulars", "Amount"),
        ("Inventories", 4_250_000),
        ("Raw materials", 1_800_000),
        ("Trade receivables", 2_600_000),
        ("Trade payables", 950_000),
    ], title="Balance sheet")  # fmt: skip
