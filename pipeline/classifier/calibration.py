"""Raw scores to confidences that mean something.

Each layer grades its evidence with a raw score (decide.py, rules.py,
memory.py, similarity.py, statement.py). Calibration measures how often each
raw score is right on items the vocabulary was not written from: the blind
set's development half (tests/data/blindset/dev.jsonl), never its test half,
the held-out set or the samples (issue 12: a confidence fitted on the items a
vocabulary was written from says nothing about new items). Then:

1. group the verdicts of a layer by raw score;
2. shrink each group's share of right answers towards its raw score, with
   PRIOR_WEIGHT pseudo-verdicts, so that a score seen a few times keeps
   roughly the confidence the rules designer gave it;
3. make the result non-decreasing in the raw score (pool adjacent violators);
4. never above CEILING.

A layer the development half never exercises (the firm's memory) keeps its
raw score. The table is `data/calibration.json`; the cross-validated
reliability of the fit (each source of the development half confidence-scored
by a table fitted on the others) is bench/reliability.md. Regenerate both after
changing the vocabulary, the rules or the raw scores:

    .venv/bin/python -m pipeline.classifier.fitting
    .venv/bin/python bench/classify_bench.py --reliability bench/reliability.md
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from pipeline.classifier.context import READER

TABLE = Path(__file__).resolve().parent / "data" / "calibration.json"
PRIOR_WEIGHT = 20
CEILING = 0.995


@dataclass(frozen=True)
class Bin:
    raw: float
    n: int
    right: int
    confidence: float


class Calibration:
    """Per layer, a step function from raw score to confidence."""

    def __init__(self, layers: dict[str, list[Bin]] | None = None, *, identity: bool = False):
        self.layers = {
            layer: sorted(bins, key=lambda b: b.raw) for layer, bins in (layers or {}).items()
        }
        self.identity = identity

    @classmethod
    def uncalibrated(cls) -> Calibration:
        """Confidence = raw score (to measure raw scores, and in tests)."""
        return cls(identity=True)

    def confidence(self, layer: str, raw: float) -> float:
        if layer == READER:
            return 1.0
        bins = self.layers.get(layer)
        if self.identity or not bins:
            return round(min(raw, CEILING), 4)
        below = [b for b in bins if b.raw <= raw + 1e-9]
        if not below:
            return round(min(raw, bins[0].confidence), 4)
        return below[-1].confidence

    @classmethod
    def fit(cls, records: Iterable[tuple[str, float, bool]]) -> Calibration:
        """Fit from (layer, raw score, right?) of classified sample items."""
        groups: dict[str, dict[float, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for layer, raw, right in records:
            if layer == READER:
                continue
            group = groups[layer][round(raw, 3)]
            group[0] += 1
            group[1] += int(right)
        return cls({layer: _isotonic(groups[layer]) for layer in groups})

    def to_dict(self) -> dict:
        return {layer: [asdict(b) for b in bins] for layer, bins in self.layers.items()}

    def save(self, path: Path = TABLE) -> None:
        path.write_text(json.dumps({"layers": self.to_dict()}, indent=1) + "\n")

    @classmethod
    def load(cls, path: Path = TABLE) -> Calibration:
        if not path.exists():
            return cls.uncalibrated()
        data = json.loads(path.read_text())["layers"]
        return cls({layer: [Bin(**b) for b in bins] for layer, bins in data.items()})


@cache
def default_calibration() -> Calibration:
    return Calibration.load()


def _isotonic(groups: dict[float, list[int]]) -> list[Bin]:
    """Shrunk accuracies per raw score, made non-decreasing (pool adjacent violators)."""
    blocks = []  # [raws, weight, weighted accuracy]
    for raw in sorted(groups):
        n, right = groups[raw]
        weight = n + PRIOR_WEIGHT
        blocks.append([[raw], weight, (right + PRIOR_WEIGHT * raw) / weight])
        while len(blocks) > 1 and blocks[-2][2] > blocks[-1][2]:
            last = blocks.pop()
            merged = blocks[-1]
            total = merged[1] + last[1]
            merged[2] = (merged[2] * merged[1] + last[2] * last[1]) / total
            merged[0] += last[0]
            merged[1] = total
    bins = []
    for raws, _, accuracy in blocks:
        for raw in raws:
            n, right = groups[raw]
            bins.append(Bin(raw, n, right, round(min(accuracy, CEILING), 4)))
    return bins
