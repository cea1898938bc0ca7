"""Which layout a workbook (or CSV) holds, and the document its reader makes of it.

Layouts are recognised from the cells: a final-accounts workbook by its
Schedule III statements with a note column, a Tally export by a period
heading over its level columns, a trial balance by its debit and credit
headings. The file format does not decide: a trial balance in .xlsx and one
in CSV read the same.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.readers import final_accounts, tally, trial_balance
from pipeline.readers.document import UNPLACED, ExtractedDocument, ExtractedItem, Part, ReaderError
from pipeline.readers.grid import Workbook
from pipeline.readers.layout import title_text, unit_cells, year_of


def read_workbook(file_name: str, book: Workbook) -> ExtractedDocument:
    """The line items of a workbook, by the layout its sheets show."""
    if book.is_empty:
        raise ReaderError(
            "empty_workbook",
            "The workbook has no data: its sheets are empty.",
            "Check that you uploaded the right file, with the statements filled in and saved.",
        )
    document = _read_layout(file_name, book)
    if document.parts:  # every sheet is reported: the ones no reader took are left out
        placed = {part.sheet for part in document.parts}
        for sheet in book.sheets:
            if sheet.name not in placed and sheet.cells:
                why = "no statement, Tally export or trial balance layout was found on it"
                document.parts.append(
                    Part(sheet.name, UNPLACED, f"{why}, so it was left out", sheet=sheet.name)
                )
        order = [sheet.name for sheet in book.sheets]
        document.parts.sort(key=lambda part: order.index(part.sheet))
    document.warnings.extend(book.warnings)
    if book.source_format == "csv":  # a text file has lines, not sheets and cells
        for item in document.items:
            item.sheet, item.cells = None, {}
        for part in document.parts:
            part.name, part.sheet = "the file", None
    return document


def _read_layout(file_name: str, book: Workbook) -> ExtractedDocument:
    if final_accounts.detect(book):
        return final_accounts.read(file_name, book)
    tallies = [(sheet, found) for sheet in book.sheets if (found := tally.detect(sheet))]
    if tallies:
        return _tally_document(file_name, tallies)
    balances = [(s, cols) for s in book.sheets if (cols := trial_balance.detect(s))]
    if balances:
        return _trial_balance_document(file_name, balances)
    raise ReaderError(
        "unrecognised_layout",
        "No balance sheet, profit and loss account or trial balance was found in this file.",
        "Upload the statements as exported from Tally or your accounting software, or the "
        "final-accounts workbook with its balance sheet, profit and loss and notes.",
    )


def _tally_document(file_name: str, found) -> ExtractedDocument:
    """A Tally export, or a two-column (T-format) statement when no side has level columns."""
    items: list[ExtractedItem] = []
    units: dict[str, Decimal] = {}
    levels = False
    parts = []
    for sheet, (header_row, sides) in found:
        read = tally.read_sheet(sheet, header_row, sides)
        items += read
        nested = any(b.last > b.first for side in sides for b in side.blocks)
        levels |= nested
        cells = unit_cells(sheet)
        units[sheet.name] = cells[0][1] if cells else Decimal(1)
        statements = sorted({item.statement.replace("_", " ") for item in read if item.statement})
        how = "level columns under each period heading" if nested else "two accounts side by side"
        why = f"read as a Tally export ({how}) of the {' and '.join(statements) or 'statements'}"
        parts.append(
            Part(
                sheet.name,
                "tally" if nested else "tformat",
                why,
                units[sheet.name],
                sheet=sheet.name,
            )
        )
    document = _document(file_name, "tally" if levels else "tformat", items, units)
    document.parts = parts
    return document


def _trial_balance_document(file_name: str, found) -> ExtractedDocument:
    items: list[ExtractedItem] = []
    units: dict[str, Decimal] = {}
    parts: list[Part] = []
    for sheet, columns in found:
        year = year_of(title_text(sheet, columns.header_row)) or year_of(file_name)
        if year is None:
            raise ReaderError(
                "no_year",
                "The trial balance does not say which financial year it is for.",
                "Export it again with the period in its title (for example '1-Apr-2024 to "
                "31-Mar-2025'), or put the period in the file name.",
            )
        items += trial_balance.read_items(sheet, columns, year)
        cells = unit_cells(sheet)
        units[sheet.name] = cells[0][1] if cells else Decimal(1)
        parts.append(
            Part(
                sheet.name,
                "trial_balance",
                f"read as a trial balance: debit and credit balance columns, for {year}",
                units[sheet.name],
                sheet=sheet.name,
            )
        )
    document = _document(file_name, "trial_balance", items, units)
    document.parts = parts
    return document


def _document(file_name: str, kind: str, items, units) -> ExtractedDocument:
    years = sorted({year for item in items for year in item.amounts}, reverse=True)
    return ExtractedDocument(
        file_name=file_name,
        kind=kind,
        statement_year=years[0] if years else None,
        years=years,
        items=items,
        units=units,
    )
