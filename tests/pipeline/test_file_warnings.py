"""What a reader notices about a file it could read is kept on the file: the project page
and the API's file list show it (here: cells that read another workbook)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pipeline.options import PipelineOptions
from pipeline.steps import extract
from projects.services import upload_files
from tests.cast import upload
from tests.readers.statement_fixtures import workbook_bytes
from tests.readers.test_external_links import linked_workbook

pytestmark = pytest.mark.django_db


def as_company(project):
    """These workbooks are a company's: set up as one, no constitution warning joins in."""
    project.constitution = "private_limited"
    project.save(update_fields=["constitution"])


LINKED = "2 cells read another workbook (Creditors 2024-25.xlsx, fixed assets.xlsx)"


def test_a_linked_workbooks_cells_are_reported_on_the_file(project, ca, client, api, other_api):
    as_company(project)
    data = linked_workbook({"C6": 420000})
    upload_files(project, [upload("Nandini BS.xlsx", data)], acting_user=ca)
    extract.run(project, PipelineOptions())

    source = project.files.get()
    (warning,) = source.warnings
    assert warning.startswith(LINKED) and "BS!C9" in warning
    listed = api.get(f"/api/v1/projects/{project.pk}/files/").json()
    files = listed["results"] if isinstance(listed, dict) else listed
    assert files[0]["warnings"] == [warning]
    assert other_api.get(f"/api/v1/projects/{project.pk}/files/").status_code == 404
    client.force_login(ca)
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert LINKED in page


def test_extracting_again_replaces_the_warnings(project, ca):
    as_company(project)
    upload_files(project, [upload("Nandini BS.xlsx", linked_workbook({}))], acting_user=ca)
    extract.run(project, PipelineOptions())
    extract.run(project, PipelineOptions())
    assert len(project.files.get().warnings) == 1


def test_a_break_in_the_statements_arithmetic_is_a_warning_with_its_place(project, ca, client, api):
    """Extraction checks the file's own arithmetic: the break reaches the CA at once, and the
    extract report says what each sheet was read as."""
    as_company(project)
    upload_files(project, [upload("Narmada FS.xlsx", workbook_bytes("note_break"))], acting_user=ca)
    extract.run(project, PipelineOptions())

    source = project.files.get()
    note = "Note 3 adds to ₹41,10,000.00 in FY2025, the face shows ₹40,10,000.00"
    assert [w for w in source.warnings if w.startswith(note)] == source.warnings
    roles = [(part["name"], part["role"]) for part in source.extract_report]
    assert roles == [("Final", "balance_sheet"), ("Sheet2", "profit_and_loss"), ("Notes", "notes")]
    listed = api.get(f"/api/v1/projects/{project.pk}/files/").json()
    files = listed["results"] if isinstance(listed, dict) else listed
    assert files[0]["extract_report"] == source.extract_report
    client.force_login(ca)
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "What was read, sheet by sheet" in page and 'data-role="notes"' in page
