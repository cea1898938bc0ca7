"""Recovery from dead workers: a claim whose lease ran out belongs to nobody.

A worker killed mid-step (SIGKILL, OOM, a lost host) cannot clean up after
itself, and django-q2's Redis broker drops its task. The sweeper finds the
expired lease and marks the project failed at the step it was in ("worker
lost"), so that `retry` resumes it from there. A run that was accepted but
never began (its task was lost in the queue) only loses its claim: nothing
ran, so the project keeps its status and can be processed again.
"""

from __future__ import annotations

import logging

from pipeline import claims, lifecycle
from projects.models import Project
from projects.status import Status

log = logging.getLogger(__name__)


def sweep_expired_claims() -> int:
    """Mark every project whose lease expired; the number of projects marked."""
    marked = 0
    for project in claims.expired():
        try:
            marked += mark_worker_lost(project)
        except claims.LeaseLost:
            continue  # its worker renewed the lease or finished meanwhile
    return marked


def mark_worker_lost(project: Project) -> bool:
    token = project.claim_token
    if not project.claim_started or project.status == Status.ERROR:
        claims.release(project.pk, token)
        return False
    step = lifecycle.first_unfinished(project)
    reason = (
        f"The worker processing the {step} step stopped without finishing (worker lost). "
        "Nothing it did is kept twice; retry to continue from this step."
    )
    lifecycle.fail(project, step, reason)
    fields = ["status", "pipeline_steps", "error", "error_step"]
    lifecycle.save(project, token, fields, lifecycle.worker_lost(step), release=True)
    log.warning("project %s: worker lost during %s", project.pk, step)
    return True
