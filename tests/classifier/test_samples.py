"""The classifier against every line item of the sample companies (run with -s for the table).

Per company and overall: the share of the classifier's items (those the reader
did not exclude) classified to the ground-truth row and sign, the precision
of the auto-approved ones (confidence >= 0.70) and the share sent to review.

Guards against over-fitting to these seven companies:
- "held out (LOCO)": each company's confidences come from a calibration
  fitted on the six others only;
- "held-out company": a statement with its own ground truth that no rule or
  calibration was built from;
- "without statements": the same items with no statement, as a reader that
  cannot tell the statement would give them;
- tests/classifier/test_wordings.py: wordings no sample prints.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from pipeline.classifier.calibration import Calibration
from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import Verdict
from pipeline.classifier.memory import Memory, Remembered
from tests.classifier.sampledata import Sample, all_samples, classify, held_out_samples

AUTO = 0.70
TARGET_RIGHT, TARGET_PRECISION, TARGET_REVIEW = 0.97, 0.99, 0.15


@dataclass
class Score:
    items: int = 0  # every ground-truth line item
    classified: int = 0  # those the reader did not exclude: the classifier's work
    right: int = 0
    approved: int = 0
    approved_right: int = 0

    def add(self, sample: Sample, verdict: Verdict, confidence: float | None = None) -> None:
        self.items += 1
        if sample.structural:
            return
        confidence = verdict.confidence if confidence is None else confidence
        right = sample.is_right(verdict)
        self.classified += 1
        self.right += right
        if confidence >= AUTO:
            self.approved += 1
            self.approved_right += right

    def __iadd__(self, other: Score) -> Score:
        for name in ("items", "classified", "right", "approved", "approved_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @property
    def right_share(self) -> float:
        return self.right / self.classified

    @property
    def precision(self) -> float:
        return self.approved_right / self.approved if self.approved else 1.0

    @property
    def review_share(self) -> float:
        return 1 - self.approved / self.classified

    def row(self, name: str) -> str:
        return (
            f"{name:<28} {self.items:>6} {self.classified:>6} {self.right_share:>8.2%} "
            f"{self.precision:>10.2%} {self.approved:>6} {self.review_share:>8.2%}"
        )


HEADER = (
    f"{'company':<28} {'items':>6} {'class.':>6} {'right':>8} {'auto prec':>10} "
    f"{'auto':>6} {'review':>8}"
)


@pytest.fixture(scope="module")
def samples() -> dict[str, list[Sample]]:
    return all_samples()


@pytest.fixture(scope="module")
def scores(samples) -> dict[str, Score]:
    classifier = Classifier()
    result = {}
    for company, company_samples in samples.items():
        score = Score()
        for sample, verdict in zip(
            company_samples, classify(classifier, company_samples), strict=True
        ):
            score.add(sample, verdict)
        result[company] = score
    return result


@pytest.fixture(scope="module")
def held_out_scores(samples) -> dict[str, Score]:
    """Leave one company out: confidences from a calibration fitted on the others."""
    raw = Classifier(calibration=Calibration.uncalibrated())
    verdicts = {company: classify(raw, s) for company, s in samples.items()}
    result = {}
    for company in samples:
        records = [
            (v.layer, v.confidence, s.is_right(v))
            for other in samples
            if other != company
            for s, v in zip(samples[other], verdicts[other], strict=True)
        ]
        calibration = Calibration.fit(records)
        score = Score()
        for sample, verdict in zip(samples[company], verdicts[company], strict=True):
            score.add(sample, verdict, calibration.confidence(verdict.layer, verdict.confidence))
        result[company] = score
    return result


@pytest.fixture(scope="module")
def statementless_score(samples) -> Score:
    """The same items with no statement at all: the headings must carry the context."""
    classifier, score = Classifier(), Score()
    for company_samples in samples.values():
        items = [replace(s.item, statement=None) for s in company_samples]
        for sample, verdict in zip(company_samples, classifier.classify(items), strict=True):
            score.add(sample, verdict)
    return score


def _total(scores: dict[str, Score]) -> Score:
    total = Score()
    for score in scores.values():
        total += score
    return total


def test_samples_meet_the_targets(scores, held_out_scores, statementless_score):
    held_out_company = Score()
    company_samples = held_out_samples()
    for sample, verdict in zip(
        company_samples, classify(Classifier(), company_samples), strict=True
    ):
        held_out_company.add(sample, verdict)
    lines = [HEADER] + [score.row(company) for company, score in scores.items()]
    lines += [_total(scores).row("overall"), _total(held_out_scores).row("held out (LOCO)")]
    lines.append(held_out_company.row("held-out company"))
    lines.append(statementless_score.row("without statements"))
    print("\n" + "\n".join(lines))
    total = _total(scores)
    assert total.right_share >= TARGET_RIGHT
    assert total.precision >= TARGET_PRECISION
    assert total.review_share <= TARGET_REVIEW
    assert _total(held_out_scores).precision >= TARGET_PRECISION
    assert held_out_company.right_share >= TARGET_RIGHT
    assert held_out_company.precision >= TARGET_PRECISION
    assert statementless_score.right_share >= TARGET_RIGHT
    assert statementless_score.precision >= TARGET_PRECISION


def test_every_company_is_mostly_right(scores):
    assert all(score.right_share >= TARGET_RIGHT for score in scores.values())


def test_a_returning_client_is_classified_from_memory(samples):
    """The firm's decisions on a client's other files classify this year's file."""
    company_samples = samples["shree-ganesh-polymers"]
    last_file = max(s.item.file for s in company_samples)
    earlier = [s for s in company_samples if s.item.file != last_file and not s.structural]
    memory = Memory(Remembered.of(s.item, s.cma_key, s.sign) for s in earlier)
    mine = [s for s in company_samples if s.item.file == last_file]
    verdicts = classify(Classifier(memory=memory), mine)
    counted = [(s, v) for s, v in zip(mine, verdicts, strict=True) if not s.structural]
    from_memory = [v for _, v in counted if v.layer == "memory"]
    assert len(from_memory) >= 0.9 * len(counted)
    assert all(s.is_right(v) for s, v in counted)
