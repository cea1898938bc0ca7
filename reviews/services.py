"""What a CA does to review items, and what the firm learns from it.

One function per decision, with the acting user, leaving an audit row. The
review screen, the API and the admin all call these; none of them writes a
ReviewItem or a RememberedDecision itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from pipeline.models import LineItem
from pipeline.steps.review import fingerprint, propose
from projects import audit
from projects.access import require_review_role
from projects.models import Firm, Project, Role
from projects.services import Conflict, ServiceError
from reviews.memory import context_text, keys_for
from reviews.models import RememberedDecision, ReviewItem
from reviews.money import BadAmount, amounts_of, format_inr, to_rupees
from reviews.questions import question_key
from reviews.rows import crosses_statements, is_input_key, row_title
from reviews.splits import SplitError, normalise_split

Status = ReviewItem.Status
DECISIONS = ("approve", "reclassify", "split", "exclude", "confirm")
_REMEMBERED = (Status.RECLASSIFIED, Status.EXCLUDED)  # what the firm learns from
MAX_REASON = 500


class InvalidDecision(ServiceError):
    """A decision that cannot be applied; `errors` lists every reason (a split may have several)."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or [message]


# A bulk approval leaves out a proposal this unsure: the CA decides it on its own.
BULK_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class BulkApproval:
    approved: int
    left: int  # still pending in the project afterwards (items with no proposed row, others)
    other_statement: int = 0  # left out: proposed for another statement's row
    unsure: int = 0  # left out: proposed below BULK_MIN_CONFIDENCE


def held_from_bulk(item: ReviewItem) -> str:
    """Why a bulk approval leaves this pending item to the CA ("" when it may take it).

    A proposal on another statement's row (sales on a balance-sheet row) or one the
    classifier is unsure of must be looked at: approving it unread sends a wrong row
    to the bank.
    """
    if not item.proposed_key:
        return "no_row"
    if crosses_statements(item.row.statement, item.proposed_key):
        return "other_statement"
    if item.confidence is not None and item.confidence < BULK_MIN_CONFIDENCE:
        return "unsure"
    if rival_of(item):
        return "unsure"
    return ""


def rival_of(item: ReviewItem) -> str:
    """The key of an alternative rated above the proposal itself ("" when none is): the
    classifier contradicts itself, so the CA is asked which."""
    mine = item.confidence or 0.0
    rivals = [
        alt
        for alt in item.alternatives
        if alt.get("cma_key")
        and alt["cma_key"] != item.proposed_key
        and (alt.get("confidence") or 0.0) > mine
    ]
    return max(rivals, key=lambda alt: alt["confidence"])["cma_key"] if rivals else ""


class Remembered(NamedTuple):
    """One remembered decision as the classifier's layer 1 loads it.

    The fields, in this order, are those of pipeline.classifier.memory.Remembered,
    so `Memory(remembered_for(firm))` takes the list as it is.
    """

    label: str  # label_key of the printed label
    context: str  # context_key of where it was printed
    cma_key: str | None  # None: the firm excludes this item
    sign: int


def approve_item(item: ReviewItem, *, acting_user) -> ReviewItem:
    """Confirm the proposed row and sign."""
    _require_decidable(item, acting_user)
    if not item.proposed_key:
        raise InvalidDecision("Nothing was proposed for this item: choose a row or exclude it.")
    return _decide(
        item, acting_user, Status.APPROVED, cma_key=item.proposed_key, sign=item.proposed_sign
    )


def reclassify_item(
    item: ReviewItem, *, cma_key: str, sign: int | None = None, acting_user
) -> ReviewItem:
    """Move the item to another input row; the sign defaults to the proposed one.

    Choosing the proposed row and sign is an approval. The firm remembers the
    new row for this label in this context.
    """
    _require_decidable(item, acting_user)
    sign = item.proposed_sign if sign is None else sign
    if not cma_key or not is_input_key(cma_key):
        raise InvalidDecision(
            f"{cma_key!r} is not an input row of the CMA: choose one of its rows."
        )
    if sign not in (1, -1):
        raise InvalidDecision("sign must be 1 (adds to the row) or -1 (subtracts from it).")
    if cma_key == item.proposed_key and sign == item.proposed_sign:
        return approve_item(item, acting_user=acting_user)
    return _decide(item, acting_user, Status.RECLASSIFIED, cma_key=cma_key, sign=sign)


def split_item(item: ReviewItem, *, parts: list, acting_user) -> ReviewItem:
    """Divide the item's amount across rows, by shares or by amounts per year (reviews.splits)."""
    _require_decidable(item, acting_user)
    try:
        stored = normalise_split(parts, amounts_of(item.line_item.amounts))
    except SplitError as error:
        raise InvalidDecision(f"The split does not add up: {error}", error.errors) from None
    return _decide(item, acting_user, Status.SPLIT, split=stored)


def exclude_item(item: ReviewItem, *, reason: str, acting_user) -> ReviewItem:
    """Leave the item out of the CMA (a total already counted, a memo line), saying why."""
    _require_decidable(item, acting_user)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidDecision("Say why the item is excluded (for example: a total of note 9).")
    if len(reason) > MAX_REASON:
        raise InvalidDecision(f"Keep the reason under {MAX_REASON} characters.")
    return _decide(item, acting_user, Status.EXCLUDED, reason=reason)


def decide_item(
    item: ReviewItem,
    *,
    decision: str,
    acting_user,
    cma_key: str | None = None,
    sign: int | None = None,
    split: list | None = None,
    reason: str = "",
    amounts: dict | None = None,
) -> ReviewItem:
    """One entry point for the screen and the API: `decision` is one of DECISIONS.

    An amount to confirm takes "confirm" with the figures per year (`amounts`,
    the years not given as read), or "approve": every figure as read.
    """
    if item.is_amount:
        if decision not in ("confirm", "approve"):
            raise InvalidDecision("An amount to confirm is confirmed: give the amounts per year.")
        return confirm_amounts(item, amounts=amounts or {}, acting_user=acting_user)
    if decision == "confirm":
        raise InvalidDecision("Only an amount to confirm is confirmed; choose a row or exclude.")
    if decision == "approve":
        return approve_item(item, acting_user=acting_user)
    if decision == "reclassify":
        return reclassify_item(item, cma_key=cma_key or "", sign=sign, acting_user=acting_user)
    if decision == "split":
        return split_item(item, parts=split or [], acting_user=acting_user)
    if decision == "exclude":
        return exclude_item(item, reason=reason, acting_user=acting_user)
    raise InvalidDecision(f"decision must be one of {', '.join(DECISIONS)}.")


def confirm_amounts(item: ReviewItem, *, amounts: dict, acting_user) -> ReviewItem:
    """The CA's figures for a row OCR read: corrected where they differ from what was read.

    `amounts` maps years (of the figures asked about) to rupees; a year left
    out is confirmed as read. The corrected figures are what the CMA counts
    (pipeline.mapping); the line item keeps what was read, for the record.
    """
    _require_decidable(item, acting_user)
    unknown = sorted(set(amounts) - set(item.amounts_read))
    if unknown:
        asked = ", ".join(sorted(item.amounts_read))
        raise InvalidDecision(f"Only the figures of {asked} are asked about, not {unknown}.")
    try:
        given = {year: str(to_rupees(value)) for year, value in amounts.items()}
    except BadAmount as error:
        raise InvalidDecision(f"{error}: give the amount in rupees, e.g. 1234567.00.") from None
    confirmed = {**item.amounts_read, **given}
    changed = {
        y: v for y, v in confirmed.items() if to_rupees(v) != to_rupees(item.amounts_read[y])
    }
    with transaction.atomic():
        list(_locked(ReviewItem.objects.filter(pk=item.pk)).values_list("id"))
        previous = item.status
        item.status = Status.CORRECTED if changed else Status.CONFIRMED
        item.amounts_confirmed = confirmed
        item.unreviewed = False
        item.decided_by, item.decided_at = acting_user, timezone.now()
        item.save()
        audit.record(
            audit.REVIEW_DECIDED,
            firm=item.project.firm,
            project=item.project,
            actor=acting_user,
            message=_amounts_message(item, changed),
            item=item.pk,
            line_item=item.amount_line_id,
            label=item.amount_line.label,
            decision=item.status,
            amounts_read=item.amounts_read,
            amounts_confirmed=confirmed,
            previous_status=previous,
        )
    return item


def _amounts_message(item: ReviewItem, changed: dict) -> str:
    label = item.amount_line.label
    if not changed:
        return f"Confirmed the amounts of “{label}” as read"
    fixes = ", ".join(
        f"{year}: {format_inr(item.amounts_read[year])} → {format_inr(value)}"
        for year, value in sorted(changed.items())
    )
    return f"Corrected the amounts of “{label}” ({fixes})"


def approve_all(project: Project, *, acting_user, section: str | None = None) -> BulkApproval:
    """Approve every pending item of the project (or of one section) whose proposal may be
    taken unread (`held_from_bulk`); the others stay pending and are counted.

    Only items still pending are touched, in one conditional UPDATE, so a decision
    another CA made a moment ago is never overwritten.
    """
    _require_reviewer(project, acting_user)
    with transaction.atomic():
        pending = project.review_items.pending().exclude(proposed_key="")
        if section is not None:
            pending = pending.in_section(section)
        locked = _locked(pending.select_related("line_item", "amount_line"))
        held = {item.pk: held_from_bulk(item) for item in locked}
        ids = [pk for pk, why in held.items() if not why]
        approved = ReviewItem.objects.filter(id__in=ids, status=Status.PENDING).update(
            status=Status.APPROVED,
            cma_key=F("proposed_key"),
            sign=F("proposed_sign"),
            split=[],
            exclude_reason="",
            unreviewed=False,
            decided_by=acting_user,
            decided_at=timezone.now(),
            updated_at=timezone.now(),
        )
        audit.record(
            audit.REVIEW_BULK_APPROVED,
            firm=project.firm,
            project=project,
            actor=acting_user,
            message=_bulk_message(approved, section),
            section=section,
            count=approved,
            items=ids,
        )
    reasons = list(held.values())
    return BulkApproval(
        approved=approved,
        left=project.review_items.pending().count(),
        other_statement=reasons.count("other_statement"),
        unsure=reasons.count("unsure"),
    )


def move_items(
    project: Project, item_ids: list[int], *, cma_key: str, sign: int | None, acting_user
) -> int:
    """Move several pending items to one row at once (each as `reclassify_item` would);
    the number moved. Items already decided, or of another project, are left alone."""
    _require_reviewer(project, acting_user)
    chosen = (
        project.review_items.pending()
        .linked()
        .filter(pk__in=item_ids, kind=ReviewItem.Kind.CLASSIFICATION)
    )
    moved = 0
    for item in chosen.select_related("project__firm", "line_item__source_file"):
        item.refresh_from_db(fields=["status"])
        if item.is_pending:  # an earlier one's answer may have settled it (same question)
            reclassify_item(item, cma_key=cma_key, sign=sign, acting_user=acting_user)
            moved += 1
    return moved


def reopen_for_review(project: Project, line_item_id: int, *, acting_user) -> ReviewItem:
    """Ask the CA about a line item the classifier was sure of (validation points at it):
    a pending review item with the classifier's proposal, counted nowhere until decided."""
    _require_reviewer(project, acting_user)
    line_item = (
        LineItem.objects.select_related("classification")
        .filter(project=project, pk=line_item_id, classification__isnull=False)
        .first()
    )
    if line_item is None:
        raise ServiceError("That line item is not in this project any more: reload the page.")
    key = fingerprint(line_item)
    existing = project.review_items.filter(fingerprint=key).first()
    if existing is not None:
        return existing
    item = propose(ReviewItem(project=project, line_item=line_item), key)
    item.save()
    audit.record(
        audit.REVIEW_REOPENED,
        firm=project.firm,
        project=project,
        actor=acting_user,
        message=f"Reopened “{line_item.label}” for review",
        item=item.pk,
        line_item=line_item.pk,
    )
    return item


def remembered_for(firm: Firm) -> list[Remembered]:
    """The firm's remembered decisions, oldest first, for the classifier's layer 1."""
    rows = RememberedDecision.objects.filter(firm=firm).order_by("updated_at", "id")
    return [Remembered(r.label_key, r.context_key, r.cma_key or None, r.sign) for r in rows]


def forget_decision(decision: RememberedDecision, *, acting_user) -> None:
    """Remove a remembered decision (firm admins, in Django admin): later projects stop using it."""
    _require_firm_admin(decision.firm, acting_user)
    audit.record(
        audit.REVIEW_MEMORY_FORGOTTEN,
        firm=decision.firm,
        project=decision.source_project,
        actor=acting_user,
        message=f"Forgot: {decision.label} → {decision.cma_key or 'excluded'}",
        label=decision.label,
        context=decision.context,
        cma_key=decision.cma_key,
        sign=decision.sign,
    )
    decision.delete()


def _decide(item: ReviewItem, acting_user, status: str, **decision) -> ReviewItem:
    """1. write the decision with who and when, on the item and on the pending items that
    ask the same question; 2. remember or withdraw; 3. audit.

    Callers have checked the acting user with _require_decidable.
    """
    with transaction.atomic():
        list(_locked(ReviewItem.objects.filter(pk=item.pk)).values_list("id"))
        previous = (item.status, item.cma_key)
        _write(item, acting_user, status, decision)
        answered = [
            _write(other, acting_user, *_carried_over(other, status, decision))
            for other in same_question(item)
        ]
        remembered = _remember(item, acting_user) if status in _REMEMBERED else None
        withdrawn = 0 if remembered else _withdraw_memory(item)
        _audit_decision(item, acting_user, previous, remembered is not None, withdrawn, answered)
    return item


def _write(item: ReviewItem, acting_user, status: str, decision: dict) -> ReviewItem:
    item.status = status
    item.cma_key = decision.get("cma_key", "")
    item.sign = decision.get("sign", item.proposed_sign)
    item.split = decision.get("split", [])
    item.exclude_reason = decision.get("reason", "")
    item.unreviewed = False
    item.decided_by, item.decided_at = acting_user, timezone.now()
    item.save()
    return item


def same_question(item: ReviewItem) -> list[ReviewItem]:
    """The project's other pending items with the same label in the same context (the same
    row of another year's file, mostly): the CA is asked once and the answer holds for all.

    A split by amounts names one file's figures, so it is not carried over.
    """
    if item.is_amount or item.line_item is None or _split_by_amounts(item.split):
        return []
    asked = question_key(item)
    others = _locked(
        item.project.review_items.pending()
        .filter(kind=item.kind, line_item__isnull=False)
        .exclude(pk=item.pk)
        .select_related("line_item__source_file")
    )
    return [other for other in others if question_key(other) == asked]


def _split_by_amounts(parts: list) -> bool:
    return any(part.get("share") is None for part in parts)


def _carried_over(other: ReviewItem, status: str, decision: dict) -> tuple[str, dict]:
    """The decision as it applies to another item of the same question: a split's shares
    divide that item's own amounts; an approval is a reclassification where the
    classifier had proposed another row for it."""
    if status == Status.SPLIT:
        shares = [{k: part[k] for k in ("cma_key", "sign", "share")} for part in decision["split"]]
        return status, {"split": normalise_split(shares, amounts_of(other.line_item.amounts))}
    proposed = (other.proposed_key, other.proposed_sign)
    if status == Status.APPROVED and proposed != (decision["cma_key"], decision["sign"]):
        return Status.RECLASSIFIED, decision
    return status, decision


def _locked(items):
    """Lock the rows themselves (the default ordering's outer join cannot be locked)."""
    return items.select_for_update(of=("self",)).order_by("id")


def _remember(item: ReviewItem, acting_user) -> RememberedDecision:
    """The firm's answer for this label in this context from now on (never another firm's)."""
    line_item = item.line_item
    label_key, context_key = keys_for(line_item)
    decision, _ = RememberedDecision.objects.update_or_create(
        firm=item.project.firm,
        label_key=label_key,
        context_key=context_key,
        defaults={
            "label": line_item.label,
            "context": context_text(line_item),
            "cma_key": item.cma_key,
            "sign": item.sign,
            "reason": item.exclude_reason,
            "decided_by": acting_user,
            "source_project": item.project,
            "source_item": item,
        },
    )
    return decision


def _withdraw_memory(item: ReviewItem) -> int:
    """A CA who changes a reclassification back withdraws what it taught the firm."""
    deleted, _ = RememberedDecision.objects.filter(
        firm=item.project.firm, source_item=item
    ).delete()
    return deleted


def _audit_decision(
    item, acting_user, previous, remembered: bool, withdrawn: int, answered: list
) -> None:
    audit.record(
        audit.REVIEW_DECIDED,
        firm=item.project.firm,
        project=item.project,
        actor=acting_user,
        message=_decision_message(item),
        item=item.pk,
        line_item=item.line_item_id,
        label=item.line_item.label,
        decision=item.status,
        cma_key=item.cma_key,
        sign=item.sign,
        split=item.split,
        reason=item.exclude_reason,
        previous_status=previous[0],
        previous_key=previous[1],
        remembered=remembered,
        memory_withdrawn=bool(withdrawn),
        same_question=[other.pk for other in answered],
    )


def _decision_message(item: ReviewItem) -> str:
    label = item.line_item.label
    if item.status == Status.APPROVED:
        return f"Approved “{label}” in {row_title(item.cma_key)}"
    if item.status == Status.RECLASSIFIED:
        return f"Reclassified “{label}” to {row_title(item.cma_key)}"
    if item.status == Status.SPLIT:
        rows = ", ".join(part["cma_key"] for part in item.split)
        return f"Split “{label}” across {rows}"
    return f"Excluded “{label}”: {item.exclude_reason}"


def _bulk_message(approved: int, section: str | None) -> str:
    where = f" of section “{section or '(no section)'}”" if section is not None else ""
    return f"Approved {approved} item{'s' if approved != 1 else ''}{where} as proposed"


def _require_reviewer(project: Project, acting_user) -> None:
    membership = require_review_role(acting_user)
    if membership.firm_id != project.firm_id:
        raise PermissionDenied("This project belongs to another firm.")
    if Project.objects.filter(pk=project.pk, claim_token__isnull=False).exists():
        raise Conflict("The project is being processed; decide once it stops.")


def _require_decidable(item: ReviewItem, acting_user) -> None:
    _require_reviewer(item.project, acting_user)
    if item.row is None:
        raise Conflict("The statements were read again; reload the review to see this item.")


def _require_firm_admin(firm: Firm, acting_user) -> None:
    if acting_user.is_superuser:
        return
    membership = getattr(acting_user, "membership", None)
    if membership is None or membership.firm_id != firm.pk or membership.role != Role.OWNER:
        raise PermissionDenied("Only the firm's owner can remove what the firm remembers.")
