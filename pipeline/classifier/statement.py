"""The statement an item belongs to: inferred when nothing printed says, and enforced.

A three-year comparative sheet, a text export or a trial balance gives a label
with no statement. The vocabulary's terms are written for a context ("Stock"
is inventory in the balance sheet, opening stock in the trading account), so
the label is read under each hypothesis (an expense, an income, a liability,
an asset) and the reading with the strongest evidence wins; when two
statements read it equally well, a CA is asked.

Whatever the reading, an item never lands on a row of another statement than
its own (the samples' one exception, drawings and dividends printed in a
capital account or reserve going to row 15, is in sections.same_statement).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pipeline.classifier.context import Candidate
from pipeline.classifier.frame import Frame
from pipeline.classifier.sections import BALANCE_SHEET, PROFIT_AND_LOSS, same_statement
from pipeline.classifier.similarity import guess
from pipeline.classifier.vocabulary import Vocabulary

# Readings of a label whose statement is unknown: statement, side and Dr/Cr.
HYPOTHESES = (
    frozenset({"pl", "expense", "debit"}),
    frozenset({"pl", "income", "credit"}),
    frozenset({"bs", "liability", "credit"}),
    frozenset({"bs", "asset", "debit"}),
)
BASIS_ORDER = {"rule": 5, "term": 4, "corrected": 3, "similar": 2, "default": 1}
RAW_TIED = 0.55  # two statements read the label equally well: a CA decides
RAW_GUARDED = 0.50  # the reading was of the other statement; the nearest own-statement row


def statement_of_frame(frame: Frame) -> str | None:
    """The statement the item's context names, or None when it names none (or both)."""
    bs, pl = "bs" in frame.tags, "pl" in frame.tags
    if bs == pl:
        return None
    return BALANCE_SHEET if bs else PROFIT_AND_LOSS


def hypotheses(frame: Frame) -> list[Frame]:
    """The frame itself when its statement is known, else one frame per reading."""
    if frame.tags & {"bs", "pl"}:
        return [frame]
    return [replace(frame, tags=frame.tags | tags) for tags in HYPOTHESES]


def read(frame: Frame, vocabulary: Vocabulary, classify: Callable[[Frame], Candidate]) -> Candidate:
    """The best reading over the hypotheses; a tie between statements goes to review."""
    readings = [(classify(option), option) for option in hypotheses(frame)]
    if len(readings) == 1:
        return readings[0][0]
    ranked = sorted(readings, key=lambda pair: _weight(pair[0], pair[1], vocabulary), reverse=True)
    best, best_frame = ranked[0]
    best_weight = _weight(best, best_frame, vocabulary)
    rivals = [
        candidate
        for candidate, option in ranked[1:]
        if _weight(candidate, option, vocabulary) == best_weight
        and candidate.cma_key != best.cma_key
    ]
    statement = statement_of_frame(best_frame)
    best.evidence = (
        best.evidence.rstrip(".") + f"; no statement printed, read as {_name(statement)}."
    )
    if rivals:
        best.raw = min(best.raw, RAW_TIED)
        best.alternatives = [(c.cma_key, 0.0) for c in rivals if c.cma_key] + best.alternatives
        best.evidence += " It reads as well on another statement: a CA decides."
    return best


def guard(candidate: Candidate, frame: Frame) -> Candidate:
    """Keep the item on its own statement's rows: the best own-statement alternative, or a guess."""
    statement = statement_of_frame(frame)
    if statement is None or same_statement(statement, candidate.cma_key):
        return candidate
    wrong = candidate.cma_key
    own = [key for key, _ in candidate.alternatives if key and same_statement(statement, key)]
    if own:
        why = f"{wrong} is a row of another statement than the item's ({_name(statement)})"
        return Candidate(
            own[0],
            1,
            min(candidate.raw, RAW_GUARDED),
            f"{why}; its nearest own row is {own[0]}.",
            candidate.layer,
            "guarded",
            None,
            [(wrong, 0.0)],
        )
    fallback = guess(frame)
    fallback.evidence = (
        f"{wrong} is a row of another statement than the item's; " + fallback.evidence[0].lower()
    ) + fallback.evidence[1:]
    fallback.alternatives = [(wrong, 0.0)]
    return fallback


def _weight(candidate: Candidate, frame: Frame, vocabulary: Vocabulary) -> tuple:
    """How strongly the label reads in this frame: kind of evidence, then the best term's rank."""
    matches = vocabulary.matches(frame.words, frame.tags)
    term = matches[0].term if matches else None
    rank = (term.strength, len(term.phrase)) if term else (0, 0)
    return (BASIS_ORDER.get(candidate.basis, 0), *rank, round(candidate.raw, 3))


def _name(statement: str | None) -> str:
    return {BALANCE_SHEET: "the balance sheet", PROFIT_AND_LOSS: "the profit and loss"}.get(
        statement or "", "either statement"
    )
