"""Qualifiers: words that move an item from a row to its sibling row.

The vocabulary's terms say what an item is ("raw materials consumed",
"trade receivables"); a qualifier anywhere in the label says which of two
sibling rows it belongs to ("imported", "export", "outstanding for more than
six months", "advance for purchase of a truck"). The first matching phrase
used to decide alone and the qualifier was lost; here the first qualifier of
`data/qualifiers.csv` whose row and context hold moves the item, and the
evidence says which words did it.
"""

from __future__ import annotations

from pipeline.classifier.context import Candidate
from pipeline.classifier.frame import Frame
from pipeline.classifier.policy import Policy
from pipeline.classifier.vocabulary import Vocabulary


def qualify(
    vocabulary: Vocabulary, candidate: Candidate, frame: Frame, policy: Policy
) -> Candidate:
    """The candidate moved by the first qualifier that applies (file order), else unchanged.

    A target '@treatment' is the row the firm's setting gives (policy.py).
    """
    for qualifier in vocabulary.qualifiers:
        if candidate.cma_key != qualifier.source or not qualifier.where.holds(frame.tags):
            continue
        if not (found := qualifier.pattern.search(frame.label)):
            continue
        target = qualifier.target
        if target.startswith("@"):
            target = policy.resolve(target[1:])
        if target == candidate.cma_key:
            return candidate
        alternatives = [(candidate.cma_key, 0.0), *candidate.alternatives]
        why = f"; the qualifier '{found.group(0).strip()}' makes it {target}."
        return Candidate(
            target,
            candidate.sign,
            candidate.raw,
            candidate.evidence.rstrip(".") + why,
            candidate.layer,
            candidate.basis,
            None,
            alternatives,
        )
    return candidate
