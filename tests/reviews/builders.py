"""Small builders of classified line items and review items for the review tests."""

from __future__ import annotations

import hashlib
import itertools

from pipeline.models import Classification, LineItem
from pipeline.options import PipelineOptions
from pipeline.steps import review
from projects.models import Project, SourceFile

_positions = itertools.count()


def source_file(project: Project, name: str = "audited-fy2025.pdf") -> SourceFile:
    digest = hashlib.sha256(f"{project.pk}:{name}".encode()).hexdigest()
    source, _ = SourceFile.objects.get_or_create(
        project=project,
        sha256=digest,
        defaults={"original_name": name, "file": f"uploads/{name}", "size": 100},
    )
    return source


def line_item(
    project: Project,
    label: str = "Salary payable",
    *,
    section: str = "Other current liabilities",
    statement: str = "balance_sheet",
    note: str = "9",
    amounts: dict | None = None,
    counts_for: list | None = None,
    page: int | None = 7,
    sheet: str = "",
    row: int | None = 12,
    source: SourceFile | None = None,
) -> LineItem:
    amounts = {"FY2024": "100000.00", "FY2025": "1234567.00"} if amounts is None else amounts
    return LineItem.objects.create(
        project=project,
        source_file=source or source_file(project),
        position=next(_positions),
        label=label,
        statement=statement,
        section=section,
        note=note,
        page=page,
        sheet=sheet,
        row=row,
        amounts=amounts,
        counts_for=list(amounts) if counts_for is None else counts_for,
    )


def classify(
    item: LineItem,
    cma_key: str = "other_current_liabilities",
    *,
    decision: str = "pending",
    sign: int = 1,
    confidence: float = 0.55,
    evidence: str = "Vocabulary: 'salary payable' under other current liabilities",
    alternatives: list | None = None,
    exclude_reason: str = "",
) -> Classification:
    classification, _ = Classification.objects.update_or_create(
        line_item=item,
        defaults={
            "cma_key": cma_key,
            "decision": decision,
            "sign": sign,
            "confidence": confidence,
            "evidence": evidence,
            "alternatives": alternatives
            if alternatives is not None
            else [{"cma_key": "statutory_liabilities", "confidence": 0.3}],
            "exclude_reason": exclude_reason,
        },
    )
    return classification


def pending_item(
    project: Project,
    label: str = "Salary payable",
    cma_key: str = "other_current_liabilities",
    **fields,
) -> LineItem:
    item = line_item(project, label, **fields)
    classify(item, cma_key)
    return item


def run_review(project: Project, **options):
    return review.run(project, PipelineOptions(**options))


REVIEW_PATH = (
    "start_extracting",
    "finish_extracting",
    "start_classifying",
    "finish_classifying",
    "await_review",
)


def awaiting_review(project: Project) -> Project:
    """Put the project where the orchestrator leaves it when items await a CA, by the
    lifecycle's own moves (no step starts from draft but extract)."""
    for move in REVIEW_PATH:
        getattr(project, move)()
    project.save()
    return project


def review_item_of(project: Project, label: str = "Salary payable", **fields):
    """A pending review item of a project awaiting review (the step has run)."""
    pending_item(project, label, **fields)
    run_review(project)
    if project.status != "reviewing":
        awaiting_review(project)
    return project.review_items.get(line_item__label=label)
