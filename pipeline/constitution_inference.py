"""The constitution and industry the statements show, for where the CA did not say.

The printed headings say what the entity is: partners' capital accounts, a
proprietor's capital, share capital with a CIN (whose PTC or PLC says private or
public), an LLPIN; and a manufacturing account or materials consumed say it
makes what it sells, purchases of stock-in-trade alone that it trades. The
signs of a constitution are pipeline.constitution_signs' (one list, also used
to warn when the CA's choice contradicts them); this adds the registration
numbers, which tell private from public, and the industry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from pipeline.constitution_signs import SIGNS, Printed
from projects.models import Constitution, Industry

CIN = re.compile(r"\b[LU]\d{5}[A-Z]{2}\d{4}(PTC|PLC)\d{6}\b")
LLPIN = re.compile(r"\bLLPIN\b|\blimited\s+liability\s+partnership\b", re.I)
MANUFACTURING = re.compile(
    r"\bmanufacturing\s+(?:and\s+trading\s+)?a(?:ccount|/c)\b|\b(?:cost\s+of\s+)?(?:raw\s+)?"
    r"materials?\s+consumed\b|\bfactory\s+(?:wages|overheads|expenses)\b",
    re.I,
)
TRADING = re.compile(
    r"\bpurchases?\s+of\s+stock[\s-]+in[\s-]+trade\b|\btrading\s+a(?:ccount|/c)\b", re.I
)


def printed(file_name: str, lines: list[list[str]]) -> list[Printed]:
    """Each text line of a file (pipeline.readers.document_kind.read_lines) as printed."""
    return [
        Printed(text, file_name)
        for line in lines
        if (text := " ".join(cell for cell in line if cell).strip())
    ]


class Inferred(NamedTuple):
    constitution: str | None
    industry: str | None
    why: str  # what was printed, in words, for the CA


def infer(printed: Iterable[Printed]) -> Inferred:
    """The constitution and industry most of the printed signs point to (None where none)."""
    votes: Counter[str] = Counter()
    seen: dict[str, str] = {}
    industry, industry_why = None, ""
    for line in printed:
        for sign in SIGNS:
            if sign.pattern.search(line.text):
                fits = _one(sign.fits)
                votes[fits] += 1
                seen.setdefault(fits, f'"{line.text}" ({line.where})')
        if CIN.search(line.text) or LLPIN.search(line.text):
            fits = _registered(line.text)
            votes[fits] += 3  # a registration number outweighs a heading
            seen.setdefault(fits, f'"{line.text}" ({line.where})')
        if MANUFACTURING.search(line.text) and industry != Industry.MANUFACTURING:
            industry, industry_why = Industry.MANUFACTURING, f'"{line.text}" ({line.where})'
        elif industry is None and TRADING.search(line.text):
            industry, industry_why = Industry.TRADING, f'"{line.text}" ({line.where})'
    constitution = votes.most_common(1)[0][0] if votes else None
    why = []
    if constitution:
        why.append(f"{Constitution(constitution).label.lower()}: {seen[constitution]}")
    if industry:
        why.append(f"{Industry(industry).label.lower()}: {industry_why}")
    return Inferred(constitution, industry, "; ".join(why))


def _one(fits: tuple[str, ...]) -> str:
    """The one constitution of a sign's: a company is private and a partnership not an LLP
    unless a registration number shows otherwise."""
    if Constitution.PRIVATE_LIMITED in fits:
        return Constitution.PRIVATE_LIMITED
    return Constitution.PARTNERSHIP if Constitution.PARTNERSHIP in fits else fits[0]


def _registered(text: str) -> str:
    found = CIN.search(text)
    if found:
        return (
            Constitution.PUBLIC_LIMITED if found.group(1) == "PLC" else Constitution.PRIVATE_LIMITED
        )
    return Constitution.LLP
