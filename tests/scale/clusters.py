"""Stopping the test's qclusters the way a service manager does."""

from __future__ import annotations

import subprocess


def stop(processes: list[subprocess.Popen]) -> None:
    """SIGTERM to each cluster's main process, all at once: it stops its own workers.

    Signalled as a whole process group (as the `qcluster` helper's exit does), a
    cluster waits for children that are already gone until it is killed 20 s later.
    """
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)
