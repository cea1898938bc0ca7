"""Layer 1: the firm's own earlier decisions, the most trusted evidence there is.

The Django side loads the firm's remembered decisions (oldest first) and
builds a `Memory`; it stores new ones under `label_key(item.label)` and
`context_key(item)` (normalise.py), so that a decision is found again for the
same label printed in the same place, next year or for another client.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pipeline.classifier.context import MEMORY, Candidate, ItemContext
from pipeline.classifier.normalise import context_key, label_key
from pipeline.cma.rows import INPUT_KEYS

logger = logging.getLogger(__name__)

NEAR = 92  # rapidfuzz ratio of two label keys that count as the same wording
MIN_NEAR_LENGTH = 6  # short labels ("Rent", "Others") must match exactly
RAW_EXACT = 0.97
RAW_EXACT_DISPUTED = 0.65  # the firm decided this label differently over time: a CA looks
RAW_NEAR = 0.88
RAW_NEAR_DISPUTED = 0.55
EXCLUDED_BY_FIRM = "excluded by the firm's earlier decision"


@dataclass(frozen=True)
class Remembered:
    """One remembered decision: None for `cma_key` means the CA excluded the item."""

    label: str  # label_key(label), or the label as printed
    context: str  # context_key(item)
    cma_key: str | None
    sign: int = 1

    @classmethod
    def of(cls, item: ItemContext, cma_key: str | None, sign: int = 1) -> Remembered:
        """The entry to store when a CA decides `item`."""
        return cls(label_key(item.label), context_key(item), cma_key, sign)


class Memory:
    """Decisions by (label key, context key); the latest decision wins a disagreement."""

    def __init__(self, entries: Iterable[Remembered | tuple] = ()) -> None:
        self._decisions: dict[tuple[str, str], list[tuple[str | None, int]]] = {}
        self._labels: dict[str, list[str]] = {}
        for entry in entries:
            entry = entry if isinstance(entry, Remembered) else Remembered(*entry)
            if entry.cma_key is not None and entry.cma_key not in INPUT_KEYS:
                logger.warning("Ignoring a remembered decision for unknown row %r", entry.cma_key)
                continue
            key = (label_key(entry.label), entry.context)
            if key not in self._decisions:
                self._labels.setdefault(entry.context, []).append(key[0])
            self._decisions.setdefault(key, []).append((entry.cma_key, entry.sign or 1))

    def __len__(self) -> int:
        return sum(len(decisions) for decisions in self._decisions.values())

    def recall(self, item: ItemContext) -> Candidate | None:
        """The firm's decision for this label in this context, exact or near-identical."""
        label, context = label_key(item.label), context_key(item)
        if (label, context) in self._decisions:
            return self._candidate(label, context, item.label, exact=True)
        if len(label) < MIN_NEAR_LENGTH or context not in self._labels:
            return None
        found = process.extractOne(
            label, self._labels[context], scorer=fuzz.ratio, score_cutoff=NEAR
        )
        if found is None:
            return None
        return self._candidate(found[0], context, item.label, exact=False)

    def _candidate(self, label: str, context: str, printed: str, *, exact: bool) -> Candidate:
        decisions = self._decisions[(label, context)]
        key, sign = decisions[-1]
        disputed = len(set(decisions)) > 1
        if exact:
            raw = RAW_EXACT_DISPUTED if disputed else RAW_EXACT
            what = f"'{printed}'"
        else:
            raw = RAW_NEAR_DISPUTED if disputed else RAW_NEAR
            what = f"the near-identical '{label}'"
        times = f"{len(decisions)} time{'s' if len(decisions) > 1 else ''}"
        result = key or "excluded"
        evidence = f"The firm classified {what} in this context as {result} before ({times})."
        if disputed:
            evidence = evidence.rstrip(".") + ", not always the same way."
        reason = EXCLUDED_BY_FIRM if key is None else None
        return Candidate(key, sign, raw, evidence, MEMORY, "memory", reason)
