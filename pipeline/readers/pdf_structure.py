"""What the rows of a statement are to one another, once all of them are read.

1. Totals: a row printed without a label, a row labelled only "Total", a
   row whose label states its formula ("Profit before tax (III - IV)"), a
   "Total ..." row that the rows above it add up to, and a row that is the
   difference of two totals above it ("Net (increase) / decrease").
   Where items and group totals have columns of their own, a group's figure
   that the items printed below it add up to is a group total.
2. Face lines expanded in a note: a face line whose figure the note (or
   schedule) it points to carries as a balance. A depreciation charge that
   points to the fixed-asset schedule is not expanded there: the schedule
   carries it only in a movement column.
3. Notes take the statement of the face line that first points to them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from itertools import takewhile

from pipeline.readers.document import ExtractedItem
from pipeline.readers.pdf_state import Draft

TOTAL = "total: sum of the items printed above it"
GROUP_TOTAL = "group total: sum of the items printed below it"
_NUMBERING = re.compile(r"^\s*(\(?[ivxlc]+[.)]|\(?[a-z][.)]|\(?\d{1,2}[.)]|[IVXLC]+\.)\s*", re.I)
_TOTAL_ONLY = re.compile(r"^(sub[- ]?total|grand\s+total|total)\b[\s:]*(\([^)]*\))?\s*$", re.I)
_REF = r"(?:[ivxlc]+|[a-h])"
_FORMULA = re.compile(rf"\(\s*{_REF}(\s*[+\-–]\s*{_REF})+\s*\)\s*$", re.I)
_ROMAN_REF = re.compile(r"\(\s*[ivxlc]+\s*\)\s*$", re.I)
_LESS = re.compile(r"^\s*less\b", re.I)
TOLERANCE = Decimal("0.01")  # a rupee statement; lakhs and crores pass their own


def finish(drafts: Sequence[Draft], tolerance: Decimal = TOLERANCE) -> list[ExtractedItem]:
    """Mark totals and expanded face lines, give notes their statement; the items."""
    mark_totals(drafts, tolerance)
    mark_group_totals(drafts, tolerance)
    link_faces(drafts, tolerance)
    assign_statements(drafts)
    return [draft.item for draft in drafts]


def mark_totals(drafts: Sequence[Draft], tolerance: Decimal) -> None:
    by_block: dict[tuple, list[Draft]] = defaultdict(list)
    for draft in drafts:
        above = by_block[draft.block]
        reason = draft.item.exclude_reason
        # A schedule's Total row is a total in its movement columns too.
        if (reason is None or reason.startswith("memo:")) and _is_total(draft, above, tolerance):
            draft.item.exclude_reason = TOTAL
        above.append(draft)


def _is_total(draft: Draft, above: list[Draft], tolerance: Decimal) -> bool:
    label = draft.item.label.strip()
    bare = _NUMBERING.sub("", label)
    if not label or _TOTAL_ONLY.match(bare) or _FORMULA.search(label):
        return True
    amounts = draft.item.amounts
    if not any(amounts.values()):
        return False
    if bare.lower().startswith("total"):
        return bool(_ROMAN_REF.search(label)) or _sums_above(amounts, above, tolerance)
    return _difference_of_totals(amounts, above, tolerance)


def mark_group_totals(drafts: Sequence[Draft], tolerance: Decimal) -> None:
    """A group's figure in its own column that the items printed below it add up to
    ("Loans (Liability) 3,00,000" over its ledgers, as Tally prints a group)."""
    by_block: dict[tuple, list[Draft]] = defaultdict(list)
    for draft in drafts:
        by_block[draft.block].append(draft)
    for rows in by_block.values():
        for index, draft in enumerate(rows):
            if draft.outer and draft.item.label and not draft.item.exclude_reason:
                below = list(takewhile(lambda d: not d.outer, rows[index + 1 :]))
                closing = rows[index + 1 + len(below) : index + 2 + len(below)]
                if below and _adds_up(draft, below, closing, tolerance):
                    draft.item.exclude_reason = GROUP_TOTAL


def _adds_up(group: Draft, below: list[Draft], closing: list[Draft], tolerance: Decimal) -> bool:
    """The items below add up to the group's figure, and are not closed by a sub-total
    of their own (then they are a group under a heading, and the figure above is an item)."""
    total = _sum(below)
    if not _equal(group.item.amounts, total, tolerance * len(below)):
        return False
    own = closing and closing[0].item.exclude_reason == TOTAL
    return not (own and _equal(closing[0].item.amounts, total, tolerance * len(below)))


def _sum(drafts: Sequence[Draft]) -> dict[str, Decimal]:
    total: dict[str, Decimal] = defaultdict(Decimal)
    for draft in drafts:
        sign = -1 if _LESS.match(draft.item.label) else 1
        for year, value in draft.item.amounts.items():
            total[year] += sign * value
    return total


def _sums_above(amounts: dict, above: list[Draft], tolerance: Decimal) -> bool:
    """The rows since the last total, or the last few of them, add up to `amounts`."""
    running: dict[str, Decimal] = defaultdict(Decimal)
    for count, draft in enumerate(reversed(above), start=1):
        if draft.item.exclude_reason == TOTAL:
            return False
        sign = -1 if _LESS.match(draft.item.label) else 1
        for year, value in draft.item.amounts.items():
            running[year] += sign * value
        if count > 1 and _equal(amounts, running, tolerance * count):
            return True
    return False


def _difference_of_totals(amounts: dict, above: list[Draft], tolerance: Decimal) -> bool:
    totals = [d.item.amounts for d in above if d.item.exclude_reason == TOTAL]
    for i, first in enumerate(totals):
        for second in totals[i + 1 :]:
            if first == second:
                continue
            for a, b in ((first, second), (second, first)):
                difference = {y: a[y] - b[y] for y in a if y in b}
                if _equal(amounts, difference, tolerance):
                    return True
    return False


def _equal(amounts: dict, other: dict, tolerance: Decimal) -> bool:
    return bool(amounts) and all(
        year in other and abs(value - other[year]) <= tolerance for year, value in amounts.items()
    )


def link_faces(drafts: Sequence[Draft], tolerance: Decimal) -> None:
    """Exclude face lines whose figures their note or schedule carries as balances."""
    balances = _note_balances(drafts)
    for draft in drafts:
        item = draft.item
        if not draft.face or not draft.ref or item.exclude_reason or draft.ref not in balances:
            continue
        if _carried(item.amounts, balances[draft.ref], tolerance):
            where = f"note {draft.ref}" if draft.ref[0].isdigit() else f"Schedule {draft.ref}"
            item.exclude_reason = f"face total: expanded in {where}"


def _note_balances(drafts: Sequence[Draft]) -> dict[str, dict[str, set[Decimal]]]:
    """Per note, per year: every balance it prints, and the sum of same-named rows."""
    balances: dict[str, dict[str, set[Decimal]]] = defaultdict(lambda: defaultdict(set))
    sums: dict[tuple, Decimal] = defaultdict(Decimal)
    for draft in drafts:
        note = draft.item.note
        if draft.face or not note or not draft.balance:
            continue
        for year, value in draft.item.amounts.items():
            balances[note][year].add(value)
            key = (note, year, draft.item.label.casefold(), draft.item.column, draft.item.side)
            sums[key] += value
    for (note, year, *_), value in sums.items():
        balances[note][year].add(value)
    return balances


def _carried(amounts: dict, balances: dict[str, set[Decimal]], tolerance: Decimal) -> bool:
    checked = [(y, v) for y, v in amounts.items() if v and y in balances]
    return bool(checked) and all(
        any(abs(v - b) <= tolerance for b in balances[y]) for y, v in checked
    )


def assign_statements(drafts: Sequence[Draft]) -> None:
    """A note's items take the statement of the face line that first points to the note."""
    of_note: dict[str, str] = {}
    for draft in drafts:
        if draft.face and draft.ref and draft.item.statement:
            of_note.setdefault(draft.ref, draft.item.statement)
    previous = None
    for draft in drafts:
        item = draft.item
        if item.statement is None and item.note:
            item.statement = of_note.get(item.note, previous)
        if not draft.face and item.statement:
            previous = item.statement
