"""Runs as records of their own (pipeline.Run), one made from each project's last run."""

from django.db import migrations, models
import django.db.models.deletion

# The states a run holds its claim in while a step runs, and how a resting one ended
# (pipeline.run_history.outcome_of, spelled out: a migration keeps its own copy).
_OUTCOMES = {"completed": "completed", "reviewing": "awaiting_review", "error": "error"}


def runs_from_projects(apps, schema_editor):
    """Each project that ever ran (it has step records or left draft) gets run 1, its
    last run as the project's fields hold it; a claimed project's run is running."""
    Project = apps.get_model("projects", "Project")
    Run = apps.get_model("pipeline", "Run")
    ran = Project.objects.exclude(status="draft", pipeline_steps={})
    Run.objects.bulk_create(
        Run(
            project_id=project.pk,
            number=1,
            claim_token=project.claim_token,
            lease_expires_at=project.lease_expires_at,
            options=project.options,
            steps=project.pipeline_steps,
            cost=project.cost,
            attempts=project.attempts,
            outcome="running"
            if project.claim_token
            else _OUTCOMES.get(project.status, "stopped"),
            error=project.error,
            error_step=project.error_step,
            started_at=project.started_at,
            completed_at=project.completed_at,
            duration_ms=project.duration_ms,
        )
        for project in ran.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pipeline", "0002_lineitem_ocr_checks"),
        ("projects", "0009_term_loan_schedules"),
    ]

    operations = [
        migrations.CreateModel(
            name="Run",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField()),
                ("claim_token", models.UUIDField(blank=True, null=True, unique=True)),
                ("lease_expires_at", models.DateTimeField(blank=True, null=True)),
                ("options", models.JSONField(blank=True, default=dict)),
                ("steps", models.JSONField(blank=True, default=dict)),
                ("cost", models.DecimalField(decimal_places=4, default=0, max_digits=12)),
                ("attempts", models.PositiveIntegerField(default=0)),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("running", "Running"),
                            ("completed", "Completed"),
                            ("awaiting_review", "Awaiting review"),
                            ("error", "Failed"),
                            ("stopped", "Stopped"),
                        ],
                        default="running",
                        max_length=20,
                    ),
                ),
                ("error", models.TextField(blank=True)),
                ("error_step", models.CharField(blank=True, max_length=20)),
                ("started_at", models.DateTimeField(blank=True, null=True)),
                ("completed_at", models.DateTimeField(blank=True, null=True)),
                ("duration_ms", models.PositiveBigIntegerField(blank=True, null=True)),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="runs",
                        to="projects.project",
                    ),
                ),
            ],
            options={
                "ordering": ["project_id", "number"],
                "constraints": [
                    models.UniqueConstraint(fields=("project", "number"), name="one_number_per_run")
                ],
            },
        ),
        migrations.RunPython(runs_from_projects, migrations.RunPython.noop),
    ]
