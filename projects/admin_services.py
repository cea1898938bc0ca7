"""The status changes a firm admin may make in Django admin: fail and reopen.

Never a raw edit of the status: each goes through the project's django-fsm
transition (`can_proceed` decides), is written with a conditional UPDATE that
only succeeds if nobody moved or claimed the project meanwhile, and leaves an
audit row (PROJECT_TRANSITION). A project being processed is left alone: a
run that stopped responding is marked failed by the lease sweeper.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django_fsm import can_proceed

from pipeline import lifecycle, progress
from pipeline.options import STEPS
from projects import audit
from projects.models import Project
from projects.services import Conflict, ServiceError
from projects.status import Status

# Transition name → what the admin reads ("moved to …").
ADMIN_TRANSITIONS = {"fail": "marked as failed", "reopen": "reopened as draft"}


@dataclass
class TransitionReport:
    moved: list[Project] = field(default_factory=list)
    refused: list[tuple[Project, str]] = field(default_factory=list)


def transition_projects(projects, name: str, *, acting_user) -> TransitionReport:
    """Apply transition `name` to each project on its own: one refusal never stops the rest."""
    report = TransitionReport()
    for project in projects:
        try:
            report.moved.append(transition_project(project, name, acting_user=acting_user))
        except ServiceError as error:
            report.refused.append((project, error.message))
    return report


def transition_project(project: Project, name: str, *, acting_user) -> Project:
    """1. Check the transition is an admin's and allowed from the project's status.
    2. Apply it to the instance, then write it only if the row is still as read.
    3. Record who did it, from which status to which."""
    if name not in ADMIN_TRANSITIONS:
        raise ServiceError(f"“{name}” is not a change an administrator can make.")
    if project.is_processing:
        raise Conflict(f"{project} is being processed; wait for the run to stop.")
    method = getattr(project, name)
    if not can_proceed(method):
        raise Conflict(
            f"{project} cannot be {ADMIN_TRANSITIONS[name]} while it is "
            f"{project.get_status_display().lower()}."
        )
    before = project.status
    values = _APPLY[name](project, acting_user)
    entry = lifecycle.Entry(
        audit.PROJECT_TRANSITION,
        f"{Status(before).label} → {Status(project.status).label}",
        {"transition": name, "source": before, "target": project.status},
        actor=acting_user,
    )
    try:
        lifecycle.save_unclaimed(project, before, values, entry)
    except lifecycle.Moved as moved:
        raise Conflict(str(moved)) from moved
    return Project.objects.select_related("firm").get(pk=project.pk)


def _fail(project: Project, acting_user) -> dict:
    """The step the run was in (or would run next) fails, so that retry resumes there;
    the values to write besides the status."""
    step = lifecycle.first_unfinished(project)
    who = getattr(acting_user, "email", "") or "an administrator"
    lifecycle.fail(project, step, f"Marked as failed by {who}. Retry to run the {step} step again.")
    return {
        "pipeline_steps": project.pipeline_steps,
        "pipeline_progress": project.pipeline_progress,
        "error": project.error,
        "error_step": step,
    }


def _reopen(project: Project, acting_user) -> dict:
    """Back to draft: every step runs again on the next process (more files may come first)."""
    project.reopen()
    progress.reset_from(project, STEPS[0])
    return {
        "pipeline_steps": project.pipeline_steps,
        "pipeline_progress": 0,
        "current_step": "",
        "error": "",
        "error_step": "",
        "completed_at": None,
        "duration_ms": None,
    }


_APPLY = {"fail": _fail, "reopen": _reopen}
