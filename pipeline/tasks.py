"""django-q2 entry points: a few lines that load by id and call the orchestrator."""

from __future__ import annotations

import logging
import uuid

from pipeline import orchestrator, recovery
from pipeline.options import PipelineOptions

log = logging.getLogger(__name__)


def run_pipeline_task(project_id: str, firm_id: int, token: str, options: dict) -> str:
    result = orchestrator.run_pipeline(
        uuid.UUID(project_id), firm_id, PipelineOptions.from_dict(options), token=uuid.UUID(token)
    )
    return result.status


def resume_pipeline_task(project_id: str, firm_id: int, token: str) -> str:
    result = orchestrator.resume_pipeline(uuid.UUID(project_id), firm_id, token=uuid.UUID(token))
    return result.status


def sweep_lost_workers() -> int:
    """Scheduled every PIPELINE_SWEEP_MINUTES: fail the projects whose worker died."""
    return recovery.sweep_expired_claims()
