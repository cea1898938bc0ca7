"""GET /progress is what every open project page asks every 1.5 s: few queries each."""

from __future__ import annotations

import uuid

from django.test import Client

from projects.models import Project


def test_progress_by_token_reads_member_firm_and_project_in_two_queries(
    api, project, django_assert_num_queries
):
    # The token with its user, membership and firm; then the project with its firm.
    with django_assert_num_queries(2):
        assert api.get(f"/api/v1/projects/{project.pk}/progress").status_code == 200


def test_progress_of_a_running_project_adds_the_estimate_s_queries(
    api, project, django_assert_num_queries
):
    Project.objects.filter(pk=project.pk).update(claim_token=uuid.uuid4())
    # The files' total size (extract and classify scale with it), the firm's last
    # completed runs' step records and, with none yet, everyone's.
    with django_assert_num_queries(5):
        answer = api.get(f"/api/v1/projects/{project.pk}/progress")
    assert answer.data["is_processing"] is True


def test_portal_session_reads_member_and_firm_with_the_user(ca, project, django_assert_num_queries):
    browser = Client()
    browser.force_login(ca)
    # The session, the user with membership and firm, the project.
    with django_assert_num_queries(3):
        assert browser.get(f"/api/v1/projects/{project.pk}/progress").status_code == 200
