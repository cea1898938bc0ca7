"""The curated vocabulary: terms, headings and abbreviations of Indian books of account.

It lives in CSV files under `data/` (not in code) so that a CA can extend it:
`terms.csv` maps the words of a label, in a context, to a row; `headings.csv`
says what a section, sub-section or Tally group tells about the items under
it; `qualifiers.csv` names the words that move an item to a sibling row
("imported", "export", "over six months"); `abbreviations.csv` spells out
"CC", "OD", "FD". Loading validates every
row and names the file and line of a mistake.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.classifier.context import EXCLUSIONS
from pipeline.classifier.normalise import words
from pipeline.classifier.policy import TREATMENTS
from pipeline.cma.rows import INPUT_KEYS

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_GAPS = 2  # extra words allowed between the words of a phrase

# Tags the classifier derives itself (headings.csv adds the rest).
BUILTIN_TAGS = frozenset(
    {"bs", "pl", "liability", "asset", "debit", "credit", "expense", "income", "current"}
    | {"noncurrent", "opening", "closing", "less", "add", "trading_acct"}
    | {"company", "llp", "partnership", "proprietorship", "firm", "noncorporate"}
    | {"manufacturer", "trader", "service_provider"}
)
NORMAL, WEAK, DECISIVE = 2, 1, 3


class VocabularyError(ValueError):
    """A row of a vocabulary file that cannot be used, with its file and line."""


@dataclass(frozen=True)
class Condition:
    """The `where` of a term: every group must hold; a group is any-of its tags."""

    groups: tuple[frozenset[str], ...] = ()
    forbidden: frozenset[str] = frozenset()

    def holds(self, tags: frozenset[str]) -> bool:
        return all(group & tags for group in self.groups) and not self.forbidden & tags

    @property
    def size(self) -> int:
        return len(self.groups)

    @classmethod
    def parse(cls, text: str) -> Condition:
        groups, forbidden = [], set()
        for part in text.split():
            if part.startswith("!"):
                forbidden.add(part[1:])
            else:
                groups.append(frozenset(part.split("|")))
        return cls(tuple(groups), frozenset(forbidden))

    def tags(self) -> set[str]:
        return set().union(*self.groups, self.forbidden)


@dataclass(frozen=True)
class Term:
    """One phrase of a terms.csv row (a row with several synonyms gives several terms)."""

    phrase: tuple[str, ...]  # empty: the default of its context
    text: str  # as written, for evidence
    where: Condition
    target: str  # input key, "@setting" or "exclude:reason"
    sign: int
    strength: int
    line: int
    contiguous: bool = False  # '=' in front of the phrase: no extra words in between


@dataclass(frozen=True)
class Match:
    term: Term
    start: int
    gaps: int

    def rank(self) -> tuple:
        """Stronger, longer, tighter, earlier, more specific, higher in the file."""
        t = self.term
        return (t.strength, len(t.phrase), -self.gaps, -self.start, t.where.size, -t.line)


@dataclass(frozen=True)
class Heading:
    phrase: tuple[str, ...]
    anywhere: bool
    tags: frozenset[str]
    closed_to: frozenset[str] | None


def find(
    phrase: tuple[str, ...], tokens: tuple[str, ...], max_gaps: int = MAX_GAPS
) -> tuple[int, int] | None:
    """(start, gaps) of `phrase` in `tokens`, in order, with at most `max_gaps` extra words."""
    best = None
    for start, token in enumerate(tokens):
        if token != phrase[0]:
            continue
        position, gaps = start, 0
        for word in phrase[1:]:
            try:
                found = tokens.index(word, position + 1)
            except ValueError:
                break
            gaps += found - position - 1
            position = found
        else:
            if gaps <= max_gaps and (best is None or gaps < best[1]):
                best = (start, gaps)
    return best


@dataclass(frozen=True)
class Qualifier:
    """`pattern` in the cleaned label moves an item from `source` to `target` (`where` holds)."""

    pattern: re.Pattern[str]
    source: str
    target: str
    where: Condition
    line: int


class Vocabulary:
    """Terms indexed by their first word, defaults in file order, headings, abbreviations."""

    def __init__(
        self,
        terms: list[Term],
        headings: list[Heading],
        abbreviations: dict[str, tuple[str, ...]],
        qualifiers: list[Qualifier] | None = None,
    ) -> None:
        self.defaults = [t for t in terms if not t.phrase]
        self.terms = [t for t in terms if t.phrase]
        self.headings = headings
        self.abbreviations = abbreviations
        self.qualifiers = qualifiers or []
        self._by_first: dict[str, list[Term]] = {}
        for term in self.terms:
            self._by_first.setdefault(term.phrase[0], []).append(term)
        self.words = frozenset(w for t in self.terms for w in t.phrase)

    def words_of(self, text: str | None) -> tuple[str, ...]:
        return words(text, self.abbreviations)

    def matches(self, tokens: tuple[str, ...], tags: frozenset[str]) -> list[Match]:
        """Terms whose phrase is in `tokens` and whose context holds, best first."""
        found = []
        for first in set(tokens):
            for term in self._by_first.get(first, ()):
                gaps = 0 if term.contiguous else MAX_GAPS
                if term.where.holds(tags) and (where := find(term.phrase, tokens, gaps)):
                    found.append(Match(term, *where))
        return sorted(found, key=Match.rank, reverse=True)

    def default(self, tags: frozenset[str]) -> Term | None:
        """The first default row whose context holds: the heading's usual row."""
        return next((t for t in self.defaults if t.where.holds(tags)), None)

    def heading(self, text: str | None) -> tuple[frozenset[str], frozenset[str] | None]:
        """Tags (and the closed set of rows, for party lists) of one heading."""
        tokens = _without_reference(self.words_of(text))
        tags: set[str] = set()
        closed: frozenset[str] | None = None
        for heading in self.headings:
            hit = find(heading.phrase, tokens) if heading.anywhere else None
            if not heading.anywhere and tokens[: len(heading.phrase)] == heading.phrase:
                hit = (0, 0)
            if hit:
                tags |= heading.tags
                closed = heading.closed_to or closed
        return frozenset(tags), closed

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> Vocabulary:
        abbreviations = {
            row["word"].strip().casefold(): tuple(row["means"].split())
            for _, row in _rows(directory / "abbreviations.csv")
        }
        headings = list(_headings(directory / "headings.csv", abbreviations))
        known = BUILTIN_TAGS.union(*(h.tags for h in headings))
        terms = list(_terms(directory / "terms.csv", abbreviations, known))
        qualifiers = list(_qualifiers(directory / "qualifiers.csv", known))
        return cls(terms, headings, abbreviations, qualifiers)


@cache
def default_vocabulary() -> Vocabulary:
    return Vocabulary.load()


_SHORT_HEADINGS = frozenset({"loan", "cash", "bank", "tax", "bs", "sale", "gst", "tds", "fixed"})
_REFERENCES = frozenset({"schedule", "sch", "annexure", "annex", "note", "notes", "appendix"})


def _without_reference(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """'Schedule C - Secured loans', 'Note 16 Borrowings': the heading follows the reference."""
    if tokens and tokens[0] in _REFERENCES:
        tokens = tokens[1:]
        if tokens and len(tokens[0]) <= 4 and tokens[0] not in _SHORT_HEADINGS:
            tokens = tokens[1:]  # the reference's letter or roman numeral ('c', 'iv')
    return tokens


def _rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as dicts with their line numbers; '#' lines are comments."""
    lines = [
        (number, line)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    header = next(csv.reader([lines[0][1]]))
    for number, line in lines[1:]:
        values = next(csv.reader([line]))
        yield number, {key: value.strip() for key, value in zip(header, values, strict=False)}


def _headings(path: Path, abbreviations: dict) -> Iterable[Heading]:
    for line, row in _rows(path):
        closed = frozenset(row.get("closed_to", "").split()) or None
        _check_targets(closed or (), path, line)
        for phrase in row["phrases"].split(";"):
            anywhere = phrase.strip().startswith("*")
            tokens = words(phrase.strip().lstrip("*"), abbreviations)
            if not tokens:
                raise VocabularyError(f"{path.name}:{line}: empty heading phrase {phrase!r}")
            yield Heading(tokens, anywhere, frozenset(row["tags"].split()), closed)


def _terms(path: Path, abbreviations: dict, known: frozenset[str]) -> Iterable[Term]:
    for line, row in _rows(path):
        where = Condition.parse(row["where"])
        if unknown := where.tags() - known:
            raise VocabularyError(f"{path.name}:{line}: unknown context tag(s) {sorted(unknown)}")
        _check_targets([row["row"]], path, line)
        sign, strength = int(row["sign"]), int(row["strength"])
        if sign not in (1, -1) or strength not in (WEAK, NORMAL, DECISIVE):
            raise VocabularyError(f"{path.name}:{line}: sign must be 1/-1, strength 1-3")
        phrases = row["phrases"].split(";") if row["phrases"] else [""]
        for phrase in phrases:
            contiguous = phrase.strip().startswith("=")
            phrase = phrase.strip().lstrip("=")
            tokens = words(phrase, abbreviations) if phrase else ()
            if phrase and not tokens:
                raise VocabularyError(f"{path.name}:{line}: phrase {phrase!r} has no words")
            yield Term(tokens, phrase, where, row["row"], sign, strength, line, contiguous)


def _qualifiers(path: Path, known: frozenset[str]) -> Iterable[Qualifier]:
    for line, row in _rows(path):
        try:
            pattern = re.compile(row["pattern"])
        except re.error as error:
            raise VocabularyError(f"{path.name}:{line}: bad pattern: {error}") from error
        where = Condition.parse(row.get("where", ""))
        if unknown := where.tags() - known:
            raise VocabularyError(f"{path.name}:{line}: unknown context tag(s) {sorted(unknown)}")
        _check_targets([row["from"], row["to"]], path, line)
        yield Qualifier(pattern, row["from"], row["to"], where, line)


def _check_targets(targets: Iterable[str], path: Path, line: int) -> None:
    for target in targets:
        valid = (
            target in INPUT_KEYS
            or (target.startswith("@") and target[1:] in TREATMENTS)
            or (target.startswith("exclude:") and target[8:] in EXCLUSIONS)
        )
        if not valid:
            raise VocabularyError(f"{path.name}:{line}: {target!r} is not an input row")
