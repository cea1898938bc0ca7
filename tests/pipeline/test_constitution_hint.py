"""A run stopped because the balance sheet does not tie says when the statements print
another constitution's capital accounts (partners' capital in a "private limited" project)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pipeline.constitution_signs import Printed, contradiction
from pipeline.options import PipelineOptions
from pipeline.orchestrator import run_pipeline
from projects.models import Project
from projects.services import upload_files
from tests.groundtruth import CONSTITUTIONS, SAMPLES, companies, load

PARTNERSHIP = SAMPLES / "bharat-engineering-works"
DRAFT = SAMPLES / "_bad" / "Draft financial statements FY 2024-25.pdf"


@pytest.mark.parametrize("company", companies())
def test_statements_fit_their_own_constitution(company):
    truth = load(company)
    printed = [
        Printed(text, item["file"])
        for item in truth["line_items"]
        for text in (item["label"], item.get("section") or "")
    ]
    assert contradiction(CONSTITUTIONS[truth["company"]["constitution"]], printed) is None


@pytest.mark.parametrize(
    ("constitution", "printed", "shown"),
    [
        ("private_limited", "Partners’ Current Accounts", "partners' capital accounts"),
        ("partnership", "Proprietor's Capital Account", "a proprietor's capital account"),
        ("proprietorship", "Equity Share Capital", "share capital"),
    ],
)
def test_another_constitutions_capital_is_named_with_where_it_is(constitution, printed, shown):
    found = contradiction(constitution, [Printed("Sundry creditors", "a.pdf, page 1"),
                                         Printed(printed, "b.xlsx, sheet BS")])  # fmt: skip
    assert f'statements show {shown} ("{printed}", b.xlsx, sheet BS)' in found


def project_of(firm, user, files, constitution: str) -> Project:
    project = Project.objects.create(firm=firm, company_name="Client", constitution=constitution)
    uploads = [SimpleUploadedFile(f.name, f.read_bytes()) for f in files]
    upload_files(project, uploads, acting_user=user)
    return project


@pytest.mark.django_db
def test_a_partnership_run_as_a_company_is_told_why_it_does_not_tie(firm, ca):
    project = project_of(firm, ca, sorted(PARTNERSHIP.glob("*.pdf")), "private_limited")
    result = run_pipeline(project.pk, firm.pk, PipelineOptions(skip_review=True))
    assert result.failed_step == "validate"
    assert "Total liabilities exceed total assets" in result.reason
    assert result.hint.startswith(
        "The project is set up as a private limited company, but its statements show "
        "partners' capital accounts (\"Partners' Capital Accounts (As per Schedule A)\", "
        "BEW Final Accounts 2022-23.pdf, page 1), which a partnership firm or an LLP has"
    )
    assert "set up a project with that constitution" in result.hint


@pytest.mark.django_db
def test_a_company_that_does_not_tie_gets_the_usual_advice_only(firm, ca):
    project = project_of(firm, ca, [DRAFT], "private_limited")
    result = run_pipeline(project.pk, firm.pk, PipelineOptions(skip_review=True))
    assert result.failed_step == "validate"
    assert result.hint.startswith("Open the validation report")
