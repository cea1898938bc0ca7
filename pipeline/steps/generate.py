"""Step 5: the CMA workbook and its JSON export, computed from the validated rows."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from pipeline import progress
from pipeline.cma.export import cma_document
from pipeline.cma.workbook import build_workbook
from pipeline.errors import StepResult
from pipeline.models import CmaResult
from pipeline.options import PipelineOptions
from pipeline.steps.validate import computed_cma
from projects.models import Project


def run(project: Project, options: PipelineOptions) -> StepResult:
    """Compute Forms II to VI, MPBF and the ratios; write the workbook and the JSON.

    Idempotent: replaces the project's previous CMA. Under skip_validation the
    validation errors are carried into the workbook's notes and the JSON.
    """
    cma, findings = computed_cma(project, options)
    progress.report(0.4)
    workbook = build_workbook(cma, findings)  # slow I/O: outside any transaction
    document = cma_document(cma, findings)
    progress.report(0.8)
    _store(project, document, workbook)
    years = ", ".join(f"{y.key} ({y.kind})" for y in cma.years)
    return StepResult(summary=f"CMA for {years}", counts={"years": len(cma.years)})


def _store(project: Project, document: dict, workbook: bytes) -> None:
    result = CmaResult.objects.filter(project=project).first()
    stale = result.workbook.name if result and result.workbook else None
    with transaction.atomic():
        result = result or CmaResult(project=project)
        result.document = document
        result.workbook.save("cma.xlsx", ContentFile(workbook), save=False)
        result.save()
    if stale and stale != result.workbook.name:
        result.workbook.storage.delete(stale)
