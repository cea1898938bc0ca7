"""Statements of our own making split over files and titled by their year kind."""

from __future__ import annotations

import io

import openpyxl

from tests.readers.statement_fixtures import sheets


def titled(rows: list[tuple], old: str, new: str) -> list[tuple]:
    return [(new,) if row == (old,) else row for row in rows]


def book_of(named: dict[str, list[tuple]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in named.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def balance_sheet_file(title: str = "Balance Sheet as at 31st March 2025") -> bytes:
    face = titled(sheets()["Final"], "Balance Sheet as at 31st March 2025", title)
    return book_of({"BS": face})


def profit_and_loss_file(
    title: str = "Statement of Profit and Loss for the year ended 31st March 2025",
) -> bytes:
    pnl = sheets()["Sheet2"]
    pnl = titled(pnl, "Statement of Profit and Loss for the year ended 31st March 2025", title)
    return book_of({"PL": pnl})
