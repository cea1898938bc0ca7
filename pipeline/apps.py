from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PipelineConfig(AppConfig):
    name = "pipeline"
    verbose_name = "Pipeline"

    def ready(self) -> None:
        from pipeline.schedules import ensure_schedules  # models load only once apps are ready

        post_migrate.connect(ensure_schedules, sender=self)
