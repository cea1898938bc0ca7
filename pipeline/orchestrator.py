"""From "files uploaded" to "CMA generated": the five steps in order, in one worker.

`run_pipeline` and `resume_pipeline` are called by the django-q2 task (after
the request that accepted the run took the claim) or in-process by
`manage.py cma_run`. The orchestrator is the only code that moves a project
between processing states; steps do their work and raise categorised errors.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils import timezone

from pipeline import claims, hooks, lifecycle, progress
from pipeline.errors import PARTIAL, TRANSIENT, StepError, StepResult
from pipeline.heartbeat import Heartbeat
from pipeline.options import STEPS, PipelineOptions
from pipeline.retrying import MAX_RETRIES, call_with_retries, database_drops_as_transient
from pipeline.steps import StepFunction, registry
from projects.models import Project
from projects.status import RESTING_STATES, STEP_STARTS, Status

log = logging.getLogger(__name__)

COMPLETED, AWAITING_REVIEW, ERROR, SKIPPED = "completed", "awaiting_review", "error", "skipped"

# Which transitions bracket each step; review has none of its own (it pauses or passes).
_TRANSITIONS = {
    "extract": ("start_extracting", "finish_extracting"),
    "classify": ("start_classifying", "finish_classifying"),
    "validate": ("start_validating", "finish_validating"),
    "generate": ("start_generating", "complete"),
}
# A run may start from any state at rest but reviewing (that is resume's job).
RUNNABLE_STATES = [s for s in RESTING_STATES if s != Status.REVIEWING]
# What begins each step; review pauses (await_review) or passes on to validate.
_BEGINS = {**{step: begin for step, (begin, _) in _TRANSITIONS.items()}, "review": "await_review"}


def runnable_states(options: PipelineOptions) -> list[str]:
    """The states a run with `options` may be accepted in: nothing but extract from draft."""
    first = options.start_from or STEPS[0]
    return [s for s in RUNNABLE_STATES if s in STEP_STARTS[_BEGINS[first]]]


_FIELDS = (
    "status",
    "pipeline_steps",
    "pipeline_progress",
    "current_step",
    "started_at",
    "completed_at",
    "duration_ms",
    "error",
    "error_step",
    "attempts",
    "cost",
    "options",
)


@dataclass(frozen=True)
class PipelineResult:
    """Where a run stopped: completed, awaiting_review, error (with the step and reason),
    or skipped (a duplicate delivery of a task whose claim has moved on)."""

    status: str
    project_id: uuid.UUID
    failed_step: str | None = None
    reason: str = ""
    hint: str = ""

    @property
    def completed(self) -> bool:
        return self.status == COMPLETED

    @property
    def awaiting_review(self) -> bool:
        return self.status == AWAITING_REVIEW


def should_run(step: str, status: str | None, options: PipelineOptions) -> bool:
    """Whether `step`, whose record in pipeline_steps says `status`, runs in this run.

    start_from runs that step and every later one; force_reprocess runs every
    step; otherwise a step runs unless it already completed (or was skipped).
    The orchestrator runs every step after the first one that runs.
    """
    if options.start_from is not None:
        return STEPS.index(step) >= STEPS.index(options.start_from)
    if options.force_reprocess:
        return True
    return status not in progress.DONE


def run_pipeline(
    project_id,
    firm_id,
    options: PipelineOptions | None = None,
    *,
    token: uuid.UUID | None = None,
    steps: Mapping[str, StepFunction] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PipelineResult:
    """Run the pipeline of one project of one firm.

    With a `token`, runs under the claim the accepting request took; without
    one, takes the claim itself (in-process runs) and reports an error result
    when the project is busy or not in a state to run.
    """
    options = options or PipelineOptions()
    if token is None:
        token = claims.take(project_id, firm_id, runnable_states(options))
        if token is None:
            return PipelineResult(ERROR, project_id, reason="The project is busy or not runnable.")
    return _claimed_run(project_id, firm_id, token, options, steps, sleep)


def resume_pipeline(
    project_id,
    firm_id,
    *,
    token: uuid.UUID | None = None,
    steps: Mapping[str, StepFunction] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PipelineResult:
    """Continue after a CA's review: validate and generate with the options of the run."""
    if token is None:
        token = claims.take(project_id, firm_id, [Status.REVIEWING])
        if token is None:
            return PipelineResult(ERROR, project_id, reason="The project is not awaiting review.")
    project = Project.objects.get(pk=project_id, firm_id=firm_id)
    options = replace(
        PipelineOptions.from_dict(project.options), start_from="validate", force_reprocess=False
    )
    return _claimed_run(project_id, firm_id, token, options, steps, sleep)


def _claimed_run(project_id, firm_id, token, options, steps, sleep) -> PipelineResult:
    if not claims.begin(project_id, token):
        log.info("skipping a stale delivery for project %s", project_id)
        return PipelineResult(SKIPPED, project_id, reason="This run was already started.")
    try:
        project = Project.objects.select_related("firm").get(pk=project_id, firm_id=firm_id)
        with Heartbeat(project_id, token):
            return _Run(project, token, options, steps or registry(), sleep).execute()
    except claims.LeaseLost:
        log.warning("project %s: claim lost mid-run; stopping", project_id)
        return PipelineResult(ERROR, project_id, reason="This worker lost its claim.")
    finally:
        claims.release(project_id, token)


class _Run:
    """One run: the project, its claim, the options and the steps to call."""

    def __init__(self, project, token, options, steps, sleep) -> None:
        self.project: Project = project
        self.token = token
        self.options: PipelineOptions = options
        self.steps = steps
        self.sleep = sleep

    def save(self, *entries: lifecycle.Entry, release: bool = False) -> None:
        lifecycle.save(self.project, self.token, _FIELDS, *entries, release=release)

    def execute(self) -> PipelineResult:
        records = progress.step_records(self.project)
        first = next((s for s in STEPS if should_run(s, records[s]["status"], self.options)), None)
        if first is None:
            return PipelineResult(COMPLETED, self.project.pk)
        if self.project.status not in STEP_STARTS[_BEGINS[first]]:
            return PipelineResult(
                ERROR,
                self.project.pk,
                reason=f"The {first} step cannot start while the project is "
                f"{self.project.get_status_display().lower()}.",
            )
        self._start(first)
        for step in STEPS[STEPS.index(first) :]:
            outcome = self._review() if step == "review" else self._step(step)
            if outcome is not None:
                return outcome
        return self._finish()

    def _start(self, first: str) -> None:
        project = self.project
        if project.status == Status.REVIEWING:
            progress.mark_reviewed(project)
        progress.reset_from(project, first)
        if first == STEPS[0] or project.started_at is None:
            project.started_at = timezone.now()
            project.cost = Decimal("0")
        project.completed_at = project.duration_ms = None
        project.error = project.error_step = ""
        project.attempts += 1
        project.options = replace(self.options, start_from=None).to_dict()
        self.save()

    def _step(self, step: str) -> PipelineResult | None:
        begin, end = _TRANSITIONS[step]
        getattr(self.project, begin)()
        progress.mark_started(self.project, step)
        self.save(lifecycle.step_started(step))
        result = self._call(step)
        if isinstance(result, PipelineResult):
            return result
        getattr(self.project, end)()
        self._record_success(step, result)
        return None

    def _review(self) -> PipelineResult | None:
        progress.mark_started(self.project, "review")
        self.save(lifecycle.step_started("review"))
        result = self._call("review")
        if isinstance(result, PipelineResult):
            return result
        if not result.needs_review:
            self._record_success("review", result)
            return None
        self.project.await_review()
        progress.mark_finished(self.project, "review", progress.WAITING, result.summary)
        pending = result.counts.get("pending", 0)
        self.save(lifecycle.review_needed(pending), release=True)
        if self.options.notify_on_review:
            hooks.review_needed(self.project, pending)
        return PipelineResult(AWAITING_REVIEW, self.project.pk)

    def _record_success(self, step: str, result: StepResult) -> None:
        progress.mark_finished(
            self.project, step, progress.COMPLETED, result.summary, result.problems
        )
        self.project.cost += Decimal(result.cost)
        self.save(lifecycle.step_completed(self.project, step, result.summary, result.problems))

    def _call(self, step: str) -> StepResult | PipelineResult:
        """Call the step, retrying transient errors; a failure ends the run."""
        binding = progress.bind(self.project.pk, self.token, step)
        try:
            return call_with_retries(
                lambda: database_drops_as_transient(
                    lambda: self.steps[step](self.project, self.options), step
                ),
                sleep=self.sleep,
                on_retry=lambda n, err, delay: hooks.step_retried(
                    self.project, step, n, err.message, delay
                ),
            )
        except StepError as error:
            if error.category == PARTIAL:
                return StepResult(summary=error.message, problems=[error.message])
            reason = error.message
            if error.category == TRANSIENT:
                reason = f"{reason} (gave up after {MAX_RETRIES} retries)"
            return self._fail(step, reason, error.hint)
        except claims.LeaseLost:
            raise
        except Exception as error:
            log.exception("step %s failed for project %s", step, self.project.pk)
            reason = f"Unexpected error in the {step} step: {type(error).__name__}: {error}"
            return self._fail(step, reason, "Retry; if it fails again, report it to support.")
        finally:
            progress.unbind(binding)

    def _fail(self, step: str, reason: str, hint: str) -> PipelineResult:
        project = self.project
        lifecycle.fail(project, step, reason, hint)
        self.save(*lifecycle.step_failed(step, reason, hint), release=True)
        return PipelineResult(ERROR, project.pk, failed_step=step, reason=reason, hint=hint)

    def _finish(self) -> PipelineResult:
        project = self.project
        project.completed_at = timezone.now()
        project.duration_ms = sum(
            record["duration_ms"] or 0 for record in progress.step_records(project).values()
        )
        project.current_step = ""
        self.save(lifecycle.completed(project), release=True)
        hooks.pipeline_completed(project)
        return PipelineResult(COMPLETED, project.pk)
