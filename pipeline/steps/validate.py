"""Step 4: check the classified statements before anything reaches a bank."""

from __future__ import annotations

from django.db import transaction

from pipeline.classifier.policy import PolicyError
from pipeline.cma.assumptions import AssumptionError
from pipeline.cma.checks import check_cma
from pipeline.cma.model import ERROR, Cma, CmaInputError, Finding
from pipeline.cma_inputs import build_project_cma
from pipeline.errors import PERMANENT, StepError, StepResult
from pipeline.models import ValidationFinding
from pipeline.options import PipelineOptions
from projects.models import Project


def computed_cma(project: Project, options: PipelineOptions) -> tuple[Cma, list[Finding]]:
    """The project's CMA and its findings, as validate and generate both need them."""
    try:
        inputs = build_project_cma(project, options)
    except (CmaInputError, AssumptionError, PolicyError) as error:
        raise StepError(
            str(error), PERMANENT, "Correct the project settings, then retry."
        ) from None
    return inputs.cma, check_cma(inputs.cma, inputs.pending)


def run(project: Project, options: PipelineOptions) -> StepResult:
    """Validate every year of `project`.

    Idempotent: replaces the project's previous findings.
    Raises StepError(PERMANENT) on errors unless options.skip_validation;
    warnings never stop the run. Nothing is ever plugged to make a statement tie.
    """
    _, findings = computed_cma(project, options)
    with transaction.atomic():
        ValidationFinding.objects.filter(project=project).delete()
        ValidationFinding.objects.bulk_create(
            ValidationFinding(
                project=project,
                code=f.code,
                level=f.level,
                year=f.year,
                message=f.message,
                details=dict(f.details),
            )
            for f in findings
        )
    errors = [f for f in findings if f.level == ERROR]
    warnings = len(findings) - len(errors)
    if errors and not options.skip_validation:
        raise StepError(_stop_message(errors), PERMANENT, _STOP_HINT)
    summary = f"{len(errors)} errors, {warnings} warnings"
    problems = [f"{f.year}: {f.message}" for f in errors]  # only under skip_validation
    return StepResult(
        summary=summary, counts={"errors": len(errors), "warnings": warnings}, problems=problems
    )


_STOP_HINT = (
    "Open the validation report: correct the rows in review or upload the corrected "
    "statement, then retry. To generate anyway, process again with skip_validation; "
    "the workbook then shows these errors."
)


def _stop_message(errors) -> str:
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return (
        f"Validation found {len(errors)} error{'s' if len(errors) > 1 else ''}: "
        f"{first.year}: {first.message}{more}"
    )
