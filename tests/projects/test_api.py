"""The REST API of projects: paths, status codes, firm boundary, enqueuing."""

from __future__ import annotations

import pytest
from django_q.models import OrmQ

from projects.models import AuditEntry, Project
from tests.cast import api_client_for, upload, workbook_bytes


def create(api, **body) -> dict:
    body = {
        "company_name": "Shree Ganesh Polymers Pvt Ltd",
        "constitution": "private_limited",
        **body,
    }
    response = api.post("/api/v1/projects/", body, format="json")
    assert response.status_code == 201, response.data
    return response.data


def test_create_project_returns_its_id(api, firm):
    data = create(api)
    project = Project.objects.get(pk=data["id"])
    assert project.firm == firm
    assert project.status == "draft"
    assert data["is_processing"] is False


def test_the_unit_is_chosen_by_size_unless_the_ca_picks_one(api):
    assert Project.objects.get(pk=create(api)["id"]).display_unit == "auto"
    assert Project.objects.get(pk=create(api, display_unit="crores")["id"]).display_unit == (
        "crores"
    )
    response = api.post(
        "/api/v1/projects/",
        {"company_name": "X", "constitution": "llp", "display_unit": "thousands"},
        format="json",
    )
    assert response.status_code == 400 and "display_unit" in response.data


def test_create_refuses_an_unknown_constitution(api):
    response = api.post(
        "/api/v1/projects/", {"company_name": "X", "constitution": "trust"}, format="json"
    )
    assert response.status_code == 400
    assert "constitution" in response.data


def test_list_shows_only_the_firms_projects(api, other_api):
    create(api, company_name="Ours")
    create(other_api, company_name="Theirs")
    names = [p["company_name"] for p in api.get("/api/v1/projects/").data["results"]]
    assert names == ["Ours"]


def test_another_firms_project_is_a_404_on_every_path(other_api, project_with_file):
    base = f"/api/v1/projects/{project_with_file.pk}"
    for method, path in [
        ("get", "/"),
        ("get", "/files/"),
        ("post", "/files/"),
        ("post", "/process"),
        ("get", "/progress"),
        ("post", "/retry"),
        ("post", "/resume"),
        ("get", "/cma"),
        ("get", "/cma.xlsx"),
    ]:
        response = getattr(other_api, method)(base + path, format="json")
        assert response.status_code == 404, (method, path, response.status_code)


def test_an_unknown_id_is_a_404(api):
    assert api.get("/api/v1/projects/not-a-uuid/").status_code == 404
    missing = "/api/v1/projects/6f1c8d8e-4a9a-4bde-9a39-000000000000/"
    assert api.get(missing).status_code == 404


def test_upload_accepts_several_files(api, project):
    response = api.post(
        f"/api/v1/projects/{project.pk}/files/",
        {"file": [upload("a.pdf", b"%PDF-1 a"), upload("b.xlsx", workbook_bytes())]},
        format="multipart",
    )
    assert response.status_code == 201
    assert [f["original_name"] for f in response.data["files"]] == ["a.pdf", "b.xlsx"]
    assert project.files.count() == 2


def test_upload_refuses_the_same_file_twice_and_says_why(api, project):
    api.post(f"/api/v1/projects/{project.pk}/files/", {"file": upload("a.pdf")}, format="multipart")
    response = api.post(
        f"/api/v1/projects/{project.pk}/files/",
        {"file": [upload("copy.pdf"), upload("new.pdf", b"%PDF new")]},
        format="multipart",
    )
    assert response.status_code == 201
    assert response.data["rejected"] == [
        {
            "name": "copy.pdf",
            "error": "copy.pdf is the same file as a.pdf, which is already uploaded.",
        }
    ]


def test_process_without_files_is_a_400(api, project):
    response = api.post(f"/api/v1/projects/{project.pk}/process", {}, format="json")
    assert response.status_code == 400
    assert "Upload at least one statement" in response.data["detail"]


def test_process_accepts_and_enqueues_one_task_after_commit(
    api, project_with_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = api.post(
            f"/api/v1/projects/{project_with_file.pk}/process",
            {"options": {"skip_review": True}},
            format="json",
        )
    assert response.status_code == 202
    assert len(callbacks) == 1
    assert OrmQ.objects.count() == 1
    assert response.data["is_processing"] is True
    # No earlier run was measured: the estimate says nothing rather than guess.
    assert response.data["estimated_duration_seconds"] is None
    assert response.data["progress_url"].endswith(
        f"/api/v1/projects/{project_with_file.pk}/progress"
    )
    assert AuditEntry.objects.filter(project=project_with_file, action="pipeline_queued").exists()


def test_process_while_processing_is_a_409(api, project_with_file):
    assert api.post(f"/api/v1/projects/{project_with_file.pk}/process").status_code == 202
    response = api.post(f"/api/v1/projects/{project_with_file.pk}/process")
    assert response.status_code == 409
    assert "already being processed" in response.data["detail"]


def test_process_rejects_unknown_options(api, project_with_file):
    response = api.post(
        f"/api/v1/projects/{project_with_file.pk}/process",
        {"options": {"skip_everything": True}},
        format="json",
    )
    assert response.status_code == 400
    assert "skip_everything" in str(response.data)


def test_staff_cannot_process(staff, project_with_file):
    response = api_client_for(staff).post(f"/api/v1/projects/{project_with_file.pk}/process")
    assert response.status_code == 403


@pytest.mark.parametrize("verb", ["retry", "resume"])
def test_retry_and_resume_are_409_when_there_is_nothing_to_do(api, project_with_file, verb):
    response = api.post(f"/api/v1/projects/{project_with_file.pk}/{verb}")
    assert response.status_code == 409
    assert response.data["detail"]


def test_progress_reports_every_step(api, project_with_file):
    data = api.get(f"/api/v1/projects/{project_with_file.pk}/progress").data
    assert data["status"] == "draft"
    assert data["current_step"] is None
    assert data["pipeline_progress"] == 0
    assert data["is_processing"] is False
    assert data["estimated_remaining_seconds"] == 0
    assert list(data["steps"]) == ["extract", "classify", "review", "validate", "generate"]
    assert set(data["steps"]["extract"]) >= {
        "status",
        "started_at",
        "completed_at",
        "duration_ms",
        "error",
    }


def test_cma_is_a_404_until_generated(api, project_with_file):
    response = api.get(f"/api/v1/projects/{project_with_file.pk}/cma")
    assert response.status_code == 404
    assert "process the project" in response.data["detail"]


def test_schema_is_served(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"/api/v1/projects/{id}/process" in response.content


def test_the_schema_needs_a_member_by_token_or_session(client, ca):
    anonymous = client.get("/api/v1/schema/")
    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"] == "Token"
    assert b"/api/v1/projects/" not in anonymous.content
    client.force_login(ca)
    assert client.get("/api/v1/schema/").status_code == 200


def test_token_is_required(client, project):
    assert client.get("/api/v1/projects/").status_code in (401, 403)
