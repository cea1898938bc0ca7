"""Where each line item finally counts, after the classifier and the CA.

The one reading of classifications and review decisions that the validate and
generate steps and the JSON export's `line_items` share, so that they never
disagree about a row. A CA's decision wins over the classifier's proposal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist

from pipeline.models import Classification, LineItem
from projects.models import Project
from reviews.models import ReviewItem
from reviews.money import amounts_of, to_decimal

AUTO = "auto"  # approved by confidence (or approved as classified when review was skipped)
APPROVED = "approved"  # a CA confirmed the proposed row
RECLASSIFIED = "reclassified"  # a CA chose another row
SPLIT = "split"  # a CA divided the amount across rows: see `parts`
PENDING = "pending"  # nobody decided yet: validation flags it, nothing counts
EXCLUDED = "excluded"  # a total already counted, or a CA's exclusion: see `reason`
COUNTED = (AUTO, APPROVED, RECLASSIFIED, SPLIT)


@dataclass(frozen=True)
class Part:
    """One row's portion of a split item: the portion per year, before the sign."""

    cma_key: str
    sign: int
    amounts: dict[str, Decimal]
    share: Decimal | None = None  # None when the CA gave amounts per year


@dataclass(frozen=True)
class EffectiveItem:
    """A line item with its provenance and the row it counts in.

    `cma_key` is None for split (see `parts`), excluded and unclassified items;
    for a pending item it is the classifier's proposal, which does not count.
    """

    id: int  # the LineItem's id
    label: str
    file: str
    page: int | None
    sheet: str
    row: int | None
    statement: str
    section: str
    note: str
    amounts: dict[str, Decimal]
    counts_for: tuple[str, ...]  # years this item's document counts for (the later one wins)
    decision: str
    cma_key: str | None
    sign: int
    confidence: float | None
    evidence: str = ""
    reason: str = ""  # why excluded
    parts: tuple[Part, ...] = field(default_factory=tuple)
    review_item_id: int | None = None
    decided_by: str | None = None  # the CA's email
    decided_at: datetime | None = None

    @property
    def counts(self) -> bool:
        return self.decision in COUNTED

    def contributions(self) -> dict[str, dict[str, Decimal]]:
        """{cma_key: {year: sign × amount}} for the years in `counts_for`; empty unless counted."""
        if not self.counts:
            return {}
        portions = self.parts or (Part(self.cma_key or "", self.sign, self.amounts),)
        result: dict[str, dict[str, Decimal]] = {}
        for part in portions:
            row = result.setdefault(part.cma_key, {})
            for year in self.counts_for:
                if year in part.amounts:
                    row[year] = row.get(year, Decimal(0)) + part.sign * part.amounts[year]
        return result


def effective_items(project: Project) -> list[EffectiveItem]:
    """Every line item of `project`, in printed order, with the row it finally counts in."""
    items = (
        LineItem.objects.filter(project=project)
        .select_related("source_file", "classification", "review_item__decided_by")
        .prefetch_related("amount_reviews")
        .order_by("source_file_id", "position")
    )
    return [_effective(item) for item in items]


def _effective(item: LineItem) -> EffectiveItem:
    classification = _related(item, "classification")
    review = _related(item, "review_item")
    base = {
        "id": item.pk,
        "label": item.label,
        "file": item.source_file.original_name,
        "page": item.page,
        "sheet": item.sheet,
        "row": item.row,
        "statement": item.statement,
        "section": item.section,
        "note": item.note,
        "amounts": _confirmed_amounts(item),
        "counts_for": tuple(item.counts_for or ()),
        "confidence": classification.confidence if classification else None,
        "evidence": classification.evidence if classification else "",
    }
    if review is not None and not review.is_pending:
        return EffectiveItem(**base, **_reviewed(review))
    return EffectiveItem(**base, **_classified(item, classification, review))


def _confirmed_amounts(item: LineItem) -> dict[str, Decimal]:
    """The amounts as printed, with the figures a CA confirmed or corrected on a scan."""
    amounts = amounts_of(item.amounts)
    for review in item.amount_reviews.all():
        if not review.is_pending:
            amounts.update(amounts_of(review.amounts_confirmed))
    return amounts


def _related(item: LineItem, name: str):
    try:
        return getattr(item, name)
    except ObjectDoesNotExist:
        return None


def _reviewed(review: ReviewItem) -> dict:
    decided = {
        "review_item_id": review.pk,
        "decided_by": review.decided_by.email if review.decided_by else None,
        "decided_at": review.decided_at,
        "sign": review.sign,
    }
    status = review.status
    if status == ReviewItem.Status.APPROVED:
        decision = AUTO if review.unreviewed else APPROVED
        return {**decided, "decision": decision, "cma_key": review.cma_key}
    if status == ReviewItem.Status.RECLASSIFIED:
        return {**decided, "decision": RECLASSIFIED, "cma_key": review.cma_key}
    if status == ReviewItem.Status.SPLIT:
        parts = tuple(_part(part) for part in review.split)
        return {**decided, "decision": SPLIT, "cma_key": None, "sign": 1, "parts": parts}
    return {**decided, "decision": EXCLUDED, "cma_key": None, "reason": review.exclude_reason}


def _part(stored: dict) -> Part:
    share = stored.get("share")
    return Part(
        cma_key=stored["cma_key"],
        sign=int(stored.get("sign", 1)),
        amounts=amounts_of(stored.get("amounts", {})),
        share=to_decimal(share) if share is not None else None,
    )


def _classified(item: LineItem, classification, review: ReviewItem | None) -> dict:
    pending_review = {"review_item_id": review.pk} if review is not None else {}
    if classification is None:
        if item.exclude_reason:  # a total the reader recognised, never classified
            return {"decision": EXCLUDED, "cma_key": None, "sign": 1, "reason": item.exclude_reason}
        return {"decision": PENDING, "cma_key": None, "sign": 1}
    if classification.decision == Classification.Decision.AUTO:
        return {"decision": AUTO, "cma_key": classification.cma_key, "sign": classification.sign}
    if classification.decision == Classification.Decision.EXCLUDED:
        reason = classification.exclude_reason or item.exclude_reason
        return {"decision": EXCLUDED, "cma_key": None, "sign": 1, "reason": reason}
    return {
        **pending_review,
        "decision": PENDING,
        "cma_key": classification.cma_key or None,
        "sign": classification.sign,
    }
