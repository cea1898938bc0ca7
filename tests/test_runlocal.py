"""README's first command: `manage.py runlocal` on the embedded default, a demo login,
one qcluster below the web server's CPU priority, and nothing left running after Ctrl-C
or SIGTERM, on a busy machine too."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from pipeline.management.commands.runlocal import DEMO_EMAIL, DEMO_PASSWORD, WORKER_NICE
from tests.pipeline.worker import ROOT, answers, free_port, wait_for

pytestmark = pytest.mark.slow


def children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def start_runlocal(tmp_path) -> tuple[subprocess.Popen, str]:
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
    log.close()
    url = f"http://127.0.0.1:{port}"
    wait_for(lambda: answers(url) or server.poll() is not None, 90, "runlocal to serve")
    assert server.poll() is None, (tmp_path / "runlocal.log").read_text()
    return server, url


def group_members(pgid: int) -> list[int]:
    """The live processes of a process group (the cluster, its sentinel and workers)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[0] != "Z" and int(fields[2]) == pgid:
                members.append(int(stat.parent.name))
    return members


@contextlib.contextmanager
def busy_machine(processes: int = 4):
    """Every core kept busy at normal priority, as on a loaded CI host."""
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)
    ]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


def test_runlocal_serves_the_portal_with_a_demo_login_and_a_lower_priority_worker(tmp_path):
    server, url = start_runlocal(tmp_path)
    try:
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
    assert not Path(f"/proc/{worker}").exists()
    printed = (tmp_path / "runlocal.log").read_text()
    assert f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}" in printed


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stop_by_either_signal_ends_everything_runlocal_started_on_a_busy_machine(tmp_path, stop):
    server, _ = start_runlocal(tmp_path)
    [cluster] = children(server.pid)
    wait_for(lambda: len(group_members(cluster)) >= 3, 60, "the cluster's processes to start")
    with busy_machine():
        asked = time.monotonic()
        server.send_signal(stop)
        server.wait(timeout=60)
        wait_for(lambda: not group_members(cluster), 10, "the cluster's processes to end")
    print(f"runlocal and its cluster stopped {time.monotonic() - asked:.1f} s after {stop.name}")
    assert not Path(f"/proc/{cluster}").exists()
