"""Test steps that run inside a real qcluster (PIPELINE_STEP_OVERRIDES names them).

They leave marks the test can see: which process ran them, and rows written
the way a real step writes them (replaced on every run, never appended).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import NoReturn

from django.db import transaction
from django.utils.module_loading import import_string

from pipeline import progress
from pipeline.errors import StepResult
from pipeline.models import LineItem

ROWS_PER_RUN = 3


def _mark(name: str, text: str) -> None:
    (Path(os.environ["WORKER_TEST_MARKS"]) / name).write_text(text)


def extract_rows(project, options) -> StepResult:
    """Replace the project's line items, as the real extract step does."""
    source = project.files.first()
    with transaction.atomic():
        LineItem.objects.filter(project=project).delete()
        LineItem.objects.bulk_create(
            LineItem(
                project=project,
                source_file=source,
                position=i,
                label=f"Row {i}",
                amounts={"FY2025": "100.00"},
            )
            for i in range(ROWS_PER_RUN)
        )
    return StepResult(summary=f"{ROWS_PER_RUN} rows", counts={"items": ROWS_PER_RUN})


def slow_extract(project, options) -> StepResult:
    """Write the rows, then, on its first attempt only, hang until killed."""
    result = extract_rows(project, options)
    if project.pipeline_steps["extract"]["attempts"] == 1:
        _hang("extract")
    return result


def interrupted_once(project, options) -> StepResult:
    """The real step, which on its first attempt hangs until killed: at its first progress
    report (half its work done and written), or after all its work if it reports none."""
    step = project.current_step
    real = import_string(f"pipeline.steps.{step}.run")
    if project.pipeline_steps[step]["attempts"] > 1:
        return real(project, options)
    report = progress.report

    def report_then_hang(fraction: float) -> None:
        report(fraction)
        _hang(step)

    progress.report = report_then_hang
    try:
        real(project, options)
    finally:
        progress.report = report
    _hang(step)


def _hang(step: str) -> NoReturn:
    _mark(f"{step}.pid", str(os.getpid()))
    time.sleep(600)
    raise AssertionError(f"the {step} step was not killed")


def counted_step(project, options) -> StepResult:
    """Count runs per step in the audit log's stead: one mark file line per call."""
    marks = Path(os.environ["WORKER_TEST_MARKS"]) / "calls.log"
    with marks.open("a") as log:
        log.write(f"{project.current_step}\n")
    return StepResult(summary="done")


_KEPT: list[list[str]] = []  # what outlives a step in a worker: a library's caches


def heavy_extract(project, options) -> StepResult:
    """The usual rows, after leaving about 200 MB of small objects behind in the worker;
    marks the worker's pid and resident memory at the step's start and end."""
    _mark(f"heavy-{project.pk}.start", f"{os.getpid()} {resident_mb()}")
    _KEPT.append([str(n) * 4 for n in range(2_500_000)])
    _mark(f"heavy-{project.pk}.end", f"{os.getpid()} {resident_mb()}")
    return extract_rows(project, options)


def resident_mb() -> int:
    """This process's resident memory now, in MB (Linux)."""
    status = Path("/proc/self/status").read_text()
    return (
        int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
        // 1024
    )


def quiet_extract(project, options) -> StepResult:
    """The usual rows after a long silence: no progress report for QUIET_SECONDS, so only
    the heartbeat keeps the claim alive."""
    result = extract_rows(project, options)
    _mark("quiet.pid", str(os.getpid()))
    time.sleep(float(os.environ["QUIET_SECONDS"]))
    return result
