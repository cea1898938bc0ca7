"""The five steps, one module each, all with the same shape:

    def run(project: Project, options: PipelineOptions) -> StepResult

Idempotent (running a step twice leaves the same rows); raises
pipeline.errors.StepError with a category. The orchestrator finds them here.
"""

from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string

from pipeline.errors import StepResult
from pipeline.options import STEPS, PipelineOptions
from projects.models import Project

StepFunction = Callable[[Project, PipelineOptions], StepResult]


def registry() -> dict[str, StepFunction]:
    """Step name → function; PIPELINE_STEP_OVERRIDES swaps in test steps for worker tests."""
    paths = {step: f"pipeline.steps.{step}.run" for step in STEPS}
    paths.update(settings.PIPELINE_STEP_OVERRIDES)
    return {step: import_string(path) for step, path in paths.items()}
