"""Django admin of reviews, scoped to the firm admin's own firm.

Review items are read-only here (decisions are made on the review screen or
through the API, with an audit row). Remembered decisions can be seen and
removed: removal goes through reviews.services.forget_decision.
"""

from __future__ import annotations

from django.contrib import admin

from projects.admin_scoping import FirmScopedAdmin
from reviews import services
from reviews.models import RememberedDecision, ReviewItem


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReviewItem)
class ReviewItemAdmin(ReadOnlyMixin, FirmScopedAdmin):
    firm_path = "project__firm"
    list_display = [
        "label",
        "project",
        "status",
        "proposed_key",
        "cma_key",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["status", ("project", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["line_item__label"]
    list_select_related = ["project", "line_item", "decided_by"]
    readonly_fields = [
        "project",
        "line_item",
        "proposed_key",
        "proposed_sign",
        "confidence",
        "evidence",
        "alternatives",
        "status",
        "cma_key",
        "sign",
        "split",
        "exclude_reason",
        "unreviewed",
        "decided_by",
        "decided_at",
    ]
    exclude = ["fingerprint"]

    @admin.display(description="Line item", ordering="line_item__label")
    def label(self, item: ReviewItem) -> str:
        return item.line_item.label if item.line_item else "(statements read again)"

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RememberedDecision)
class RememberedDecisionAdmin(ReadOnlyMixin, FirmScopedAdmin):
    firm_path = "firm"
    list_display = [
        "label",
        "context",
        "cma_key",
        "sign",
        "decided_by",
        "source_project",
        "updated_at",
    ]
    list_filter = ["cma_key"]
    search_fields = ["label", "context"]
    list_select_related = ["firm", "decided_by", "source_project"]
    readonly_fields = [
        "firm",
        "label",
        "context",
        "label_key",
        "context_key",
        "cma_key",
        "sign",
        "reason",
        "decided_by",
        "source_project",
        "times_used",
        "created_at",
        "updated_at",
    ]
    exclude = ["source_item"]

    def delete_model(self, request, obj: RememberedDecision) -> None:
        services.forget_decision(obj, acting_user=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for decision in queryset:
            services.forget_decision(decision, acting_user=request.user)
