"""The orchestrator with test steps: order, pauses, failures, retries, hooks."""

from __future__ import annotations

import pytest
from django.core import mail

from pipeline.errors import PARTIAL, PERMANENT, TRANSIENT, StepError, StepResult
from pipeline.options import STEPS, PipelineOptions
from pipeline.orchestrator import resume_pipeline, run_pipeline, should_run
from projects.models import AuditEntry, Project
from tests.pipeline.fake_steps import Steps, always, fails, needs_review


def no_sleep(seconds: float) -> None:
    raise AssertionError("a test step slept")


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def run(project, options=None, steps=None, sleep=no_sleep):
    return run_pipeline(project.pk, project.firm_id, options, steps=steps, sleep=sleep)


def actions(project) -> list[str]:
    return list(
        AuditEntry.objects.filter(project=project).order_by("id").values_list("action", flat=True)
    )


# should_run ---------------------------------------------------------------------------


def test_should_run_skips_completed_steps_in_the_default_flow():
    options = PipelineOptions()
    assert should_run("extract", None, options)
    assert should_run("extract", "failed", options)
    assert not should_run("extract", "completed", options)
    assert not should_run("review", "skipped", options)


def test_should_run_reruns_completed_steps_under_force_reprocess():
    options = PipelineOptions(force_reprocess=True)
    assert all(should_run(step, "completed", options) for step in STEPS)


def test_should_run_starts_from_the_named_step():
    options = PipelineOptions(start_from="validate")
    assert [s for s in STEPS if should_run(s, "completed", options)] == ["validate", "generate"]
    assert not should_run("extract", None, options)


# Happy path, review pause ----------------------------------------------------------------


def test_happy_path_runs_every_step_and_completes(project_with_file):
    steps = Steps()
    result = run(project_with_file, PipelineOptions(skip_review=True), steps)

    project = Project.objects.get(pk=project_with_file.pk)
    assert result.completed
    assert steps.calls == list(STEPS)
    assert project.status == "completed"
    assert project.pipeline_progress == 100
    assert not project.is_processing
    assert project.completed_at and project.duration_ms is not None
    assert all(project.pipeline_steps[s]["status"] == "completed" for s in STEPS)
    assert all(project.pipeline_steps[s]["duration_ms"] is not None for s in STEPS)
    expected = ["file_uploaded"]
    for step in STEPS:
        expected += [f"pipeline_{step}_start", f"pipeline_{step}_complete"]
    assert actions(project) == [*expected, "pipeline_complete"]


def test_completion_emails_the_firms_cas_with_a_download_link(
    project_with_file, second_ca, owner, staff, other_ca, mailoutbox
):
    run(project_with_file, PipelineOptions(skip_review=True), Steps())

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == sorted(["asha@rao-reddy.in", second_ca.email, owner.email])
    assert f"/projects/{project_with_file.pk}/cma.xlsx" in message.body


def test_review_pauses_the_run_and_notifies(project_with_file, mailoutbox):
    steps = Steps(review=needs_review(pending=4))
    result = run(project_with_file, PipelineOptions(), steps)

    project = Project.objects.get(pk=project_with_file.pk)
    assert result.awaiting_review
    assert steps.calls == ["extract", "classify", "review"]
    assert project.status == "reviewing"
    assert project.pipeline_progress == 50
    assert project.pipeline_steps["review"]["status"] == "waiting"
    assert not project.is_processing
    assert actions(project)[-1] == "pipeline_review_needed"
    assert "4 items to review" in mailoutbox[0].subject


def test_review_without_notify_sends_no_email(project_with_file, mailoutbox):
    run(project_with_file, PipelineOptions(notify_on_review=False), Steps(review=needs_review()))
    assert mailoutbox == []
    assert "pipeline_review_needed" in actions(project_with_file)


def test_resume_after_review_validates_and_generates(project_with_file):
    steps = Steps(review=needs_review())
    run(project_with_file, PipelineOptions(), steps)
    result = resume_pipeline(project_with_file.pk, project_with_file.firm_id, steps=steps)

    project = Project.objects.get(pk=project_with_file.pk)
    assert result.completed
    assert steps.calls == ["extract", "classify", "review", "validate", "generate"]
    assert project.status == "completed"
    assert project.pipeline_steps["review"]["status"] == "completed"


def test_resume_refuses_a_project_not_awaiting_review(project_with_file):
    result = resume_pipeline(project_with_file.pk, project_with_file.firm_id, steps=Steps())
    assert result.status == "error"
    assert Project.objects.get(pk=project_with_file.pk).status == "draft"


@pytest.mark.parametrize("step", ["classify", "review", "validate", "generate"])
def test_a_draft_runs_no_step_but_extract(project_with_file, step):
    steps = Steps()
    result = run(project_with_file, PipelineOptions(start_from=step), steps=steps)
    project = Project.objects.get(pk=project_with_file.pk)
    assert (result.status, project.status, project.attempts) == ("error", "draft", 0)
    assert steps.calls == [] and not project.is_processing


def test_skip_review_passes_through_review(project_with_file):
    steps = Steps(review=needs_review())
    assert run(project_with_file, PipelineOptions(skip_review=True), steps).completed


# Failures -----------------------------------------------------------------------------------


def test_extraction_failure_stops_cleanly_with_an_error_report(project_with_file):
    error = StepError("No file could be read", PERMANENT, "Upload the original PDF.")
    steps = Steps(extract=always(error))
    result = run(project_with_file, PipelineOptions(), steps)

    project = Project.objects.get(pk=project_with_file.pk)
    assert result.status == "error"
    assert (result.failed_step, result.reason, result.hint) == (
        "extract",
        "No file could be read",
        "Upload the original PDF.",
    )
    assert steps.calls == ["extract"]
    assert project.status == "error"
    assert project.error_step == "extract"
    assert project.error == "No file could be read"
    assert project.pipeline_steps["extract"]["status"] == "failed"
    assert project.pipeline_steps["extract"]["error"] == "No file could be read"
    assert project.pipeline_steps["classify"]["status"] == "pending"
    assert not project.is_processing
    assert actions(project)[-2:] == ["pipeline_extract_failed", "pipeline_failed"]


def test_transient_errors_are_retried_three_times_with_growing_back_off(project_with_file):
    sleeps = Sleeps()
    steps = Steps(classify=fails(*[StepError("HTTP 429", TRANSIENT)] * 3))
    result = run(project_with_file, PipelineOptions(skip_review=True), steps, sleeps)

    assert result.completed
    assert steps.calls.count("classify") == 4
    assert len(sleeps) == 3
    assert 1 <= sleeps[0] <= 2 and 2 <= sleeps[1] <= 4 and 4 <= sleeps[2] <= 8
    assert actions(project_with_file).count("pipeline_step_retry") == 3


def test_transient_errors_give_up_after_three_retries(project_with_file):
    sleeps = Sleeps()
    steps = Steps(classify=always(StepError("Connection refused", TRANSIENT)))
    result = run(project_with_file, PipelineOptions(), steps, sleeps)

    assert result.status == "error" and result.failed_step == "classify"
    assert "gave up after 3 retries" in result.reason
    assert steps.calls.count("classify") == 4 and len(sleeps) == 3


def test_permanent_errors_raise_at_once_without_retry(project_with_file):
    steps = Steps(validate=always(StepError("Balance sheet does not tally", PERMANENT)))
    result = run(project_with_file, PipelineOptions(skip_review=True), steps)

    assert result.failed_step == "validate"
    assert steps.calls.count("validate") == 1


def test_partial_errors_continue_and_are_reported(project_with_file):
    steps = Steps(extract=always(StepError("1 of 3 files could not be read", PARTIAL)))
    result = run(project_with_file, PipelineOptions(skip_review=True), steps)

    project = Project.objects.get(pk=project_with_file.pk)
    assert result.completed
    assert project.pipeline_steps["extract"]["problems"] == ["1 of 3 files could not be read"]


def test_an_unhandled_error_marks_the_project_failed_with_a_readable_reason(project_with_file):
    def crash(project, options):
        raise KeyError("sales_domestic")

    result = run(project_with_file, PipelineOptions(skip_review=True), Steps(generate=crash))

    project = Project.objects.get(pk=project_with_file.pk)
    assert project.status == "error" and project.error_step == "generate"
    assert "Unexpected error in the generate step: KeyError" in project.error
    assert result.failed_step == "generate"


def test_retry_resumes_at_the_failed_step_keeping_earlier_work(project_with_file):
    steps = Steps(classify=fails(StepError("Classifier unavailable", PERMANENT)))
    run(project_with_file, PipelineOptions(skip_review=True), steps)
    result = run(project_with_file, None, steps)

    project = Project.objects.get(pk=project_with_file.pk)
    assert result.completed
    assert steps.calls == ["extract", "classify", "classify", "review", "validate", "generate"]
    assert project.attempts == 2
    assert project.pipeline_steps["classify"]["attempts"] == 2


def test_force_reprocess_runs_a_completed_project_again(project_with_file):
    steps = Steps()
    run(project_with_file, PipelineOptions(skip_review=True), steps)
    run(project_with_file, PipelineOptions(skip_review=True), steps)  # nothing to do
    assert steps.calls == list(STEPS)
    run(project_with_file, PipelineOptions(skip_review=True, force_reprocess=True), steps)
    assert steps.calls == list(STEPS) * 2


def test_status_reloads_from_the_database(project_with_file):
    stale = Project.objects.get(pk=project_with_file.pk)
    run(project_with_file, PipelineOptions(skip_review=True), Steps())
    stale.refresh_from_db()
    assert stale.status == "completed"


def test_the_status_cannot_be_assigned_directly(project):
    with pytest.raises(AttributeError):
        project.status = "completed"


def test_step_results_cost_adds_up(project_with_file):
    steps = Steps(classify=lambda p, o: StepResult(cost="12.50"))
    run(project_with_file, PipelineOptions(skip_review=True), steps)
    assert str(Project.objects.get(pk=project_with_file.pk).cost) == "12.5000"


def test_review_email_goes_through_the_anymail_backend(project_with_file, settings):
    """Production sends through anymail; its test backend records what the ESP would get."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    run(project_with_file, PipelineOptions(), Steps(review=needs_review(pending=2)))

    sent = mail.outbox[-1]
    assert sent.anymail_test_params["to"][0].addr_spec == "asha@rao-reddy.in"
    assert f"/projects/{project_with_file.pk}/review/" in sent.body
    assert sent.anymail_status.status == {"sent"}
