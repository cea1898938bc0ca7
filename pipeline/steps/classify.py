"""Step 2: each line item into one CMA input row, or out as a total, with a confidence.

Layers, most trusted first: the firm's remembered decisions, the curated
vocabulary with its context rules, similarity to that vocabulary, and (only
when configured) an external model for what those are unsure of.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from pipeline import progress
from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import Verdict
from pipeline.classifier.external import ExternalClassifier
from pipeline.classifier.memory import Memory
from pipeline.classifier.policy import PolicyError
from pipeline.cma_inputs import policy_of
from pipeline.errors import PERMANENT, StepError, StepResult
from pipeline.item_context import item_context
from pipeline.models import Classification, LineItem
from pipeline.options import PipelineOptions
from projects.models import Project
from reviews.services import remembered_for

Decision = Classification.Decision


def run(project: Project, options: PipelineOptions) -> StepResult:
    """Classify every line item of `project`.

    Idempotent: replaces the project's classifications. Items at or above
    options.auto_approve_above are approved; the rest await review. The
    external classifier's 429s, time-outs and connection errors raise
    StepError(TRANSIENT), which the orchestrator retries with back-off.
    """
    items = list(
        LineItem.objects.filter(project=project)
        .select_related("source_file")
        .order_by("source_file_id", "position")
    )
    if not items:
        raise StepError(
            "No line items to classify.",
            PERMANENT,
            "Upload the statements and process the project again.",
        )
    classifier, external = _classifier(project, options)
    contexts = [
        item_context(item, constitution=project.constitution, industry=project.industry)
        for item in items
    ]
    verdicts = classifier.classify(contexts)
    progress.report(0.8)
    decisions = _store(items, verdicts, options.auto_approve_above)
    counts = Counter(decisions)
    return StepResult(
        summary=f"{counts[Decision.AUTO]} approved, {counts[Decision.PENDING]} to review, "
        f"{counts[Decision.EXCLUDED]} excluded as totals or memo lines",
        counts={str(key): value for key, value in counts.items()},
        cost=str(external.cost if external else Decimal(0)),
    )


def _classifier(project: Project, options: PipelineOptions):
    try:
        policy = policy_of(project, options)
    except PolicyError as error:
        raise StepError(str(error), PERMANENT, "Correct the classification settings.") from None
    external = ExternalClassifier.from_settings(
        settings.CLASSIFIER_LLM_URL,
        settings.CLASSIFIER_LLM_API_KEY,
        settings.CLASSIFIER_LLM_MODEL,
        timeout=settings.CLASSIFIER_LLM_TIMEOUT,
        input_cost_per_1k=settings.CLASSIFIER_LLM_INPUT_COST_PER_1K,
        output_cost_per_1k=settings.CLASSIFIER_LLM_OUTPUT_COST_PER_1K,
    )
    memory = Memory(remembered_for(project.firm))
    return Classifier(policy, memory, external), external


def _decision(verdict: Verdict, threshold: float) -> str:
    if verdict.excluded:
        return Decision.EXCLUDED
    return Decision.AUTO if verdict.confidence >= threshold else Decision.PENDING


def _store(items: list[LineItem], verdicts: list[Verdict], threshold: float) -> list[str]:
    rows = [
        Classification(
            line_item=item,
            cma_key=verdict.cma_key or "",
            sign=verdict.sign,
            confidence=verdict.confidence,
            evidence=verdict.evidence,
            layer=verdict.layer,
            alternatives=[{"cma_key": k, "confidence": c} for k, c in verdict.alternatives],
            exclude_reason=verdict.exclude_reason or "",
            decision=_decision(verdict, threshold),
        )
        for item, verdict in zip(items, verdicts, strict=True)
    ]
    with transaction.atomic():
        Classification.objects.filter(line_item__project=items[0].project_id).delete()
        Classification.objects.bulk_create(rows, batch_size=500)
    return [row.decision for row in rows]
