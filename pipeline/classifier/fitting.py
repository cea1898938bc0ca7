"""Fitting the calibration table (pipeline.classifier.calibration) on the blind set's
development half, and the cross-validation bench/reliability.md reports.

A tool of its own: it runs the classifier uncalibrated to measure it, while the
classifier reads the fitted table, so the two live in different modules (no cycle).

    .venv/bin/python -m pipeline.classifier.fitting
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.classifier.calibration import TABLE, Calibration
from pipeline.classifier.classifier import Classifier
from pipeline.classifier.jsonl import SETS, context_of, objects

Record = tuple[str, float, bool]


def records(path: Path = SETS["dev"]) -> list[tuple[str, Record]]:
    """(source, (layer, raw score, right?)) of every item of a labelled JSONL file."""
    rows = objects(path)
    verdicts = Classifier(calibration=Calibration.uncalibrated()).classify(
        [context_of(row) for row in rows]
    )
    return [
        (row["source"], (v.layer, v.confidence, v.cma_key == row["expected_cma_key"]))
        for row, v in zip(rows, verdicts, strict=True)
    ]


def cross_validated(sourced: list[tuple[str, Record]]) -> list[tuple[float, bool]]:
    """(confidence, right?) of every item, each source scored by a table fitted on the others."""
    result = []
    for source in sorted({source for source, _ in sourced}):
        fitted = Calibration.fit(record for other, record in sourced if other != source)
        result += [
            (fitted.confidence(layer, raw), right)
            for other, (layer, raw, right) in sourced
            if other == source
        ]
    return result


def main(argv: list[str] | None = None) -> int:
    """Classify the blind set's development half, fit the table and save it."""
    calibration = Calibration.fit(record for _, record in records())
    calibration.save()
    for layer, bins in calibration.layers.items():
        print(f"{layer}:")
        for b in bins:
            print(f"  raw {b.raw:.3f}  n={b.n:5d}  right={b.right:5d}  -> {b.confidence:.4f}")
    print(f"Saved {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
