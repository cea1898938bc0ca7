"""The ground truth of the sample statements (tests/data/samples, a copy of the
product's sample corpus), loaded for tests and benchmarks.

`match_items` pairs what a reader extracted from one file with the ground-truth
line items of that file: same page (PDF) or sheet (Excel), the same label once
spaces and case are normalised, and the same amount in every year the ground
truth gives.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pipeline.readers.document import ExtractedItem

SAMPLES = Path(
    os.environ.get("CMA_SAMPLES_DIR", Path(__file__).resolve().parent / "data" / "samples")
)

# The ground truth names the constitution as printed; the API takes its code.
CONSTITUTIONS = {
    "private limited company": "private_limited",
    "public limited company": "public_limited",
    "limited liability partnership": "llp",
    "partnership firm": "partnership",
    "proprietorship": "proprietorship",
}

# Exclusions a reader makes from the layout alone (the rest are the classifier's).
STRUCTURAL_EXCLUSIONS = (
    "total:",
    "face total:",
    "group total:",
    "auxiliary schedule:",
    "trial balance total",
    "memo: fixed-asset movement column",
    "memo: net block",
    "memo: ageing analysis",
    "per-share figure",
)


def companies() -> list[str]:
    return sorted(
        p.parent.name for p in SAMPLES.glob("*/ground_truth.json") if p.parent.name[0] != "_"
    )


def load(company: str) -> dict:
    return json.loads((SAMPLES / company / "ground_truth.json").read_text())


def is_structural(reason: str | None) -> bool:
    return bool(reason) and reason.startswith(STRUCTURAL_EXCLUSIONS)


def normalise_label(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().casefold()


def _place(item: dict | ExtractedItem) -> tuple:
    get = item.get if isinstance(item, dict) else lambda k: getattr(item, k)
    return (get("page"), get("sheet"))


def _amounts(item: dict | ExtractedItem) -> dict[str, Decimal]:
    raw = item["amounts"] if isinstance(item, dict) else item.amounts
    return {year: Decimal(str(value)) for year, value in raw.items()}


@dataclass
class Match:
    matched: list[tuple[dict, ExtractedItem]] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)  # ground truth not found
    extra: list[ExtractedItem] = field(default_factory=list)  # extracted, not in ground truth

    @property
    def recall(self) -> float:
        total = len(self.matched) + len(self.missing)
        return len(self.matched) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.matched) + len(self.extra)
        return len(self.matched) / total if total else 1.0


def match_items(extracted: Iterable[ExtractedItem], truth: Iterable[dict]) -> Match:
    """Pair extracted items with ground-truth items of the same file, in printed order."""
    result = Match()
    pool: dict[tuple, list[ExtractedItem]] = {}
    for item in extracted:
        pool.setdefault((*_place(item), normalise_label(item.label)), []).append(item)
    for expected in truth:
        candidates = pool.get((*_place(expected), normalise_label(expected["label"])), [])
        want = _amounts(expected)
        found = next((c for c in candidates if _amounts(c) == want), None)
        if found is None:
            result.missing.append(expected)
        else:
            candidates.remove(found)
            result.matched.append((expected, found))
    result.extra = [item for items in pool.values() for item in items]
    return result


def exclusion_errors(match: Match) -> tuple[list, list]:
    """Matched items whose structural exclusion disagrees with the ground truth.

    Returns (counted but should be excluded as a total/face line/auxiliary row,
    excluded but the ground truth counts it).
    """
    should_exclude = [
        (gt, item)
        for gt, item in match.matched
        if is_structural(gt.get("exclude_reason")) and not item.exclude_reason
    ]
    should_count = [
        (gt, item) for gt, item in match.matched if gt.get("cma_key") and item.exclude_reason
    ]
    return should_exclude, should_count
