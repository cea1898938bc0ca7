"""API input and output shapes of review items: an item, a decision, a bulk approval."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from reviews.models import ReviewItem
from reviews.rows import ROWS_BY_KEY
from reviews.services import DECISIONS


def row_ref(key: str, sign: int | None = None) -> dict | None:
    """{"cma_key", "row", "label"(, "sign")} of an input key; None for no key."""
    if not key:
        return None
    row = ROWS_BY_KEY.get(key)
    ref = {"cma_key": key, "row": row.number if row else None, "label": row.label if row else ""}
    return ref if sign is None else {**ref, "sign": sign}


class StatusFilter(serializers.Serializer):
    status = serializers.ChoiceField(choices=ReviewItem.Status.choices, required=False)


class DecisionInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=DECISIONS)
    cma_key = serializers.CharField(required=False, allow_blank=True, max_length=40)
    sign = serializers.ChoiceField(choices=[1, -1], required=False)
    split = serializers.ListField(child=serializers.DictField(), required=False, max_length=20)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)
    amounts = serializers.DictField(
        child=serializers.CharField(max_length=40),
        required=False,
        help_text="An amount to confirm: {year: rupees} as the page prints them "
        "(years left out are confirmed as read).",
    )


class ApproveAllInput(serializers.Serializer):
    section = serializers.CharField(required=False, allow_blank=True, max_length=300)


class ApproveAllOutput(serializers.Serializer):
    approved = serializers.IntegerField()
    left = serializers.IntegerField(help_text="Items of the project still pending afterwards.")
    other_statement = serializers.IntegerField(
        help_text="Left pending: proposed for a row of another statement than the item's own."
    )
    unsure = serializers.IntegerField(
        help_text="Left pending: proposed with less than 50 % confidence."
    )


class ReviewItemOutput(serializers.ModelSerializer):
    project = serializers.UUIDField(source="project_id")
    line_item = serializers.IntegerField(source="row.pk")
    label = serializers.CharField(source="row.label")
    amounts = serializers.JSONField(source="row.amounts")
    counts_for = serializers.JSONField(source="row.counts_for")
    provenance = serializers.SerializerMethodField()
    amount_check = serializers.SerializerMethodField()
    proposed = serializers.SerializerMethodField()
    alternatives = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    decided_by = serializers.EmailField(source="decided_by.email", allow_null=True, default=None)

    class Meta:
        model = ReviewItem
        fields = [
            "id",
            "kind",
            "project",
            "line_item",
            "label",
            "amounts",
            "counts_for",
            "provenance",
            "proposed",
            "confidence",
            "evidence",
            "alternatives",
            "status",
            "decision",
            "unreviewed",
            "decided_by",
            "decided_at",
            "amount_check",
        ]

    def get_amount_check(self, item: ReviewItem) -> dict | None:
        """An amount to confirm: what OCR read, why it is asked, what the arithmetic proposes."""
        if not item.is_amount:
            return None
        return {
            "read": item.amounts_read,
            "checks": item.checks,
            "ocr_confidence": item.ocr_confidence,
            "proposed": item.amounts_proposed,
            "confirmed": item.amounts_confirmed or None,
            "crop_url": reverse("reviews-api:crop", args=[item.pk]) if item.crop else None,
        }

    def get_provenance(self, item: ReviewItem) -> dict:
        line = item.row
        return {
            "file": line.source_file.original_name,
            "page": line.page,
            "sheet": line.sheet or None,
            "row": line.row,
            "statement": line.statement or None,
            "section": line.section or None,
            "subsection": line.subsection or None,
            "note": line.note or None,
        }

    def get_proposed(self, item: ReviewItem) -> dict | None:
        return row_ref(item.proposed_key, item.proposed_sign)

    def get_alternatives(self, item: ReviewItem) -> list[dict]:
        return [
            {**(row_ref(alt.get("cma_key", "")) or {}), "confidence": alt.get("confidence")}
            for alt in item.alternatives
            if alt.get("cma_key")
        ]

    def get_decision(self, item: ReviewItem) -> dict | None:
        """What the CA decided (None while pending): the row, the split, the reason."""
        if item.is_pending:
            return None
        if item.is_amount:
            return {"amounts": item.amounts_confirmed}
        return {
            "row": row_ref(item.cma_key, item.sign),
            "split": item.split,
            "reason": item.exclude_reason or None,
        }
