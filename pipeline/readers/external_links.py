"""Cells whose formulas read another workbook, named on the file instead of lost.

A formula such as `=[1]Sheet1!A1` (Excel's form of `='[book.xlsx]Sheet1'!A1`,
the book named in an externalLink part) reads a file that was not uploaded.
Its value is the one last saved with this workbook, if any: a cell saved
without one reads as nothing, and a line item would lose its amount without a
word. The CA is told which cells, and which workbook they need.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

from openpyxl.utils.cell import coordinate_to_tuple

from pipeline.readers.grid import Sheet

# "[1]Sheet1!A1", "'[book.xlsx]Sheet 1'!A1", "'C:\dir\[book.xlsx]BS'!A1"; a table's
# structured reference ("Table1[Amount]") has no "!" after its bracket.
_EXTERNAL = re.compile(r"\[([^\[\]]+)\][^!\[\]]*!")
_SHOWN = 20  # cells named in the warning; the rest are counted


def linked_cells(formulas_book) -> dict[str, dict[str, set[str]]]:
    """{sheet title: {cell ref: names of the workbooks its formula reads}}."""
    books = [_book_name(link) for link in getattr(formulas_book, "_external_links", [])]
    found: dict[str, dict[str, set[str]]] = {}
    for ws in formulas_book.worksheets:
        for cell in present_cells(ws):
            if cell.data_type == "f":
                names = {_named(key, books) for key in _EXTERNAL.findall(str(cell.value))}
                if names:
                    found.setdefault(ws.title, {})[cell.coordinate] = names
    return found


def present_cells(ws) -> list:
    """The cells an openpyxl sheet's XML holds, row by row, never the empty ones of its range.

    `iter_rows` creates every cell between A1 and the farthest one: one stray cell at
    Z100000, or formatting down whole columns, would become millions of them.
    """
    return sorted(ws._cells.values(), key=lambda cell: (cell.row, cell.column))


def linked_warning(found: dict[str, dict[str, set[str]]], sheets: list[Sheet]) -> str | None:
    """The warning for the file, or None when no formula reads another workbook."""
    if not found:
        return None
    by_title = {sheet.name: sheet for sheet in sheets}
    refs, unread, books = [], [], set()
    for title, cells in found.items():
        for ref, names in cells.items():
            refs.append(f"{title}!{ref}")
            books |= names
            if not _has_amount(by_title.get(title), ref):
                unread.append(f"{title}!{ref}")
    which = ", ".join(sorted(books))
    text = (
        f"{_count(refs, 'cell')} read another workbook ({which}), which is not part of "
        f"this file: {_listed(refs)}. Their figures are the values last saved here"
    )
    if unread:
        verb = "was" if len(unread) == 1 else "were"
        text += f"; {_count(unread, 'cell')} saved without one {verb} not read: {_listed(unread)}"
    return f"{text}. Check them against {which}, or paste the figures as values and upload again."


def _has_amount(sheet: Sheet | None, ref: str) -> bool:
    cell = sheet.get(*coordinate_to_tuple(ref)) if sheet else None
    return cell is not None and cell.amount is not None


def _book_name(link) -> str:
    target = getattr(getattr(link, "file_link", None), "Target", "") or "another workbook"
    return PureWindowsPath(PurePosixPath(target).name).name


def _named(key: str, books: list[str]) -> str:
    """'1' is the first externalLink part's book; anything else is the book's own name."""
    if key.isdigit() and 0 < int(key) <= len(books):
        return books[int(key) - 1]
    return PureWindowsPath(key).name


def _count(refs: list[str], noun: str) -> str:
    return f"{len(refs)} {noun}{'s' if len(refs) != 1 else ''}"


def _listed(refs: list[str]) -> str:
    more = f" and {len(refs) - _SHOWN} more" if len(refs) > _SHOWN else ""
    return ", ".join(refs[:_SHOWN]) + more
