"""manage.py cma_run FILE... --company NAME --out DIR: the whole pipeline in-process.

Runs the same orchestrator as the workers, on the configured database (SQLite
by default), and writes DIR/cma.json and DIR/cma.xlsx. Exit status: 0
completed, 3 awaiting review, 1 error (the reason is printed).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from pipeline.constitution_inference import infer, printed
from pipeline.options import PipelineOptions
from pipeline.orchestrator import run_pipeline
from pipeline.readers.document_kind import read_lines
from pipeline.steps.extract import limits
from projects import services
from projects.models import Constitution, Firm, Industry, Project

EXIT_COMPLETED, EXIT_ERROR, EXIT_REVIEW = 0, 1, 3


class Command(BaseCommand):
    help = "Run the CMA pipeline on statement files and write cma.json and cma.xlsx."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--company", required=True)
        parser.add_argument("--out", required=True, type=Path)
        # Without them, what the statements show (pipeline.constitution_inference), else
        # a private limited manufacturer.
        parser.add_argument("--constitution", choices=Constitution.values)
        parser.add_argument("--industry", choices=Industry.values)
        parser.add_argument("--firm", default="Command line")
        parser.add_argument("--skip-review", action="store_true")
        parser.add_argument("--skip-validation", action="store_true")
        parser.add_argument("--auto-approve-above", type=float, default=0.70)

    def handle(self, *args, **opts) -> None:
        missing = [str(f) for f in opts["files"] if not f.is_file()]
        if missing:
            raise CommandError(f"not a file: {', '.join(missing)}")
        call_command("migrate", verbosity=0, interactive=False)
        project = self._project(opts)
        options = PipelineOptions(
            skip_review=opts["skip_review"],
            skip_validation=opts["skip_validation"],
            auto_approve_above=opts["auto_approve_above"],
            notify_on_review=False,
        )
        result = run_pipeline(project.pk, project.firm_id, options)
        raise SystemExit(self._report(result, project, opts["out"]))

    def _project(self, opts) -> Project:
        firm, _ = Firm.objects.get_or_create(name=opts["firm"])
        constitution, industry = self._entity(opts)
        project = services.create_project(
            firm=firm,
            acting_user=None,
            company_name=opts["company"],
            constitution=constitution,
            industry=industry,
        )
        uploads = [SimpleUploadedFile(f.name, f.read_bytes()) for f in opts["files"]]
        for outcome in services.upload_files(project, uploads, acting_user=None):
            if outcome.error:
                self.stderr.write(f"skipped {outcome.name}: {outcome.error}")
        return project

    def _entity(self, opts) -> tuple[str, str]:
        """The constitution and industry given, else inferred from the files' text."""
        if opts["constitution"] and opts["industry"]:
            return opts["constitution"], opts["industry"]
        lines = [
            line
            for path in opts["files"]
            for line in printed(path.name, read_lines(path.name, path.read_bytes(), limits()))
        ]
        found = infer(lines)
        constitution = opts["constitution"] or found.constitution or Constitution.PRIVATE_LIMITED
        industry = opts["industry"] or found.industry or Industry.MANUFACTURING
        self.stdout.write(
            f"constitution {constitution}, industry {industry}"
            + (f" (from the statements: {found.why})" if found.why else " (assumed)")
        )
        return constitution, industry

    def _report(self, result, project: Project, out: Path) -> int:
        project = Project.objects.get(pk=project.pk)
        for source in project.files.filter(status="failed"):
            self.stderr.write(f"{source.original_name}: {source.error} {source.hint}".strip())
        if result.awaiting_review:
            pending = project.review_items.filter(status="pending").count()
            self.stdout.write(f"awaiting review: {pending} items need a CA (project {project.pk})")
            return EXIT_REVIEW
        if not result.completed:
            self.stdout.write(f"error in the {result.failed_step} step: {result.reason}")
            if result.hint:
                self.stdout.write(result.hint)
            return EXIT_ERROR
        out.mkdir(parents=True, exist_ok=True)
        (out / "cma.json").write_text(json.dumps(project.cma.document, indent=2))
        with project.cma.workbook.open("rb") as workbook:
            (out / "cma.xlsx").write_bytes(workbook.read())
        self.stdout.write(f"completed: wrote {out / 'cma.json'} and {out / 'cma.xlsx'}")
        return EXIT_COMPLETED
