"""API input and output shapes for projects, files and progress."""

from __future__ import annotations

from rest_framework import serializers

from pipeline import progress
from pipeline.cma.assumptions import AssumptionError, Assumptions
from pipeline.options import STEPS, InvalidOptions, PipelineOptions
from projects.badge import badge_text
from projects.models import Constitution, DisplayUnit, Industry, Project, SourceFile


class ProjectInput(serializers.Serializer):
    company_name = serializers.CharField(max_length=200)
    constitution = serializers.ChoiceField(choices=Constitution.choices)
    industry = serializers.ChoiceField(choices=Industry.choices, default=Industry.MANUFACTURING)
    years_wanted = serializers.ListField(
        child=serializers.RegexField(r"^FY\d{4}$"), required=False, default=list
    )
    projected_years = serializers.IntegerField(min_value=0, max_value=10, default=3)
    display_unit = serializers.ChoiceField(choices=DisplayUnit.choices, default=DisplayUnit.AUTO)
    assumptions = serializers.DictField(required=False, default=dict)
    classification_policy = serializers.DictField(required=False, default=dict)

    def validate_assumptions(self, value: dict) -> dict:
        """Checked as PUT .../assumptions checks them: a bad key or value is a 400."""
        try:
            return Assumptions.from_dict(value).to_dict()
        except AssumptionError as error:
            raise serializers.ValidationError(str(error)) from None


class SourceFileOutput(serializers.ModelSerializer):
    class Meta:
        model = SourceFile
        fields = [
            "id",
            "original_name",
            "size",
            "sha256",
            "detected_type",
            "document_kind",
            "year_kinds",
            "status",
            "error_code",
            "error",
            "hint",
            "warnings",
            "ocr_report",
            "extract_report",
            "items_found",
            "uploaded_at",
        ]


class ProjectOutput(serializers.ModelSerializer):
    firm = serializers.CharField(source="firm.name")
    is_processing = serializers.BooleanField()
    files = SourceFileOutput(many=True, read_only=True)

    class Meta:
        model = Project
        fields = [
            "id",
            "company_name",
            "constitution",
            "industry",
            "firm",
            "years_wanted",
            "projected_years",
            "display_unit",
            "assumptions",
            "classification_policy",
            "status",
            "is_processing",
            "pipeline_progress",
            "current_step",
            "error",
            "error_step",
            "attempts",
            "cost",
            "started_at",
            "completed_at",
            "duration_ms",
            "created_at",
            "updated_at",
            "files",
        ]


class OptionsField(serializers.DictField):
    def to_internal_value(self, data) -> PipelineOptions:
        try:
            return PipelineOptions.from_dict(super().to_internal_value(data))
        except (InvalidOptions, TypeError) as error:
            raise serializers.ValidationError(str(error)) from None


class ProcessInput(serializers.Serializer):
    options = OptionsField(required=False, default=PipelineOptions)


class StepOutput(serializers.Serializer):
    status = serializers.CharField()
    started_at = serializers.DateTimeField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)
    duration_ms = serializers.IntegerField(allow_null=True)
    error = serializers.CharField(allow_null=True)


def progress_of(project: Project) -> dict:
    """The progress document of GET /progress, also returned by process/retry/resume."""
    records = progress.step_records(project)
    return {
        "status": project.status,
        "current_step": project.current_step or None,
        "pipeline_progress": project.pipeline_progress,
        "is_processing": project.is_processing,
        "status_label": badge_text(project, records),
        "estimated_remaining_seconds": progress.estimated_remaining_seconds(project),
        "error": project.error or None,
        "error_step": project.error_step or None,
        "steps": {
            step: {
                **StepOutput(records[step]).data,
                "summary": records[step].get("summary", ""),
                "problems": records[step].get("problems", []),
                "hint": records[step].get("hint", ""),
            }
            for step in STEPS
        },
    }
