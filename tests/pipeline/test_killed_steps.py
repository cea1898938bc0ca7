"""A worker killed (SIGKILL) in the middle of each step of a real run, in a real qcluster.

The claim expires, the sweeper marks the worker lost, `retry` resumes from that step,
and the CMA equals that of an uninterrupted run: nothing duplicated, nothing lost.
"""

from __future__ import annotations

import os
import signal

import pytest

from pipeline import orchestrator
from pipeline.models import Classification
from pipeline.options import STEPS
from pipeline.recovery import sweep_expired_claims
from projects.models import Project
from tests.groundtruth import load
from tests.pipeline.worker import qcluster, wait_for
from tests.test_end_to_end import assert_matches_expected, start, stopped

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

COMPANY = "sri-balaji-roadlines"
# Short enough to keep the test quick, long enough for a run on a busy machine.
TIMING = {"PIPELINE_TASK_TIMEOUT": "15", "PIPELINE_LEASE_SECONDS": "17"}


def comparable(project: Project) -> dict:
    """What must not differ between two runs on the same files: the CMA without its ids,
    and the number of rows each step writes."""
    document = project.cma.document
    items = [{k: v for k, v in item.items() if k != "id"} for item in document["line_items"]]
    return {
        "rows": document["rows"],
        "assessment": document["assessment"],
        "years": document["years"],
        "validation": document["validation"],
        "line_items": sorted(items, key=lambda item: (item["file"], item["label"])),
        "counts": {
            "line_items": project.line_items.count(),
            "classifications": Classification.objects.filter(line_item__project=project).count(),
            "findings": project.findings.count(),
            "review_items": project.review_items.count(),
            "files": project.files.count(),
        },
    }


@pytest.fixture
def uninterrupted(http) -> dict:
    """The same company run in one go, in this process."""
    project_id = start(http, COMPANY, load(COMPANY))
    project = Project.objects.get(pk=project_id)
    assert orchestrator.run_pipeline(project.pk, project.firm_id).completed
    return comparable(Project.objects.get(pk=project_id))


@pytest.mark.parametrize("step", STEPS)
def test_a_worker_killed_mid_step_resumes_there_and_ends_as_if_never_killed(
    http, tmp_path, uninterrupted, step
):
    truth = load(COMPANY)
    project_id = start(http, COMPANY, truth)
    steps = {"PIPELINE_STEP_OVERRIDES": f"{step}=tests.pipeline.worker_steps.interrupted_once"}
    with qcluster(tmp_path, **steps, **TIMING):
        assert http.post(f"{http.base}/projects/{project_id}/process", json={}).status_code == 202
        pid = wait_for(
            lambda: (tmp_path / f"{step}.pid").exists() and (tmp_path / f"{step}.pid").read_text(),
            60,
            f"the {step} step",
        )
        os.kill(int(pid), signal.SIGKILL)
        assert http.get(f"{http.base}/projects/{project_id}/progress").json()["is_processing"]
        # The sweep schedule's function, called here once the lease has run out.
        wait_for(sweep_expired_claims, 60, "the lease to expire")
        failed = stopped(http, project_id, 10)
        assert (failed["status"], failed["error_step"]) == ("error", step)
        assert "worker lost" in failed["error"]

        assert http.post(f"{http.base}/projects/{project_id}/retry").status_code == 202
        final = stopped(http, project_id, 60)
    assert final["status"] == "completed", final

    project = Project.objects.get(pk=project_id)
    assert comparable(project) == uninterrupted
    assert_matches_expected(http, project_id, truth)
    actions = list(project.audit_entries.values_list("action", flat=True))
    starts = {s: actions.count(f"pipeline_{s}_start") for s in STEPS}
    assert starts == {s: 2 if s == step else 1 for s in STEPS}  # resumed at the killed step
    assert actions.count("pipeline_worker_lost") == 1
    assert actions.count("pipeline_complete") == 1
