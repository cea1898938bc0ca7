"""The statement an item belongs to: inferred when nothing printed says, and enforced.

A three-year comparative sheet, a text export or a trial balance gives a label
with no statement; a vertical profit and loss gives no side. The vocabulary's
terms are written for a context ("Stock" is inventory in the balance sheet,
opening stock in the trading account), so the label is read under each
reading the context leaves open (an expense, an income, a liability, an
asset) and the reading with the strongest evidence wins. When two statements
read it equally well, the neighbours printed around it (the same sheet and
section) decide; failing them, a CA is asked.

Whatever the reading, an item never lands on a row of another statement than
its own. Two exceptions: the samples' drawings and dividends printed in a
capital account or reserve go to row 15 (sections.same_statement), and a loss
or profit on disposal printed in the fixed-asset schedule is a P&L item
(rules.sale_of_assets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pipeline.classifier.context import Candidate, ItemContext
from pipeline.classifier.frame import Frame
from pipeline.classifier.rules import CROSSING
from pipeline.classifier.sections import (
    APPROPRIATION,
    ASSET_KEYS,
    BALANCE_SHEET,
    LIABILITY_KEYS,
    PROFIT_AND_LOSS,
    same_statement,
)
from pipeline.classifier.similarity import guess
from pipeline.classifier.vocabulary import Vocabulary

# Readings of a label, by what its context leaves open: statement, side and Dr/Cr.
EXPENSE = frozenset({"pl", "expense", "debit"})
INCOME = frozenset({"pl", "income", "credit"})
LIABILITY = frozenset({"bs", "liability", "credit"})
ASSET = frozenset({"bs", "asset", "debit"})
BASIS_ORDER = {"rule": 5, "term": 4, "corrected": 3, "similar": 2, "default": 1}
RAW_TIED = 0.55  # two statements read the label equally well: a CA decides
RAW_NEIGHBOURS = 0.80  # ... and the neighbours printed around it chose between them
RAW_GUARDED = 0.50  # the reading was of the other statement; the nearest own-statement row
NEIGHBOURS = 3  # items of the same place counted on each side
REACH = 60  # positions looked at on each side, so a long project stays linear


@dataclass
class Reading:
    """The candidate of the winning reading, its statement, and whether another tied with it."""

    candidate: Candidate
    statement: str | None
    tied: bool = False


def statement_of_frame(frame: Frame) -> str | None:
    """The statement the item's context names, or None when it names none (or both)."""
    bs, pl = "bs" in frame.tags, "pl" in frame.tags
    if bs == pl:
        return None
    return BALANCE_SHEET if bs else PROFIT_AND_LOSS


def hypotheses(frame: Frame) -> list[Frame]:
    """The frames to read the label in: the frame itself when its context is complete."""
    tags = frame.tags
    if not tags & {"bs", "pl"}:
        readings = (EXPENSE, INCOME, LIABILITY, ASSET)
        if "debit" in tags and "credit" not in tags:
            readings = (EXPENSE, ASSET)
        elif "credit" in tags and "debit" not in tags:
            readings = (INCOME, LIABILITY)
    elif "pl" in tags and "bs" not in tags and not tags & {"expense", "income"}:
        readings = (EXPENSE, INCOME)
    elif "bs" in tags and "pl" not in tags and not tags & {"liability", "asset"}:
        readings = (LIABILITY, ASSET)
    else:
        return [frame]
    return [replace(frame, tags=tags | reading | {"read_as"}) for reading in readings]


def read(
    frame: Frame,
    vocabulary: Vocabulary,
    classify: Callable[[Frame], Candidate],
    prefer: str | None = None,
) -> Reading:
    """The best reading over the hypotheses; a tie between statements is marked `tied`.

    `prefer` is the statement the neighbours read as: it wins when the label
    reads as well there, as "Raw materials - imported" amid balance-sheet
    lines is stock, not consumption.
    """
    options = hypotheses(frame)
    if len(options) == 1:
        return Reading(classify(frame), statement_of_frame(frame))
    weighed = [(c, f) for f in options for c in [classify(f)] if _consistent(c, f)]
    if not weighed:
        return Reading(classify(options[0]), None, tied=True)
    weighed.sort(key=lambda pair: _weight(*pair, vocabulary), reverse=True)
    if prefer:
        own = [pair for pair in weighed if statement_of_frame(pair[1]) == prefer]
        if own and _level(*own[0], vocabulary) == _level(*weighed[0], vocabulary):
            weighed = own + [pair for pair in weighed if pair not in own]
    best, best_frame = weighed[0]
    statement = statement_of_frame(best_frame)
    level = _level(best, best_frame, vocabulary)
    rivals = [
        c for c, f in weighed[1:] if _level(c, f, vocabulary) == level and c.cma_key != best.cma_key
    ]
    other_statement = any(statement_of_frame(f) != statement for c, f in weighed[1:] if c in rivals)
    best.alternatives = [(c.cma_key, 0.0) for c in rivals if c.cma_key] + best.alternatives
    unknown = statement_of_frame(frame) is None
    if unknown:
        how = "as its neighbours are" if prefer == statement else "with the strongest evidence"
        best.evidence = best.evidence.rstrip(".") + f"; no statement printed, read {how}."
    if unknown and prefer == statement and other_statement:
        best.raw = min(best.raw, RAW_NEIGHBOURS)
    elif rivals:
        best.raw = min(best.raw, RAW_TIED)
        best.evidence += " Another reading is as strong: a CA decides."
    return Reading(best, statement, tied=unknown and other_statement)


def neighbour_statement(
    index: int, items: Sequence[ItemContext], readings: Sequence[Reading | None]
) -> str | None:
    """The statement most of the nearest untied items of the same file, sheet and section read as.

    Items of other places in between are skipped: a project lists its files' items in turn.
    """
    place = _place(items[index])
    votes: Counter[str] = Counter()
    for step in (-1, 1):
        seen, position = 0, index + step
        while 0 <= position < len(items) and seen < NEIGHBOURS and abs(position - index) <= REACH:
            reading = readings[position]
            same_place = _place(items[position]) == place
            if same_place and reading is not None and not reading.tied and reading.statement:
                votes[reading.statement] += 1
                seen += 1
            position += step
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def guard(candidate: Candidate, frame: Frame) -> Candidate:
    """Keep the item on its own statement's rows: the best own-statement alternative, or a guess."""
    statement = statement_of_frame(frame)
    if statement is None or candidate.basis == CROSSING:
        return candidate
    if same_statement(statement, candidate.cma_key):
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


def _place(item: ItemContext) -> tuple:
    return (item.file, item.sheet, item.section)


def _consistent(candidate: Candidate, frame: Frame) -> bool:
    """A reading as a liability lands on a liability row, as an asset on an asset row."""
    key = candidate.cma_key
    if key is None or key == APPROPRIATION:
        return True  # drawings and dividends out of capital: the samples' row 15 exception
    if "liability" in frame.tags and "bs" in frame.tags:
        return key in LIABILITY_KEYS
    if "asset" in frame.tags and "bs" in frame.tags:
        return key in ASSET_KEYS
    return same_statement(statement_of_frame(frame), key)


def _level(candidate: Candidate, frame: Frame, vocabulary: Vocabulary) -> tuple:
    """The weight without the raw score: readings this close leave the statement open."""
    return _weight(candidate, frame, vocabulary)[:3]


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
