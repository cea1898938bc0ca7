"""Small test steps plugged into the orchestrator through the step interface."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.errors import StepError, StepResult
from pipeline.options import STEPS


class Steps(dict):
    """A step registry that records each call and lets a test script any step's behaviour."""

    def __init__(self, **behaviours: Callable) -> None:
        super().__init__()
        self.calls: list[str] = []
        for step in STEPS:
            self[step] = self._recorder(step, behaviours.get(step))

    def _recorder(self, step: str, behaviour: Callable | None):
        def run(project, options) -> StepResult:
            self.calls.append(step)
            if behaviour is not None:
                return behaviour(project, options)
            return StepResult(summary=f"{step} done")

        return run


def fails(*errors: Exception, then: StepResult | None = None) -> Callable:
    """A behaviour that raises the given errors in turn, then succeeds."""
    queue = list(errors)

    def behaviour(project, options) -> StepResult:
        if queue:
            raise queue.pop(0)
        return then or StepResult(summary="done after errors")

    return behaviour


def needs_review(pending: int = 3) -> Callable:
    def behaviour(project, options) -> StepResult:
        if options.skip_review:
            return StepResult(summary="all approved")
        return StepResult(
            summary=f"{pending} to review", needs_review=True, counts={"pending": pending}
        )

    return behaviour


def always(error: StepError) -> Callable:
    def behaviour(project, options) -> StepResult:
        raise error

    return behaviour
