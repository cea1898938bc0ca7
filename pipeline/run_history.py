"""The Run record of a move: what the project's run fields say, copied under its claim.

Called by pipeline.lifecycle inside the move's transaction, so a run's history and
the project's state never disagree; the data migration that created the table uses
`outcome_of` to read the runs that were made before it.
"""

from __future__ import annotations

import uuid

from django.db.models import Max

from pipeline.models import Run
from projects.models import Project
from projects.status import Status

_OUTCOMES = {
    Status.COMPLETED: Run.Outcome.COMPLETED,
    Status.REVIEWING: Run.Outcome.AWAITING_REVIEW,
    Status.ERROR: Run.Outcome.ERROR,
}


def outcome_of(status: str, *, running: bool) -> str:
    """How a run stands: running while it holds the claim, else what its status says."""
    if running:
        return Run.Outcome.RUNNING
    return _OUTCOMES.get(status, Run.Outcome.STOPPED)


def record(project: Project, token: uuid.UUID, *, release: bool) -> Run:
    """Write the run `token` stands for, creating it (numbered next) on its first move."""
    values = {
        "lease_expires_at": None if release else project.lease_expires_at,
        "options": project.options,
        "steps": project.pipeline_steps,
        "cost": project.cost,
        "attempts": project.attempts,
        "outcome": outcome_of(project.status, running=not release),
        "error": project.error,
        "error_step": project.error_step,
        "started_at": project.started_at,
        "completed_at": project.completed_at,
        "duration_ms": project.duration_ms,
    }
    updated = Run.objects.filter(project=project, claim_token=token).update(**values)
    if updated:
        return Run.objects.get(project=project, claim_token=token)
    last = project.runs.aggregate(last=Max("number"))["last"] or 0
    return Run.objects.create(project=project, claim_token=token, number=last + 1, **values)
