"""A CA's final-accounts workbook: statements, notes, depreciation schedule, workings.

The balance sheet, the statement of profit and loss, the notes and the
fixed-asset schedule carry the line items, as a Schedule III statement does.
A face line whose note itemises it is kept but excluded ('face total:
expanded in note 7'), so that only the note's lines count. The auxiliary
sheets (trial balance, sub-notes, deferred tax, EMI, ratios, cash flow) are
read and wholly excluded (`auxiliary`). Every sheet states its own unit in a
header cell, and units differ between sheets (a trial balance stays in rupees
and paise in a workbook in lakhs), so each figure is converted by the unit in
force where it is printed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.readers import auxiliary, fixed_assets, tally
from pipeline.readers.blocks import PER_SHARE, TOTAL, Block, Context, heading_note, read_block
from pipeline.readers.document import (
    BALANCE_SHEET,
    PROFIT_AND_LOSS,
    UNPLACED,
    ExtractedDocument,
    ExtractedItem,
    Part,
)
from pipeline.readers.grid import Sheet, Workbook
from pipeline.readers.layout import clean_label, statement_of, unit_cells, year_of
from pipeline.readers.notes import heading_of, split_notes
from pipeline.readers.scan import note_column, scan

NOTES, FIXED_ASSETS = "notes", "fixed_assets"
_NOTES_TITLE = re.compile(
    r"(?<!sub)(?<!sub-)(?<!sub )\bnotes\b|\bschedules? (?:forming|to)\b", re.IGNORECASE
)
_WORKING_TITLE = re.compile(
    r"trial balance|cash\s*flow|ratios?\b|repayment|\bemi\b|deferred tax|sub[- ]?notes?|"
    r"annexure|break[- ]?up|details of|computation|schedule",
    re.IGNORECASE,
)
_TITLE_TAIL = re.compile(r"\s+(?:for the (?:year|period)|as (?:at|on))\b.*$", re.IGNORECASE)


def detect(book: Workbook) -> bool:
    """A workbook with a statement laid out in year columns (not a Tally export)."""
    return any(_face_statement(sheet) for sheet in book.sheets)


def _face_statement(sheet: Sheet) -> str | None:
    title = _title(sheet)
    statement = statement_of(title)
    if not statement or _NOTES_TITLE.search(title) or tally.detect(sheet) is not None:
        return None
    has_years = any(line.years for line in scan(sheet, year_of(title), limit=15))
    return statement if has_years or note_column(sheet) else None


def _title(sheet: Sheet) -> str:
    """The words printed above the first figure, year heading or note heading."""
    words = []
    for line in scan(sheet, limit=5):
        if line.amounts or line.years or heading_of(line) is not None:
            break
        words += [line.label, *(c.text for c in line.texts.values())]
    return " ".join(w for w in words if w)


def classify(sheet: Sheet) -> str | None:
    """The sheet's part of the workbook: a statement, notes, the schedule or a working."""
    title = _title(sheet)
    if _NOTES_TITLE.search(title) and not auxiliary.is_trial_balance(sheet, title):
        return NOTES  # a depreciation schedule among them is read as its note
    kind = auxiliary.kind_of(sheet, title)
    if kind:
        return kind
    if fixed_assets.detect(sheet):
        return FIXED_ASSETS
    return _face_statement(sheet)


def read(file_name: str, book: Workbook) -> ExtractedDocument:
    """Every line item of the workbook, sheet by sheet in workbook order."""
    kinds = {sheet.name: classify(sheet) for sheet in book.sheets}
    faces = [s for s in book.sheets if kinds[s.name] in (BALANCE_SHEET, PROFIT_AND_LOSS)]
    year = _statement_year(faces) or year_of(file_name)
    unit = next((u[0][1] for sheet in faces if (u := unit_cells(sheet))), Decimal(1))
    items_by_sheet: dict[str, list[ExtractedItem]] = {}
    note_statements: dict[str, str] = {}
    warnings, units, parts = [], {}, []
    for sheet in book.sheets:
        kind, ctx = kinds[sheet.name], _context(sheet, year, unit)
        units[sheet.name] = ctx.units[0][1]
        parts.append(_part(sheet, kind, units[sheet.name]))
        if kind is None:
            if any(c.amount is not None for c in sheet.cells.values()):
                warnings.append(f"Sheet '{sheet.name}' was not recognised and was not read.")
            continue
        items_by_sheet[sheet.name] = _read_sheet(kind, sheet, ctx, note_statements)
    _expand_face_lines(faces, items_by_sheet, note_statements)
    items = [item for sheet in book.sheets for item in items_by_sheet.get(sheet.name, [])]
    document = _document(file_name, items, year, units, warnings)
    document.parts = parts
    return document


_ROLE_NAMES = {BALANCE_SHEET: "balance sheet", PROFIT_AND_LOSS: "statement of profit and loss"}
_AUXILIARY_NAMES = {
    auxiliary.TRIAL_BALANCE: "a trial balance",
    auxiliary.CASH_FLOW: "a cash flow statement",
    auxiliary.RATIOS: "a sheet of ratios",
    auxiliary.EMI: "a loan repayment (EMI) schedule",
    auxiliary.DEFERRED_TAX: "a deferred tax working",
    auxiliary.SUB_NOTES: "sub-notes",
}


def _telling_title(sheet: Sheet, kind: str | None) -> str:
    """The title line that gave the sheet its role (not the company's name above it)."""
    if kind in (BALANCE_SHEET, PROFIT_AND_LOSS):
        return _statement_title(sheet)
    labels = [line.label for line in scan(sheet, limit=5) if line.label and not line.amounts]
    if kind == NOTES:
        return next((label for label in labels if _NOTES_TITLE.search(label)), _title(sheet))
    return next((label for label in labels if _WORKING_TITLE.search(label)), _title(sheet))


def _part(sheet: Sheet, kind: str | None, unit: Decimal) -> Part:
    """The sheet's role for the extract report, with the evidence it was given it on."""
    title = clean_label(_telling_title(sheet, kind))[:90] or "(no title)"
    if kind is None:
        filled = any(c.amount is not None for c in sheet.cells.values())
        why = (
            "no statement title, note headings, trial balance columns or fixed-asset schedule "
            "was found on it, so it was left out"
            if filled
            else "it holds no figures"
        )
        return Part(sheet.name, UNPLACED, why, unit, sheet=sheet.name)
    if kind == NOTES:
        why = f"its title “{title}” names notes or schedules; each note is read as a block"
    elif kind == FIXED_ASSETS:
        why = "its columns are a fixed-asset schedule (gross block, depreciation, net block)"
    elif kind in auxiliary.REASONS or kind == auxiliary.SUB_NOTES:
        why = (
            f"its title or columns (“{title}”) make it {_AUXILIARY_NAMES[kind]}: read, shown, "
            "and left out of the counts, as it repeats figures the statements carry"
        )
    else:
        columns = "year columns and a Note column" if note_column(sheet) else "year columns"
        why = f"its title “{title}” names the {_ROLE_NAMES[kind]}, over {columns}"
    return Part(sheet.name, kind, why, unit, sheet=sheet.name)


def _statement_year(faces: list[Sheet]) -> str | None:
    """The latest year the statements' headers name: the year the workbook is for."""
    years = [
        year
        for sheet in faces
        for line in scan(sheet, year_of(_title(sheet)), limit=15)
        for year in line.years.values()
    ]
    return max(years) if years else None


def _context(sheet: Sheet, year: str | None, workbook_unit: Decimal) -> Context:
    """What the sheet's blocks share; a sheet that states no unit is in the statements'."""
    units = unit_cells(sheet) or [(0, workbook_unit)]
    main = units[0][1]
    tolerance = Decimal("0.01") if main > 1 else Decimal(1)
    default_year = year_of(_title(sheet)) or year
    return Context(sheet, None, units, tolerance, default_year)


def _read_sheet(kind, sheet: Sheet, ctx: Context, note_statements) -> list[ExtractedItem]:
    if kind in auxiliary.REASONS or kind == auxiliary.SUB_NOTES:
        items = auxiliary.read(kind, sheet, ctx)
    elif kind == FIXED_ASSETS:
        items = fixed_assets.read(sheet, ctx.units)
        for item in items:
            note_statements.setdefault(item.note or "", BALANCE_SHEET)
    elif kind == NOTES:
        items = _notes(sheet, ctx, note_statements)
    else:
        items = _face(sheet, ctx, kind)
    for item in items:
        item.sheet = sheet.name
    return items


def _notes(sheet: Sheet, ctx: Context, note_statements: dict[str, str]) -> list[ExtractedItem]:
    """A notes sheet: each note a block; the title says which statement they explain.

    A note that is a depreciation schedule (gross block, depreciation, net
    block) is read as one, and belongs to the balance sheet.
    """
    statement = statement_of(_title(sheet))
    rows = {cells[0].row: cells for cells in sheet.rows()}
    items, year_cols = [], {}
    for _heading, block in split_notes(scan(sheet, ctx.default_year)):
        cells = [rows[line.row] for line in block.lines]
        if any(fixed_assets.group_row(sheet, row) for row in cells):
            found = fixed_assets.read(sheet, ctx.units, cells, block.title, block.note)
            note_statements.setdefault(block.note or "", BALANCE_SHEET)
            items += found
            continue
        block.year_cols = block.year_cols or year_cols
        found, year_cols = read_block(block, ctx)
        for item in found:
            item.statement = statement
        if found and statement:
            note_statements.setdefault(block.note or "", statement)
        items += found
    return items


def _face(sheet: Sheet, ctx: Context, statement: str) -> list[ExtractedItem]:
    """A face statement from its first year heading down."""
    lines = scan(sheet, ctx.default_year)
    start = next((i for i, line in enumerate(lines) if line.years), 0)
    title = clean_label(_TITLE_TAIL.sub("", _statement_title(sheet)))
    block = Block(title, lines[start:], notes_mode=False)
    ctx.statement = statement
    items, _ = read_block(block, ctx)
    for item in items:
        item.statement = statement
    return items


def _statement_title(sheet: Sheet) -> str:
    for line in scan(sheet, limit=10):
        if line.label and statement_of(line.label):
            return line.label
    return _title(sheet)


def _expand_face_lines(faces, items_by_sheet, note_statements: dict[str, str]) -> None:
    """Exclude each face line that a note of the same statement itemises.

    A note whose sheet does not say which statement it explains takes the
    statement of the first face line that points to it.
    """
    face_names = {sheet.name for sheet in faces}
    notes: dict[str, list[ExtractedItem]] = {}
    for name, sheet_items in items_by_sheet.items():
        for item in sheet_items:
            if name not in face_names and item.note and not item.exclude_reason:
                notes.setdefault(item.note, []).append(item)
    for sheet in faces:
        lines = scan(sheet)
        for item in items_by_sheet.get(sheet.name, []):
            note = item.note or heading_note(item, lines)
            if item.exclude_reason in (TOTAL, PER_SHARE) or note not in notes:
                continue
            if note_statements.setdefault(note, item.statement) == item.statement:
                item.exclude_reason = f"face total: expanded in note {note}"
                for note_item in notes[note]:
                    note_item.statement = note_item.statement or item.statement


def _document(file_name, items, year, units, warnings) -> ExtractedDocument:
    years = sorted({y for item in items if item.printed_unit is None for y in item.amounts})
    return ExtractedDocument(
        file_name=file_name,
        kind="final_accounts",
        statement_year=year or (years[-1] if years else None),
        years=sorted(years, reverse=True),
        items=items,
        units=units,
        warnings=warnings,
    )
