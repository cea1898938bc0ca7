"""README's first command: `manage.py runlocal` on the embedded default, a demo login,
one worker below the web server's CPU priority, and nothing left running after Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from pipeline.management.commands.runlocal import DEMO_EMAIL, DEMO_PASSWORD, WORKER_NICE
from tests.pipeline.worker import ROOT, answers, free_port, wait_for

pytestmark = pytest.mark.slow


def children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_runlocal_serves_the_portal_with_a_demo_login_and_a_lower_priority_worker(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    log = (tmp_path / "runlocal.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runlocal", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: answers(url), 60, "runlocal to serve")
        [worker] = children(server.pid)
        assert (
            os.getpriority(os.PRIO_PROCESS, worker)
            == os.getpriority(os.PRIO_PROCESS, server.pid) + WORKER_NICE
        )

        portal = requests.Session()
        portal.get(f"{url}/accounts/login/")
        signed_in = portal.post(
            f"{url}/accounts/login/",
            data={"username": DEMO_EMAIL, "password": DEMO_PASSWORD},
            headers={"X-CSRFToken": portal.cookies["csrftoken"], "Referer": url},
        )
        assert signed_in.url == f"{url}/projects/"
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C
        server.wait(timeout=60)
        log.close()
    assert not Path(f"/proc/{worker}").exists()
    printed = (tmp_path / "runlocal.log").read_text()
    assert f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}" in printed
