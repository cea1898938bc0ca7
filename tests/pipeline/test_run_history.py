"""Each process call is a pipeline.Run kept as the project's history, written with the
run's moves; and the migration that made the table turns every project of the earlier
shape, in every state, into its first run."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pipeline.options import PipelineOptions
from pipeline.orchestrator import resume_pipeline, run_pipeline
from projects.status import PROCESSING_STATES, Status
from tests.pipeline.fake_steps import Steps, needs_review
from tests.pipeline.test_orchestrator import no_sleep


def test_each_run_is_a_record_of_its_own(project_with_file):
    project = project_with_file
    run_pipeline(project.pk, project.firm_id, steps=Steps(review=needs_review()), sleep=no_sleep)
    resume_pipeline(project.pk, project.firm_id, steps=Steps(), sleep=no_sleep)
    again = PipelineOptions(force_reprocess=True, skip_review=True)
    run_pipeline(project.pk, project.firm_id, again, steps=Steps(), sleep=no_sleep)

    runs = list(project.runs.order_by("number"))
    assert [(r.number, r.outcome) for r in runs] == [
        (1, "awaiting_review"),
        (2, "completed"),
        (3, "completed"),
    ]
    assert runs[0].steps["review"]["status"] == "waiting"
    assert runs[1].steps["validate"]["status"] == "completed"
    assert [r.attempts for r in runs] == [1, 2, 3]
    assert all(r.lease_expires_at is None for r in runs)
    assert len({r.claim_token for r in runs}) == 3
    assert runs[2].options["force_reprocess"] is True and runs[2].duration_ms is not None


BEFORE = [("pipeline", "0002_lineitem_ocr_checks")]
AFTER = [("pipeline", "0003_run")]


def _old_shape_projects(apps) -> dict[str, object]:
    Firm = apps.get_model("projects", "Firm")
    Project = apps.get_model("projects", "Project")
    firm = Firm.objects.create(name="Migrated & Co")
    made = {}
    for state in Status:
        ran = state != Status.DRAFT
        made[state] = Project.objects.create(
            firm=firm,
            company_name=f"Client {state}",
            constitution="company",
            status=state,
            pipeline_steps={"extract": {"status": "completed", "duration_ms": 12}} if ran else {},
            attempts=2 if ran else 0,
            cost=Decimal("1.5") if ran else Decimal("0"),
            error="Read failed" if state == Status.ERROR else "",
            error_step="extract" if state == Status.ERROR else "",
            claim_token=uuid.uuid4() if state in PROCESSING_STATES else None,
        )
    made["reopened"] = Project.objects.create(
        firm=firm,
        company_name="Reopened client",
        constitution="company",
        status=Status.DRAFT,
        pipeline_steps={"extract": {"status": "pending"}},
        attempts=1,
    )
    return made


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_a_run_of_every_project_that_ran():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        made = _old_shape_projects(executor.loader.project_state(BEFORE).apps)
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        runs = executor.loader.project_state(AFTER).apps.get_model("pipeline", "Run").objects

        by_state = {key: runs.filter(project_id=p.pk).first() for key, p in made.items()}
        assert by_state[Status.DRAFT] is None
        expected = {
            Status.COMPLETED: "completed",
            Status.REVIEWING: "awaiting_review",
            Status.ERROR: "error",
            Status.EXTRACTED: "stopped",
            Status.CLASSIFIED: "stopped",
            Status.VALIDATED: "stopped",
            "reopened": "stopped",
            **{state: "running" for state in PROCESSING_STATES},
        }
        assert {key: run.outcome for key, run in by_state.items() if run} == expected
        for key, run in by_state.items():
            if run is None:
                continue
            project = made[key]
            assert (run.number, run.steps, run.attempts) == (
                1,
                project.pipeline_steps,
                project.attempts,
            )
            assert (run.cost, run.claim_token) == (project.cost, project.claim_token)
        assert by_state[Status.ERROR].error_step == "extract"
        assert runs.count() == len(expected)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
