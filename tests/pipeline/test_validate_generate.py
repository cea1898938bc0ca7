"""Validation stops a statement that does not tie; skip_validation generates with the finding."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from pipeline.models import ValidationFinding
from pipeline.options import PipelineOptions
from pipeline.orchestrator import run_pipeline
from projects.models import Project
from projects.services import upload_files
from tests.groundtruth import SAMPLES

DRAFT = SAMPLES / "_bad" / "Draft financial statements FY 2024-25.pdf"


def draft_project(firm, user) -> Project:
    project = Project.objects.create(
        firm=firm, company_name="Draft Co", constitution="private_limited"
    )
    upload_files(project, [SimpleUploadedFile(DRAFT.name, DRAFT.read_bytes())], acting_user=user)
    return project


def test_a_statement_that_does_not_tie_stops_before_generate(firm, ca):
    project = draft_project(firm, ca)
    result = run_pipeline(project.pk, firm.pk, PipelineOptions(skip_review=True))

    project = Project.objects.get(pk=project.pk)
    assert result.failed_step == "validate"
    assert project.status == "error" and project.error_step == "validate"
    assert "FY2025" in project.error and "₹10,000.00" in project.error
    mismatch = ValidationFinding.objects.get(project=project, code="balance_sheet_mismatch")
    assert (mismatch.level, mismatch.year) == ("error", "FY2025")
    assert not ValidationFinding.objects.filter(
        project=project, year="FY2024", code="balance_sheet_mismatch"
    ).exists()
    assert not hasattr(project, "cma")


def test_skip_validation_generates_and_the_workbook_carries_the_finding(firm, ca):
    project = draft_project(firm, ca)
    run_pipeline(project.pk, firm.pk, PipelineOptions(skip_review=True))
    result = run_pipeline(
        project.pk, firm.pk, PipelineOptions(skip_review=True, skip_validation=True)
    )

    project = Project.objects.get(pk=project.pk)
    assert result.completed
    assert project.pipeline_steps["validate"]["problems"]
    found = [v for v in project.cma.document["validation"] if v["code"] == "balance_sheet_mismatch"]
    assert [(v["level"], v["year"]) for v in found] == [("error", "FY2025")]
    assert "10,000.00" in found[0]["message"]
    rows = project.cma.document["rows"]
    assert rows["total_assets"]["FY2025"] - rows["total_liabilities"]["FY2025"] == 10000.0
    with project.cma.workbook.open("rb") as handle:
        workbook = openpyxl.load_workbook(io.BytesIO(handle.read()))
    texts = [str(c.value) for ws in workbook for row in ws.iter_rows() for c in row if c.value]
    assert any("balance_sheet_mismatch" in t or "10,000.00" in t for t in texts)
