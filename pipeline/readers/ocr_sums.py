"""The equations a statement's printed figures obey, for checking figures read by OCR.

1. A total is the sum of the items printed since the total before it in its
   block (a "Less:" item counts negative), or the last total plus or minus
   them, or the difference of two totals above it ("V. Profit before tax
   (III - IV)").
2. A face line the reader found expanded in its note equals the balance the
   note carries (it confirms both).
3. The balance sheet's two totals are equal.

Each equation is per year. The structure pass (pdf_structure) has already
marked the totals and the face lines; this module only writes down what
they imply, whether it holds, and what one figure would have to be for it
to hold.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pipeline.cma.money import group_indian
from pipeline.readers.document import BALANCE_SHEET
from pipeline.readers.pdf_state import Draft
from pipeline.readers.pdf_structure import TOTAL

FACE_TOTAL = "face total"
_LESS = re.compile(r"^\s*less\b", re.I)
Place = tuple[int, str]


@dataclass
class Equation:
    """`total` = sum of sign × member, in one year; `text` says it as the CA reads it."""

    total: Place
    members: list[tuple[Place, int, Decimal]]  # (place, sign, value read)
    printed: Decimal
    computed: Decimal
    tolerance: Decimal
    text: str

    @property
    def holds(self) -> bool:
        return abs(self.printed - self.computed) <= self.tolerance

    @property
    def places(self) -> list[Place]:
        return [self.total, *(place for place, _, _ in self.members)]

    def solve_for(self, place: Place) -> Decimal | None:
        """The value `place` must have for the equation to hold (None if it is not in it)."""
        difference = self.printed - self.computed
        if place == self.total:
            return self.computed
        for member, sign, value in self.members:
            if member == place:
                return value + sign * difference
        return None


def equations(drafts: Sequence[Draft], tolerance: Decimal) -> list[Equation]:
    """Every equation of the statement, rule by rule (see the module docstring)."""
    return [*_totals(drafts, tolerance), *_faces(drafts, tolerance), *_ties(drafts, tolerance)]


def _totals(drafts: Sequence[Draft], tolerance: Decimal) -> list[Equation]:
    runs: dict[tuple, list[int]] = defaultdict(list)
    totals: dict[tuple, list[int]] = defaultdict(list)
    found = []
    for index, draft in enumerate(drafts):
        if draft.item.exclude_reason == TOTAL:
            for year in draft.item.amounts:
                equation = _total(
                    drafts, index, year, runs[draft.block], totals[draft.block], tolerance
                )
                if equation is not None:
                    found.append(equation)
            totals[draft.block].append(index)
            runs[draft.block] = []
        elif _counts_in_sums(draft):
            runs[draft.block].append(index)
    return found


def _total(drafts, index, year, run: list[int], totals: list[int], tolerance) -> Equation | None:
    """The first reading of the total that holds; else the plain sum of the items above."""
    printed = drafts[index].item.amounts[year]
    members = [(i, _sign(drafts[i])) for i in run if year in drafts[i].item.amounts]
    candidates = [members[start:] for start in range(len(members))]
    if totals and year in drafts[totals[-1]].item.amounts:
        for sign in (1, -1):
            candidates.append([(totals[-1], 1), *((i, sign * s) for i, s in members)])
    if not members and len(totals) >= 2:
        a, b = totals[-2], totals[-1]
        if year in drafts[a].item.amounts and year in drafts[b].item.amounts:
            candidates += [[(a, 1), (b, -1)], [(b, 1), (a, -1)]]
    built = [_sum_equation(drafts, index, year, printed, c, tolerance) for c in candidates if c]
    return next((e for e in built if e.holds), built[0] if built else None)


def _sum_equation(drafts, index, year, printed, candidate, tolerance) -> Equation:
    members = [((i, year), sign, drafts[i].item.amounts[year]) for i, sign in candidate]
    computed = sum((sign * value for _, sign, value in members), Decimal(0))
    text = _total_text(drafts[index], year, computed, printed)
    return Equation((index, year), members, printed, computed, tolerance * len(members), text)


def _counts_in_sums(draft: Draft) -> bool:
    """An item, or a face line its note expands: both add up to the face's totals."""
    reason = draft.item.exclude_reason
    return not reason or reason.startswith(FACE_TOTAL)


def _sign(draft: Draft) -> int:
    return -1 if _LESS.match(draft.item.label) else 1


def _faces(drafts: Sequence[Draft], tolerance: Decimal) -> list[Equation]:
    """A face line the reader found expanded in its note, and the note's balance it carries.

    Only lines the structure pass linked: a face line whose note prints no
    balance equal to it may be detailed in several lines ('(A) micro
    enterprises', '(B) others' of one note), which is no error.
    """
    balances: dict[tuple[str, str], dict[Decimal, int]] = defaultdict(dict)
    for index, draft in enumerate(drafts):
        if not draft.face and draft.item.note and draft.balance:
            for year, value in draft.item.amounts.items():
                balances[(draft.item.note, year)].setdefault(value, index)
    found = []
    for index, draft in enumerate(drafts):
        if not (
            draft.face and draft.ref and (draft.item.exclude_reason or "").startswith(FACE_TOTAL)
        ):
            continue
        for year, printed in draft.item.amounts.items():
            match = _closest(balances.get((draft.ref, year), {}), printed, tolerance)
            if match is not None:
                value, total = match
                text = f"Note {draft.ref} carries ₹{_money(value)} in {year}"
                member = ((total, year), 1, value)
                found.append(Equation((index, year), [member], printed, value, tolerance, text))
    return found


def _closest(values: dict[Decimal, int], printed: Decimal, tolerance: Decimal):
    near = [(value, index) for value, index in values.items() if abs(value - printed) <= tolerance]
    return near[0] if near else None


def _ties(drafts: Sequence[Draft], tolerance: Decimal) -> list[Equation]:
    """The balance sheet's two grand totals ("TOTAL" under each side) agree."""
    grand = [
        index
        for index, draft in enumerate(drafts)
        if draft.face
        and draft.item.statement == BALANCE_SHEET
        and draft.item.exclude_reason == TOTAL
        and draft.item.label.strip().lower() in ("total", "grand total")
    ]
    if len(grand) != 2:
        return []
    first, second = (drafts[i].item.amounts for i in grand)
    return [
        Equation(
            (grand[1], year),
            [((grand[0], year), 1, first[year])],
            second[year],
            first[year],
            tolerance,
            f"The balance sheet's sides total ₹{_money(first[year])} and "
            f"₹{_money(second[year])} in {year}",
        )
        for year in first
        if year in second
    ]


def _total_text(draft: Draft, year: str, computed: Decimal, printed: Decimal) -> str:
    where = f"note {draft.item.note}" if draft.item.note else draft.item.section or "the statement"
    label = draft.item.label.strip() or "the total"
    return (
        f"The items of {where} add to ₹{_money(computed)} in {year}; "
        f"“{label}” shows ₹{_money(printed)}"
    )


def _money(value: Decimal) -> str:
    """Indian grouping, whole rupees: 12,34,567 (as statement_arithmetic words its checks)."""
    return ("-" if value < 0 else "") + group_indian(f"{abs(value):.0f}")
