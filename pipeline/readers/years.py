"""Which document counts for which financial year, when several give the same year.

Each audited statement prints its own year and the previous year as a
comparative. When two documents give a year, the later document (the one
with the later `statement_year`) wins: its comparative column is the
auditor's latest view, regrouped where the later statement regrouped it. A
year that only appears as a comparative (the year before the earliest
statement uploaded) is not counted (no statement of that year was uploaded)
unless the CA asks for it, or only one year's statement was uploaded: then its
comparative column is the previous year of the CMA, as a CA would take it.
The losing documents' figures are not thrown away: `other_sources` lets the
winning item record them, so the CA sees both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.readers.document import (
    MANUFACTURING,
    PROFIT_AND_LOSS,
    TRADING,
    ExtractedDocument,
    ExtractedItem,
)

# A statement beats a working: audited statements, then Tally exports, then trial balances.
_KIND_RANK = {"trial_balance": 0, "tally": 1}
# The accounts a profit and loss may print before itself, as one statement when merging.
_FAMILY = {MANUFACTURING: PROFIT_AND_LOSS, TRADING: PROFIT_AND_LOSS}
_MARKER = re.compile(r"^\s*(?:\(?[a-z0-9]{1,4}[.)]\s+|\([a-z0-9]{1,4}\)\s*)", re.IGNORECASE)


def _years(document: ExtractedDocument) -> set[str]:
    if document.years:
        return set(document.years)
    return {year for item in document.items for year in item.amounts}


def _statement_year(document: ExtractedDocument) -> str | None:
    years = _years(document)
    return document.statement_year or (max(years) if years else None)


def assign_year_sources(
    documents: list[ExtractedDocument], wanted: Iterable[str] = ()
) -> dict[str, str]:
    """{year: file name of the document that counts for it}, for every statement year.

    1. The years counted are the years the documents are *for* (their statement years),
       and the comparative-only years that `wanted` names or that a single year's
       statement shows.
    2. Each goes to the document with the latest statement year among those giving it.
    3. A tie (two documents for the same year) goes to a statement over a trial balance,
       then to the first file name in order, so the choice never depends on upload order.
    """
    _INDEX_CACHE.clear()  # a new set of documents: forget the last project's indexes
    counted = {year for document in documents if (year := _statement_year(document))}
    shown = {year for document in documents for year in _years(document)}
    counted |= shown & (shown if len(counted) == 1 else set(wanted))
    sources = {}
    for year in sorted(counted):
        givers = sorted((d for d in documents if year in _years(d)), key=lambda d: d.file_name)
        winner = max(givers, key=lambda d: (_statement_year(d) or "", _KIND_RANK.get(d.kind, 2)))
        sources[year] = winner.file_name
    return sources


def merge_statements(
    documents: list[ExtractedDocument], year_sources: dict[str, str]
) -> dict[str | tuple[str, str], str]:
    """`year_sources` with {(year, statement): file} added for each statement of a year that
    the year's document lacks and another document gives (its balance sheet in one file,
    its profit and loss in another): the year is read from both, never zero for one.

    Only when the winner's items all name their statement (a document whose items name
    none might hold it) and never from a trial balance (its ledgers repeat the statements).
    A manufacturing or trading account is part of the profit and loss: a winner that
    prints one of them holds the year's profit and loss, whatever another file calls its
    pages (a second copy of the same lines would count twice).
    """
    merged: dict[str | tuple[str, str], str] = dict(year_sources)
    by_name = {document.file_name: document for document in documents}
    for year, file_name in year_sources.items():
        carried = _families(by_name[file_name], year)
        if None in carried:
            continue
        givers = sorted(
            (d for d in documents if d.file_name != file_name and d.kind != "trial_balance"),
            key=lambda d: d.file_name,
        )
        for giver in givers:
            for statement in sorted(_statements(giver, year) - {None}):
                if _FAMILY.get(statement, statement) in carried:
                    continue
                best = max(
                    (d for d in givers if _FAMILY.get(statement, statement) in _families(d, year)),
                    key=lambda d: (_statement_year(d) or "", _KIND_RANK.get(d.kind, 2)),
                )
                merged[(year, statement)] = best.file_name
    return merged


def _statements(document: ExtractedDocument, year: str) -> set[str | None]:
    return {item.statement for item in document.items if year in item.amounts}


def _families(document: ExtractedDocument, year: str) -> set[str | None]:
    return {_FAMILY.get(statement, statement) for statement in _statements(document, year)}


def comparative_only_years(documents: list[ExtractedDocument]) -> list[str]:
    """Years printed only as a comparative column, which no document is for (and which are
    not counted unless asked for)."""
    shown = {year for document in documents for year in _years(document)}
    return sorted(shown - set(assign_year_sources(documents)))


def counts_for(
    item: ExtractedItem, document: ExtractedDocument, year_sources: dict[str, str]
) -> list[str]:
    """The years for which this item's document counts, among the years it gives (by its
    statement where `merge_statements` gave the year's statement to another document)."""
    return sorted(
        year
        for year in item.amounts
        if year_sources.get((year, item.statement), year_sources.get(year)) == document.file_name
    )


def other_sources(
    item: ExtractedItem,
    document: ExtractedDocument,
    documents: list[ExtractedDocument],
    year_sources: dict[str, str],
) -> list[dict]:
    """Where the losing documents printed the same item, for each year this item counts.

    Same item: the same label, section and statement once numbering, case and
    spacing are set aside. Each entry names the file, the year, the amount it
    printed (as a decimal string), where (sheet or page, row) and whether it
    differs from this item's amount, so the CA sees both sources.
    """
    found = []
    for year in counts_for(item, document, year_sources):
        for other in documents:
            if other is document or year not in _years(other):
                continue
            for twin in _index(other).get(_key(item), []):
                if year in twin.amounts:
                    found.append(_source(other, twin, year, item))
    return found


def _source(other: ExtractedDocument, twin: ExtractedItem, year: str, item: ExtractedItem):
    amount = twin.amounts[year]
    entry = {"file": other.file_name, "year": year, "amount": f"{amount:.2f}"}
    entry.update({k: v for k, v in (("sheet", twin.sheet), ("page", twin.page)) if v})
    if twin.row is not None:
        entry["row"] = twin.row
    entry["differs"] = amount != item.amounts[year]
    return entry


def normalise(text: str | None) -> str:
    """'(a) Trade  Payables' and 'Trade payables' alike."""
    text = _MARKER.sub("", text or "")
    return " ".join(re.sub(r"[^\w&%]+", " ", text.casefold()).split())


def _key(item: ExtractedItem) -> tuple[str, str, str | None]:
    return normalise(item.label), normalise(item.section), item.statement


_INDEX_CACHE: dict[int, tuple[ExtractedDocument, int, dict]] = {}


def _index(document: ExtractedDocument) -> dict[tuple, list[ExtractedItem]]:
    """The document's items by key, built once per document (the step asks per item)."""
    cached = _INDEX_CACHE.get(id(document))
    if cached and cached[0] is document and cached[1] == len(document.items):
        return cached[2]
    index: dict[tuple, list[ExtractedItem]] = {}
    for item in document.items:
        index.setdefault(_key(item), []).append(item)
    if len(_INDEX_CACHE) > 64:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[id(document)] = (document, len(document.items), index)
    return index
