"""Three qclusters share one Redis queue: 30 sample companies submitted at once.

The production shape on one machine: a web server and three `qcluster` processes,
each configured only by environment variables, against Redis and PostgreSQL. The
test shows every project processed exactly once and completed, the work spread over
more than one cluster, and the progress endpoint answering all the while.

Which cluster ran a task is read from django-q2's own log line ("Process-1:1
processing <task name> 'pipeline.tasks.run_pipeline_task'"): every cluster logs to
its own file, and the task's name is in its Success record with the project's id.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
from django.db import connection
from django_q.models import Task

from pipeline.models import LineItem
from projects import audit
from projects.models import AuditEntry, Project
from projects.status import Status
from tests.groundtruth import companies, load
from tests.pipeline.worker import qcluster, wait_for, web_server
from tests.scale.clusters import stop
from tests.scale.http import api_session
from tests.test_end_to_end import start

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CLUSTERS = 3
PROJECTS = 30
POLLED = 6  # projects the progress poller cycles through
PIPELINE_TASK = "pipeline.tasks.run_pipeline_task"
RUN_SECONDS = 150  # the bound on the whole run on this 2-core machine


@pytest.fixture
def production_env() -> dict[str, str]:
    """The environment every process of the run gets; skips without Redis or PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("three clusters writing at once need PostgreSQL: set DATABASE_URL=postgres://…")
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        pytest.skip("set REDIS_TEST_URL (e.g. redis://127.0.0.1:6379/15) to run against Redis")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {url}: {error}")
    return {
        "REDIS_URL": url,
        "Q_CLUSTER_NAME": f"scale-test-{os.getpid()}",  # a queue of this run's own
        # One member submits all 30 runs; the per-member limits are not under test here.
        "THROTTLE_UPLOAD_RATE": "10000/hour",
        "THROTTLE_PROCESS_RATE": "10000/hour",
    }


@dataclass
class Polls:
    """What the progress poller saw: one (seconds, problem or "") per request."""

    answers: list[tuple[float, str]] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [problem for _, problem in self.answers if problem]

    @property
    def max_latency(self) -> float:
        return max(seconds for seconds, _ in self.answers)


@contextlib.contextmanager
def polling(http, project_ids: list[str]):
    """GET /progress round the given projects in a thread until the block ends."""
    polls, stop = Polls(), threading.Event()

    def poll() -> None:
        deadline = time.monotonic() + RUN_SECONDS + 30
        while not stop.is_set() and time.monotonic() < deadline:
            for project_id in project_ids:
                polls.answers.append(_poll_once(http, project_id))

    thread = threading.Thread(target=poll)
    thread.start()
    try:
        yield polls
    finally:
        stop.set()
        thread.join()


def _poll_once(http, project_id: str) -> tuple[float, str]:
    began = time.monotonic()
    try:
        answer = http.get(f"{http.base}/projects/{project_id}/progress", timeout=10)
        problem = "" if answer.status_code == 200 else f"HTTP {answer.status_code}"
        problem = problem or ("" if "status" in answer.json() else "no status in the answer")
    except (OSError, ValueError) as error:  # refused, timed out, or not JSON
        problem = repr(error)
    return time.monotonic() - began, problem


def ran_by(marks: list[Path]) -> dict[str, int]:
    """Task name → the cluster whose log says one of its workers processed it."""
    clusters: dict[str, list[int]] = {}
    for index, folder in enumerate(marks):
        for line in (folder / "qcluster.log").read_text().splitlines():
            if f"'{PIPELINE_TASK}'" in line and " processing " in line:
                name = line.split(" processing ", 1)[1].split()[0]
                clusters.setdefault(name, []).append(index)
    assert all(len(c) == 1 for c in clusters.values()), f"a task ran twice: {clusters}"
    return {name: c[0] for name, c in clusters.items()}


def is_ready(folder: Path) -> bool:
    log = folder / "qcluster.log"
    return log.exists() and "ready for work" in log.read_text()


def test_three_clusters_process_thirty_projects_once_each(
    ca, tmp_path, production_env, record_property
):
    marks = [tmp_path / f"cluster-{n}" for n in range(CLUSTERS)]
    for folder in marks:
        folder.mkdir()
    names = companies()
    with contextlib.ExitStack() as running:
        url = running.enter_context(web_server(tmp_path, **production_env))
        clusters = [running.enter_context(qcluster(f, **production_env)) for f in marks]
        http = api_session(url, ca, pool_size=PROJECTS + 1)
        chosen = [names[n % len(names)] for n in range(PROJECTS)]
        company_of = {start(http, company, load(company)): company for company in chosen}
        wait_for(lambda: all(is_ready(f) for f in marks), 60, "three clusters to start")

        began = time.monotonic()
        with polling(http, list(company_of)[:POLLED]) as polls:
            with ThreadPoolExecutor(max_workers=PROJECTS) as pool:
                codes = list(pool.map(lambda pid: _process(http, pid), company_of))
            wait_for(
                lambda: (
                    not Project.objects.filter(
                        pk__in=company_of, claim_token__isnull=False
                    ).exists()
                ),
                RUN_SECONDS,
                "all 30 runs to stop",
                interval=1,
            )
        seconds = time.monotonic() - began
        stop(clusters)

    assert codes == [202] * PROJECTS
    statuses = dict(Project.objects.filter(pk__in=company_of).values_list("pk", "status"))
    assert set(statuses.values()) == {Status.COMPLETED}, statuses

    # Exactly once: one queued run, one extract, one completion, one task per project.
    for action in (audit.PIPELINE_QUEUED, audit.step_start("extract"), audit.PIPELINE_COMPLETE):
        per_project = AuditEntry.objects.filter(project__in=company_of, action=action)
        assert sorted(str(e.project_id) for e in per_project) == sorted(map(str, company_of))
    tasks = Task.objects.filter(func=PIPELINE_TASK)
    assert sorted(t.args[0] for t in tasks) == sorted(map(str, company_of))
    assert all(t.success and t.attempt_count == 1 for t in tasks)

    # Nothing duplicated: every project holds the line items its statements print.
    for project_id, company in company_of.items():
        found = LineItem.objects.filter(project_id=project_id).count()
        assert found == len(load(company)["line_items"]), (company, found)

    # Spread: each task in exactly one cluster's log, and more than one cluster busy.
    cluster_of = ran_by(marks)
    assert sorted(cluster_of) == sorted(t.name for t in tasks)
    per_cluster = [list(cluster_of.values()).count(n) for n in range(CLUSTERS)]
    assert sum(1 for count in per_cluster if count) > 1, per_cluster

    # The progress endpoint answered throughout, every time with JSON.
    assert polls.problems == []
    assert len(polls.answers) >= POLLED * 5
    record_property("run_seconds", round(seconds, 1))
    record_property("tasks_per_cluster", per_cluster)
    record_property("progress_polls", len(polls.answers))
    record_property("progress_max_latency_ms", round(polls.max_latency * 1000))
    print(
        f"\n{PROJECTS} projects on {CLUSTERS} clusters in {seconds:.1f}s; tasks per cluster "
        f"{per_cluster}; {len(polls.answers)} progress polls, max latency "
        f"{polls.max_latency * 1000:.0f} ms"
    )


def _process(http, project_id: str) -> int:
    body = {"options": {"skip_review": True}}
    return http.post(
        f"{http.base}/projects/{project_id}/process", json=body, timeout=30
    ).status_code
