"""A CA's decisions on the line items the classifier was unsure of, and what the firm learns."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from pipeline.models import LineItem
from projects.models import Firm, Project


class ReviewItemQuerySet(models.QuerySet):
    def for_firm(self, firm: Firm) -> ReviewItemQuerySet:
        return self.filter(project__firm=firm)

    def pending(self) -> ReviewItemQuerySet:
        return self.filter(status=ReviewItem.Status.PENDING)

    def in_section(self, section: str) -> ReviewItemQuerySet:
        return self.filter(line_item__section=section)

    def linked(self) -> ReviewItemQuerySet:
        """Items whose printed row exists now (extraction replaces rows; the step relinks)."""
        return self.filter(models.Q(line_item__isnull=False) | models.Q(amount_line__isnull=False))


class ReviewItem(models.Model):
    """A line item the classifier was unsure of, and the CA's decision on it.

    The proposal (key, sign, confidence, evidence, alternatives) is a snapshot of
    what the CA was shown. `fingerprint` identifies the printed row across a
    re-extraction (which replaces line items), so a decision survives it:
    `line_item` goes null when its row is deleted and the review step relinks it.

    `split` holds, for a split decision, a list of
    {"cma_key", "sign", "share" (decimal string or null), "amounts" {year: decimal string}}
    whose amounts add up, year by year, to the line item's.

    An item of kind AMOUNT asks a CA to confirm figures that OCR read from a
    scan and the statement's arithmetic did not confirm. It points to its row
    through `amount_line` (the row may also await a classification decision,
    which is an item of its own); `amounts_read`, `checks` (why, per year),
    `ocr_confidence` and `amounts_proposed` (what the arithmetic says the
    figure must be, when one misread explains it) are what the CA was shown,
    with `crop` (PNG) of the printed row; `amounts_confirmed` holds the CA's
    figures per year, corrected or as read.
    """

    class Kind(models.TextChoices):
        CLASSIFICATION = "classification", "Classification"
        AMOUNT = "amount", "Amount to confirm"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        RECLASSIFIED = "reclassified", "Reclassified"
        SPLIT = "split", "Split"
        EXCLUDED = "excluded", "Excluded"
        CONFIRMED = "confirmed", "Amounts confirmed"
        CORRECTED = "corrected", "Amounts corrected"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="review_items")
    line_item = models.OneToOneField(
        LineItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="review_item"
    )
    kind = models.CharField(max_length=14, choices=Kind.choices, default=Kind.CLASSIFICATION)
    amount_line = models.ForeignKey(
        LineItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="amount_reviews"
    )
    amounts_read = models.JSONField(default=dict, blank=True)  # {year: decimal string}
    amounts_proposed = models.JSONField(default=dict, blank=True)  # {year: decimal string}
    amounts_confirmed = models.JSONField(default=dict, blank=True)  # {year: decimal string}
    checks = models.JSONField(default=dict, blank=True)  # {year: the arithmetic, as shown}
    ocr_confidence = models.JSONField(default=dict, blank=True)  # {year: 0-100}
    crop = models.BinaryField(blank=True, default=b"")  # PNG of the printed row
    fingerprint = models.CharField(max_length=64)
    proposed_key = models.CharField(max_length=40, blank=True)
    proposed_sign = models.SmallIntegerField(default=1)
    confidence = models.FloatField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    alternatives = models.JSONField(default=list, blank=True)  # [{"cma_key", "confidence"}]
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.PENDING)
    cma_key = models.CharField(max_length=40, blank=True)
    sign = models.SmallIntegerField(default=1)
    split = models.JSONField(default=list, blank=True)
    exclude_reason = models.TextField(blank=True)
    # Approved by the pipeline because the run skipped review: no CA looked at it.
    unreviewed = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        ordering = ["line_item__source_file_id", "line_item__position", "id"]
        indexes = [models.Index(fields=["project", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "fingerprint"], name="one_review_item_per_printed_row"
            )
        ]

    def __str__(self) -> str:
        return f"Review of {self.line_item or self.fingerprint[:12]}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_amount(self) -> bool:
        return self.kind == self.Kind.AMOUNT

    @property
    def row(self) -> LineItem | None:
        """The printed row this item asks about, whatever its kind."""
        return self.amount_line if self.is_amount else self.line_item


class RememberedDecision(models.Model):
    """A firm's own earlier answer for a label in a context: layer 1 of the classifier."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="remembered_decisions")
    # pipeline.classifier.normalise's keys: text, since a printed label has no length limit.
    label_key = models.TextField()
    context_key = models.TextField(blank=True)
    label = models.TextField()  # as the CA saw it
    context = models.TextField(blank=True)
    cma_key = models.CharField(max_length=40, blank=True)  # blank: exclude
    sign = models.SmallIntegerField(default=1)
    reason = models.TextField(blank=True)  # an exclusion's reason
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The decision it came from, so that changing that decision withdraws it.
    source_item = models.ForeignKey(
        ReviewItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    times_used = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["firm", "label_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["firm", "label_key", "context_key"], name="one_decision_per_label_context"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label} → {self.cma_key or 'excluded'}"
