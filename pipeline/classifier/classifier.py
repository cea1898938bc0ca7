"""The layers together: every line item to one CMA row (or an exclusion), with a confidence.

1. Items the reader excluded (totals, face lines, auxiliary schedules) stay
   excluded, confidence 1.0.
2. Memory: the firm's own earlier decision for this label in this context.
3. Vocabulary with context rules: fixed-asset columns, reserve movements,
   terms and headings (decide.py, rules.py), loan notes, Tally's signs;
   qualifiers in the label then move an item to a sibling row (qualifiers.py);
   a label with no statement is read under each open reading, its neighbours
   settling a tie, and never lands on another statement's row (statement.py);
   a party's balance printed opposite its list's goes to the counter-row
   (balances.py).
4. Similarity, when the vocabulary knows no term of the label.
5. Calibration turns each layer's raw score into a confidence.
6. Optionally an external LLM gives a second opinion on what stays below the
   auto-approve threshold (external.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.classifier.balances import opposite_balances
from pipeline.classifier.calibration import Calibration, default_calibration
from pipeline.classifier.context import MEMORY, READER, Candidate, ItemContext, Verdict
from pipeline.classifier.decide import decide
from pipeline.classifier.external import ExternalClassifier
from pipeline.classifier.frame import Frame, build_frame
from pipeline.classifier.memory import Memory
from pipeline.classifier.policy import Policy
from pipeline.classifier.qualifiers import qualify
from pipeline.classifier.rules import (
    Block,
    apply_note_text,
    bare_total,
    block_key,
    facility_among_assets,
    fixed_asset_column,
    movement,
    movement_blocks,
    negative_accumulated_depreciation,
    sale_of_assets,
)
from pipeline.classifier.similarity import guess, similar
from pipeline.classifier.statement import (
    Reading,
    guard,
    neighbour_statement,
    read,
    statement_of_frame,
)
from pipeline.classifier.vocabulary import Vocabulary, default_vocabulary

TRY_SIMILARITY_BELOW = 0.6  # raw score under which similarity may find a better reading
ALTERNATIVE_SHARES = (3, 2, 1)  # how the doubt (1 - confidence) is shared among alternatives


def _label_unknown(candidate: Candidate | None, frame: Frame) -> bool:
    """The vocabulary did not recognise the label (a party list's names are expected)."""
    if candidate is None:
        return True
    unknown = candidate.basis in ("default", "guess") and frame.closed_to is None
    return unknown or candidate.raw < TRY_SIMILARITY_BELOW


def _better(found: Candidate, candidate: Candidate | None) -> bool:
    """A corrected misspelling beats a heading's usual row; a fuzzy label must score higher."""
    if candidate is None or found.basis == "corrected":
        return True
    return found.raw > candidate.raw


class Classifier:
    """Classify line items; see the module docstring for the layers."""

    def __init__(
        self,
        policy: Policy | None = None,
        memory: Memory | None = None,
        external: ExternalClassifier | None = None,
        *,
        vocabulary: Vocabulary | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.policy = policy or Policy()
        self.memory = memory
        self.external = external
        self.vocabulary = vocabulary or default_vocabulary()
        self.calibration = calibration or default_calibration()

    def classify(self, items: Sequence[ItemContext]) -> list[Verdict]:
        """One verdict per item, in the same order.

        Items are looked at with their neighbours: the lines of one reserve or
        capital account decide together whether they are memo movements, and
        a label that reads as well on two statements takes its neighbours', and
        a party's balance printed opposite its list's is the counter-row's.
        """
        frames = [build_frame(item, self.vocabulary) for item in items]
        blocks = movement_blocks(items, frames)
        readings = [
            self._reading(item, frame, blocks) for item, frame in zip(items, frames, strict=True)
        ]
        first = list(readings)
        for index, reading in enumerate(first):
            unknown = reading is not None and statement_of_frame(frames[index]) is None
            if unknown and (prefer := neighbour_statement(index, items, first)):
                readings[index] = self._reading(items[index], frames[index], blocks, prefer)
        local = [r.candidate if r and r.candidate.layer != MEMORY else None for r in readings]
        for reading, moved in zip(readings, opposite_balances(items, local), strict=True):
            if moved is not None:
                reading.candidate = moved
        verdicts = [
            self._verdict(item, reading) for item, reading in zip(items, readings, strict=True)
        ]
        if self.external is not None:
            threshold = self.policy.auto_approve_above
            verdicts = self.external.second_opinion(list(items), verdicts, threshold)
        return verdicts

    def _reading(
        self,
        item: ItemContext,
        frame: Frame,
        blocks: dict[tuple, Block],
        prefer: str | None = None,
    ) -> Reading | None:
        """The firm's memory, else the local layers; None for the reader's exclusions."""
        if item.exclude_reason:
            return None
        if self.memory is not None and (remembered := self.memory.recall(item)) is not None:
            return Reading(remembered, statement_of_frame(frame))
        reading = read(frame, self.vocabulary, lambda f: self._read(item, f, blocks), prefer=prefer)
        reading.candidate = guard(reading.candidate, frame)
        return reading

    def _verdict(self, item: ItemContext, reading: Reading | None) -> Verdict:
        if reading is None:
            evidence = f"Excluded by the reader: {item.exclude_reason}."
            return Verdict(None, 1, 1.0, evidence, READER, [], item.exclude_reason)
        return self._calibrated(reading.candidate)

    def _read(self, item: ItemContext, frame: Frame, blocks: dict[tuple, Block]) -> Candidate:
        """The row in one reading of the context (statement.read tries several when unknown)."""
        candidate = bare_total(item.label) or sale_of_assets(item, frame)
        candidate = candidate or fixed_asset_column(item, frame)
        if candidate is None:
            candidate = decide(frame, self.vocabulary, self.policy)
            if (key := block_key(item, frame)) in blocks:
                candidate = movement(item, frame, blocks[key], candidate) or candidate
        if _label_unknown(candidate, frame):
            found = similar(frame, self.vocabulary, self.policy)
            if found is not None and _better(found, candidate):
                if candidate is not None and candidate.cma_key:
                    found.alternatives.insert(0, (candidate.cma_key, 0.0))
                candidate = found
        candidate = qualify(self.vocabulary, candidate or guess(frame), frame, self.policy)
        candidate = apply_note_text(item, candidate)
        candidate = facility_among_assets(item, frame, candidate)
        return negative_accumulated_depreciation(item, candidate)

    def _calibrated(self, candidate: Candidate) -> Verdict:
        confidence = self.calibration.confidence(candidate.layer, candidate.raw)
        names = [name for name, _ in candidate.alternatives if name != candidate.cma_key][:3]
        shares = ALTERNATIVE_SHARES[: len(names)]
        doubt = 1.0 - confidence
        alternatives = [
            (name, round(doubt * share / sum(shares), 4))
            for name, share in zip(names, shares, strict=True)
        ]
        return Verdict(
            candidate.cma_key,
            candidate.sign,
            confidence,
            candidate.evidence,
            candidate.layer,
            alternatives,
            candidate.exclude_reason,
        )
