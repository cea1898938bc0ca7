"""A real qcluster: end to end through the HTTP API, concurrency, and a killed worker.

These run the worker as a separate process against the test database, so they
need committed data (`transactional_db`) and a file database on SQLite.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
import requests
from django.utils import timezone
from django_q.models import OrmQ, Schedule
from rest_framework.authtoken.models import Token

from pipeline.schedules import SWEEP_NAME
from projects.models import AuditEntry, Project
from tests.pipeline.worker import qcluster, wait_for, web_server
from tests.pipeline.worker_steps import ROWS_PER_RUN

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

FAST_STEPS = ",".join(
    f"{step}=tests.pipeline.worker_steps.counted_step"
    for step in ("classify", "review", "validate", "generate")
)


def create_project_with_file(http) -> str:
    created = http.post(
        f"{http.base}/projects/",
        json={"company_name": "Bharat Engineering Works", "constitution": "partnership"},
    )
    assert created.status_code == 201
    project_id = created.json()["id"]
    files = {"file": ("statement.pdf", b"%PDF-1.4 statement", "application/pdf")}
    assert http.post(f"{http.base}/projects/{project_id}/files/", files=files).status_code == 201
    return project_id


def progress(http, project_id) -> dict:
    return http.get(f"{http.base}/projects/{project_id}/progress").json()


def test_a_qcluster_processes_a_project_through_the_http_api(http, tmp_path):
    project_id = create_project_with_file(http)
    steps = f"extract=tests.pipeline.worker_steps.extract_rows,{FAST_STEPS}"
    with qcluster(tmp_path, PIPELINE_STEP_OVERRIDES=steps):
        accepted = http.post(
            f"{http.base}/projects/{project_id}/process", json={"options": {"skip_review": True}}
        )
        assert accepted.status_code == 202
        assert accepted.json()["is_processing"] is True
        final = wait_for(
            lambda: (p := progress(http, project_id))["is_processing"] is False and p,
            60,
            "the pipeline to stop",
        )
    assert final["status"] == "completed"
    assert final["pipeline_progress"] == 100
    assert all(step["status"] == "completed" for step in final["steps"].values())
    assert Project.objects.get(pk=project_id).line_items.count() == ROWS_PER_RUN


def redis_url() -> str:
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {url}: {error}")
    return url


def test_a_qcluster_on_the_redis_broker_processes_a_project(ca, tmp_path):
    """Production shape: web process and worker share a Redis broker, not the database."""
    token = Token.objects.create(user=ca).key
    steps = f"extract=tests.pipeline.worker_steps.extract_rows,{FAST_STEPS}"
    env = {"REDIS_URL": redis_url(), "Q_CLUSTER_NAME": f"redis-test-{os.getpid()}"}
    with (
        web_server(tmp_path, **env) as url,
        qcluster(tmp_path, PIPELINE_STEP_OVERRIDES=steps, **env),
    ):
        http = requests.Session()
        http.headers["Authorization"] = f"Token {token}"
        http.base = url + "/api/v1"
        project_id = create_project_with_file(http)
        assert (
            http.post(
                f"{http.base}/projects/{project_id}/process",
                json={"options": {"skip_review": True}},
            ).status_code
            == 202
        )
        final = wait_for(
            lambda: (p := progress(http, project_id))["is_processing"] is False and p,
            60,
            "the pipeline to stop",
        )
    assert final["status"] == "completed"
    assert not OrmQ.objects.exists()  # the task went through Redis


def test_twenty_concurrent_process_requests_start_one_run(http, tmp_path):
    project_id = create_project_with_file(http)
    url = f"{http.base}/projects/{project_id}/process"
    with ThreadPoolExecutor(max_workers=20) as pool:
        codes = list(pool.map(lambda _: http.post(url, json={}).status_code, range(20)))
    assert sorted(codes) == [202] + [409] * 19

    steps = f"extract=tests.pipeline.worker_steps.counted_step,{FAST_STEPS}"
    with qcluster(tmp_path, PIPELINE_STEP_OVERRIDES=steps):
        wait_for(lambda: not progress(http, project_id)["is_processing"], 60, "the run to stop")
    calls = (tmp_path / "calls.log").read_text().split()
    assert calls == ["extract", "classify", "review", "validate", "generate"]
    assert AuditEntry.objects.filter(project_id=project_id, action="pipeline_queued").count() == 1


def test_a_worker_killed_mid_step_recovers_through_retry(http, tmp_path):
    project_id = create_project_with_file(http)
    steps = f"extract=tests.pipeline.worker_steps.slow_extract,{FAST_STEPS}"
    env = {
        "PIPELINE_STEP_OVERRIDES": steps,
        "PIPELINE_TASK_TIMEOUT": "10",
        "PIPELINE_LEASE_SECONDS": "12",
    }
    with qcluster(tmp_path, **env):
        assert http.post(f"{http.base}/projects/{project_id}/process", json={}).status_code == 202
        pid = wait_for(
            lambda: (tmp_path / "extract.pid").exists() and (tmp_path / "extract.pid").read_text(),
            60,
            "the extract step",
        )
        os.kill(int(pid), signal.SIGKILL)
        # The sweep schedule runs on the cluster's next scheduler pass once the lease ran out.
        Schedule.objects.filter(name=SWEEP_NAME).update(next_run=timezone.now())
        failed = wait_for(
            lambda: (p := progress(http, project_id))["status"] == "error" and p,
            90,
            "the sweeper to mark the worker lost",
        )
        assert failed["is_processing"] is False
        assert failed["error_step"] == "extract"
        assert "worker lost" in failed["error"]

        assert http.post(f"{http.base}/projects/{project_id}/retry").status_code == 202
        final = wait_for(
            lambda: (p := progress(http, project_id))["is_processing"] is False and p,
            60,
            "the retried run to stop",
        )
    assert final["status"] == "completed"
    assert Project.objects.get(pk=project_id).line_items.count() == ROWS_PER_RUN
    actions = list(
        AuditEntry.objects.filter(project_id=project_id).values_list("action", flat=True)
    )
    assert actions.count("pipeline_worker_lost") == 1
    assert actions.count("pipeline_complete") == 1
