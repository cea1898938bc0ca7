"""The project lifecycle of ../shared/design.md: states and which of them are at rest."""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    EXTRACTING = "extracting", "Extracting"
    EXTRACTED = "extracted", "Extracted"
    CLASSIFYING = "classifying", "Classifying"
    CLASSIFIED = "classified", "Classified"
    REVIEWING = "reviewing", "Awaiting review"
    VALIDATING = "validating", "Validating"
    VALIDATED = "validated", "Validated"
    GENERATING = "generating", "Generating"
    COMPLETED = "completed", "Completed"
    ERROR = "error", "Failed"


STATUS_CHOICES = Status.choices
ERROR = Status.ERROR
# States a step is running in.
PROCESSING_STATES = [
    Status.EXTRACTING,
    Status.CLASSIFYING,
    Status.VALIDATING,
    Status.GENERATING,
]
# States between steps, from which the orchestrator may start any step
# (the next one, a retried one, or the first one again under force_reprocess).
RESTING_STATES = [
    Status.DRAFT,
    Status.EXTRACTED,
    Status.CLASSIFIED,
    Status.REVIEWING,
    Status.VALIDATED,
    Status.COMPLETED,
    Status.ERROR,
]
# Where a new run may begin a step other than the first: error (retry resumes at the
# failed step) and completed (reprocess from a step). Draft has only extract ahead.
RESTART_STATES = [Status.COMPLETED, Status.ERROR]
# The lifecycle of ../shared/design.md, each step's start from the state the step
# before it leaves: extract from draft, classify from extracted, review from
# classified, validate from classified (nothing to review) or reviewing (resume),
# generate from validated; and every step from RESTART_STATES.
STEP_STARTS = {
    "start_extracting": [Status.DRAFT, *RESTART_STATES],
    "start_classifying": [Status.EXTRACTED, *RESTART_STATES],
    "await_review": [Status.CLASSIFIED, *RESTART_STATES],
    "start_validating": [Status.CLASSIFIED, Status.REVIEWING, *RESTART_STATES],
    "start_generating": [Status.VALIDATED, *RESTART_STATES],
}
# A run can be lost in any state but error (a worker dies, a lease runs out).
FAILABLE_STATES = [state for state in Status.values if state != Status.ERROR]
