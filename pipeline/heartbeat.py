"""While a run works, a thread renews its claim's short lease, so that a dead worker is
found within a minute or two instead of when a half-hour lease runs out.

Progress reports renew the lease too, but a step may go a long time without one (a
long PDF, a slow classifier API). The beat stops with the run, and with the process:
a worker killed by SIGKILL, the OOM killer or a lost host beats no more, its lease
runs out PIPELINE_LEASE_SECONDS later, and the sweep marks the project "worker lost".
"""

from __future__ import annotations

import logging
import threading
import uuid

from django.conf import settings
from django.db import DatabaseError, connection, connections

from pipeline import claims

log = logging.getLogger(__name__)


class Heartbeat:
    """`with Heartbeat(project_id, token):` renews the claim every PIPELINE_HEARTBEAT_SECONDS.

    A run inside a transaction (an in-process test) is invisible to every other
    connection, the sweep's included, so it needs no beat and gets none.
    """

    def __init__(self, project_id: uuid.UUID, token: uuid.UUID) -> None:
        self.project_id, self.token = project_id, token
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None

    def __enter__(self) -> Heartbeat:
        if not connection.in_atomic_block:
            self.thread = threading.Thread(
                target=self._beat, name=f"heartbeat-{self.project_id}", daemon=True
            )
            self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopped.set()
        if self.thread is not None:
            self.thread.join(timeout=settings.PIPELINE_HEARTBEAT_SECONDS)

    def _beat(self) -> None:
        try:
            while not self.stopped.wait(settings.PIPELINE_HEARTBEAT_SECONDS):
                try:
                    claims.renew(self.project_id, self.token)
                except claims.LeaseLost:
                    return  # the run ended or the sweep took the claim: its next save says so
                except DatabaseError as error:
                    # One missed beat is within the lease; the next one tries a new connection.
                    log.warning("project %s: heartbeat missed: %s", self.project_id, error)
                    connection.close()
        finally:
            connections.close_all()  # this thread's own connections
