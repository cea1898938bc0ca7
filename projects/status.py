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
# A run can be lost in any state but error (a worker dies, a lease runs out).
FAILABLE_STATES = [state for state in Status.values if state != Status.ERROR]
