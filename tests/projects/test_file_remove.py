"""Issue 16 point 10: a wrong or unreadable file is taken out before it is read, through
the API and the portal, with an audit row; a text file named .pdf is refused as text."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from projects.models import AuditEntry, Project, SourceFile
from tests.cast import upload
from tests.portal.conftest import signed_in

pytestmark = pytest.mark.django_db


def url(project, file) -> str:
    return f"/api/v1/projects/{project.pk}/files/{file.pk}"


def test_the_api_removes_a_stored_file_and_records_who_did(
    api, ca, project_with_file, django_capture_on_commit_callbacks
):
    file = project_with_file.files.get()
    stored = file.file.name
    with django_capture_on_commit_callbacks(execute=True):  # the bytes go after the commit
        response = api.delete(url(project_with_file, file))
    assert response.status_code == 204
    assert not SourceFile.objects.filter(pk=file.pk).exists()
    assert not file.file.storage.exists(stored)  # the bytes went with the row
    entry = AuditEntry.objects.get(project=project_with_file, action="file_removed")
    assert entry.actor == ca
    assert entry.message == file.original_name
    assert entry.details["sha256"] == file.sha256


def test_a_file_of_a_project_being_processed_stays(api, project_with_file):
    Project.objects.filter(pk=project_with_file.pk).update(
        claim_token=uuid.uuid4(),
        claim_started=True,
        lease_expires_at=timezone.now() + timedelta(minutes=10),
    )
    file = project_with_file.files.get()
    response = api.delete(url(project_with_file, file))
    assert response.status_code == 409
    assert "being processed" in response.data["detail"]
    assert SourceFile.objects.filter(pk=file.pk).exists()


def test_a_file_read_into_the_figures_stays(api, project_with_file):
    file = project_with_file.files.get()
    SourceFile.objects.filter(pk=file.pk).update(status="extracted")
    response = api.delete(url(project_with_file, file))
    assert response.status_code == 409
    assert "has been read into the project's figures" in response.data["detail"]


def test_the_portal_button_removes_a_failed_file(ca, project_with_file):
    file = project_with_file.files.get()
    SourceFile.objects.filter(pk=file.pk).update(status="failed", error="Unreadable")
    client = signed_in(ca)
    page = client.get(f"/projects/{project_with_file.pk}/").content.decode()
    assert f"/projects/{project_with_file.pk}/files/{file.pk}/remove/" in page
    response = client.post(f"/projects/{project_with_file.pk}/files/{file.pk}/remove/", follow=True)
    assert f"{file.original_name} was removed." in response.content.decode()
    assert not project_with_file.files.exists()
    assert AuditEntry.objects.filter(action="file_removed").count() == 1


def test_a_text_file_named_pdf_is_refused_saying_what_it_is(api, project):
    text = b"Particulars,FY2025\nSundry debtors,125000\n"
    response = api.post(
        f"/api/v1/projects/{project.pk}/files/",
        {"file": [upload("Balance sheet 2025.pdf", text)]},
        format="multipart",
    )
    assert response.status_code == 400
    error = response.data["rejected"][0]["error"]
    assert error.startswith("Balance sheet 2025.pdf: this file is plain text, not a PDF:")
    assert "“Particulars,FY2025”" in error
    assert not project.files.exists()


def test_the_same_text_named_csv_is_stored(api, project):
    text = b"Particulars,FY2025\nSundry debtors,125000\n"
    response = api.post(
        f"/api/v1/projects/{project.pk}/files/",
        {"file": [upload("Balance sheet 2025.csv", text)]},
        format="multipart",
    )
    assert response.status_code == 201
