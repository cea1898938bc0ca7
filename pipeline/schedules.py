"""The periodic django-q2 schedule that finds lost workers (pipeline.recovery)."""

from django.conf import settings
from django_q.models import Schedule

SWEEP_NAME = "pipeline: fail projects whose worker was lost"
SWEEP_FUNC = "pipeline.tasks.sweep_lost_workers"


def ensure_schedules(**kwargs) -> None:
    """Create or update the sweep schedule after every migrate (its interval is a setting)."""
    Schedule.objects.update_or_create(
        name=SWEEP_NAME,
        defaults={
            "func": SWEEP_FUNC,
            "schedule_type": Schedule.MINUTES,
            "minutes": settings.PIPELINE_SWEEP_MINUTES,
            "repeats": -1,
        },
    )
