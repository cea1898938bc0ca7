"""Every move of a run is written with its audit entry in one transaction
(pipeline.lifecycle): a failing email costs its own entry (hook_failed) and nothing
else, and a move whose entry cannot be written is not written either."""

from __future__ import annotations

import pytest

from pipeline.errors import PERMANENT, StepError
from pipeline.options import PipelineOptions
from pipeline.orchestrator import resume_pipeline, run_pipeline
from projects import audit
from projects.models import AuditEntry, Project
from tests.pipeline.fake_steps import Steps, fails, needs_review
from tests.pipeline.test_orchestrator import no_sleep


def actions(project) -> list[str]:
    entries = AuditEntry.objects.filter(project=project).order_by("id")
    return [e.action for e in entries if e.action != audit.FILE_UPLOADED]


@pytest.fixture
def broken_email(settings):
    settings.EMAIL_BACKEND = "tests.pipeline.broken_email.EmailBackend"


def test_every_move_has_its_entry_when_every_email_fails(project_with_file, broken_email):
    project = project_with_file
    paused = run_pipeline(
        project.pk, project.firm_id, steps=Steps(review=needs_review()), sleep=no_sleep
    )
    assert paused.awaiting_review
    done = resume_pipeline(project.pk, project.firm_id, steps=Steps(), sleep=no_sleep)
    assert done.completed

    expected = []
    for step in ("extract", "classify"):
        expected += [f"pipeline_{step}_start", f"pipeline_{step}_complete"]
    expected += ["pipeline_review_start", "pipeline_review_needed", audit.HOOK_FAILED]
    for step in ("validate", "generate"):
        expected += [f"pipeline_{step}_start", f"pipeline_{step}_complete"]
    expected += ["pipeline_complete", audit.HOOK_FAILED]
    assert actions(project) == expected
    assert Project.objects.get(pk=project.pk).status == "completed"


def test_a_failure_has_its_entries_when_the_email_fails(project_with_file, broken_email):
    steps = Steps(classify=fails(StepError("No data", PERMANENT)))
    result = run_pipeline(project_with_file.pk, project_with_file.firm_id, steps=steps)
    assert result.failed_step == "classify"
    assert actions(project_with_file)[-2:] == ["pipeline_classify_failed", "pipeline_failed"]


def test_a_move_whose_entry_cannot_be_written_is_not_written(project_with_file, monkeypatch):
    written = audit.record

    def refuse_classify_complete(action, **kwargs):
        if action == "pipeline_classify_complete":
            raise RuntimeError("the audit table is unavailable")
        return written(action, **kwargs)

    monkeypatch.setattr(audit, "record", refuse_classify_complete)
    with pytest.raises(RuntimeError):
        run_pipeline(
            project_with_file.pk, project_with_file.firm_id, PipelineOptions(), steps=Steps()
        )

    project = Project.objects.get(pk=project_with_file.pk)
    assert project.status == "classifying"
    assert project.pipeline_steps["classify"]["status"] == "running"
    assert actions(project)[-1] == "pipeline_classify_start"
    assert not project.is_processing
