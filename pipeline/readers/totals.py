"""Totals found by arithmetic, the way a CA checks a statement by running a finger down it.

A statement prints totals under many names or none ('TOTAL', 'III. Total
income (I + II)', 'V. Profit before tax (III - IV)', a blank-labelled
sub-total, 'Net (increase) / decrease'); what they share is arithmetic. A row
is a total when, in every year it gives, its amount is

1. the sum of the items printed since a heading or an earlier total
   (a 'Less:' item counts negative), or
2. the last total plus or minus the items printed since it, or
3. the difference of the last two totals (III - IV; in a balance sheet only
   after a 'Less:' heading: current assets less current liabilities), or
4. for a row that says 'total' (or has no label at all), the one item above it, or
   the last few items above it (a sub-total printed beside the last of them).

A short label that says it is a total ('Total', 'Total expenses (IV)') is one
even when it does not tie: the statement has an error, and it is still a total.

Subtraction (2 with minus, 3) is how a profit and loss account and its
notes flow; a balance sheet's sides are plain sums, and there the last asset
always equals the liabilities' total less the other assets, so `flows=False`
turns subtraction off.

Statements in lakhs round each figure, so sums may differ by one unit of the
last printed decimal (`tolerance`). A closing balance is never a total: it is
the balance a movement (opening + additions - deductions) arrives at.
"""

from __future__ import annotations

import re
from decimal import Decimal

Amounts = dict[str, Decimal]

_CLOSING = re.compile(
    r"closing balance|balance (?:at|as at|as on) the end|balance c/[df]|carried (?:forward|over)",
    re.IGNORECASE,
)
_LESS = re.compile(r"^\W*less\b", re.IGNORECASE)
_TOTAL_CUE = re.compile(r"^(?:sub[- ]?|grand )?total\b", re.IGNORECASE)
_LEADING_MARKER = re.compile(r"^\s*(?:\(?[a-z0-9]{1,4}[.)]\s+|\([a-z0-9]{1,4}\)\s*)", re.IGNORECASE)


def says_total(label: str) -> bool:
    """'Total', 'III. Total income', 'Sub-total': a label that announces a total."""
    return bool(_TOTAL_CUE.match(_LEADING_MARKER.sub("", label).strip()))


def is_plain_total(label: str) -> bool:
    """'Total', 'TOTAL', 'Total expenses (IV)', 'Total as per note': a total even when it
    does not tie (a statement with an error), unlike '(A) total outstanding dues of ...'."""
    words = re.sub(r"\([^)]*\)", " ", _LEADING_MARKER.sub("", label)).split()
    return says_total(label) and len(words) <= 4


def is_closing_balance(label: str) -> bool:
    return bool(_CLOSING.search(label))


class TotalFinder:
    """Feed it a block's rows in printed order; it says which are totals."""

    def __init__(self, tolerance: Decimal = Decimal(0), flows: bool = True) -> None:
        self.tolerance, self.flows = tolerance, flows
        self.items: list[Amounts] = []
        self.totals: list[Amounts] = []
        self.starts: list[int] = [0]  # item positions where a heading or total began a run
        self.since_total = 0  # items since the last total
        self.netting = False  # under a 'Less:' heading: the next total may subtract
        self.less_start: int | None = None  # where the items under that heading begin

    def heading(self, label: str = "") -> None:
        """A heading opens a run; 'Less: Current liabilities and provisions' opens the run
        that the next total subtracts (old Schedule VI's net current assets)."""
        self.starts.append(len(self.items))
        self.netting = bool(_LESS.match(label))
        self.less_start = len(self.items) if self.netting else None

    def is_total(self, label: str, amounts: Amounts) -> bool:
        """Whether the row is a total; records it either way."""
        total = (
            bool(amounts)
            and not is_closing_balance(label)
            and (self.explains(label, amounts) or is_plain_total(label))
        )
        self.record(label, amounts, total)
        return total

    def explains(self, label: str, amounts: Amounts) -> bool:
        """Whether one of the rules makes the row's amounts a total of the rows before it."""
        return self.explanation(label, amounts) is not None

    def explanation(self, label: str, amounts: Amounts) -> Amounts | None:
        """The sum, by the first rule that makes the row a total, that its amounts equal."""
        if not amounts or is_closing_balance(label):
            return None
        single = says_total(label) or not label.strip()
        return next((c for c in self._candidates(single) if self._equal(amounts, c)), None)

    def record(self, label: str, amounts: Amounts, total: bool) -> None:
        """Take the row in as a total or as an item (a 'Less:' item counts negative)."""
        if total and self.netting and not self.since_total and self.less_start is not None:
            # the net total just subtracted the 'Less:' run: its items count negative above it
            for index in range(self.less_start, len(self.items)):
                self.items[index] = {year: -value for year, value in self.items[index].items()}
            self.netting, self.less_start = False, None
        if total:
            self.totals.append(amounts)
            self.starts.append(len(self.items))
            self.since_total = 0
        else:
            sign = Decimal(-1) if _LESS.match(label) else Decimal(1)
            self.items.append({year: sign * value for year, value in amounts.items()})
            self.since_total += 1

    def run_since_total(self) -> Amounts:
        """The plain sum of the items since the last total: what a total would say."""
        return self._sum(self.items[len(self.items) - self.since_total :])

    def _candidates(self, single: bool):
        count = len(self.items)
        if single and self.since_total:
            yield self.items[-1]
            # a sub-total of the last few items (printed beside the last of them)
            run: Amounts = dict(self.items[-1])
            for row in reversed(self.items[count - self.since_total : count - 1]):
                run = self._sum([row, run])
                yield run
        for start in sorted(set(self.starts)):
            run = count - start
            if run >= 2 or (run == 1 and single):
                yield self._sum(self.items[start:])
        if self.totals and self.since_total:
            run = self._sum(self.items[count - self.since_total :])
            yield _combine(self.totals[-1], run, 1)
            if self.flows:
                yield _combine(self.totals[-1], run, -1)
        if (self.flows or self.netting) and len(self.totals) >= 2 and not self.since_total:
            yield _combine(self.totals[-2], self.totals[-1], -1)
            if self.flows:
                yield _combine(self.totals[-1], self.totals[-2], -1)

    @staticmethod
    def _sum(rows: list[Amounts]) -> Amounts:
        summed: Amounts = {}
        for row in rows:
            for year, value in row.items():
                summed[year] = summed.get(year, Decimal(0)) + value
        return summed

    def _equal(self, amounts: Amounts, candidate: Amounts) -> bool:
        return all(
            year in candidate and abs(candidate[year] - value) <= self.tolerance
            for year, value in amounts.items()
        ) and any(value != 0 for value in amounts.values())


def _combine(first: Amounts, second: Amounts, sign: int) -> Amounts:
    return {year: first[year] + sign * second.get(year, Decimal(0)) for year in first}
