"""The project page: upload, the Process and Retry buttons, the progress view, review,
validation report and download, and who may press what."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_q.models import OrmQ

from pipeline.models import ValidationFinding
from projects import audit
from projects.models import AuditEntry, Project, SourceFile
from reviews.models import ReviewItem
from tests.cast import upload, workbook_bytes
from tests.portal.conftest import put_in_state
from tests.reviews.builders import review_item_of

pytestmark = pytest.mark.django_db


def page_of(client, project) -> str:
    response = client.get(reverse("projects:detail", args=[project.pk]))
    assert response.status_code == 200
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# Upload -----------------------------------------------------------------------------------


def test_upload_through_the_page_stores_several_files(ca_client, project):
    response = ca_client.post(
        reverse("projects:upload", args=[project.pk]),
        {"file": [upload("fy2024.pdf", b"%PDF a"), upload("fy2025.xlsx", workbook_bytes())]},
        follow=True,
    )
    assert sorted(project.files.values_list("original_name", flat=True)) == [
        "fy2024.pdf",
        "fy2025.xlsx",
    ]
    assert "fy2024.pdf: stored." in messages_of(response)
    assert "Stored; read when the project is processed" in response.content.decode()


def test_a_refused_file_is_shown_with_the_reason(ca_client, project_with_file):
    response = ca_client.post(
        reverse("projects:upload", args=[project_with_file.pk]),
        {"file": [upload("copy.pdf"), upload("new.pdf", b"%PDF new")]},
        follow=True,
    )
    said = messages_of(response)
    assert said[0] == (
        "copy.pdf: refused. copy.pdf is the same file as statement.pdf, which is already uploaded."
    )
    assert "new.pdf: stored." in said
    assert project_with_file.files.count() == 2


def test_upload_without_a_file_says_what_to_do(ca_client, project):
    response = ca_client.post(reverse("projects:upload", args=[project.pk]), follow=True)
    assert messages_of(response) == ["Choose one or more files to upload."]


def test_upload_is_refused_while_processing(ca_client, project_with_file):
    ca_client.post(reverse("projects:process", args=[project_with_file.pk]))
    response = ca_client.post(
        reverse("projects:upload", args=[project_with_file.pk]),
        {"file": [upload("late.pdf", b"%PDF late")]},
        follow=True,
    )
    assert "upload more files when it stops" in messages_of(response)[-1]
    assert "Files can be added when processing stops." in response.content.decode()


def test_the_widgets_api_upload_works_with_the_session_and_csrf_token(ca, project):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ca)
    page = client.get(reverse("projects:detail", args=[project.pk]))
    token = page.context["csrf_token"]
    url = reverse("api:project-files", args=[project.pk])
    refused = client.post(url, {"file": upload()})
    assert refused.status_code == 403  # no token: the API does not take it
    stored = client.post(url, {"file": upload()}, HTTP_X_CSRFTOKEN=str(token))
    assert stored.status_code == 201


def test_extracted_and_unreadable_files_show_their_outcome(ca_client, project_with_file):
    SourceFile.objects.filter(project=project_with_file).update(
        status="failed",
        error="The PDF is a scanned image; there is no text to read.",
        hint="Upload the statements as a text PDF or an Excel export from Tally.",
    )
    SourceFile.objects.create(
        project=project_with_file,
        original_name="fy2025.xlsx",
        file=upload("fy2025.xlsx", b"PK"),
        size=2,
        sha256="b" * 64,
        status="extracted",
        items_found=87,
    )
    page = page_of(ca_client, project_with_file)
    assert "Extracted · 87 items" in page
    assert "Could not be read" in page
    assert "there is no text to read." in page
    assert "Upload the statements as a text PDF" in page


# Process and retry ------------------------------------------------------------------------


def test_process_is_disabled_until_there_is_a_file(ca_client, project):
    page = page_of(ca_client, project)
    assert 'id="process" type="button" class="primary" disabled' in page
    assert "Upload at least one statement first." in page


def test_process_starts_a_run_and_the_page_follows_it(
    ca_client, project_with_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ca_client.post(
            reverse("projects:process", args=[project_with_file.pk]), follow=True
        )
    assert "Processing has started." in messages_of(response)[0]
    assert Project.objects.get(pk=project_with_file.pk).is_processing
    assert OrmQ.objects.count() == 1
    page = response.content.decode()
    assert 'data-processing="true"' in page
    assert reverse("api:project-progress", args=[project_with_file.pk]) in page
    assert "Processing is under way." in page
    assert "project.js" in page


def test_process_twice_says_it_is_already_processing(ca_client, project_with_file):
    ca_client.post(reverse("projects:process", args=[project_with_file.pk]))
    response = ca_client.post(reverse("projects:process", args=[project_with_file.pk]), follow=True)
    assert messages_of(response)[-1] == (
        "The project is already being processed; wait for it to stop."
    )


def test_a_failed_run_shows_the_step_its_reason_and_hint_and_offers_retry(
    ca_client, project_with_file
):
    project = put_in_state(
        project_with_file,
        "error",
        error="None of the 1 uploaded files could be read.",
        error_step="extract",
        pipeline_steps={
            "extract": {"status": "failed", "hint": "Upload readable statements and retry."}
        },
    )
    page = page_of(ca_client, project)
    assert "Processing stopped at “Extract line items”" in page
    assert "None of the 1 uploaded files could be read." in page
    assert "Upload readable statements and retry." in page
    assert 'id="retry"' in page
    assert "Processing failed: retry to continue from the failed step." in page


def test_retry_calls_the_service_and_says_where_it_resumes(ca_client, project_with_file):
    project = put_in_state(project_with_file, "error", error_step="classify")
    response = ca_client.post(reverse("projects:retry", args=[project.pk]), follow=True)
    assert messages_of(response) == ["Retrying from the classify step."]
    assert Project.objects.get(pk=project.pk).is_processing
    assert project.audit_entries.filter(action=audit.PIPELINE_RETRY_QUEUED).exists()


def test_retry_when_nothing_failed_says_so(ca_client, project_with_file):
    response = ca_client.post(reverse("projects:retry", args=[project_with_file.pk]), follow=True)
    assert "Nothing failed" in messages_of(response)[0]


def test_a_project_waiting_for_review_links_to_the_review_screen(ca_client, project_with_file):
    project = put_in_state(project_with_file, "reviewing", pipeline_progress=50)
    review_item_of(project, "Salary payable")
    ReviewItem.objects.create(project=project, fingerprint="f1", proposed_key="sales_domestic")
    page = page_of(ca_client, project)  # the row no statement prints any more is not asked
    assert reverse("reviews:screen", args=[project.pk]) in page
    assert "Review 1 item" in page
    assert "Waiting for a CA&#x27;s review" in page


def test_the_validation_report_lists_the_findings(ca_client, project_with_file):
    ValidationFinding.objects.create(
        project=project_with_file,
        code="balance_sheet_mismatch",
        level="error",
        year="FY2024",
        message="Total liabilities exceed total assets by ₹10,000.00",
    )
    page = page_of(ca_client, project_with_file)
    assert "Validation report" in page
    assert "Total liabilities exceed total assets by ₹10,000.00" in page
    assert "FY2024" in page


def test_a_completed_project_offers_the_download_and_its_key_figures(ca_client, completed_project):
    page = page_of(ca_client, completed_project)
    assert reverse("projects:download", args=[completed_project.pk]) in page
    assert "845.12" in page  # net sales FY2024 in lakhs, the project's unit
    assert "-1.23" in page  # the FY2025 loss
    assert "1.33" in page  # current ratio
    assert "123.46" in page  # MPBF FY2026
    assert 'id="chart-amounts"' in page and "<polyline" in page
    assert "Process again" in page


def test_process_again_reprocesses_a_completed_project(ca_client, completed_project):
    response = ca_client.post(
        reverse("projects:process", args=[completed_project.pk]),
        {"force_reprocess": "on"},
        follow=True,
    )
    assert "Processing has started." in messages_of(response)[0]
    assert Project.objects.get(pk=completed_project.pk).is_processing


def test_process_without_force_on_a_completed_project_says_how(ca_client, completed_project):
    response = ca_client.post(reverse("projects:process", args=[completed_project.pk]), follow=True)
    assert "already generated" in messages_of(response)[0]


def test_download_serves_the_workbook(ca_client, completed_project):
    response = ca_client.get(reverse("projects:download", args=[completed_project.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK workbook bytes"
    assert "CMA - Sri Balaji Roadlines.xlsx" in response["Content-Disposition"]


def test_download_before_completion_is_a_404(ca_client, project_with_file):
    response = ca_client.get(reverse("projects:download", args=[project_with_file.pk]))
    assert response.status_code == 404


# Roles ------------------------------------------------------------------------------------


def test_staff_can_upload(staff_client, project):
    staff_client.post(reverse("projects:upload", args=[project.pk]), {"file": [upload()]})
    assert project.files.count() == 1


def test_staff_sees_why_they_cannot_process(staff_client, project_with_file):
    page = page_of(staff_client, project_with_file)
    assert "Only a CA or the firm&#x27;s owner can process projects." in page


def test_staff_cannot_process_or_retry(staff_client, project_with_file):
    assert (
        staff_client.post(reverse("projects:process", args=[project_with_file.pk])).status_code
        == 403
    )
    put_in_state(project_with_file, "error", error_step="extract")
    assert (
        staff_client.post(reverse("projects:retry", args=[project_with_file.pk])).status_code == 403
    )
    assert not Project.objects.get(pk=project_with_file.pk).is_processing


def test_owner_can_process(owner_client, project_with_file):
    owner_client.post(reverse("projects:process", args=[project_with_file.pk]))
    assert Project.objects.get(pk=project_with_file.pk).is_processing


def test_process_takes_the_run_options_of_the_form(ca_client, project_with_file):
    ca_client.post(
        reverse("projects:process", args=[project_with_file.pk]),
        {"auto_approve_above": "0.96", "skip_validation": "on", "quiet": "on"},
    )
    entry = AuditEntry.objects.get(project=project_with_file, action="pipeline_queued")
    assert entry.details["options"]["auto_approve_above"] == 0.96
    assert entry.details["options"]["skip_validation"] is True
    assert entry.details["options"]["skip_review"] is False
    assert entry.details["options"]["notify_on_review"] is False


def test_a_threshold_out_of_range_is_refused_with_the_reason(ca_client, project_with_file):
    response = ca_client.post(
        reverse("projects:process", args=[project_with_file.pk]),
        {"auto_approve_above": "0.2"},
        follow=True,
    )
    assert "greater than or equal to 0.5" in messages_of(response)[-1]
    assert not Project.objects.get(pk=project_with_file.pk).is_processing
