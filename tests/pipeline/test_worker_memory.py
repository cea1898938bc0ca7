"""A worker whose memory grew past Q_MAX_RSS_MB in a run is replaced after it, so the
memory comes back; Q_RECYCLE replaces every worker after that many runs in any case."""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from unittest import mock

import pytest

from tests.pipeline.test_worker import FAST_STEPS, create_project_with_file, progress
from tests.pipeline.worker import qcluster, wait_for

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "cmaproject" / "settings.py"


def q_cluster_with(env: dict[str, str]) -> dict:
    with mock.patch.dict(os.environ, env):
        return runpy.run_path(str(SETTINGS_FILE))["Q_CLUSTER"]


def test_workers_are_recycled_by_default_and_by_setting():
    defaults = q_cluster_with({})
    assert (defaults["recycle"], defaults["max_rss"]) == (50, 512 * 1024)  # max_rss in KB
    chosen = q_cluster_with({"Q_RECYCLE": "10", "Q_MAX_RSS_MB": "300"})
    assert (chosen["recycle"], chosen["max_rss"]) == (10, 300 * 1024)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_past_its_memory_limit_is_replaced_and_the_memory_comes_back(http, tmp_path):
    steps = f"extract=tests.pipeline.worker_steps.heavy_extract,{FAST_STEPS}"
    env = {"PIPELINE_STEP_OVERRIDES": steps, "Q_MAX_RSS_MB": "200"}
    first, second = create_project_with_file(http), create_project_with_file(http)
    with qcluster(tmp_path, **env):
        for project_id in (first, second):
            http.post(f"{http.base}/projects/{project_id}/process", json={})
            wait_for(lambda p=project_id: not progress(http, p)["is_processing"], 60, "the run")

    def marked(project_id, when: str) -> tuple[int, int]:
        pid, megabytes = (tmp_path / f"heavy-{project_id}.{when}").read_text().split()
        return int(pid), int(megabytes)

    heavy_pid, heavy_end_mb = marked(first, "end")
    fresh_pid, fresh_start_mb = marked(second, "start")
    print(f"worker after the heavy run: {heavy_end_mb} MB; its successor: {fresh_start_mb} MB")
    assert heavy_end_mb > 200
    assert fresh_pid != heavy_pid
    assert fresh_start_mb < heavy_end_mb - 150
    assert "recycled worker" in (tmp_path / "qcluster.log").read_text()
