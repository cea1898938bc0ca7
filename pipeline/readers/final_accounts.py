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

from pipeline.readers import auxiliary, fixed_assets
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
from pipeline.readers.scan import scan
from pipeline.readers.sheet_roles import FIXED_ASSETS, NOTES, TALLY, Role, sheet_role

_WORKING_TITLE = re.compile(
    r"trial balance|cash\s*flow|ratios?\b|repayment|\bemi\b|deferred tax|sub[- ]?notes?|"
    r"annexure|break[- ]?up|details of|computation|schedule",
    re.IGNORECASE,
)
_NOTE_OR_WORKING = re.compile(r"\bnotes?\b|schedule|appropriation|\bbalance\b.*\bb/[df]\b", re.I)
_TITLE_TAIL = re.compile(r"\s+(?:for the (?:year|period)|as (?:at|on))\b.*$", re.IGNORECASE)


def detect(book: Workbook) -> bool:
    """A workbook with a statement laid out in year columns (not a Tally export)."""
    return any(classify(sheet) in (BALANCE_SHEET, PROFIT_AND_LOSS) for sheet in book.sheets)


def _title(sheet: Sheet) -> str:
    """The words printed above the first figure, year heading or note heading."""
    words = []
    for line in scan(sheet, limit=5):
        if line.amounts or line.years or heading_of(line) is not None:
            break
        words += [line.label, *(c.text for c in line.texts.values())]
    return " ".join(w for w in words if w)


def role_of(sheet: Sheet) -> Role:
    """The sheet's part of the workbook, weighed from its content (`sheet_roles`)."""
    return sheet_role(sheet, _title(sheet))


def classify(sheet: Sheet) -> str | None:
    """A statement, notes, the schedule or a working; None for what this reader leaves out
    (a sheet it cannot place, a Tally export)."""
    role = role_of(sheet).role
    return None if role == TALLY else role


def read(file_name: str, book: Workbook) -> ExtractedDocument:
    """Every line item of the workbook, sheet by sheet in workbook order."""
    roles = {sheet.name: role_of(sheet) for sheet in book.sheets}
    kinds = {name: None if role.role == TALLY else role.role for name, role in roles.items()}
    faces = [s for s in book.sheets if kinds[s.name] in (BALANCE_SHEET, PROFIT_AND_LOSS)]
    year = _statement_year(faces) or year_of(file_name)
    unit = next((u[0][1] for sheet in faces if (u := unit_cells(sheet))), Decimal(1))
    items_by_sheet: dict[str, list[ExtractedItem]] = {}
    note_statements: dict[str, str] = {}
    warnings, units, parts = [], {}, []
    for sheet in book.sheets:
        kind, ctx = kinds[sheet.name], _context(sheet, year, unit)
        units[sheet.name] = _unit(sheet, kind, ctx)
        role = roles[sheet.name]
        parts.append(
            Part(sheet.name, role.role or UNPLACED, role.why, units[sheet.name], sheet=sheet.name)
        )
        if kind is None:
            if any(c.amount is not None for c in sheet.cells.values()):
                warnings.append(f"Sheet '{sheet.name}' was not recognised and was not read.")
            continue
        items_by_sheet[sheet.name] = _read_sheet(kind, sheet, ctx, note_statements)
        if kind == NOTES and not items_by_sheet[sheet.name]:
            warnings.append(
                f"Sheet '{sheet.name}' holds notes, but no note heading on it was recognised, "
                "so none of its figures were read: the face lines stand without their notes."
            )
    _expand_face_lines(faces, items_by_sheet, note_statements)
    schedules = [s.name for s in book.sheets if kinds[s.name] == FIXED_ASSETS]
    _expand_into_schedules(faces, items_by_sheet, schedules)
    items = [item for sheet in book.sheets for item in items_by_sheet.get(sheet.name, [])]
    document = _document(file_name, items, year, units, warnings)
    document.parts = parts
    return document


def _unit(sheet: Sheet, kind: str | None, ctx: Context) -> Decimal:
    """The sheet's unit; a trial balance that states none is in rupees, as ledgers are kept,
    whatever unit the statements print in."""
    if kind == auxiliary.TRIAL_BALANCE:
        cells = unit_cells(sheet)
        return cells[0][1] if cells else Decimal(1)
    return ctx.units[0][1]


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
    """A face statement from its first year heading down.

    One sheet may print the balance sheet and then the profit and loss account
    (a landscape statement of three years): a heading that names the other
    statement starts it, and its lines are read as that statement's.
    """
    lines = scan(sheet, ctx.default_year)
    start = next((i for i, line in enumerate(lines) if line.years), 0)
    title = clean_label(_TITLE_TAIL.sub("", _statement_title(sheet)))
    items, year_cols = [], {}
    for part_statement, part_title, part_lines in _statement_parts(lines[start:], statement, title):
        block = Block(part_title, part_lines, notes_mode=False)
        block.year_cols = year_cols
        ctx.statement = part_statement
        found, year_cols = read_block(block, ctx)
        for item in found:
            item.statement = part_statement
        items += found
    return items


def _statement_parts(lines, statement: str, title: str):
    """(statement, title, lines) runs of a face sheet, split at headings naming a statement."""
    parts = [(statement, title, [])]
    for line in lines:
        named = statement_of(line.label) if line.label and not line.amounts else None
        if named and named != parts[-1][0] and not _NOTE_OR_WORKING.search(line.label):
            parts.append((named, clean_label(line.label), []))
        parts[-1][2].append(line)
    return [part for part in parts if part[2]]


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


def _expand_into_schedules(faces, items_by_sheet, schedules: list[str]) -> None:
    """Exclude the face's fixed-asset line that a fixed-asset schedule sheet carries.

    The face prints the net block ('Fixed assets', 'Property, plant and
    equipment') with no note number; the schedule's gross block and
    depreciation are its balances. Counting both counts the assets twice, so a
    face line equal to the schedule's net block, in every year both give, is
    kept but excluded.
    """
    for name in schedules:
        net = _net_block(items_by_sheet.get(name, []))
        if not net:
            continue
        for sheet in faces:
            for item in items_by_sheet.get(sheet.name, []):
                if item.statement != BALANCE_SHEET or item.exclude_reason or item.note:
                    continue
                shared = [year for year in item.amounts if year in net]
                if shared and all(abs(item.amounts[y] - net[y]) <= Decimal(1) for y in shared):
                    item.exclude_reason = (
                        f"face total: net block of the fixed-asset schedule ({name})"
                    )


def _net_block(items: list[ExtractedItem]) -> dict[str, Decimal]:
    """The schedule's net block per year, from its total row (or its assets' sum without one)."""
    net: dict[str, Decimal] = {}
    cells = [i for i in items if (i.column or "").lower().startswith("net block")]
    totals = [i for i in cells if i.exclude_reason == TOTAL]
    for item in totals or cells:
        year = year_of(item.column or "")
        for value in item.amounts.values():
            if year:
                net[year] = net.get(year, Decimal(0)) + value
    return net


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
