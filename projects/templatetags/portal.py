"""Small display helpers of the portal pages: durations, step timestamps, audit text."""

from __future__ import annotations

from datetime import datetime

from django import template

from projects import audit

register = template.Library()

STEP_TITLES = {
    "extract": "Extract line items",
    "classify": "Classify into CMA rows",
    "review": "CA review",
    "validate": "Validate",
    "generate": "Generate the CMA",
}
STATE_TEXT = {
    "pending": "Waiting",
    "running": "Running",
    "completed": "Done",
    "waiting": "Waiting for review",
    "skipped": "Skipped",
    "failed": "Failed",
}


@register.filter
def step_title(step: str) -> str:
    return STEP_TITLES.get(step, step.capitalize())


@register.filter
def step_state(state: str) -> str:
    return STATE_TEXT.get(state, state.capitalize())


@register.filter
def duration(milliseconds) -> str:
    """1234 → '1.2 s'; 75000 → '1 min 15 s'; nothing for no value."""
    if milliseconds in (None, ""):
        return ""
    seconds = int(milliseconds) / 1000
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


@register.filter
def time_left(seconds) -> str:
    """Estimated seconds left, as a person would say it."""
    if seconds in (None, ""):
        return ""
    seconds = int(seconds)
    if seconds <= 0:
        return "almost done"
    if seconds < 60:
        return f"about {seconds} s left"
    return f"about {round(seconds / 60)} min left"


@register.filter
def as_datetime(value):
    """An ISO timestamp of pipeline_steps as an aware datetime, so `|date` shows firm time."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.filter
def action_text(action: str) -> str:
    """The readable text of an audit action code."""
    return audit.describe(action)
