"""A statement's own arithmetic, checked the way its auditor did: one module for every step.

A set of statements checks itself. Extraction runs these checks on every
file it reads, so that a break reaches the CA at once with the place to look
("Note 17 adds to ₹x, the face shows ₹y") instead of as a validation error
two steps later; classification, OCR and review call the same functions on
the rows they hold. The checks, each per financial year:

1. **Notes add to their face lines**: the face lines that point to a note
   carry what the note carries (its last total, its closing balances, or the
   sum of its items with 'Less:' lines negative); a face line pointing to a
   note that was not read, in a file whose other notes were, is a break too.
2. **Sub-totals**: every row the reader took for a total is the sum of the
   items printed above it since a heading or the total before it, the total
   before it plus or minus them, or the difference of the two totals above
   it (`totals.TotalFinder`, the rule the readers found them by). A printed
   'Total' that no reading explains is a break.
3. **Roll-forwards**: an 'Opening balance', the lines added and deducted, and
   the 'Closing balance' they arrive at (a reserve, a partner's capital).
4. **The balance sheet ties**: its two grand totals are equal; in a
   two-sided (T-format or Tally) statement, the sides' items sum alike.
5. **The year's profit reaches the balance sheet**: the profit of the
   statement of profit and loss is the profit the reserves or capital
   accounts take in.

Every check allows one printed unit of rounding (₹1 in rupees, ₹1,000 in
lakhs printed to two decimals). Rows are duck-typed (`Row`): readers'
`ExtractedItem`s and stored `LineItem`s both carry the fields. Pure: no ORM.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from pipeline.cma.money import rupees
from pipeline.readers.totals import TotalFinder, is_closing_balance

BALANCE_SHEET, PROFIT_AND_LOSS, TRADING = "balance_sheet", "profit_and_loss", "trading"
NOTE, TOTAL, ROLL_FORWARD, TIE, PROFIT = "note", "total", "roll_forward", "balance_sheet", "profit"
_TOTAL_REASON = "total: sum of the items printed above it"
_GROUP, _BALANCING = "group total", "balancing figure"
_FACE_REASON = re.compile(r"^face total: expanded in (?:note|schedule) (\S+)", re.IGNORECASE)
_FACE_TOTAL = "face total"
_LESS = re.compile(r"^\W*(?:less\b|to\b.*\bdrawings?\b)", re.IGNORECASE)
_OPENING = re.compile(
    r"opening balance|balance (?:b/[df]|brought forward|as at the beginning)", re.IGNORECASE
)
_PROFIT_FACE = re.compile(
    r"\b(?:net )?(?:profit|loss|surplus|deficit)\b.*\b(?:for the (?:year|period)|after tax|"
    r"transferred to)\b|^\W*(?:to|by)?\s*nett? (?:profit|loss)\b",
    re.IGNORECASE,
)
_PROFIT_TAKEN = re.compile(
    r"(?:\badd\b|\bby\b|\bshare of\b|^\W*)\W*(?:net )?(?:profit|loss|surplus|deficit)\b.*"
    r"(?:for the (?:year|period)|after tax|of the year|\bcurrent (?:year|period))|"
    r"\bshare of (?:net )?(?:profit|loss)|^\W*current period\b",
    re.IGNORECASE,
)
_GRAND_TOTAL = re.compile(
    r"^\W*(?:grand )?total\W*$|^\W*total (?:equity and liabilities|liabilities|assets|"
    r"sources|application)|^\W*$",
    re.IGNORECASE,
)
MAX_DECIMALS = 2
MIN_FACE_NOTES = 3  # a face statement points to several notes, one line each


class Row(Protocol):
    label: str
    amounts: Mapping[str, Decimal]
    statement: str | None
    section: str
    note: str | None
    side: str | None
    column: str | None
    table: str | None
    sheet: str | None
    page: int | None
    row: int | None
    exclude_reason: str | None


@dataclass(frozen=True)
class Check:
    """One equation of the statement in one year: what is printed, what the items make."""

    kind: str  # NOTE, TOTAL, ROLL_FORWARD, TIE or PROFIT
    year: str
    printed: Decimal
    computed: Decimal | None  # None: nothing was read to compare with (a note not found)
    tolerance: Decimal
    place: str  # where to look: "note 17", "sheet 'BS' row 23", "page 2, line 32"
    text: str  # the sentence a CA reads when it breaks
    sheet: str | None = None
    page: int | None = None

    @property
    def holds(self) -> bool:
        return self.computed is not None and abs(self.printed - self.computed) <= self.tolerance

    @property
    def difference(self) -> Decimal | None:
        return None if self.computed is None else self.printed - self.computed

    def as_dict(self) -> dict:
        """The check as the extract report stores it (JSON)."""
        difference = self.difference
        return {
            "check": self.kind,
            "year": self.year,
            "result": "holds" if self.holds else "breaks",
            "printed": str(self.printed),
            "computed": None if self.computed is None else str(self.computed),
            "difference": None if difference is None else str(difference),
            "place": self.place,
            "text": self.text,
        }


def check_rows(rows: Sequence[Row], units: Mapping[str, Decimal] | None = None) -> list[Check]:
    """Every check of the statement (see the module docstring), in that order.

    `units` maps a sheet name or a page number (as text) to rupees per printed
    unit, as `ExtractedDocument.units` does; a place without one is in rupees.
    """
    units = units or {}
    return [
        *_note_checks(rows, units),
        *_total_checks(rows, units),
        *_roll_forwards(rows, units),
        *_ties(rows, units),
        *_profit_checks(rows, units),
    ]


def breaks(checks: Sequence[Check]) -> list[str]:
    """The failing checks' sentences, once each, for the file's warnings."""
    return list(dict.fromkeys(check.text for check in checks if not check.holds))


def place_of(row: Row) -> str:
    if row.sheet:
        return f"sheet '{row.sheet}' row {row.row}" if row.row else f"sheet '{row.sheet}'"
    if row.page:
        return f"page {row.page}, line {row.row}" if row.row else f"page {row.page}"
    return f"line {row.row}" if row.row else "the statement"


def _where(row: Row) -> dict:
    return {"sheet": row.sheet, "page": row.page}


# -- tolerance ---------------------------------------------------------------


def _unit(row: Row, units: Mapping[str, Decimal]) -> Decimal:
    key = row.sheet or (str(row.page) if row.page else None)
    return units.get(key, Decimal(1)) if key else max(units.values(), default=Decimal(1))


def _tolerance(rows: Sequence[Row], units: Mapping[str, Decimal]) -> Decimal:
    """One unit of the last printed decimal: the figures themselves say how they were printed."""
    if not rows:
        return Decimal(1)
    unit = max(_unit(row, units) for row in rows)
    decimals = 0
    for row in rows:
        for value in row.amounts.values():
            printed = (value / unit).normalize()
            decimals = max(decimals, min(MAX_DECIMALS, max(0, -printed.as_tuple().exponent)))
    return unit / Decimal(10) ** decimals if unit > 1 else Decimal(1)


# -- 1. notes and their face lines -------------------------------------------


def _face_note(row: Row) -> str | None:
    """The note a face line points to when the reader found it expanded there."""
    match = _FACE_REASON.match(row.exclude_reason or "")
    return match.group(1) if match else None


def _memo(row: Row) -> bool:
    return (row.exclude_reason or "").startswith("memo")


def _counted(row: Row) -> bool:
    return not row.exclude_reason


def _is_total(row: Row) -> bool:
    return row.exclude_reason == _TOTAL_REASON


def _signed(row: Row) -> int:
    return -1 if _LESS.match(row.label) else 1


def _note_checks(rows: Sequence[Row], units) -> list[Check]:
    faces: dict[str, list[Row]] = defaultdict(list)
    lines: dict[str, list[Row]] = defaultdict(list)
    face_places = _face_places(rows)
    for row in rows:
        note = _face_note(row)
        if note:
            faces[note].append(row)
        elif row.note and _place_key(row) not in face_places and not _memo(row):
            lines[row.note].append(row)
    found = _missing_notes(rows, face_places, lines, units)
    for note, face_rows in faces.items():
        note_rows = [row for row in lines.get(note, []) if row not in face_rows]
        tolerance = _tolerance([*face_rows, *note_rows], units)
        for year in sorted({y for row in face_rows for y in row.amounts}, reverse=True):
            printed = sum((row.amounts.get(year, Decimal(0)) for row in face_rows), Decimal(0))
            found.append(_note_check(note, year, printed, face_rows, note_rows, tolerance))
    return found


def _missing_notes(rows, face_places, lines, units) -> list[Check]:
    """Face lines pointing to a note none of whose lines were read, where other notes were."""
    if not lines:
        return []  # statements without their notes: nothing says a note was missed
    found = []
    for row in rows:
        missing = row.note and row.note not in lines and not _face_note(row)
        if not missing or _place_key(row) not in face_places or not _counted(row):
            continue
        for year, printed in sorted(row.amounts.items(), reverse=True):
            text = (
                f"Note {row.note} is given for “{row.label.strip()}” ({place_of(row)}, "
                f"{rupees(printed)} in {year}), but no line of note {row.note} was read"
            )
            found.append(
                Check(
                    NOTE,
                    year,
                    printed,
                    None,
                    _tolerance([row], units),
                    f"note {row.note}",
                    text,
                    **_where(row),
                )
            )
    return found


def _note_check(note, year, printed, face_rows, note_rows, tolerance) -> Check:
    """The face's figure against every balance the note can carry; the nearest is reported."""
    in_year = [row for row in note_rows if year in row.amounts and row.column is None]
    totals = [row.amounts[year] for row in in_year if _is_total(row)]
    closing = [row.amounts[year] for row in in_year if is_closing_balance(row.label)]
    items = [_signed(row) * row.amounts[year] for row in in_year if _counted(row)]
    candidates = [*totals[-1:], sum(closing, Decimal(0)), sum(items, Decimal(0))]
    candidates += [row.amounts[year] for row in note_rows if year in row.amounts]
    if len(face_rows) > 1:  # face lines detailing one note each carry one of its balances
        values = {row.amounts[year] for row in note_rows if year in row.amounts}
        each = all(
            any(abs(row.amounts.get(year, Decimal(0)) - value) <= tolerance for value in values)
            for row in face_rows
        )
        if each:
            candidates.append(printed)
    if not in_year and not any(year in row.amounts for row in note_rows):
        computed = None
    else:
        computed = min(candidates, key=lambda value: abs(value - printed))
    shown = totals[-1] if totals else sum(items, Decimal(0))
    label = face_rows[0].label.strip()
    if computed is None:
        text = (
            f"Note {note} ({year}): the face shows ₹{_money(printed)} for “{label}”, "
            "but no figure of the note was read for that year"
        )
    else:
        text = (
            f"Note {note} adds to {rupees(shown)} in {year}, the face shows "
            f"{rupees(printed)} for “{label}” ({place_of(face_rows[0])})"
        )
    return Check(
        NOTE, year, printed, computed, tolerance, f"note {note}", text, **_where(face_rows[0])
    )


def _money(value: Decimal) -> str:
    return rupees(value).removeprefix("₹")


# -- 2. sub-totals ------------------------------------------------------------


def _blocks(rows: Sequence[Row]) -> dict[tuple, list[Row]]:
    """Rows that add up together, in printed order: a note, or one side of one statement.

    A face sheet or page (one with a line expanded in a note) is one block per
    statement and side whatever notes its lines point to. In a Tally export a
    total adds the top-level groups' totals and the ledgers outside any group,
    never the ledgers again.
    """
    faces = _face_places(rows)
    groups = {row.section for row in rows if _top_group(row)}
    blocks: dict[tuple, list[Row]] = defaultdict(list)
    for row in rows:
        if row.column is not None or row.table is not None or not _adds_up(row, groups):
            continue  # a table's cells (ageing, fixed-asset matrix) add up across, not down
        note = None if _place_key(row) in faces else row.note
        statement = None if note else row.statement  # a note's totals name no statement
        blocks[(row.sheet, note, statement, row.side)].append(row)
    return blocks


def _place_key(row: Row):
    return row.sheet or row.page


def _face_places(rows: Sequence[Row]) -> set:
    """Sheets and pages that print face statements, not notes.

    A face line points to its note ('Trade payables | 3'), each note once or
    twice; a note's lines carry it as their container, several lines each.
    So a place is a face when most of its lines name no note of their own, or
    when its lines name several notes, about one line each.
    """
    lines: Counter = Counter()
    own: dict = defaultdict(list)
    for row in rows:
        lines[_place_key(row)] += 1
        if row.note and not _face_note(row):
            own[_place_key(row)].append(row.note)
    return {
        place
        for place, count in lines.items()
        if len(own[place]) * 2 < count
        or (
            len(set(own[place])) >= MIN_FACE_NOTES and len(own[place]) <= 1.5 * len(set(own[place]))
        )
    }


def _top_group(row: Row) -> bool:
    """A Tally group printed at the statement's top level (its section is its own name)."""
    return (row.exclude_reason or "").startswith(_GROUP) and row.section == row.label.strip()


def _adds_up(row: Row, groups: set[str]) -> bool:
    reason = row.exclude_reason or ""
    if reason.startswith(_GROUP):
        return _top_group(row)
    if not reason:
        return row.section.split(" / ")[0] not in groups
    return _is_total(row) or reason.startswith((_FACE_TOTAL, _BALANCING))


def _total_checks(rows: Sequence[Row], units) -> list[Check]:
    found = []
    for block in _blocks(rows).values():
        if not any(_is_total(row) for row in block):
            continue
        tolerance = _tolerance(block, units)
        finder = TotalFinder(tolerance, flows=block[0].statement != BALANCE_SHEET)
        heading, rolling = None, None
        for row in block:
            if (row.section, _subsection(row)) != heading and heading is not None:
                finder.heading(row.section if row.section != heading[0] else _subsection(row))
            heading = (row.section, _subsection(row))
            if _OPENING.search(row.label) and not _is_total(row):
                rolling = []  # a roll-forward adds up to its closing balance (checked apart)
            if rolling is not None and not _is_total(row):
                if not is_closing_balance(row.label):
                    rolling.append(row)
                    continue
                rolling = None
            for held in rolling or []:  # a total before any closing balance: no roll-forward
                finder.record(held.label, dict(held.amounts), False)
            rolling = None
            if _is_total(row):
                found += _total(row, finder, tolerance)
            finder.record(row.label, dict(row.amounts), _is_total(row))
    return found


def _subsection(row: Row) -> str:
    return getattr(row, "subsection", "") or ""


def _total(row: Row, finder: TotalFinder, tolerance: Decimal) -> list[Check]:
    """A printed total against the reading that explains it, else the plain sum since the last."""
    explained = finder.explanation(row.label, dict(row.amounts)) or {}
    run = finder.run_since_total()
    label = row.label.strip() or "the total"
    where = f"note {row.note}" if row.note else (row.section or "the statement")
    checks = []
    for year, printed in sorted(row.amounts.items(), reverse=True):
        computed = explained.get(year, run.get(year, Decimal(0)))
        text = (
            f"The items of {where} above “{label}” ({place_of(row)}) add to "
            f"{rupees(computed)} in {year}; it shows {rupees(printed)}"
        )
        checks.append(
            Check(TOTAL, year, printed, computed, tolerance, place_of(row), text, **_where(row))
        )
    return checks


# -- 3. roll-forwards ----------------------------------------------------------


def _roll_forwards(rows: Sequence[Row], units) -> list[Check]:
    """Opening balance, plus additions, less deductions, equals the closing balance."""
    found = []
    for block in _blocks(rows).values():
        opening: Row | None = None
        moves: list[Row] = []
        for row in block:
            if _OPENING.search(row.label) and not _is_total(row):
                opening, moves = row, []
            elif opening is not None and is_closing_balance(row.label):
                found += _roll_forward(
                    opening, moves, row, _tolerance([opening, *moves, row], units)
                )
                opening, moves = None, []
            elif opening is not None and not _is_total(row):
                moves.append(row)
    return found


def _roll_forward(opening: Row, moves: list[Row], closing: Row, tolerance) -> list[Check]:
    checks = []
    for year, printed in closing.amounts.items():
        if year not in opening.amounts:
            continue
        computed = opening.amounts[year] + sum(
            (_signed(row) * row.amounts.get(year, Decimal(0)) for row in moves), Decimal(0)
        )
        where = f"note {closing.note}" if closing.note else closing.section or "the account"
        text = (
            f"In {where} ({place_of(closing)}), the opening balance and the year's movements "
            f"come to {rupees(computed)} in {year}; the closing balance shows {rupees(printed)}"
        )
        checks.append(
            Check(
                ROLL_FORWARD,
                year,
                printed,
                computed,
                tolerance,
                place_of(closing),
                text,
                **_where(closing),
            )
        )
    return checks


# -- 4. the balance sheet ties ------------------------------------------------


def _ties(rows: Sequence[Row], units) -> list[Check]:
    face = [row for row in rows if row.statement == BALANCE_SHEET and not _in_note(row)]
    grand = [row for row in face if _is_total(row) and _GRAND_TOTAL.match(row.label)]
    if len(grand) > 2:
        grand = sorted(grand, key=lambda row: max(row.amounts.values()), reverse=True)[:2]
        grand.sort(key=rows.index)
    if len(grand) == 2:
        return _tie(grand[0], grand[1], _tolerance(face, units))
    sides = defaultdict(list)
    for row in face:
        if row.side and (_counted(row) or (row.exclude_reason or "").startswith(_FACE_TOTAL)):
            sides[row.side].append(row)
    if len(sides) == 2:
        return _side_tie(*sides.values(), _tolerance(face, units))
    return []


def _in_note(row: Row) -> bool:
    return bool(row.note) and not _face_note(row) and not row.side


def _tie(first: Row, second: Row, tolerance) -> list[Check]:
    return [
        Check(
            TIE,
            year,
            second.amounts[year],
            value,
            tolerance,
            place_of(second),
            f"The balance sheet does not tie in {year}: its sides total {rupees(value)} "
            f"({place_of(first)}) and {rupees(second.amounts[year])} ({place_of(second)})",
            **_where(second),
        )
        for year, value in sorted(first.amounts.items(), reverse=True)
        if year in second.amounts
    ]


def _side_tie(first: list[Row], second: list[Row], tolerance) -> list[Check]:
    checks = []
    years = sorted({y for row in first for y in row.amounts}, reverse=True)
    for year in years:
        a = sum((row.amounts.get(year, Decimal(0)) for row in first), Decimal(0))
        b = sum((row.amounts.get(year, Decimal(0)) for row in second), Decimal(0))
        text = (
            f"The balance sheet does not tie in {year}: the {first[0].side} side's items add to "
            f"{rupees(a)}, the {second[0].side} side's to {rupees(b)}"
        )
        checks.append(
            Check(TIE, year, b, a, tolerance, place_of(first[0]), text, **_where(first[0]))
        )
    return checks


# -- 5. the year's profit reaches the balance sheet ----------------------------


def _profit_checks(rows: Sequence[Row], units) -> list[Check]:
    """The P&L's profit for the year against the profit the reserves or capital take in."""
    pnl = [row for row in rows if row.statement in (PROFIT_AND_LOSS, TRADING)]
    profit = next(
        (row for row in reversed(pnl) if _PROFIT_FACE.search(row.label) and row.column is None),
        None,
    )
    taken = [
        row
        for row in rows
        if row.statement == BALANCE_SHEET
        and _PROFIT_TAKEN.search(row.label)
        and row.column is None
        and (_counted(row) or (row.exclude_reason or "").startswith("group"))
    ]
    if profit is None or not taken:
        return []
    by_note: dict[tuple, list[Row]] = defaultdict(list)
    for row in taken:
        by_note[(row.note or row.section,)].append(row)
    tolerance = _tolerance([profit, *taken], units)
    checks = []
    for year, printed in sorted(profit.amounts.items(), reverse=True):
        sums = [
            sum((abs(row.amounts[year]) for row in group if year in row.amounts), Decimal(0))
            for group in by_note.values()
            if any(year in row.amounts for row in group)
        ]
        if not sums:
            continue
        computed = min(sums, key=lambda value: abs(value - abs(printed)))
        text = (
            f"The profit for {year} is {rupees(abs(printed))} in the statement of profit and loss "
            f"(“{profit.label.strip()}”, {place_of(profit)}), but the reserves or capital take "
            f"in {rupees(computed)} ({place_of(taken[0])})"
        )
        checks.append(
            Check(
                PROFIT,
                year,
                abs(printed),
                computed,
                tolerance,
                place_of(profit),
                text,
                **_where(profit),
            )
        )
    return checks
