"""Layer 3: wordings the vocabulary has never seen, matched by similarity.

Two steps, both restricted to the terms that make sense in the item's context:
misspelt or abbreviated words are corrected to the nearest vocabulary word
("Salery payble" -> "salary payable") and the terms matched again; failing
that, the whole label is compared with every term's phrase.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from pipeline.classifier.context import SIMILARITY, Candidate
from pipeline.classifier.decide import decide, resolve
from pipeline.classifier.frame import Frame
from pipeline.classifier.policy import Policy
from pipeline.classifier.vocabulary import Vocabulary

WORD_CUTOFF = 80  # rapidfuzz ratio for a word to count as a misspelling
LABEL_CUTOFF = 78  # token-sort ratio for a whole label
CORRECTED = 0.75  # a corrected label is less certain than a clean one
RAW_LABEL_LOW, RAW_LABEL_HIGH = 0.35, 0.65  # over LABEL_CUTOFF..100: never auto-approved
RAW_NOTHING = 0.15  # no term, no heading: a guess from the statement side

# Rows to guess when nothing is known but the side of the statement.
SIDE_GUESSES = (
    ("liability", "other_current_liabilities"),
    ("asset", "other_current_assets"),
    ("expense", "sga_expenses"),
    ("income", "nonop_income"),
)


def similar(frame: Frame, vocabulary: Vocabulary, policy: Policy) -> Candidate | None:
    """The best similarity-based candidate, or None."""
    return _corrected(frame, vocabulary, policy) or _whole_label(frame, vocabulary, policy)


def guess(frame: Frame) -> Candidate:
    """Last resort, always below the auto-approve threshold: the statement side's catch-all."""
    key = next((row for tag, row in SIDE_GUESSES if tag in frame.tags), "other_current_assets")
    evidence = f"Nothing recognised in the label or its headings; {key} is only a guess."
    return Candidate(key, 1, RAW_NOTHING, evidence, SIMILARITY, "guess")


def _corrected(frame: Frame, vocabulary: Vocabulary, policy: Policy) -> Candidate | None:
    fixes = {w: _nearest(w, vocabulary.words) for w in frame.words if w not in vocabulary.words}
    fixes = {wrong: right for wrong, right in fixes.items() if right}
    if not fixes:
        return None
    words = tuple(fixes.get(w, w) for w in frame.words)
    candidate = decide(replace(frame, words=words), vocabulary, policy)
    if candidate is None or candidate.basis not in ("term", "weak"):
        return None
    read_as = ", ".join(f"'{wrong}' as '{right}'" for wrong, right in fixes.items())
    candidate.raw *= CORRECTED
    candidate.layer, candidate.basis = SIMILARITY, "corrected"
    evidence = candidate.evidence
    candidate.evidence = f"Read {read_as}; " + evidence[0].lower() + evidence[1:]
    return candidate


@lru_cache(maxsize=4096)
def _nearest_cached(word: str, words: frozenset[str]) -> str | None:
    if len(word) < 4 or word.isdigit():
        return None
    found = process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF)
    return found[0] if found else None


def _nearest(word: str, words: frozenset[str]) -> str | None:
    return _nearest_cached(word, words)


def _whole_label(frame: Frame, vocabulary: Vocabulary, policy: Policy) -> Candidate | None:
    label = " ".join(frame.words)
    if len(label) < 4:
        return None
    terms = [t for t in vocabulary.terms if t.strength > 1 and t.where.holds(frame.tags)]
    phrases = {" ".join(t.phrase): t for t in reversed(terms)}  # first row wins a duplicate
    found = process.extractOne(
        label, list(phrases), scorer=fuzz.token_sort_ratio, score_cutoff=LABEL_CUTOFF
    )
    if not found:
        return None
    phrase, score, _ = found
    term, target = phrases[phrase], resolve(phrases[phrase], policy)
    if frame.closed_to is not None and target.key not in frame.closed_to:
        return None
    share = (score - LABEL_CUTOFF) / (100 - LABEL_CUTOFF)
    raw = RAW_LABEL_LOW + (RAW_LABEL_HIGH - RAW_LABEL_LOW) * share
    what = target.key or f"excluded ({target.reason})"
    evidence = f"Reads like the term '{term.text}' ({score:.0f}% similar) -> {what}."
    return Candidate(target.key, target.sign, raw, evidence, SIMILARITY, "similar", target.reason)
