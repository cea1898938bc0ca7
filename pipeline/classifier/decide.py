"""Layer 2: a row from the vocabulary's terms and the heading's usual row.

A label's terms say what it is ("cash credit", "salary payable"); the heading
it is printed under says what its neighbours are (every ledger under "Sundry
Debtors" is a debtor). The raw scores below grade how the two agree; the
calibration (calibration.py) turns them into confidences measured on the
samples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.classifier.context import EXCLUSIONS, VOCABULARY, Candidate
from pipeline.classifier.frame import Frame
from pipeline.classifier.policy import TREATMENTS, Policy
from pipeline.classifier.vocabulary import DECISIVE, NORMAL, WEAK, Match, Term, Vocabulary

# Raw scores by evidence (before calibration).
RAW_DECISIVE = 0.95
RAW_DECISIVE_AGREED = 0.97
RAW_TERM_AGREED = 0.96  # a term and a specific heading say the same
RAW_TERM_AGREED_LOOSELY = 0.90  # a term and a generic heading say the same
RAW_TERM = 0.88  # a term under a heading that says nothing
RAW_TERM_OVER_GENERIC = 0.86  # a term over a generic heading's guess
RAW_TERM_OVER_HEADING = 0.78  # a term against a specific heading's usual row
RAW_PARTY_LIST = 0.93  # any label under a list of parties (sundry debtors)
RAW_HEADING = 0.66  # an unrecognised label under a specific heading: a CA looks
RAW_GUESS = 0.45  # an unrecognised label under a generic or mixed heading
RAW_WEAK_AGREED = 0.88
RAW_WEAK_AGREED_LOOSELY = 0.68
RAW_HEADING_OVER_WEAK = 0.62
RAW_WEAK = 0.55
RAW_WEAK_OVER_GUESS = 0.50
AMBIGUITY = 0.85  # another equally good term points elsewhere
_JOINED = re.compile(r"\band\b|[,/+]")


@dataclass(frozen=True)
class Target:
    """A vocabulary row resolved for this firm: a key, or an exclusion with its reason."""

    key: str | None
    sign: int
    reason: str | None = None
    setting: str | None = None  # the firm setting that chose the key

    def same(self, other: Target | None) -> bool:
        return other is not None and (self.key, self.sign, self.reason) == (
            other.key,
            other.sign,
            other.reason,
        )

    @property
    def name(self) -> str:
        return self.key or "excluded"


def resolve(term: Term, policy: Policy) -> Target:
    if term.target.startswith("exclude:"):
        return Target(None, 1, EXCLUSIONS[term.target[8:]])
    if term.target.startswith("@"):
        treatment = term.target[1:]
        setting = TREATMENTS[treatment][0]
        return Target(policy.resolve(treatment), term.sign, setting=setting)
    return Target(term.target, term.sign)


def decide(frame: Frame, vocabulary: Vocabulary, policy: Policy) -> Candidate | None:
    """The vocabulary's best row for this label in this context, or None if it knows nothing."""
    matches = [
        (m, resolve(m.term, policy))
        for m in vocabulary.matches(frame.words, frame.tags)
        if _allowed(resolve(m.term, policy), frame)
    ]
    default = vocabulary.default(frame.tags)
    fallback = resolve(default, policy) if default else None
    if not matches:
        return _heading_only(default, fallback, frame) if default else None
    best, target = matches[0]
    chosen, raw, basis = _weigh(best, target, default, fallback)
    if any(_rival(best, m, chosen, t, frame) for m, t in matches[1:]):
        raw *= AMBIGUITY
    sign = _deduction_sign(frame, chosen, fallback)
    used_term = chosen is target
    evidence = _evidence(best.term.text if used_term else None, chosen, frame)
    alternatives = _alternatives(chosen, [t for _, t in matches] + [fallback])
    return Candidate(
        chosen.key, sign, raw, evidence, VOCABULARY, basis, chosen.reason, alternatives
    )


def _allowed(target: Target, frame: Frame) -> bool:
    """Under a list of parties only the list's own rows count (a debtor called 'X Transport')."""
    return frame.closed_to is None or target.key is None or target.key in frame.closed_to


def _weigh(best: Match, target: Target, default: Term | None, fallback: Target | None):
    strength = best.term.strength
    specific = default is not None and default.strength == NORMAL
    agreed = target.same(fallback)
    if strength == DECISIVE:
        return target, RAW_DECISIVE_AGREED if agreed else RAW_DECISIVE, "term"
    if strength == WEAK:
        if agreed:
            return target, RAW_WEAK_AGREED if specific else RAW_WEAK_AGREED_LOOSELY, "term"
        if specific:
            return fallback, RAW_HEADING_OVER_WEAK, "default"
        return target, RAW_WEAK_OVER_GUESS if default else RAW_WEAK, "weak"
    if default is None:
        return target, RAW_TERM, "term"
    if agreed:
        return target, RAW_TERM_AGREED if specific else RAW_TERM_AGREED_LOOSELY, "term"
    return target, RAW_TERM_OVER_HEADING if specific else RAW_TERM_OVER_GENERIC, "term"


def _rival(best: Match, other: Match, chosen: Target, target: Target, frame: Frame) -> bool:
    """Another phrase, as good as the best, that points elsewhere.

    The same phrase in a looser context is a fallback row, not a rival; a phrase
    after the best one is its modifier ("interest accrued on fixed deposits")
    unless the label joins them ("salaries and wages").
    """
    if (
        other.term.strength != best.term.strength
        or len(other.term.phrase) != len(best.term.phrase)
        or other.gaps != best.gaps
        or other.term.phrase == best.term.phrase
        or target.same(chosen)
    ):
        return False
    later = other.start >= best.start + len(best.term.phrase) + best.gaps
    return not later or bool(_JOINED.search(frame.label))


def _heading_only(default: Term, target: Target, frame: Frame) -> Candidate:
    if frame.closed_to is not None:
        raw, basis = RAW_PARTY_LIST, "default"
    elif default.strength == NORMAL:
        raw, basis = RAW_HEADING, "default"
    else:
        raw, basis = RAW_GUESS, "guess"
    sign = _deduction_sign(frame, target, target)
    evidence = _evidence(None, target, frame)
    return Candidate(target.key, sign, raw, evidence, VOCABULARY, basis, target.reason)


def _deduction_sign(frame: Frame, chosen: Target, fallback: Target | None) -> int:
    """'Less: trade discount' under revenue reduces the heading's own row."""
    if (
        "less" in frame.tags
        and fallback is not None
        and chosen.key is not None
        and chosen.key == fallback.key
        and fallback.sign == 1
    ):
        return -1
    return chosen.sign


def _evidence(term: str | None, target: Target, frame: Frame) -> str:
    where = f"under '{frame.heading}'" if frame.heading else "with no heading"
    if target.key is None:
        what = f"excluded ({target.reason})"
    else:
        what = target.key + (" (sign -1)" if target.sign < 0 else "")
    policy = f"; firm setting '{target.setting}'" if target.setting else ""
    if term:
        return f"Vocabulary term '{term}' {where} -> {what}{policy}."
    heading = where.removeprefix("under ")
    return f"Label not in the vocabulary; the heading {heading} -> {what}{policy}."


def _alternatives(chosen: Target, others: list[Target | None]) -> list[tuple[str, float]]:
    seen, result = {chosen.name}, []
    for other in others:
        if other is not None and other.name not in seen:
            seen.add(other.name)
            result.append((other.name, 0.0))
    return result[:3]
