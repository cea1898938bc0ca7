"""Faults a run must survive: the database connection dropping mid-step, and notification
emails whose backend raises, hangs, or talks to a mail server that never answers."""

from __future__ import annotations

import socket
import threading

import psycopg
import pytest
from django.db import connection

from pipeline.options import PipelineOptions
from pipeline.orchestrator import run_pipeline
from pipeline.steps import extract, registry
from projects.models import Project
from tests.groundtruth import load
from tests.pipeline.broken_email import HangingBackend
from tests.pipeline.fake_steps import Steps
from tests.pipeline.test_orchestrator import Sleeps, actions
from tests.test_end_to_end import assert_matches_expected, start

COMPANY = "sri-balaji-roadlines"


# The database connection drops -----------------------------------------------------------


def drop_this_connection() -> None:
    """Terminate this process's PostgreSQL backend from another session, as a restart or
    a fail-over would."""
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def extract_after_drops(drops: int):
    """The real extract step, whose first `drops` calls lose the connection first."""
    calls = []

    def run(project, options):
        calls.append(1)
        if len(calls) <= drops:
            drop_this_connection()
        return extract.run(project, options)

    return run


@pytest.fixture
def postgresql(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("terminates a PostgreSQL backend; the SQLite file database has none")


def test_a_connection_dropped_mid_step_is_retried_on_a_new_one(postgresql, http):
    truth = load(COMPANY)
    project = Project.objects.get(pk=start(http, COMPANY, truth))
    steps = {**registry(), "extract": extract_after_drops(1)}
    sleeps = Sleeps()
    result = run_pipeline(project.pk, project.firm_id, steps=steps, sleep=sleeps)

    assert result.completed, result.reason
    assert len(sleeps) == 1
    retry = project.audit_entries.get(action="pipeline_step_retry")
    assert retry.message.startswith("The database did not answer during the extract step")
    assert actions(project).count("pipeline_extract_start") == 1
    assert_matches_expected(http, str(project.pk), truth)  # every item once, to the rupee


def test_a_database_that_keeps_dropping_fails_the_step_with_what_to_do(postgresql, http):
    project = Project.objects.get(pk=start(http, COMPANY, load(COMPANY)))
    steps = {**registry(), "extract": extract_after_drops(4)}
    result = run_pipeline(project.pk, project.firm_id, steps=steps, sleep=Sleeps())

    assert (result.status, result.failed_step) == ("error", "extract")
    assert result.reason.startswith("The database did not answer during the extract step")
    assert result.reason.endswith("(gave up after 3 retries)")
    assert result.hint == "Check that the database server is up, then retry."
    project.refresh_from_db()
    assert (project.status, project.error_step) == ("error", "extract")
    assert not project.line_items.exists()


# Notification emails that fail or hang ---------------------------------------------------


def complete(project) -> Project:
    result = run_pipeline(
        project.pk, project.firm_id, PipelineOptions(skip_review=True), steps=Steps()
    )
    assert result.completed, result.reason
    return Project.objects.get(pk=project.pk)


def hook_failure(project) -> str:
    return project.audit_entries.get(action="hook_failed").message


@pytest.fixture
def hanging_backend(settings):
    settings.EMAIL_BACKEND = "tests.pipeline.broken_email.HangingBackend"
    HangingBackend.entered.clear()
    HangingBackend.released.clear()
    yield HangingBackend
    HangingBackend.released.set()


@pytest.mark.django_db
def test_an_email_backend_that_raises_is_recorded_and_the_run_completes(
    project_with_file, settings
):
    settings.EMAIL_BACKEND = "tests.pipeline.broken_email.EmailBackend"
    project = complete(project_with_file)
    assert hook_failure(project) == "ConnectionRefusedError: SMTP server refused the connection"


@pytest.mark.django_db
def test_an_email_backend_that_hangs_costs_the_run_only_the_hook_time_out(
    project_with_file, settings, hanging_backend
):
    settings.HOOK_TIMEOUT_SECONDS = 0.2
    project = complete(project_with_file)

    assert hanging_backend.entered.is_set()
    assert not hanging_backend.released.is_set()  # still hanging: the run did not wait
    assert project.status == "completed"
    assert hook_failure(project) == (
        "HookTimeout: the email backend did not answer within 0.2 seconds"
    )


@pytest.fixture
def silent_smtp_server():
    """A socket on 127.0.0.1 that accepts connections and never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join()
    for client in accepted:
        client.close()
    server.close()


@pytest.mark.django_db
def test_a_mail_server_that_never_answers_is_bounded_by_the_email_time_out(
    project_with_file, settings, silent_smtp_server
):
    port, accepted = silent_smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 0.2
    project = complete(project_with_file)

    assert accepted  # the backend did reach the server
    assert (
        hook_failure(project) == "SMTPServerDisconnected: Connection unexpectedly closed: timed out"
    )
