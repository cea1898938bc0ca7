"""What the review screen shows: one row per question (a printed row, however many files
print it), grouped by statement section, each with its statement, source, amounts in
Indian grouping, the proposal and what is left to do; and, after a failed validation,
where the statements break and the items most likely to explain it.

Reads only; the template renders it and the forms post to views that call services.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from projects.models import Membership, Project
from projects.status import Status
from reviews.forms import SPLIT_SLOTS
from reviews.models import ReviewItem
from reviews.money import format_inr
from reviews.questions import grouped
from reviews.rows import (
    crosses_statements,
    picker_rows,
    row_title,
    rows_by_form,
    statement_title,
)
from reviews.services import BulkApproval, held_from_bulk, rival_of
from reviews.tie_break import Break, breaks_of

HELD_REASONS = {
    "other_statement": "proposed for another statement's row: decide it yourself",
    "unsure": "below 50 % sure, or another row rates higher: decide it yourself",
    "no_row": "no row proposed",
}


@dataclass
class Card:
    item: ReviewItem
    amounts: list[tuple[str, str]]  # (year, "₹12,34,567.00"), oldest first
    source: str  # "audited-fy2025.pdf · page 7 · line 12"
    proposed: str  # "26 Other current liabilities …", or "" when nothing was proposed
    confidence: int | None  # percent
    alternatives: list[tuple[str, int | None]]
    statement: str = ""  # "Profit and loss": the statement the row was printed in
    crosses: bool = False  # the proposal is a row of another statement's form
    held: str = ""  # why "Approve all" leaves it to the CA, in words
    rival: str = ""  # an alternative the classifier rates above its own proposal
    also: list[str] = field(default_factory=list)  # other files asking the same question
    decision: str = ""  # for decided items: what was decided, in words
    next_id: int | None = None  # the pending card after this one
    # An amount to confirm: (year, read, value the form starts with, why asked, OCR %)
    figures: list[tuple[str, str, str, str, int | None]] = field(default_factory=list)

    @property
    def selected_sign(self) -> int:
        return self.item.sign if self.item.cma_key else self.item.proposed_sign


@dataclass
class Group:
    number: int
    section: str
    statement: str
    cards: list[Card] = field(default_factory=list)


@dataclass
class Screen:
    project: Project
    groups: list[Group]
    decided: list[Card]
    pending: int  # questions left
    total: int  # questions in all
    bulk_ready: int  # pending questions "Approve all" takes
    can_decide: bool
    can_continue: bool
    continue_blocked: str  # why "Continue processing" cannot be pressed now
    breaks: list[Break] = field(default_factory=list)  # after a failed validation
    can_revalidate: bool = False
    rows: list = field(default_factory=rows_by_form)
    picker: list = field(default_factory=picker_rows)

    @property
    def held(self) -> int:
        """Pending questions "Approve all" leaves to the CA."""
        return self.pending - self.bulk_ready

    split_slots: range = field(default_factory=lambda: range(SPLIT_SLOTS))


def build_screen(project: Project, membership: Membership) -> Screen:
    items = list(
        project.review_items.linked().select_related(
            "line_item__source_file", "amount_line__source_file", "decided_by"
        )
    )
    questions = grouped(items)
    pending = [_card(*question) for question in questions if question[0].is_pending]
    groups = _grouped(pending)
    shown = [card for group in groups for card in group.cards]  # in the order on screen
    for card, following in itertools.pairwise(shown):
        card.next_id = following.item.pk
    blocked = _continue_blocked(project)
    failed_validation = project.status == Status.ERROR and project.error_step == "validate"
    return Screen(
        project=project,
        groups=groups,
        decided=[_card(*question) for question in questions if not question[0].is_pending],
        pending=len(shown),
        total=len(questions),
        bulk_ready=sum(1 for card in shown if not card.held),
        can_decide=membership.can_review,
        can_continue=membership.can_process and not blocked,
        continue_blocked=blocked,
        breaks=breaks_of(project) if failed_validation else [],
        can_revalidate=failed_validation and membership.can_process and not project.is_processing,
    )


def _grouped(cards: list[Card]) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for card in cards:
        line = card.item.row
        key = (line.statement, line.section)
        if key not in groups:
            groups[key] = Group(len(groups) + 1, line.section, statement_title(line.statement))
        groups[key].cards.append(card)
    return list(groups.values())


def _card(item: ReviewItem, *others: ReviewItem) -> Card:
    line = item.row
    held = held_from_bulk(item) if item.is_pending else ""
    return Card(
        item=item,
        amounts=[(year, format_inr(line.amounts[year])) for year in sorted(line.amounts)],
        source=source_text(line),
        proposed=row_title(item.proposed_key) if item.proposed_key else "",
        confidence=_percent(item.confidence),
        alternatives=[
            (row_title(alt["cma_key"]), _percent(alt.get("confidence")))
            for alt in item.alternatives
            if alt.get("cma_key") and alt["cma_key"] != item.proposed_key
        ],
        rival=_rival_text(item),
        decision="" if item.is_pending else decision_text(item),
        figures=_figures(item) if item.is_amount else [],
        statement=statement_title(line.statement),
        crosses=crosses_statements(line.statement, item.proposed_key),
        held=HELD_REASONS.get(held, ""),
        also=[source_text(other.row) for other in others],
    )


def _figures(item: ReviewItem) -> list[tuple[str, str, str, str, int | None]]:
    """Each figure asked about: as read, what the form offers (the CA's, the arithmetic's
    proposal, or the reading), why it is asked and how sure OCR was."""
    figures = []
    for year in sorted(item.amounts_read):
        read = item.amounts_read[year]
        start = item.amounts_confirmed.get(year) or item.amounts_proposed.get(year) or read
        confidence = item.ocr_confidence.get(year)
        percent = None if confidence is None else round(float(confidence))
        figures.append((year, format_inr(read), start, item.checks.get(year, ""), percent))
    return figures


def source_text(line) -> str:
    """Where the CA finds the row in the uploaded file."""
    parts = [line.source_file.original_name]
    if line.page:
        parts.append(f"page {line.page}")
    if line.sheet:
        parts.append(f"sheet {line.sheet}")
    if line.row:
        parts.append(f"{'row' if line.sheet else 'line'} {line.row}")
    return " · ".join(parts)


def decision_text(item: ReviewItem) -> str:
    if item.status == ReviewItem.Status.CONFIRMED:
        how = " (review skipped)" if item.unreviewed else ""
        return f"Amounts confirmed as read{how}"
    if item.status == ReviewItem.Status.CORRECTED:
        fixes = ", ".join(
            f"{year}: {format_inr(value)}"
            for year, value in sorted(item.amounts_confirmed.items())
            if value != item.amounts_read.get(year)
        )
        return f"Amounts corrected ({fixes})"
    if item.status == ReviewItem.Status.APPROVED:
        how = "as classified (review skipped)" if item.unreviewed else "as proposed"
        return f"Approved {how}: {row_title(item.cma_key)}"
    if item.status == ReviewItem.Status.RECLASSIFIED:
        sign = "" if item.sign == 1 else " (subtracted)"
        return f"Moved to {row_title(item.cma_key)}{sign}"
    if item.status == ReviewItem.Status.SPLIT:
        return "Split: " + "; ".join(_part_text(part) for part in item.split)
    return f"Excluded: {item.exclude_reason}"


def _part_text(part: dict) -> str:
    share = f"{float(part['share']) * 100:g} % to " if part.get("share") else ""
    return f"{share}{row_title(part['cma_key'])}"


def _rival_text(item: ReviewItem) -> str:
    key = rival_of(item)
    if not key:
        return ""
    confidence = next(alt.get("confidence") for alt in item.alternatives if alt["cma_key"] == key)
    return f"{row_title(key)} ({_percent(confidence)} %)"


def items(count: int) -> str:
    """ "1 item", "3 items": counts in words, never "item(s)"."""
    return f"{count} item{'' if count == 1 else 's'}"


def bulk_message(result: BulkApproval) -> str:
    """What "Approve all" did, and what it left to the CA and why."""
    told = f"Approved {items(result.approved)} as proposed; {result.left} left to review."
    held = []
    if result.other_statement:
        held.append(f"{result.other_statement} proposed for another statement's row")
    if result.unsure:
        held.append(f"{result.unsure} below 50 % sure")
    if held:
        told += f" Left for you to decide one by one: {' and '.join(held)}."
    return told


def _percent(confidence) -> int | None:
    return None if confidence is None else round(float(confidence) * 100)


def _continue_blocked(project: Project) -> str:
    if project.is_processing:
        return "The project is being processed."
    if project.status != Status.REVIEWING:
        return f"The project is not waiting for review (it is {project.get_status_display()})."
    return ""
