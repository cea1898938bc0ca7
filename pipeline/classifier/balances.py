"""An item's sign against its siblings': a debit balance among creditors, a credit among debtors.

A party list prints its balances with one sign. A creditor printed with the
opposite sign of the other creditors of the same list is owed by the supplier
(an advance to a supplier, row 49); a debtor printed opposite the other
debtors has paid in advance (row 21). Where every line of a list is negative
(an export that prints credit balances negative) nothing is opposite, and
nothing moves.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.classifier.context import Candidate, ItemContext

OPPOSITES = {
    "sundry_creditors": "advances_to_suppliers",
    "receivables_domestic": "advances_from_customers",
}
RAW_OPPOSITE = 0.80
MIN_SIBLINGS = 2  # other lines of the list that show its usual sign


def sign_of(item: ItemContext) -> int:
    """+1 or -1 when every printed year has that sign, else 0."""
    amounts = [a for a in item.amounts.values() if a]
    if amounts and all(a > 0 for a in amounts):
        return 1
    if amounts and all(a < 0 for a in amounts):
        return -1
    return 0


def opposite_balances(
    items: Sequence[ItemContext], candidates: Sequence[Candidate | None]
) -> list[Candidate | None]:
    """The candidates, with a party's balance of the opposite sign moved to its counter-row."""
    signs: dict[tuple, list[int]] = {}
    for item, candidate in zip(items, candidates, strict=True):
        if candidate is not None and candidate.cma_key in OPPOSITES:
            signs.setdefault(_list(item, candidate), []).append(sign_of(item))
    result = list(candidates)
    for index, (item, candidate) in enumerate(zip(items, candidates, strict=True)):
        if candidate is None or candidate.cma_key not in OPPOSITES or sign_of(item) >= 0:
            continue
        usual = signs[_list(item, candidate)].count(1)
        if usual < MIN_SIBLINGS:
            continue
        target = OPPOSITES[candidate.cma_key]
        evidence = (
            f"Printed negative among {usual} positive {candidate.cma_key.replace('_', ' ')}: "
            f"the opposite balance -> {target} (sign -1)."
        )
        alternatives = [(candidate.cma_key, 0.0)]
        raw = min(candidate.raw, RAW_OPPOSITE)
        result[index] = Candidate(
            target, -1, raw, evidence, candidate.layer, "rule", None, alternatives
        )
    return result


def _list(item: ItemContext, candidate: Candidate) -> tuple:
    return (item.file, item.sheet, item.section, item.tally_group, candidate.cma_key)
