"""Start and stop a real `manage.py qcluster` against the test database."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """The URL of the database this test runs on, for the worker process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def qcluster(marks: Path, **env: str):
    """A qcluster in its own process group; SIGTERM on exit, SIGKILL if it lingers."""
    with managed(marks, "qcluster", [sys.executable, "manage.py", "qcluster"], **env) as process:
        yield process


@contextlib.contextmanager
def web_server(marks: Path, **env: str):
    """gunicorn, as production runs it, in its own process; yields its base URL once it
    answers. (runserver's backlog of ten resets connections when thirty arrive at once.)"""
    port = free_port()
    command = [
        *(sys.executable, "-m", "gunicorn", "cmaproject.wsgi"),
        *("--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"),
    ]
    with managed(marks, "gunicorn", command, **env):
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: answers(url), 30, "the web server to start")
        yield url


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url + "/api/v1/schema/", timeout=2)
    except urllib.error.HTTPError:
        return True  # it answered, if only with 401
    except OSError:
        return False
    return True


@contextlib.contextmanager
def managed(marks: Path, name: str, command: list[str], **env: str):
    """`command` against the test database, logging to marks/<name>.log."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "WORKER_TEST_MARKS": str(marks),
        "Q_WORKERS": "1",
        **env,
    }
    log = (marks / f"{name}.log").open("w")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        # SIGTERM to the main process only: it stops its own children, which a signal to
        # the whole group would leave waiting on one another.
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def wait_for(condition, timeout: float, what: str, interval: float = 0.5):
    """Poll `condition` until it returns something truthy; fail with `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
