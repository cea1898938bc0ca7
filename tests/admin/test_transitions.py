"""Admin actions move a project only through an allowed django-fsm transition, with an
audit row, and tell the admin which projects moved and which were refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pipeline.options import PipelineOptions
from projects import audit, services
from projects.admin_services import transition_project
from projects.models import AuditEntry, Project
from projects.services import Conflict
from tests.portal.conftest import put_in_state

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:projects_project_changelist"


def run_action(client, action: str, *projects):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [str(p.pk) for p in projects]},
        follow=True,
    )


def said(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_mark_as_failed_moves_an_allowed_project_and_refuses_a_failed_one(
    firm_admin_client, firm_admin, project_with_file, firm
):
    failed = Project.objects.create(
        firm=firm, company_name="Already Failed Traders", constitution="proprietorship"
    )
    failed = put_in_state(failed, "error", error_step="extract")
    response = run_action(firm_admin_client, "mark_failed", project_with_file, failed)
    assert said(response) == [
        "Marked as failed: Sri Balaji Roadlines.",
        "Not changed: Already Failed Traders cannot be marked as failed while it is failed.",
    ]
    moved = Project.objects.get(pk=project_with_file.pk)
    assert moved.status == "error" and moved.error_step == "extract"
    assert "Marked as failed by partner@rao-reddy.in" in moved.error
    entry = AuditEntry.objects.get(action=audit.PROJECT_TRANSITION)
    assert (entry.project_id, entry.actor) == (moved.pk, firm_admin)
    assert entry.details == {"transition": "fail", "source": "draft", "target": "error"}
    assert not AuditEntry.objects.filter(action=audit.PROJECT_TRANSITION, project=failed).exists()


def test_reopen_as_draft_from_failed_and_refused_from_draft(
    firm_admin_client, project_with_file, firm
):
    failed = put_in_state(
        project_with_file,
        "error",
        error="boom",
        error_step="classify",
        pipeline_progress=25,
        pipeline_steps={"extract": {"status": "completed"}, "classify": {"status": "failed"}},
    )
    draft = Project.objects.create(firm=firm, company_name="Fresh Draft", constitution="llp")
    response = run_action(firm_admin_client, "reopen_as_draft", failed, draft)
    assert said(response) == [
        "Reopened as draft: Sri Balaji Roadlines.",
        "Not changed: Fresh Draft cannot be reopened as draft while it is draft.",
    ]
    reopened = Project.objects.get(pk=failed.pk)
    assert (reopened.status, reopened.error, reopened.pipeline_progress) == ("draft", "", 0)
    assert reopened.pipeline_steps["extract"]["status"] == "pending"


def test_a_project_being_processed_is_left_alone(firm_admin_client, project_with_file, ca):
    services.start_processing(project_with_file, PipelineOptions(), acting_user=ca)
    response = run_action(firm_admin_client, "mark_failed", project_with_file)
    assert said(response) == [
        "Not changed: Sri Balaji Roadlines is being processed; wait for the run to stop."
    ]
    assert Project.objects.get(pk=project_with_file.pk).status == "draft"


def test_a_failed_project_marked_by_an_admin_can_be_retried(project_with_file, owner, ca):
    transition_project(project_with_file, "fail", acting_user=owner)
    project = Project.objects.get(pk=project_with_file.pk)
    project = services.retry_processing(project, acting_user=ca)
    assert project.is_processing


def test_only_fail_and_reopen_are_admin_transitions(project_with_file, owner):
    with pytest.raises(services.ServiceError, match="not a change an administrator"):
        transition_project(project_with_file, "complete", acting_user=owner)


def test_a_project_moved_meanwhile_is_refused(project_with_file, owner):
    stale = Project.objects.get(pk=project_with_file.pk)
    put_in_state(project_with_file, "completed")
    with pytest.raises(Conflict, match="changed meanwhile"):
        transition_project(stale, "fail", acting_user=owner)


def test_a_projects_admin_page_is_view_only(firm_admin_client, project_with_file):
    url = reverse("admin:projects_project_change", args=[project_with_file.pk])
    page = firm_admin_client.get(url).content.decode()
    assert 'name="status"' not in page and 'name="_save"' not in page
    assert "statement.pdf" in page  # the files inline
    assert firm_admin_client.post(url, {"status": "completed"}).status_code == 403
    assert Project.objects.get(pk=project_with_file.pk).status == "draft"


def test_another_firms_projects_cannot_be_moved(firm_admin_client, other_firm):
    theirs = Project.objects.create(
        firm=other_firm, company_name="Gupta Electricals", constitution="partnership"
    )
    run_action(firm_admin_client, "mark_failed", theirs)
    assert Project.objects.get(pk=theirs.pk).status == "draft"
    assert not AuditEntry.objects.filter(action=audit.PROJECT_TRANSITION).exists()
