"""Labels and headings reduced to the words that decide a CMA row.

Two users: the vocabulary matches `words` (stemmed, abbreviations expanded,
filler words dropped), and the firm's memory stores decisions under
`label_key` / `context_key`, which the Django side must compute with these
same functions so that a decision made today is found next year.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from pipeline.classifier.context import ItemContext

# Filler words: dropping them lets "Loan from directors" and "Directors' loan"
# share the words that matter. "not" stays ("interest accrued but not due").
STOPWORDS = frozenset(
    {"a", "an", "the", "of", "and", "to", "for", "on", "from", "with", "in", "at", "by"}
    | {"as", "per", "its", "is", "or", "into", "under"}
)

# Forms with punctuation, rewritten before the text is split into words.
_PUNCTUATED = [
    (re.compile(r"\ba\s*/\s*cs?\b"), " account "),
    (re.compile(r"\b[c]\s*/\s*[dfo]\b"), " carried_down "),
    (re.compile(r"\bb\s*/\s*[df]\b"), " brought_down "),
    (re.compile(r"\bp\s*(?:&|and|/)\s*l\b"), " profit loss "),
    (re.compile(r"\bb\s*/\s*s\b"), " balance sheet "),
    (re.compile(r"\br\s*(?:&|and)\s*m\b"), " repairs maintenance "),
    (re.compile(r"\bo\s*/\s*s\b"), " outstanding "),
    (re.compile(r"\bw\.\s*d\.\s*v\.?"), " wdv "),
]
_ENUMERATOR = re.compile(
    r"^\s*(?:\(\s*[a-z0-9]{1,4}\s*\)|[a-z0-9]\)|(?:[ivxlc]{1,5}|\d{1,3})[.)](?=\s)|[-–•*:]+)\s*"
)
_TO_BY = re.compile(r"^\s*(?:to|by)\s+(?=\S)")
_ADD_LESS = re.compile(r"^\s*(add|less)\b\s*[:\-]?\s*")
_NUMBER = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"[a-z0-9_#]+")


def clean(text: str | None) -> str:
    """Casefold, unify Unicode forms, spell out '&', drop the rupee sign and apostrophes."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("₹", " ").replace("'", "").replace("’", "").replace("`", "")
    for pattern, replacement in _PUNCTUATED:
        text = pattern.sub(replacement, text)
    return text.replace("&", " and ")


def strip_prefixes(text: str) -> tuple[str, set[str]]:
    """Remove enumerators, T-format 'To'/'By' and 'Add:'/'Less:'; return what was removed.

    The removed prefixes are kept as qualifiers ("less", "to", "by") because a
    deduction or a T-format side can decide the sign or the row.
    """
    found: set[str] = set()
    while True:
        before = text
        text = _ENUMERATOR.sub("", text, count=1)
        if match := _TO_BY.match(text):
            found.add(match.group(0).strip())
            text = text[match.end() :]
        if match := _ADD_LESS.match(text):
            found.add(match.group(1))
            text = text[match.end() :]
        if text == before:
            return text.strip(), found


def stem(word: str) -> str:
    """Plural to singular, enough for accounting English ("liabilities", "taxes", "dues")."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "_")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "shes", "ches")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def words(
    text: str | None, abbreviations: Mapping[str, tuple[str, ...]] | None = None
) -> tuple[str, ...]:
    """The deciding words of `text`: no numbers, abbreviations expanded, stemmed, no fillers."""
    body, _ = strip_prefixes(clean(text))
    result: list[str] = []
    for raw in _WORD.findall(_NUMBER.sub(" ", body)):
        for word in (abbreviations or {}).get(raw, (raw,)):
            word = stem(word)
            if word not in STOPWORDS and not word.isdigit():
                result.append(word)
    return tuple(result)


def qualifiers(label: str) -> set[str]:
    """Prefixes of a label that carry meaning: 'less', 'add', T-format 'to' / 'by'."""
    return strip_prefixes(clean(label))[1]


def label_key(label: str | None) -> str:
    """A printed label as the firm's memory stores it.

    Case, punctuation, enumerators, T-format 'To'/'By', 'Add:'/'Less:' and
    the digits of numbers (share counts, account numbers) do not make a label
    different. Idempotent: label_key(label_key(x)) == label_key(x).
    """
    body, _ = strip_prefixes(clean(label))
    body = _NUMBER.sub("#", body)
    return " ".join(_WORD.findall(body))


def heading_key(text: str | None) -> str:
    """A section, sub-section, group or column heading as a memory key part."""
    return label_key(text)


def context_key(item: ItemContext) -> str:
    """Where an item was printed, as the firm's memory stores it.

    Statement, section, sub-section, T-format/Tally side, Tally group and the
    column (dates reduced to '#'), so that "Others" under other current
    liabilities and "Others" under other current assets are different
    decisions, and a fixed-asset schedule's columns stay apart.
    """
    parts = (
        item.statement or "",
        heading_key(item.section),
        heading_key(item.subsection),
        (item.side or "").casefold(),
        heading_key(item.tally_group),
        heading_key(item.column),
    )
    return "|".join(parts)
