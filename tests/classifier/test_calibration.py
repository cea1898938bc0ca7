"""Raw scores to confidences: monotone, shrunk towards the raw score, fitted on the blind
set's development half only, and up to date."""

from __future__ import annotations

import ast
from pathlib import Path

from pipeline.classifier import calibration as module
from pipeline.classifier.calibration import CEILING, Calibration
from pipeline.classifier.fitting import cross_validated, records
from pipeline.classifier.jsonl import SETS, objects


def test_confidence_never_decreases_with_the_raw_score():
    records = [("vocabulary", 0.6, True)] * 50 + [
        ("vocabulary", 0.8, i % 2 == 0) for i in range(50)
    ]
    records += [("vocabulary", 0.9, True)] * 50
    calibration = Calibration.fit(records)
    confidences = [calibration.confidence("vocabulary", raw) for raw in (0.6, 0.8, 0.9)]
    assert confidences == sorted(confidences)


def test_a_rarely_seen_score_stays_near_its_raw_value():
    calibration = Calibration.fit([("memory", 0.5, True)] * 2)
    assert calibration.confidence("memory", 0.5) < 0.6


def test_confidence_never_reaches_certainty():
    calibration = Calibration.fit([("vocabulary", 0.97, True)] * 10_000)
    assert calibration.confidence("vocabulary", 0.97) == CEILING


def test_an_unmeasured_score_keeps_its_raw_value_below_the_measured_ones():
    calibration = Calibration.fit([("vocabulary", 0.9, True)] * 100)
    assert calibration.confidence("vocabulary", 0.45) == 0.45
    assert calibration.confidence("similarity", 0.6) == 0.6
    assert calibration.confidence("reader", 0.1) == 1.0


def test_the_table_round_trips(tmp_path):
    calibration = Calibration.fit([("vocabulary", 0.9, True)] * 10 + [("vocabulary", 0.7, False)])
    path = tmp_path / "calibration.json"
    calibration.save(path)
    assert Calibration.load(path).to_dict() == calibration.to_dict()


def test_the_shipped_table_matches_the_current_vocabulary_and_rules():
    """Fails when the vocabulary or the raw scores changed without recalibrating:
    run `.venv/bin/python -m pipeline.classifier.calibration`."""
    fitted = Calibration.fit(record for _, record in records())
    assert fitted.to_dict() == Calibration.load().to_dict()


def test_the_table_is_fitted_on_the_development_half_only():
    sourced = records()
    assert len(sourced) == len(SETS["dev"].read_text().splitlines())
    test_sources = {row["source"] for row in objects(SETS["test"])}
    assert not {source for source, _ in sourced} & test_sources


def test_the_calibration_imports_no_test_code():
    tree = ast.parse(Path(module.__file__).read_text())
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [name for name in imported if name.startswith("tests")]


def test_cross_validation_scores_every_item_by_a_table_fitted_without_its_source():
    sourced = [("a", ("vocabulary", 0.9, True))] * 30 + [("b", ("vocabulary", 0.9, False))] * 30
    scored = cross_validated(sourced)
    assert len(scored) == 60
    # Source a is scored by b's table (all wrong), so its confidence is low, and vice versa.
    assert scored[0][0] < 0.5 < scored[-1][0]
