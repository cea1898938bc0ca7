"""The word on a project's status badge, from what its steps are doing now.

The project's status moves at step boundaries and the page is rendered once,
so the status alone said "Queued" through a whole run. The badge reads the
step records instead: the running step names it, a run none of whose steps
has started is queued, and between two steps it is processing.
"""

from __future__ import annotations

from pipeline import progress
from projects.models import Project

RUNNING_WORDS = {
    "extract": "Extracting",
    "classify": "Classifying",
    "review": "Preparing the review",
    "validate": "Validating",
    "generate": "Generating",
}


def badge_text(project: Project, records: dict[str, dict]) -> str:
    """What the badge says for `project` whose step records are `records`."""
    if not project.is_processing:
        return project.get_status_display()
    for step, record in records.items():
        if record["status"] == progress.RUNNING:
            return RUNNING_WORDS.get(step, step.capitalize())
    if any(record["status"] in progress.DONE for record in records.values()):
        return "Processing"
    return "Queued"
