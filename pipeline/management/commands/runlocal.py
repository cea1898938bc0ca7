"""manage.py runlocal: the product on its embedded default, with a demo login.

Migrates the database, makes sure a demo firm owner exists, starts one
django-q2 worker (`qcluster`) beside the development server, and stops the
worker when the server stops. The worker runs at a lower CPU priority, so that
pages stay quick while it processes (docs/deploy.md, a host shared by both).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_FIRM = "Demo CA Firm"
DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-cma-2025"
WORKER_NICE = 10


class Command(BaseCommand):
    help = "Migrate, create the demo login, and run the web server with one worker."

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
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=settings.BASE_DIR,
            preexec_fn=lambda: os.nice(WORKER_NICE),  # in the child, before it starts
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
            worker.terminate()
            worker.wait(timeout=30)
