"""The production shape on one machine, for the bench: a fresh database, Redis, gunicorn, qclusters.

Every process is a child in its own session, configured only by environment
variables (README, "Settings"), and stopped when the `Stack` closes, on an
error or Ctrl-C too.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis

from tests.pipeline.worker import answers, free_port, wait_for

ROOT = Path(__file__).resolve().parents[1]
MANAGE = [sys.executable, "manage.py"]
# Rates no bench run reaches: the per-member limits are not what is measured.
UNTHROTTLED = "1000000/hour"


def fresh_database(url: str) -> None:
    """Drop and create the database `url` names, through the server's `postgres` database."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing to drop a database named {name!r}")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def fresh_redis(url: str) -> None:
    redis.Redis.from_url(url, socket_connect_timeout=3).flushdb()


@dataclass
class Stack:
    """The environment every process shares, and the processes started so far."""

    database_url: str
    redis_url: str
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen] = field(default_factory=list)
    web_process: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        for folder in ("media", "static"):  # static: whitenoise wants it, empty is fine
            (self.workdir / folder).mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "DATABASE_CONN_MAX_AGE": "60",  # as docs/deploy.md advises
            "REDIS_URL": self.redis_url,
            "Q_CLUSTER_NAME": f"bench-{os.getpid()}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            "STATIC_ROOT": str(self.workdir / "static"),
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "THROTTLE_UPLOAD_RATE": UNTHROTTLED,
            "THROTTLE_PROCESS_RATE": UNTHROTTLED,
        }

    def manage(self, *args: str, timeout: float = 300) -> str:
        """Run `manage.py args` to completion; its standard output."""
        done = subprocess.run(
            [*MANAGE, *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def prepare(self) -> str:
        """1. fresh database and Redis db, 2. migrate, 3. a CA of a firm; their API token."""
        fresh_database(self.database_url)
        fresh_redis(self.redis_url)
        self.manage("migrate", "--noinput")
        out = self.manage(
            "addmember",
            "--firm",
            "Bench & Co",
            "--email",
            "ca@bench.example",
            "--password",
            secrets.token_urlsafe(16),
            "--role",
            "ca",
        )
        return out.split()[-1]

    def start(self, name: str, command: list[str], **env: str) -> subprocess.Popen:
        log = (self.workdir / f"{name}.log").open("w")
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the bench, which stops them in order
        )
        log.close()
        self.processes.append(process)
        return process

    def web(self, workers: int) -> str:
        """gunicorn with `workers` sync workers, as in docs/deploy.md; its base URL once up."""
        port = free_port()
        self.web_process = self.start(
            "gunicorn",
            [
                *(sys.executable, "-m", "gunicorn", "cmaproject.wsgi"),
                *("--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60"),
            ],
        )
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: answers(url), 60, "gunicorn to answer")
        return url

    def cluster(self, name: str, workers: int, nice: int = 0) -> subprocess.Popen:
        """`manage.py qcluster` with Q_WORKERS=workers, returned once every worker is ready;
        with `nice`, at that much lower CPU priority than the web server."""
        process = self.start(name, [*MANAGE, "qcluster"], Q_WORKERS=str(workers))
        if nice:
            lower_priority(process.pid, nice)
        log = self.workdir / f"{name}.log"
        wait_for(
            lambda: log.read_text().count("ready for work") >= workers,
            90,
            f"{name} to start {workers} workers",
            interval=0.1,
        )
        return process

    @contextlib.contextmanager
    def serving(self, name: str, workers: int, nice: int = 0):
        """A qcluster for the length of a `with` block."""
        process = self.cluster(name, workers, nice)
        try:
            yield process
        finally:
            self.stop(process)

    def stop(self, process: subprocess.Popen, grace: float = 30) -> None:
        """SIGTERM to the main process (it stops its own workers); SIGKILL to its group after."""
        if process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=grace)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever of the group lingers
        process.wait()
        if process in self.processes:
            self.processes.remove(process)

    def close(self) -> None:
        for process in reversed(list(self.processes)):
            self.stop(process)


def lower_priority(pid: int, nice: int) -> None:
    """Give the session `pid` leads `nice` (docs/deploy.md: workers below the web server on
    a host that runs both). The processes it forks inherit the process's own nice; with
    Linux's autogroup scheduling each session also competes as one group, whose nice
    is set apart, or the process's nice would count only within its own session."""
    os.setpriority(os.PRIO_PROCESS, pid, nice)
    with contextlib.suppress(FileNotFoundError):  # a kernel without autogroup
        Path(f"/proc/{pid}/autogroup").write_text(str(nice))
