"""A CA's decisions on the line items the classifier was unsure of, and what the firm learns."""

from django.conf import settings
from django.db import models

from pipeline.models import LineItem
from projects.models import Firm, Project


class ReviewItem(models.Model):
    """A line item waiting for (or carrying) a CA's decision.

    `split` holds, for a split decision, a list of {"cma_key", "sign", "share"}
    where the shares add up to 1, applied to every year's amount.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        RECLASSIFIED = "reclassified", "Reclassified"
        SPLIT = "split", "Split"
        EXCLUDED = "excluded", "Excluded"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="review_items")
    line_item = models.OneToOneField(LineItem, on_delete=models.CASCADE, related_name="review_item")
    proposed_key = models.CharField(max_length=40, blank=True)
    proposed_sign = models.SmallIntegerField(default=1)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.PENDING)
    cma_key = models.CharField(max_length=40, blank=True)
    sign = models.SmallIntegerField(default=1)
    split = models.JSONField(default=list, blank=True)
    exclude_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["line_item__source_file_id", "line_item__position"]
        indexes = [models.Index(fields=["project", "status"])]

    def __str__(self) -> str:
        return f"Review of {self.line_item}"


class RememberedDecision(models.Model):
    """A firm's own earlier answer for a label in a context: layer 1 of the classifier."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="remembered_decisions")
    label_key = models.CharField(max_length=300)  # normalised label
    context_key = models.CharField(max_length=300, blank=True)  # normalised section / statement
    label = models.TextField()  # as the CA saw it
    context = models.TextField(blank=True)
    cma_key = models.CharField(max_length=40, blank=True)  # blank: exclude
    sign = models.SmallIntegerField(default=1)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
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
