"""What the steps produce: line items (extract), their classification (classify),
validation findings (validate) and the generated CMA (generate).

Each step owns its rows and replaces them when it runs again, so a retry or a
forced reprocess never duplicates anything.
"""

from django.db import models

from projects.models import Project, SourceFile


class LineItem(models.Model):
    """One printed row of an uploaded statement, with its amounts per financial year.

    `amounts` holds rupees as decimal strings keyed "FY2025". `counts_for` lists
    the years for which this item's document is the one that counts (the later
    document wins a year two documents give); `other_sources` records where the
    losing documents printed the same item.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="line_items")
    source_file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="line_items")
    position = models.PositiveIntegerField()  # order within the file, as printed
    label = models.TextField()
    statement = models.CharField(max_length=20, blank=True)
    section = models.CharField(max_length=300, blank=True)
    subsection = models.CharField(max_length=300, blank=True)
    note = models.CharField(max_length=20, blank=True)
    side = models.CharField(max_length=20, blank=True)
    tally_group = models.CharField(max_length=200, blank=True)
    column = models.CharField(max_length=100, blank=True)
    table = models.CharField(max_length=100, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    sheet = models.CharField(max_length=100, blank=True)
    row = models.PositiveIntegerField(null=True, blank=True)
    cells = models.JSONField(default=dict, blank=True)
    stored_as = models.CharField(max_length=10, blank=True)
    printed_unit = models.CharField(max_length=40, blank=True)
    amounts = models.JSONField(default=dict)
    counts_for = models.JSONField(default=list, blank=True)
    other_sources = models.JSONField(default=list, blank=True)
    exclude_reason = models.TextField(blank=True)  # structural, set by the reader
    # Figures OCR read that a CA must confirm: {year: {"read", "confidence", "reason",
    # "proposed", "page", "box"}} (pipeline.readers.ocr_checks); empty for digital rows.
    ocr_checks = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["source_file_id", "position"]
        indexes = [models.Index(fields=["project", "source_file", "position"])]

    def __str__(self) -> str:
        return self.label


class Classification(models.Model):
    """The classifier's proposal for one line item: a CMA input row, or an exclusion."""

    class Decision(models.TextChoices):
        AUTO = "auto", "Approved by confidence"
        PENDING = "pending", "Awaiting review"
        EXCLUDED = "excluded", "Excluded"

    line_item = models.OneToOneField(
        LineItem, on_delete=models.CASCADE, related_name="classification"
    )
    cma_key = models.CharField(max_length=40, blank=True)  # blank when excluded
    sign = models.SmallIntegerField(default=1)
    confidence = models.FloatField()
    evidence = models.TextField(blank=True)
    layer = models.CharField(max_length=20, blank=True)  # memory, vocabulary, similarity, external
    alternatives = models.JSONField(default=list, blank=True)  # [{"cma_key", "confidence"}]
    exclude_reason = models.TextField(blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices)

    def __str__(self) -> str:
        return f"{self.line_item} → {self.cma_key or 'excluded'}"


class ValidationFinding(models.Model):
    """One failed check of the validate step, per year."""

    class Level(models.TextChoices):
        ERROR = "error", "Error"
        WARNING = "warning", "Warning"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="findings")
    code = models.CharField(max_length=60)
    level = models.CharField(max_length=10, choices=Level.choices)
    year = models.CharField(max_length=10, blank=True)
    message = models.TextField()
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["level", "year", "code"]

    def __str__(self) -> str:
        return f"{self.level} {self.code} {self.year}"


def workbook_path(instance: "CmaResult", filename: str) -> str:
    return f"projects/{instance.project_id}/cma/{filename}"


class CmaResult(models.Model):
    """The generated CMA: the JSON export of spec/cma-json.md and the workbook."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="cma")
    document = models.JSONField()
    workbook = models.FileField(upload_to=workbook_path, max_length=500)
    generated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"CMA of {self.project}"


class Run(models.Model):
    """One process call of a project (process, retry or resume), kept as its history.

    pipeline.lifecycle writes it with every move of the run, in the move's own
    transaction: the step records as they were, the claim and its lease while the run
    holds it, the cost, the project's attempts and how the run ended. The project's
    own fields say where the latest run stands (the progress endpoint reads them);
    the runs say what each earlier one did.
    """

    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        COMPLETED = "completed", "Completed"
        AWAITING_REVIEW = "awaiting_review", "Awaiting review"
        ERROR = "error", "Failed"
        STOPPED = "stopped", "Stopped"  # before this record existed: ended as it rests

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="runs")
    number = models.PositiveIntegerField()  # 1 for the project's first run
    claim_token = models.UUIDField(null=True, blank=True, unique=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    options = models.JSONField(default=dict, blank=True)
    steps = models.JSONField(default=dict, blank=True)  # pipeline.progress's step records
    cost = models.DecimalField(max_digits=12, decimal_places=4, default=0)
    attempts = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.RUNNING)
    error = models.TextField(blank=True)
    error_step = models.CharField(max_length=20, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["project_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="one_number_per_run")
        ]

    def __str__(self) -> str:
        return f"run {self.number} of {self.project}"
