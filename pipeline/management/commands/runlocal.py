"""manage.py runlocal: the product on its embedded default, with a demo login.

Migrates the database, makes sure a demo firm owner exists, starts one
django-q2 cluster (`qcluster`, with Q_WORKERS worker processes) beside the
development server, and stops the cluster when the server stops. The cluster
runs at a lower CPU priority, so that pages stay quick while it processes
(docs/deploy.md, a host shared by both).

A stop by Ctrl-C (SIGINT) or SIGTERM ends everything runlocal started: the cluster
lives in a process group of its own, which is asked to stop and, if it has not
within STOP_SECONDS (a busy machine, a long task), killed. Should runlocal itself be
killed outright, the kernel tells the cluster (PR_SET_PDEATHSIG) and it stops too.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_FIRM = "Demo CA Firm"
DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-cma-2025"
WORKER_NICE = 10
STOP_SECONDS = 20
_PR_SET_PDEATHSIG = 1


class Command(BaseCommand):
    help = "Migrate, create the demo login, and run the web server with one qcluster."

    def add_arguments(self, parser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, **opts) -> None:
        call_command("migrate", verbosity=0, interactive=False)
        call_command(
            "addmember",
            firm=DEMO_FIRM,
            email=DEMO_EMAIL,
            password=DEMO_PASSWORD,
            role="owner",
            stdout=io.StringIO(),
        )
        signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=settings.BASE_DIR,
            process_group=0,
            preexec_fn=_worker_setup,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"\nCMA Pipeline at http://{opts['addrport']}/  (admin: /admin/, API: /api/v1/)\n"
                f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}\n"
            )
        )
        try:
            call_command("runserver", opts["addrport"], use_reloader=False)
        finally:
            stop_group(worker)


def _worker_setup() -> None:
    """In the cluster's process, before it starts: a lower priority, and SIGTERM when
    runlocal dies (Linux; elsewhere only the orderly stop applies)."""
    os.nice(WORKER_NICE)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop_like_ctrl_c(signum, frame) -> None:
    raise KeyboardInterrupt  # runserver exits on it, and `handle`'s finally runs


def stop_group(process: subprocess.Popen) -> None:
    """Ask the cluster to stop (it stops its own workers); after STOP_SECONDS, or once it
    has gone, SIGKILL whatever is left of its process group."""
    process.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_SECONDS)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
