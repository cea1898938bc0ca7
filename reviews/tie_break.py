"""Where a failed validation's balance sheet breaks, and the items most likely to explain it.

A balance sheet that does not tie after classification is mostly one item misplaced:
on the wrong side (the gap is twice the item), a total counted beside its parts or a
profit and loss item on a balance-sheet row (the gap is the item). The review screen
lists such items with a link to each, so the CA fixes the placement and re-validates
without hunting through the statements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.classifier.sections import ASSET_KEYS, LIABILITY_KEYS, same_statement
from pipeline.mapping import EffectiveItem, effective_items
from projects.models import Project
from reviews.money import format_inr
from reviews.rows import row_title

MAX_SUSPECTS = 8


@dataclass(frozen=True)
class Suspect:
    label: str
    where: str  # "audited-fy2025.pdf · page 7"
    row: str  # "51 Other current assets"
    amount: str  # "₹12,34,567.00"
    why: str
    line_item_id: int
    review_item_id: int | None  # None: auto-approved, the CA reopens it to decide


@dataclass
class Break:
    year: str
    message: str
    suspects: list[Suspect] = field(default_factory=list)


def breaks_of(project: Project) -> list[Break]:
    """Each year whose balance sheet does not tie, with its likely causes, best first."""
    failing = project.findings.filter(code="balance_sheet_mismatch", level="error")
    if not failing:
        return []
    items = effective_items(project)
    return [
        Break(f.year, f.message, suspects(items, f.year, Decimal(str(f.details["difference"]))))
        for f in failing
    ]


def suspects(items: list[EffectiveItem], year: str, difference: Decimal) -> list[Suspect]:
    """Items whose placement explains `difference` (total assets − total liabilities)."""
    larger = ASSET_KEYS if difference > 0 else LIABILITY_KEYS
    gap = abs(difference)
    ranked: list[tuple[int, Suspect]] = []
    for item in items:
        for key, value in _placed(item, year):
            if key not in ASSET_KEYS and key not in LIABILITY_KEYS:
                continue
            why, rank = _why(item, key, value, key in larger, gap)
            if why:
                ranked.append((rank, _suspect(item, key, value, why)))
    ranked.sort(key=lambda pair: pair[0])
    return [suspect for _, suspect in ranked[:MAX_SUSPECTS]]


def _placed(item: EffectiveItem, year: str) -> list[tuple[str, Decimal]]:
    """(row, signed amount) the item counts in that year; a pending item's proposal too,
    since it counts nowhere until decided."""
    if item.decision == "pending" and item.cma_key and year in item.amounts:
        return [(item.cma_key, item.sign * item.amounts[year])]
    return [(key, years[year]) for key, years in item.contributions().items() if year in years]


def _why(item: EffectiveItem, key: str, value: Decimal, on_larger: bool, gap: Decimal):
    def near(target: Decimal) -> bool:
        return abs(abs(value) - target) <= max(Decimal(100), gap / 1000)

    adds_to_larger = on_larger == (value > 0)
    if item.decision == "pending":
        if near(gap) and not adds_to_larger:
            return "Still pending, so counted nowhere: once decided it closes the gap.", 0
        return "", 0
    other_statement = not same_statement(item.statement or None, key)
    if other_statement and near(gap):
        return "A profit and loss item on a balance-sheet row, and the gap equals it.", 0
    if near(gap / 2) and adds_to_larger:
        return "The gap is twice this item: it is probably on the wrong side.", 1
    if near(gap) and adds_to_larger:
        return "The gap equals this item: a total counted beside its parts, or misplaced.", 2
    if other_statement:
        return "A profit and loss item on a balance-sheet row.", 3
    return "", 0


def _suspect(item: EffectiveItem, key: str, value: Decimal, why: str) -> Suspect:
    where = item.file + (f" · page {item.page}" if item.page else "")
    where += f" · sheet {item.sheet}" if item.sheet else ""
    return Suspect(
        label=item.label,
        where=where,
        row=row_title(key),
        amount=format_inr(value),
        why=why,
        line_item_id=item.id,
        review_item_id=item.review_item_id,
    )
