"""The time-left estimate: measured step durations of earlier runs, scaled by file size,
or nothing at all (issue 16: "about 37 s left" for a run that took 5.5 s)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from pipeline import progress
from projects.models import Project
from projects.services import upload_files
from tests.cast import upload

pytestmark = pytest.mark.django_db


def finished_run(firm, ca, name: str, size: int, seconds: dict[str, float]) -> Project:
    """A completed project of `size` bytes whose steps took `seconds`."""
    project = Project.objects.create(
        firm=firm,
        company_name=name,
        constitution="proprietorship",
        industry="services",
        created_by=ca,
    )
    upload_files(project, [upload(f"{name}.pdf", b"%PDF-1.4 " + b"x" * (size - 9))], acting_user=ca)
    steps = {
        step: {"status": "completed", "duration_ms": int(value * 1000)}
        for step, value in seconds.items()
    }
    Project.objects.filter(pk=project.pk).update(
        status="completed", completed_at=timezone.now(), pipeline_steps=steps
    )
    return project


def running(project: Project) -> Project:
    Project.objects.filter(pk=project.pk).update(
        claim_token=uuid.uuid4(),
        claim_started=True,
        lease_expires_at=timezone.now() + timedelta(minutes=10),
    )
    return Project.objects.get(pk=project.pk)


MEASURED = {"extract": 3.0, "classify": 1.0, "review": 0.1, "validate": 0.4, "generate": 1.0}


def test_with_no_run_on_record_nothing_is_guessed(project_with_file):
    assert progress.estimated_remaining_seconds(running(project_with_file)) is None


def test_a_run_like_the_last_is_estimated_at_its_measured_time(firm, ca, project):
    finished_run(firm, ca, "Earlier Co", 100_000, MEASURED)
    upload_files(project, [upload("now.pdf", b"%PDF-1.4 " + b"y" * (100_000 - 9))], acting_user=ca)
    assert progress.estimated_remaining_seconds(running(project)) == round(sum(MEASURED.values()))


def test_extract_and_classify_scale_with_the_bytes_to_read(firm, ca, project):
    finished_run(firm, ca, "Earlier Co", 100_000, MEASURED)
    upload_files(project, [upload("now.pdf", b"%PDF-1.4 " + b"y" * (400_000 - 9))], acting_user=ca)
    typical = progress.typical_seconds(firm.pk, 400_000)
    assert typical["extract"] == pytest.approx(12.0)
    assert typical["classify"] == pytest.approx(4.0)
    assert typical["generate"] == pytest.approx(1.0)  # not size-bound
    assert progress.estimated_remaining_seconds(running(project)) == round(12 + 4 + 0.1 + 0.4 + 1)


def test_the_running_step_counts_what_is_left_of_it(firm, ca, project):
    finished_run(firm, ca, "Earlier Co", 100_000, MEASURED)
    upload_files(project, [upload("now.pdf", b"%PDF-1.4 " + b"y" * (100_000 - 9))], acting_user=ca)
    started = (timezone.now() - timedelta(seconds=2)).isoformat()
    Project.objects.filter(pk=project.pk).update(
        pipeline_steps={"extract": {"status": "running", "started_at": started}}
    )
    # 1 s left of extract, then 2.5 s of the others; whole seconds, as the page shows them.
    assert progress.estimated_remaining_seconds(running(project)) in (3, 4)
