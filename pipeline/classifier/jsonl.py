"""Labelled items in the classify-input JSONL of docs/spec/cma-json.md, as ItemContexts.

The blind set (tests/data/blindset/) and the held-out set are written in this
shape, one object a line, with the expected row under `expected_cma_key`. The
bench, the calibration command and the tests read them through here, so the
calibration never imports test code.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pipeline.classifier.context import ItemContext

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "data" / "blindset"
SETS = {
    "dev": BLIND / "dev.jsonl",
    "test": BLIND / "test.jsonl",
    "holdout": ROOT / "tests" / "data" / "blindset-holdout" / "holdout.jsonl",
}
TEXT = ("section", "subsection", "note", "sheet", "file", "side", "tally_group", "column")


def context_of(obj: dict) -> ItemContext:
    """An ItemContext from one classify-input object."""
    texts = {name: obj.get(name) for name in TEXT}
    amounts = {
        year: Decimal(str(v)) for year, v in (obj.get("amounts") or {}).items() if v is not None
    }
    return ItemContext(
        label=obj["label"],
        section=texts.pop("section") or "",
        subsection=texts.pop("subsection") or "",
        statement=obj.get("statement"),
        amounts=amounts,
        constitution=obj.get("constitution"),
        industry=obj.get("industry"),
        **texts,
    )


def objects(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load(path: Path) -> list[tuple[ItemContext, str | None]]:
    """(item, expected row) of every object of a labelled JSONL file."""
    return [(context_of(obj), obj["expected_cma_key"]) for obj in objects(path)]
