"""One pipeline per project at a time: a claim with a lease, taken by a conditional UPDATE.

1. A process, retry or resume request takes the claim when it is accepted
   (`take`): the row count of one UPDATE says who won, on PostgreSQL and on
   SQLite alike (where select_for_update does nothing). The project counts as
   processing from then on.
   Until a worker begins it, the claim lasts PIPELINE_QUEUE_LEASE_SECONDS, long
   enough for a task to wait its turn in the queue at the peak.
2. The worker that picks up the task `begin`s it: only the first delivery of a
   task for that claim runs, so a redelivered task never runs twice.
3. From then on the lease is short (PIPELINE_LEASE_SECONDS): the worker's heartbeat
   (`pipeline.heartbeat`) renews it, as do its progress reports and its saves
   through `save_claimed`, which fails once the claim is gone. A dead worker
   stops renewing, and the sweep finds it within a minute or two.
4. The run's last write ends the claim (`save_claimed(..., release=True)`);
   `release` ends it whatever happened; `expired` lists the claims
   whose worker died, for the sweeper to mark failed ("worker lost").
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from projects.models import Project


class LeaseLost(Exception):
    """The claim was released or taken over (the sweeper marked the worker lost)."""


def _lease_end(seconds: int | None = None):
    return timezone.now() + timedelta(seconds=seconds or settings.PIPELINE_LEASE_SECONDS)


def take(project_id, firm_id, allowed_statuses: Iterable[str]) -> uuid.UUID | None:
    """Claim the project if it is free and in one of `allowed_statuses`; the token, or None."""
    token = uuid.uuid4()
    free = Q(claim_token__isnull=True) | Q(lease_expires_at__lt=timezone.now())
    won = Project.objects.filter(
        free, pk=project_id, firm_id=firm_id, status__in=allowed_statuses
    ).update(
        claim_token=token,
        claim_started=False,
        lease_expires_at=_lease_end(settings.PIPELINE_QUEUE_LEASE_SECONDS),
    )
    return token if won else None


def begin(project_id, token: uuid.UUID) -> bool:
    """Mark the claim as running; False for a stale or duplicate delivery of the task."""
    return bool(
        Project.objects.filter(pk=project_id, claim_token=token, claim_started=False).update(
            claim_started=True, lease_expires_at=_lease_end()
        )
    )


def renew(project_id, token: uuid.UUID) -> None:
    if not Project.objects.filter(pk=project_id, claim_token=token).update(
        lease_expires_at=_lease_end()
    ):
        raise LeaseLost(f"project {project_id} is no longer claimed by this worker")


def save_claimed(
    project: Project, token: uuid.UUID, field_names: Iterable[str], *, release: bool = False
) -> None:
    """Write `field_names` of `project` only while this worker still holds the claim.

    The status is written here too, after the instance's FSM transition checked it.
    With `release`, the same UPDATE ends the claim, so that nobody ever reads a run
    that has stopped (completed, failed, awaiting review) as still processing.
    """
    values = {name: getattr(project, name) for name in field_names}
    values["updated_at"] = timezone.now()
    if release:
        values.update(claim_token=None, claim_started=False, lease_expires_at=None)
    else:
        values["lease_expires_at"] = _lease_end()
    if not Project.objects.filter(pk=project.pk, claim_token=token).update(**values):
        raise LeaseLost(f"project {project.pk} is no longer claimed by this worker")
    project.lease_expires_at = values["lease_expires_at"]


def release(project_id, token: uuid.UUID) -> None:
    Project.objects.filter(pk=project_id, claim_token=token).update(
        claim_token=None, claim_started=False, lease_expires_at=None
    )


def expired() -> list[Project]:
    return list(
        Project.objects.filter(claim_token__isnull=False, lease_expires_at__lt=timezone.now())
    )
