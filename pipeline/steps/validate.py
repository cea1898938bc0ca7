"""Step 4: check the classified statements before anything reaches a bank."""

from __future__ import annotations

from django.db import transaction

from pipeline.classifier.policy import PolicyError
from pipeline.cma.assumptions import AssumptionError
from pipeline.cma.checks import check_cma
from pipeline.cma.model import ERROR, Cma, CmaInputError, Finding
from pipeline.cma_inputs import build_project_cma
from pipeline.constitution_signs import Printed, contradiction
from pipeline.errors import PERMANENT, StepError, StepResult
from pipeline.models import LineItem, ValidationFinding
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
        raise StepError(_stop_message(errors), PERMANENT, _stop_hint(project, errors))
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


def _stop_hint(project: Project, errors) -> str:
    """The usual advice, after the likely cause when a balance sheet that does not tie
    prints another constitution's capital accounts."""
    if any(f.code == "balance_sheet_mismatch" for f in errors):
        found = contradiction(project.constitution, _printed(project))
        if found:
            return f"{found} {_STOP_HINT}"
    return _STOP_HINT


def _printed(project: Project):
    """Each line item's label and section, with the file and page or sheet it is on."""
    rows = LineItem.objects.filter(project=project).values_list(
        "label", "section", "source_file__original_name", "page", "sheet"
    )
    for label, section, file_name, page, sheet in rows.iterator():
        where = f"{file_name}, page {page}" if page else f"{file_name}, sheet {sheet}"
        yield Printed(label, where)
        yield Printed(section, where)
