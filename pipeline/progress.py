"""Per-step records in `Project.pipeline_steps`, overall progress, and the time left.

Progress bands (../shared/design.md): extract 0–25 %, classify 25–50 %,
review 50–60 %, validate 60–80 %, generate 80–100 %. A step may report how far
it is within its band with `report(fraction)`; that also renews the claim's
lease, so a long step keeps its project.
"""

from __future__ import annotations

import statistics
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, OuterRef, Subquery, Sum
from django.utils import timezone

from pipeline import claims
from pipeline.options import STEPS
from projects.models import Project, SourceFile
from projects.status import Status

BANDS = {
    "extract": (0, 25),
    "classify": (25, 50),
    "review": (50, 60),
    "validate": (60, 80),
    "generate": (80, 100),
}
PENDING, RUNNING, COMPLETED, WAITING, SKIPPED, FAILED = (
    "pending",
    "running",
    "completed",
    "waiting",
    "skipped",
    "failed",
)
DONE = (COMPLETED, SKIPPED)


def empty_record() -> dict:
    return {
        "status": PENDING,
        "started_at": None,
        "completed_at": None,
        "duration_ms": None,
        "error": None,
        "attempts": 0,
        "summary": "",
        "problems": [],
    }


def step_records(project: Project) -> dict[str, dict]:
    """Every step's record, pending where the project has none yet."""
    return {step: {**empty_record(), **project.pipeline_steps.get(step, {})} for step in STEPS}


def mark_started(project: Project, step: str) -> None:
    records = step_records(project)
    records[step].update(
        status=RUNNING,
        started_at=timezone.now().isoformat(),
        completed_at=None,
        duration_ms=None,
        error=None,
        attempts=records[step]["attempts"] + 1,
        problems=[],
    )
    project.pipeline_steps = records
    project.current_step = step
    project.pipeline_progress = BANDS[step][0]


def mark_finished(project: Project, step: str, status: str, summary: str = "", problems=()) -> None:
    records = step_records(project)
    record = records[step]
    now = timezone.now()
    started = datetime.fromisoformat(record["started_at"]) if record["started_at"] else now
    record.update(
        status=status,
        completed_at=now.isoformat(),
        duration_ms=int((now - started).total_seconds() * 1000),
        summary=summary,
        problems=list(problems),
    )
    project.pipeline_steps = records
    project.pipeline_progress = BANDS[step][1] if status in DONE else BANDS[step][0]


def mark_reviewed(project: Project) -> None:
    """The CA finished the review the run paused for; the time they took is not machine time."""
    records = step_records(project)
    records["review"].update(status=COMPLETED, summary="Reviewed by a CA")
    project.pipeline_steps = records
    project.pipeline_progress = BANDS["review"][1]


def mark_failed(project: Project, step: str, message: str) -> None:
    mark_finished(project, step, FAILED)
    project.pipeline_steps[step]["error"] = message


def reset_from(project: Project, first_step: str) -> None:
    """Steps from `first_step` on run again: their old records no longer hold."""
    records = step_records(project)
    for step in STEPS[STEPS.index(first_step) :]:
        records[step] = {**empty_record(), "attempts": records[step]["attempts"]}
    project.pipeline_steps = records


@dataclass
class _Run:
    project_id: uuid.UUID
    token: uuid.UUID
    step: str


_current: ContextVar[_Run | None] = ContextVar("pipeline_run", default=None)


def bind(project_id: uuid.UUID, token: uuid.UUID, step: str):
    """Make `report` speak for this run's step (the orchestrator binds each step)."""
    return _current.set(_Run(project_id, token, step))


def unbind(reset_token) -> None:
    _current.reset(reset_token)


def report(fraction: float) -> None:
    """A running step says how far it is (0..1); renews the lease. No-op outside a run."""
    run = _current.get()
    if run is None:
        return
    low, high = BANDS[run.step]
    percent = int(low + (high - low) * min(max(fraction, 0.0), 1.0))
    claims.renew(run.project_id, run.token)
    Project.objects.filter(pk=run.project_id, claim_token=run.token).update(
        pipeline_progress=percent
    )


# Estimates -------------------------------------------------------------------------------

HISTORY_RUNS = 20
# Steps whose work grows with the statements' size: their measured time scales with the
# bytes to read. The others take about as long for any file.
SIZE_BOUND = ("extract", "classify")


def typical_seconds(firm_id=None, size: int | None = None) -> dict[str, float]:
    """Measured seconds of each step for statements of `size` bytes; an unmeasured step is absent.

    The firm's own last 20 completed projects when it has any (their files and
    this machine are like this run's), otherwise everyone's on this deployment.
    No default stands in for a measurement: a guess of 38 s for a 5 s run
    misleads more than saying nothing. The median resists the odd run that
    waited on a slow external classifier; extract and classify take each run's
    seconds per byte times this run's bytes.
    """
    # Only the step records and sizes: every progress poll of a running project asks for these.
    bytes_of = (
        SourceFile.objects.filter(project=OuterRef("pk"))
        .values("project")
        .annotate(total=Sum("size"))
        .values("total")
    )
    recent = (
        Project.objects.filter(status=Status.COMPLETED)
        .order_by(F("completed_at").desc())
        .annotate(bytes=Subquery(bytes_of))
        .values_list("pipeline_steps", "bytes")
    )
    runs = list(recent.filter(firm_id=firm_id)[:HISTORY_RUNS]) if firm_id else []
    runs = runs or list(recent[:HISTORY_RUNS])
    typical = {}
    for step in STEPS:
        measured = [
            (steps[step]["duration_ms"] / 1000, run_bytes)
            for steps, run_bytes in runs
            if (steps.get(step) or {}).get("duration_ms") is not None
            and steps[step].get("status") in DONE
        ]
        if not measured:
            continue
        if step in SIZE_BOUND and size and all(run_bytes for _, run_bytes in measured):
            typical[step] = statistics.median(s / b for s, b in measured) * size
        else:
            typical[step] = statistics.median(s for s, _ in measured)
    return typical


def estimated_remaining_seconds(
    project: Project, typical: dict[str, float] | None = None
) -> int | None:
    """Seconds until the run stops, or None when there is no measurement to base it on.

    A project that is not processing has nothing left. Every step not yet done
    counts its typical duration; the running step less the time it has already
    run, never below zero. A run that will pause for review stops after the
    review step, but we cannot know that in advance, so validate and generate
    are counted too. A step left to run that was never measured makes the
    whole estimate unknown.
    """
    if not project.is_processing:
        return 0
    if typical is None:
        size = project.files.aggregate(total=Sum("size"))["total"]
        typical = typical_seconds(project.firm_id, size)
    records = step_records(project)
    remaining = 0.0
    now = timezone.now()
    for step in STEPS:
        record = records[step]
        if record["status"] in DONE:
            continue
        if step not in typical:
            return None
        if record["status"] == RUNNING and record["started_at"]:
            elapsed = (now - datetime.fromisoformat(record["started_at"])).total_seconds()
            remaining += max(typical[step] - elapsed, 0.0)
        else:
            remaining += typical[step]
    return round(remaining)
