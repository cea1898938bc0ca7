"""The figures of sub-rows given as amounts: what part of a row's line items is what.

A sub-row ("of which: deferred tax") is never a classification target; its
parent row is, and keeps its meaning. The part is read from the line items
counted in the parent whose printed label names it, as Schedule III prints
them ("Deferred tax", "Deferred tax liabilities (net)"). A deferred tax
asset is counted in row 60, never in row 34, so it is not a part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from pipeline.cma.compute import Ledger
from pipeline.cma.model import Contribution, LineItem

_DEFERRED_TAX = re.compile(r"\bdeferred\s+tax", re.IGNORECASE)

# part key -> (the row counting its line items, the label that names it)
PARTS: dict[str, tuple[str, re.Pattern]] = {
    "tax_deferred": ("tax", _DEFERRED_TAX),
    "deferred_tax_liability": ("other_term_liabilities", _DEFERRED_TAX),
}


def fill_parts(
    ledger: Ledger, contributions: Sequence[Contribution], line_items: Iterable[LineItem]
) -> None:
    """Set each part of each actual year from its parent's named line items."""
    labels = {item.id: item.label for item in line_items}
    totals = {key: dict.fromkeys(ledger.years, Decimal(0)) for key in PARTS}
    for item in contributions:
        label = labels.get(item.item_id or "", "")
        for key, (parent, names) in PARTS.items():
            if item.cma_key != parent or not names.search(label):
                continue
            for year in item.counts_for:
                if year in totals[key]:
                    totals[key][year] += item.sign * Decimal(item.amounts[year])
    for year in ledger.years:
        ledger.set_inputs(year, {key: totals[key][year] for key in PARTS})
