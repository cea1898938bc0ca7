"""The only writer of a run's state: the project's status (its django-fsm field), its
step records and the run's own record (pipeline.Run).

Each move is checked by the project's transition (django-fsm refuses a move the
lifecycle of ../shared/design.md does not hold), written with one conditional
UPDATE (under the run's claim, or for an administrator's move only if nobody moved
or claimed the project meanwhile), and its audit entries are written in the same
transaction, as pretix's `log_action` and zulip's `do_*` actions do: a status
change without its audit row cannot be committed. Emails are sent by the caller
after the write, fire-and-forget (pipeline.hooks).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from pipeline import claims, progress, run_history
from pipeline.options import STEPS
from projects import audit
from projects.models import Project


class Moved(Exception):
    """The project changed or was claimed since it was read; nothing was written."""


@dataclass(frozen=True)
class Entry:
    """One audit entry a move writes with itself."""

    action: str
    message: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    actor: Any = None


def save(
    project: Project,
    token: uuid.UUID,
    field_names: Iterable[str],
    *entries: Entry,
    release: bool = False,
) -> None:
    """Write the run's move under its claim (claims.LeaseLost once it is gone) with its
    Run record and its audit entries, in one transaction."""
    with transaction.atomic():
        claims.save_claimed(project, token, field_names, release=release)
        run_history.record(project, token, release=release)
        _record(project, entries)


def save_unclaimed(project: Project, before: str, values: dict[str, Any], *entries: Entry) -> None:
    """Write an administrator's move (`values` besides the status) only if the project is
    still in `before` and unclaimed; `Moved` otherwise. The audit entries go with it."""
    with transaction.atomic():
        won = Project.objects.filter(pk=project.pk, status=before, claim_token__isnull=True)
        if not won.update(status=project.status, updated_at=timezone.now(), **values):
            raise Moved(f"{project} changed meanwhile; look at it again.")
        _record(project, entries)


def _record(project: Project, entries: Iterable[Entry]) -> None:
    for entry in entries:
        audit.record(
            entry.action,
            firm=project.firm,
            project=project,
            actor=entry.actor,
            message=entry.message,
            **entry.details,
        )


def first_unfinished(project: Project) -> str:
    """The step a run of `project` is in or would run next (the last one when all are done)."""
    if project.current_step:
        return project.current_step
    records = progress.step_records(project)
    return next((s for s in STEPS if records[s]["status"] not in progress.DONE), STEPS[-1])


def fail(project: Project, step: str, reason: str, hint: str = "") -> None:
    """Fail the project at `step` on the instance, so that retry resumes there; the
    caller saves it (with `save` or `save_unclaimed`)."""
    project.fail()
    progress.mark_failed(project, step, reason)
    if hint:
        project.pipeline_steps[step]["hint"] = hint
    project.error, project.error_step = reason, step


# The audit entries of the run's moves ---------------------------------------------------


def step_started(step: str) -> Entry:
    return Entry(audit.step_start(step), details={"step": step})


def step_completed(project: Project, step: str, summary: str, problems: list[str]) -> Entry:
    record = project.pipeline_steps.get(step, {})
    details = {"step": step, "duration_ms": record.get("duration_ms"), "problems": problems}
    return Entry(audit.step_complete(step), summary, details)


def step_failed(step: str, reason: str, hint: str) -> tuple[Entry, Entry]:
    return (
        Entry(audit.step_failed(step), reason, {"hint": hint}),
        Entry(audit.PIPELINE_FAILED, reason, {"step": step}),
    )


def review_needed(pending: int) -> Entry:
    return Entry(audit.PIPELINE_REVIEW_NEEDED, details={"pending": pending})


def completed(project: Project) -> Entry:
    details = {"duration_ms": project.duration_ms, "cost": str(project.cost)}
    return Entry(audit.PIPELINE_COMPLETE, details=details)


def worker_lost(step: str) -> Entry:
    return Entry(audit.PIPELINE_WORKER_LOST, details={"step": step})
