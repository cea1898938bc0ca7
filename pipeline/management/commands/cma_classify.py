"""manage.py cma_classify IN.jsonl OUT.jsonl [--firm NAME]: classify line items on their own."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pipeline.errors import StepError
from pipeline.standalone import InvalidItem, classify_objects
from projects.models import Firm


class Command(BaseCommand):
    help = "Classify line items (one JSON object a line) into CMA rows."

    def add_arguments(self, parser) -> None:
        parser.add_argument("input", type=Path)
        parser.add_argument("output", type=Path)
        parser.add_argument("--firm", help="apply this firm's remembered decisions and policy")

    def handle(self, *args, **opts) -> None:
        firm = None
        if opts["firm"]:
            firm = Firm.objects.filter(name=opts["firm"]).first()
            if firm is None:
                raise CommandError(f"no firm named {opts['firm']!r}")
        objects = self._read(opts["input"])
        try:
            answers = classify_objects(objects, firm)
        except (InvalidItem, StepError) as error:
            raise CommandError(str(error)) from None
        with opts["output"].open("w") as out:
            for answer in answers:
                out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        self.stdout.write(f"classified {len(answers)} items into {opts['output']}")

    def _read(self, path: Path) -> list:
        if not path.is_file():
            raise CommandError(f"not a file: {path}")
        objects = []
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if not line.strip():
                continue
            try:
                objects.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise CommandError(f"{path}:{number}: not JSON ({error.msg})") from None
        return objects
