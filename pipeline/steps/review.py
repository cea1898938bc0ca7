"""Step 3: ask a CA about the items the classifier was unsure of, the figures OCR read
that the arithmetic did not confirm, and about nothing else."""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from pipeline.errors import StepResult
from pipeline.models import Classification, LineItem
from pipeline.options import PipelineOptions
from pipeline.steps.amount_items import prepare_amount_items, sync_amount_items
from projects.models import Project
from reviews.models import ReviewItem
from reviews.questions import pending_questions

PENDING = Classification.Decision.PENDING


def run(project: Project, options: PipelineOptions) -> StepResult:
    """Make a review item of every pending classification of `project` that counts,
    and one of every row with figures OCR read that a CA must confirm (amount_items).

    1. Keep the project's review items whose printed row still exists, relinked to
       its current line item (extraction replaces line items; a CA's decision on
       the same row stays), and drop the others.
    2. Create an item for each pending classification without one; refresh the
       proposal of items still pending; drop undecided items no longer pending.
    3. With options.skip_review, approve what is pending as classified (marked
       unreviewed); otherwise earlier unreviewed approvals go back to pending.

    Idempotent: running it twice leaves the same rows. needs_review when any
    item awaits a CA.
    """
    amounts = prepare_amount_items(project, fingerprint)  # renders crops: no transaction
    with transaction.atomic():
        rows = _rows_by_fingerprint(project)
        kept = _relink(project, rows)
        created = _sync(project, rows, kept) + sync_amount_items(project, amounts)
        if options.skip_review:
            approved = _approve_unreviewed(project)
        else:
            approved = 0
            _reopen_unreviewed(project)
        pending = project.review_items.pending().count()
        questions = pending_questions(project)
    return _result(pending, questions, created, approved, options.skip_review)


def fingerprint(line_item: LineItem) -> str:
    """The identity of a printed row across extractions: file, place, wording and amounts."""
    parts = [
        line_item.source_file.sha256,
        line_item.sheet,
        line_item.page,
        line_item.row,
        line_item.position,
        line_item.statement,
        line_item.section,
        line_item.note,
        line_item.label,
        json.dumps(line_item.amounts, sort_keys=True),
    ]
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def _rows_by_fingerprint(project: Project) -> dict[str, LineItem]:
    items = LineItem.objects.filter(project=project).select_related("source_file", "classification")
    return {fingerprint(item): item for item in items}


def _relink(project: Project, rows: dict[str, LineItem]) -> dict[str, ReviewItem]:
    items = list(project.review_items.filter(kind=ReviewItem.Kind.CLASSIFICATION))
    gone = [item.pk for item in items if item.fingerprint not in rows]
    ReviewItem.objects.filter(pk__in=gone).delete()  # first: frees their line items
    kept = {}
    for item in items:
        line_item = rows.get(item.fingerprint)
        if line_item is None:
            continue
        if item.line_item_id != line_item.pk:
            item.line_item = line_item
            item.save(update_fields=["line_item", "updated_at"])
        kept[item.fingerprint] = item
    return kept


def _sync(project: Project, rows: dict[str, LineItem], kept: dict[str, ReviewItem]) -> int:
    """Create, refresh or drop the undecided items; a CA's decision is never touched here."""
    new = []
    for key, line_item in rows.items():
        classification = _classification_of(line_item)
        # An item whose every year a later statement gives counts nowhere: no CA need look.
        awaiting = (
            classification is not None
            and classification.decision == PENDING
            and bool(line_item.counts_for)
        )
        item = kept.get(key)
        if item is None:
            if awaiting:
                new.append(propose(ReviewItem(project=project, line_item=line_item), key))
        elif item.is_pending or item.unreviewed:
            if awaiting:
                _refresh(item, key)
            else:
                item.delete()
    ReviewItem.objects.bulk_create(new)
    return len(new)


def _classification_of(line_item: LineItem) -> Classification | None:
    try:
        return line_item.classification
    except ObjectDoesNotExist:
        return None


def propose(item: ReviewItem, key: str) -> ReviewItem:
    """Copy what the classifier proposes: the CA's screen shows this snapshot."""
    classification = item.line_item.classification
    item.fingerprint = key
    item.proposed_key = classification.cma_key
    item.proposed_sign = classification.sign
    item.confidence = classification.confidence
    item.evidence = classification.evidence
    item.alternatives = classification.alternatives or []
    return item


def _refresh(item: ReviewItem, key: str) -> None:
    before = (item.proposed_key, item.proposed_sign, item.confidence, item.evidence)
    propose(item, key)
    if before != (item.proposed_key, item.proposed_sign, item.confidence, item.evidence):
        item.save()


def _approve_unreviewed(project: Project) -> int:
    """skip_review: every pending item with a proposed row counts as classified, and
    every amount to confirm as read (both marked unreviewed: no CA looked at them)."""
    for item in project.review_items.pending().filter(kind=ReviewItem.Kind.AMOUNT):
        item.status, item.amounts_confirmed = ReviewItem.Status.CONFIRMED, item.amounts_read
        item.unreviewed, item.decided_by, item.decided_at = True, None, timezone.now()
        item.save()
    return (
        project.review_items.pending()
        .exclude(proposed_key="")
        .update(
            status=ReviewItem.Status.APPROVED,
            cma_key=F("proposed_key"),
            sign=F("proposed_sign"),
            unreviewed=True,
            decided_by=None,
            decided_at=timezone.now(),
            updated_at=timezone.now(),
        )
    )


def _reopen_unreviewed(project: Project) -> None:
    project.review_items.filter(unreviewed=True).update(
        status=ReviewItem.Status.PENDING,
        cma_key="",
        amounts_confirmed={},
        unreviewed=False,
        decided_at=None,
        updated_at=timezone.now(),
    )


def _items(count: int) -> str:
    return f"{count} item{'' if count == 1 else 's'}"


def _result(pending: int, questions: int, created: int, approved: int, skipped: bool) -> StepResult:
    """`pending` counts questions, as the CA sees them (a row printed in two files is
    asked once); `pending_items` the review items behind them."""
    counts = {
        "pending": questions,
        "pending_items": pending,
        "created": created,
        "approved_unreviewed": approved,
    }
    if skipped:
        problems = []
        if pending:
            one = pending == 1
            problems = [
                f"{_items(pending)} {'has' if one else 'have'} no proposed row and "
                f"{'was' if one else 'were'} not approved; validation flags "
                f"{'it' if one else 'them'} until a CA decides."
            ]
        summary = f"Review skipped: {_items(approved)} approved as classified"
        return StepResult(summary=summary, counts=counts, problems=problems)
    if pending:
        summary = f"{_items(questions)} {'awaits' if questions == 1 else 'await'} a CA's review"
        return StepResult(summary=summary, counts=counts, needs_review=True)
    return StepResult(summary="No item needs review", counts=counts)
