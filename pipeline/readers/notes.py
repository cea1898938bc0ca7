"""Notes to the accounts (and sub-notes) split into one block per note.

A note starts with its number beside its title ('2 | Share capital | As at
31.03.2025 | As at 31.03.2024') or as one label: 'Note 10: Property, Plant and
Equipment', 'Note:1 Share Capital', '1. Share Capital', 'Schedule 1 Share
capital', 'Annexure A - Trade payables'. A sub-note ('SN 2 | Trade payables -
party-wise (Note 7)') breaks up a line of another note: its block carries the
note it refers to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.readers.blocks import Block
from pipeline.readers.scan import Line

_NUMBER = re.compile(r"^(?:note\s*(?:no\.?)?\s*)?(\d{1,3}(?:\.\d)?[A-Za-z]?)[.:)]?$", re.IGNORECASE)
_SUB_NUMBER = re.compile(r"^(?:sn|sub[- ]?note)\s*\.?\s*\d{1,3}", re.IGNORECASE)
# 'Note 1 - Share capital', 'Note:1 Share Capital', 'NOTE NO. 3 Borrowings', 'Schedule 4
# Inventories', 'Annexure A: Trade payables': a word that opens a note, its number or
# letter (a capital, never the start of a word: 'Note on ...'), then the title.
INLINE_HEADING = re.compile(
    r"^(?i:note|schedule|sch\.|annexure)\b\s*(?i:no\.?)?\s*[:.\-–]?\s*"
    r"(\d{1,3}(?:\.\d)?[A-Za-z]?|[A-Z]{1,2})(?=$|[\s:.\-–)])\s*[:.\-–)]?\s*(.*)$"
)
_NUMBERED = re.compile(r"^(\d{1,3}[A-Za-z]?)[.)]\s+(\S.*)$")
_REFERS = re.compile(
    r"\s*[\(\[]\s*(?:refer\s+)?note\s*(?:no\.?)?\s*(\d{1,3}[A-Za-z]?)\s*[\)\]]", re.I
)


@dataclass(frozen=True)
class Heading:
    number: str
    title: str
    refers_to: str | None = None  # the note a sub-note breaks up


def heading_of(line: Line) -> Heading | None:
    """The note a line opens, if it is a note heading (never a line with figures)."""
    if line.amounts or not line.label:
        return None
    inline = INLINE_HEADING.match(line.label)
    if inline:
        return _with_reference(inline.group(1), inline.group(2))
    marker = (line.marker or "").strip()
    number = _NUMBER.match(marker)
    if number:
        return _with_reference(number.group(1), line.label)
    if _SUB_NUMBER.match(marker):
        return _with_reference(marker, line.label)
    return None


def _with_reference(number: str, title: str) -> Heading:
    refers = _REFERS.search(title)
    if refers:
        title = (title[: refers.start()] + title[refers.end() :]).strip()
    return Heading(number, title.strip(), refers.group(1) if refers else None)


def _numbered(line: Line, last: str | None) -> Heading | None:
    """'12. Inventories' as one label: a note heading only if it follows the last note.

    Numbered sub-headings inside a note ('1. Secured') would otherwise split it.
    """
    match = _NUMBERED.match(line.label) if not line.amounts else None
    if match is None:
        return None
    number = int(re.match(r"\d+", match.group(1)).group())
    previous = int(re.match(r"\d+", last).group()) if last and last[0].isdigit() else 0
    return _with_reference(match.group(1), match.group(2)) if number > previous else None


def split_notes(lines: list[Line]) -> list[tuple[Heading, Block]]:
    """One block per note, in printed order; lines before the first note are dropped."""
    blocks: list[tuple[Heading, Block]] = []
    for line in lines:
        last = blocks[-1][0].number if blocks else None
        heading = heading_of(line) or _numbered(line, last)
        if heading is not None:
            block = Block(heading.title, [], heading.refers_to or heading.number)
            block.year_cols = line.years
            blocks.append((heading, block))
        elif blocks:
            blocks[-1][1].lines.append(line)
    return blocks
