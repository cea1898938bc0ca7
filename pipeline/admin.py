"""Django admin of what the steps produced, read-only and scoped to the admin's firm.

Line items, classifications, findings and the generated CMA belong to their
step (each step replaces its own rows); here they are only looked at.
"""

from __future__ import annotations

from django.contrib import admin

from pipeline.models import Classification, CmaResult, LineItem, ValidationFinding
from projects.admin import ReadOnlyScopedAdmin
from projects.admin_display import human_size


class ClassificationInline(admin.StackedInline):
    model = Classification
    fields = ["cma_key", "sign", "confidence", "decision", "layer", "evidence", "exclude_reason"]
    readonly_fields = fields
    can_delete = False
    extra = 0

    # The parent admin scopes the line item; its classification follows.
    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LineItem)
class LineItemAdmin(ReadOnlyScopedAdmin):
    firm_path = "project__firm"
    list_display = ["label", "project", "statement", "section", "note", "source_file", "where"]
    list_filter = ["statement"]
    search_fields = ["label", "section", "project__company_name"]
    list_select_related = ["project", "source_file"]
    inlines = [ClassificationInline]
    exclude = ["cells"]

    @admin.display(description="Page / sheet, row")
    def where(self, item: LineItem) -> str:
        place = f"p. {item.page}" if item.page else item.sheet
        return f"{place}, row {item.row}" if item.row else place


@admin.register(Classification)
class ClassificationAdmin(ReadOnlyScopedAdmin):
    firm_path = "line_item__project__firm"
    list_display = ["line_item", "cma_key", "sign", "confidence", "decision", "layer", "project"]
    list_filter = ["decision", "layer"]
    search_fields = ["line_item__label", "cma_key"]
    list_select_related = ["line_item__project"]

    @admin.display(description="Project", ordering="line_item__project__company_name")
    def project(self, classification: Classification) -> str:
        return str(classification.line_item.project)


@admin.register(ValidationFinding)
class ValidationFindingAdmin(ReadOnlyScopedAdmin):
    firm_path = "project__firm"
    list_display = ["project", "level", "code", "year", "message"]
    list_filter = ["level", "code"]
    search_fields = ["message", "project__company_name"]
    list_select_related = ["project"]


@admin.register(CmaResult)
class CmaResultAdmin(ReadOnlyScopedAdmin):
    firm_path = "project__firm"
    list_display = ["project", "generated_at", "workbook", "workbook_size"]
    list_select_related = ["project"]
    exclude = ["document"]

    @admin.display(description="Workbook size")
    def workbook_size(self, result: CmaResult) -> str:
        try:
            return human_size(result.workbook.size) if result.workbook else "—"
        except OSError:  # the file went missing from storage
            return "—"
