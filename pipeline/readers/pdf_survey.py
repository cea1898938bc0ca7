"""A quick look at every page before the slow read: scans, and annexure pages.

pdfium reads the plain text of a 200-page statement in a fraction of a
second, where pdfminer (under pdfplumber) needs a tenth of a second or more
per page for the positioned words the statements are read from. The survey
finds the pages without a text layer (a scan is refused before any slow
work) and the pages that are wholly an annexure: party-wise or item-wise
detail behind amounts the notes already carry, never counted, so never read.

A page is an annexure page only when its content, below the running header,
opens with an "Annexure ..." heading and nothing on it opens a note, a
schedule or a statement. When pdfium cannot read the file the survey gives
up and every page is read the slow way. pdfium also counts each page's
characters: where pdfminer reads a page very differently, the file is damaged
and whatever was read from it would be partial.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pypdfium2 as pdfium

from pipeline.readers.pdf_context import ref_heading, title_kind
from pipeline.readers.pdf_layout import is_figure

MIN_TEXT_CHARS = 10  # as pdf_pages: a scanner's stamped page number is not a text layer
HEADER_LINES = 8  # the running header and the annexure heading sit within these
DISAGREEMENT_CHARS, DISAGREEMENT_SHARE = 20, 0.1  # the readers agree exactly on sound pages
_ANNEXURE = re.compile(r"^annexure\s+[A-Z0-9]{1,3}\b", re.I)


class Survey(NamedTuple):
    textless: list[int]  # scanned: an image and no text (a blank page is neither)
    annexures: list[int]
    chars: list[int]  # printed characters (not spaces) of each page, as pdfium reads them


def survey(data: bytes, password: str | None, page_count: int) -> Survey | None:
    """Scanned and annexure pages (1-based), or None when pdfium cannot tell."""
    try:
        pages = _pages(data, password, page_count)
    except Exception:  # pdfium disagrees with pdfminer about the file: read it all
        return None
    if pages is None:
        return None
    textless = [n for n, (_, scanned) in enumerate(pages, 1) if scanned]
    annexures = [n for n, (text, _) in enumerate(pages, 1) if is_annexure_page(text)]
    return Survey(textless, annexures, [len("".join(text.split())) for text, _ in pages])


def has_text(data: bytes, password: str | None) -> bool | None:
    """Whether any page has a text layer, reading pages only until one has (a PDF refused
    for its length must not cost a read of every page); None when pdfium cannot tell."""
    try:
        document = pdfium.PdfDocument(data, password=password)
    except Exception:
        return None
    try:
        pages = (_page(document, index)[0] for index in range(len(document)))
        return any(len("".join(text.split())) >= MIN_TEXT_CHARS for text in pages)
    except Exception:
        return None
    finally:
        document.close()


def _pages(data: bytes, password: str | None, page_count: int) -> list[tuple[str, bool]] | None:
    document = pdfium.PdfDocument(data, password=password)
    try:
        if len(document) != page_count:
            return None
        return [_page(document, index) for index in range(page_count)]
    finally:
        document.close()


def _page(document: pdfium.PdfDocument, index: int) -> tuple[str, bool]:
    """(text, scanned): a page is a scan when it has an image and no text."""
    page = document[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len("".join(text.split())) >= MIN_TEXT_CHARS:
            return text, False
        images = page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)
        return text, next(iter(images), None) is not None
    finally:
        textpage.close()
        page.close()


def disagrees(pdfium_chars: int, pdfminer_chars: int) -> bool:
    """Two independent readers of one page that disagree: the page is damaged."""
    difference = abs(pdfium_chars - pdfminer_chars)
    return difference > max(DISAGREEMENT_CHARS, DISAGREEMENT_SHARE * max(pdfium_chars, 1))


def is_annexure_page(text: str) -> bool:
    """The page opens with an annexure heading and opens nothing else after it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines[:HEADER_LINES]) if _ANNEXURE.match(line)), None)
    if start is None or any(_has_figure(line) for line in lines[:start]):
        return False
    return not any(_opens_something(line) for line in lines[start + 1 :])


def _opens_something(line: str) -> bool:
    if _has_figure(line):  # a detail row ("12 Om Traders Pune 9,062"), not a heading
        return False
    return bool(title_kind(line) or ref_heading(line, in_notes=True)) and not _ANNEXURE.match(line)


def _has_figure(line: str) -> bool:
    """Money printed in the line ("13,804"), not a year ending a title."""
    return any(is_figure(word) for word in line.split())
