"""The heartbeat lease, in a real qcluster: a long silent step keeps its claim, and a
worker killed with SIGKILL is marked lost by the cluster's own sweep within two minutes.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from django.conf import settings

from pipeline.options import STEPS
from pipeline.recovery import sweep_expired_claims
from projects.models import Project
from tests.groundtruth import load
from tests.pipeline.test_killed_steps import COMPANY, comparable, uninterrupted  # noqa: F401
from tests.pipeline.test_worker import FAST_STEPS, create_project_with_file, progress
from tests.pipeline.worker import qcluster, wait_for
from tests.test_end_to_end import assert_matches_expected, start, stopped

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

FOUND_WITHIN_SECONDS = 120


def test_a_step_silent_for_longer_than_the_lease_keeps_its_claim(http, tmp_path):
    project_id = create_project_with_file(http)
    steps = f"extract=tests.pipeline.worker_steps.quiet_extract,{FAST_STEPS}"
    env = {"PIPELINE_STEP_OVERRIDES": steps, "PIPELINE_LEASE_SECONDS": "4", "QUIET_SECONDS": "12"}
    with qcluster(tmp_path, **env):
        assert http.post(f"{http.base}/projects/{project_id}/process", json={}).status_code == 202
        wait_for(lambda: (tmp_path / "quiet.pid").exists(), 60, "the silent step")
        swept = []
        while progress(http, project_id)["is_processing"]:
            swept.append(sweep_expired_claims())
            time.sleep(1)
    assert len(swept) >= 8  # the sweep looked throughout the silence, three leases long
    assert sum(swept) == 0
    assert progress(http, project_id)["status"] == "completed"


def test_a_killed_worker_is_found_by_the_sweep_within_two_minutes_and_retry_completes(
    http,
    tmp_path,
    uninterrupted,  # noqa: F811
):
    """The product's own settings (lease, heartbeat, sweep schedule): nothing shortened."""
    truth = load(COMPANY)
    project_id = start(http, COMPANY, truth)
    step = STEPS[0]
    steps = {"PIPELINE_STEP_OVERRIDES": f"{step}=tests.pipeline.worker_steps.interrupted_once"}
    with qcluster(tmp_path, **steps):
        assert http.post(f"{http.base}/projects/{project_id}/process", json={}).status_code == 202
        pid = wait_for(
            lambda: (tmp_path / f"{step}.pid").exists() and (tmp_path / f"{step}.pid").read_text(),
            60,
            f"the {step} step",
        )
        os.kill(int(pid), signal.SIGKILL)
        killed = time.monotonic()
        failed = wait_for(
            lambda: (p := progress(http, project_id))["status"] == "error" and p,
            FOUND_WITHIN_SECONDS + 30,
            "the sweep to mark the worker lost",
        )
        found_after = time.monotonic() - killed
        print(
            f"lost worker found {found_after:.0f} s after SIGKILL (lease "
            f"{settings.PIPELINE_LEASE_SECONDS} s, "
            f"sweep every {settings.PIPELINE_SWEEP_MINUTES} min)"
        )
        assert found_after <= FOUND_WITHIN_SECONDS
        assert (failed["error_step"], failed["is_processing"]) == (step, False)
        assert "worker lost" in failed["error"]

        assert http.post(f"{http.base}/projects/{project_id}/retry").status_code == 202
        final = stopped(http, project_id, 120)
    assert final["status"] == "completed", final
    assert comparable(Project.objects.get(pk=project_id)) == uninterrupted
    assert_matches_expected(http, project_id, truth)
