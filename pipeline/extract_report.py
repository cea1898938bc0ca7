"""The extract report of one file: each sheet or page, what it was taken for, and its checks.

A CA who uploads a 30-sheet workbook must see what became of every sheet:
read as the balance sheet, as notes, left out as a trial balance of the same
ledgers, or not placed at all, and why; in what unit and for which years; how
many items it gave; and whether its arithmetic holds, with the place of each
break. One entry per sheet or page, in the file's order (JSON, stored on the
`SourceFile`):

    {"name", "role", "why", "unit", "years", "items", "counted", "checks"}

Readers say the roles they gave (`ExtractedDocument.parts`); a sheet or page
that holds items but no part (a PDF page) is described from its items. Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from pipeline.readers.document import UNPLACED, ExtractedDocument, ExtractedItem, Part
from pipeline.statement_arithmetic import Check

NOTES = "notes"


def extract_report(document: ExtractedDocument, checks: Sequence[Check]) -> list[dict]:
    """One entry per sheet or page of `document` (see the module docstring)."""
    parts = list(document.parts)
    known = {(part.sheet, part.page) for part in parts}
    for item in document.items:
        key = (item.sheet, None if item.sheet else item.page)
        if key not in known:
            known.add(key)
            parts.append(_part_from_items(document, key))
    for page in range(1, (document.pages or 0) + 1):  # a PDF page that gave nothing
        if (None, page) not in known:
            why = "read, but no statement line, note or schedule was found on it"
            parts.append(Part(f"page {page}", UNPLACED, why, page=page))
    if not parts:
        parts.append(Part(document.file_name, document.kind, "the whole file is one statement"))
    if all(part.sheet is None and part.page is not None for part in parts):
        parts.sort(key=lambda part: part.page)  # a PDF's pages in their order
    entries = [_entry(part, document, checks) for part in parts]
    placed = {id(check) for entry in entries for check in entry.pop("_checks")}
    loose = [check.as_dict() for check in checks if id(check) not in placed]
    if loose:  # a CSV has no sheets or pages: its checks belong to the file
        entries[0]["checks"] += loose
    return entries


def _belongs(part: Part, sheet: str | None, page: int | None) -> bool:
    if part.sheet is not None or sheet is not None:
        return part.sheet == sheet
    return part.page is not None and part.page == page


def _entry(part: Part, document: ExtractedDocument, checks: Sequence[Check]) -> dict:
    items = [item for item in document.items if _belongs(part, item.sheet, item.page)]
    if part.sheet is None and part.page is None:
        items = [item for item in document.items if item.sheet is None and item.page is None]
    own = [check for check in checks if _belongs(part, check.sheet, check.page)]
    years = sorted({y for item in items if item.printed_unit is None for y in item.amounts})
    return {
        "name": part.name,
        "role": part.role,
        "why": part.why,
        "unit": str(part.unit),
        "years": sorted(years, reverse=True),
        "items": len(items),
        "counted": sum(1 for item in items if not item.exclude_reason),
        "checks": [check.as_dict() for check in own],
        "_checks": own,
    }


def _part_from_items(document: ExtractedDocument, key: tuple) -> Part:
    """A sheet or page the reader gave no part: its role is what most of its lines are."""
    sheet, page = key
    items = [
        item for item in document.items if (item.sheet, item.page if not sheet else None) == key
    ]
    roles = Counter(_role_of(item) for item in items)
    role, count = roles.most_common(1)[0]
    name = f"sheet '{sheet}'" if sheet else f"page {page}"
    unit = document.units.get(sheet or str(page), Decimal(1))
    why = f"{count} of its {len(items)} lines are read as {role.replace('_', ' ')}"
    sections = Counter(item.section for item in items if _role_of(item) == role and item.section)
    if sections:
        why += f", under “{sections.most_common(1)[0][0]}”"
    return Part(sheet or name, role, why, unit, sheet=sheet, page=page)


def _role_of(item: ExtractedItem) -> str:
    if item.note and not (item.exclude_reason or "").startswith("face total") and not item.side:
        return NOTES
    return item.statement or document_kind_of(item)


def document_kind_of(item: ExtractedItem) -> str:
    """A row outside every statement: what its exclusion says it is (a trial balance...)."""
    reason = item.exclude_reason or ""
    return reason.split(";")[0].removeprefix("auxiliary schedule: ") or "other"
