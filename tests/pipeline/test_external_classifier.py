"""The optional external classifier inside a real run, against a stub on 127.0.0.1:
its rate limits and time-outs are retried by the orchestrator, its cost is the project's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pipeline.models import Classification
from pipeline.options import PipelineOptions
from pipeline.orchestrator import run_pipeline
from projects.models import AuditEntry, Project
from projects.services import upload_files
from tests.groundtruth import SAMPLES
from tests.llm_stub import answer

STATEMENT = SAMPLES / "sri-balaji-roadlines" / "Sri Balaji Roadlines - BS PL 31.03.2025.pdf"
RATE_LIMITED = {"status": 429, "json": {"error": {"message": "Rate limit reached"}}}


@pytest.fixture
def configured(settings, stub):
    state, url = stub
    settings.CLASSIFIER_LLM_URL = url
    settings.CLASSIFIER_LLM_API_KEY = "test-key"
    settings.CLASSIFIER_LLM_MODEL = "test-model"
    settings.CLASSIFIER_LLM_TIMEOUT = 1
    settings.CLASSIFIER_LLM_INPUT_COST_PER_1K = "0.50"
    settings.CLASSIFIER_LLM_OUTPUT_COST_PER_1K = "1.50"
    return state


@pytest.fixture
def transporter(firm, ca) -> Project:
    """A transporter filed as a manufacturer: its vehicle costs are what the local layers
    are unsure of, so they go to the external classifier."""
    project = Project.objects.create(
        firm=firm,
        company_name="Sri Balaji Roadlines",
        constitution="proprietorship",
        industry="manufacturing",
    )
    upload_files(
        project, [SimpleUploadedFile(STATEMENT.name, STATEMENT.read_bytes())], acting_user=ca
    )
    return project


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def every_item_is(key: str) -> dict:
    return answer([{"id": i, "cma_key": key, "sign": 1, "confidence": 0.9} for i in range(200)])


def test_rate_limits_are_retried_and_the_answers_cost_is_the_projects(configured, transporter):
    configured.script = [RATE_LIMITED, RATE_LIMITED, every_item_is("other_mfg_expenses")]
    sleeps = Sleeps()
    result = run_pipeline(
        transporter.pk, transporter.firm_id, PipelineOptions(skip_review=True), sleep=sleeps
    )

    project = Project.objects.get(pk=transporter.pk)
    assert result.completed
    assert len(configured.requests) == 3 and len(sleeps) == 2
    retries = AuditEntry.objects.filter(project=project, action="pipeline_step_retry")
    assert [entry.details["step"] for entry in retries] == ["classify", "classify"]
    assert "429" in retries[0].message or "rate" in retries[0].message.lower()
    # One answered request: (1000 × 0.50 + 200 × 1.50) / 1000 rupees.
    assert project.cost == Decimal("0.8")
    tyres = Classification.objects.get(
        line_item__project=project, line_item__label="To Tyres and tubes"
    )
    assert (tyres.cma_key, tyres.layer) == ("other_mfg_expenses", "external")
    assert tyres.confidence < 0.70  # an unmeasured model never approves on its own


def test_a_classifier_that_keeps_timing_out_fails_the_step_after_three_retries(
    configured, transporter
):
    configured.script = [{"sleep": 1.5, **every_item_is("other_mfg_expenses")}]
    sleeps = Sleeps()
    result = run_pipeline(transporter.pk, transporter.firm_id, PipelineOptions(), sleep=sleeps)

    project = Project.objects.get(pk=transporter.pk)
    assert result.failed_step == "classify"
    assert "gave up after 3 retries" in project.error
    assert len(configured.requests) == 4 and len(sleeps) == 3
    assert project.status == "error" and project.error_step == "classify"
