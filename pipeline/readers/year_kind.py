"""Whether each year of a document is audited, provisional, unaudited or estimated.

A CA's pack mixes audited statements of past years with provisional statements
of the year just closed and estimates of the year running; the bank reads each
year differently, so the CMA shows which is which. The kind is printed in the
titles ("Provisional Balance Sheet as at 31st March 2025", "Unaudited financial
results", "Estimated P&L for 2025-26", "Projected"): a title that names a year
gives that year its kind, one that names none gives it to the document's own
year. A year no title speaks of is left out: the CA says what it is.
"""

from __future__ import annotations

import re

from pipeline.readers.amounts import year_of_heading

AUDITED, PROVISIONAL, UNAUDITED, ESTIMATED = "audited", "provisional", "unaudited", "estimated"
KINDS = (AUDITED, PROVISIONAL, UNAUDITED, ESTIMATED)
# The first that matches a line wins: "unaudited" holds "audited", so it comes first.
SIGNS = (
    (UNAUDITED, re.compile(r"\bun[\s-]?audited\b", re.I)),
    (PROVISIONAL, re.compile(r"\bprovisional\b", re.I)),
    (ESTIMATED, re.compile(r"\bestimated\b|\bprojected\b|\bprojections?\b|\bbudgeted\b", re.I)),
    (AUDITED, re.compile(r"\baudited\b|auditor'?s'?\s+report|as\s+per\s+our\s+report\s+of\s+even"
                         r"\s+date", re.I)),
)  # fmt: skip
TITLE_WORDS = 25  # a title is short: a sentence of a note mentioning "estimated" is not one


def year_kinds(lines: list[list[str]], statement_year: str | None) -> dict[str, str]:
    """{year: kind} from the titles in `lines` (each a list of cell or word texts)."""
    found: dict[str, str] = {}
    for line in lines:
        text = " ".join(cell for cell in line if cell).strip()
        if not text or len(text.split()) > TITLE_WORDS:
            continue
        kind = next((kind for kind, sign in SIGNS if sign.search(text)), None)
        year = year_of_heading(text) or statement_year if kind else None
        if kind and year and _stronger(kind, found.get(year)):
            found[year] = kind
    return dict(sorted(found.items()))


def _stronger(kind: str, before: str | None) -> bool:
    """A provisional, unaudited or estimated title outweighs an audit sign-off elsewhere."""
    return before is None or (before == AUDITED and kind != AUDITED)
