"""Raw scores to confidences: monotone, shrunk towards the raw score, and up to date."""

from __future__ import annotations

from pipeline.classifier.calibration import CEILING, Calibration
from tests.classifier.sampledata import raw_records


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
    assert Calibration.fit(raw_records()).to_dict() == Calibration.load().to_dict()
