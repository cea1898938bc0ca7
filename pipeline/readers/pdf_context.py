"""What each printed line of a statement page is, before any figure is read.

A page repeats the firm's running header (name, CIN, statement title, unit)
and footer (page number), and the face statements end in the auditor's and
directors' signature block: none of these carry line items. What is left is
titles, headings that open a note or schedule, column headings, rows with
figures, and text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.readers.document import BALANCE_SHEET, MANUFACTURING, PROFIT_AND_LOSS, TRADING
from pipeline.readers.pdf_layout import cells, is_amount, trailing_amounts, unit_of
from pipeline.readers.pdf_pages import Line, PageText

NOTES = "notes"
CASH_FLOW = "cash_flow"
RUNNING_HEADER_LINES = 8
TITLE_WORDS = 16
NOTE_TITLE_WORDS = 14  # "12 Trade receivables"; a numbered sentence is longer or ends in "."

# Statement titles as Schedule III and the proprietorship formats print them;
# checked in this order, so "Notes to the profit and loss account" is notes.
_TITLES = [
    (
        NOTES,
        re.compile(r"\b(notes|schedules?)\b.*\b(forming part|to\b|financial statements)", re.I),
    ),
    (CASH_FLOW, re.compile(r"\bcash\s+flows?\b", re.I)),
    # "Manufacturing and Trading Account" is the trading account; alone, manufacturing.
    (TRADING, re.compile(r"\btrading\b.*\b(account|a/c)\b", re.I)),
    (MANUFACTURING, re.compile(r"\bmanufacturing\b.*\b(account|a/c)\b", re.I)),
    (
        PROFIT_AND_LOSS,
        re.compile(r"\bprofit\s*(and|&)\s*loss\b|\bincome\s+and\s+expenditure\b", re.I),
    ),
    (BALANCE_SHEET, re.compile(r"\bbalance\s+sheet\b|\bstatement of affairs\b", re.I)),
]
_TITLE_TAIL = re.compile(r"\s+(as\s+(at|on)|for\s+the\s+(year|period)|year\s+ended)\b.*$", re.I)
_FOOTER = re.compile(r"\bpage\s+\d+(\s+(of|/)\s+\d+)?\s*$", re.I)
_SIGNATURE = re.compile(
    r"^(as per our (separate |attached )?report|in terms of our report|"
    r"for and on behalf of the board)",
    re.I,
)
# "Schedule A: Capital Account", "Annexure B to Note 7: ...", "Note 12 Trade receivables"
_REF_HEADING = re.compile(
    r"^(?P<kind>(?i:schedule|sch\.|annexure|note))\s*[-:]?\s+"
    r"(?P<id>\d{1,3}(\.\d{1,2})?|[A-Z]{1,2}|[IVX]{1,5})"
    r"(?=\s*[:.\-–)]|\s+[A-Z]|\s+(?i:to)\b|\s*$)[\s:.\-–)]*(?P<title>.*)$"
)
# "12 Trade receivables", "2. Share capital" (a note opened by its number alone)
_NOTE_HEADING = re.compile(
    r"^(?P<id>\d{1,3})\.?\s+(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"(?P<title>[A-Z(][^\d].*)$"
)
_PERCENT = re.compile(r"\d%$|^%$")


@dataclass
class PageContent:
    number: int
    width: float
    lines: list[Line]
    unit: Decimal | None
    title: str
    kind: str | None  # BALANCE_SHEET, PROFIT_AND_LOSS, TRADING, NOTES, CASH_FLOW


def title_kind(text: str) -> str | None:
    for kind, pattern in _TITLES:
        if pattern.search(text):
            return kind
    return None


def short_title(text: str) -> str:
    """'Balance Sheet as at 31 March 2025' -> 'Balance Sheet'."""
    return _TITLE_TAIL.sub("", text).strip()


def page_content(page: PageText) -> PageContent:
    """The page without its running header, footer and signature block.

    The running header ends at the statement title or the unit line, whichever
    is printed lower; a title need not be centred when none is.
    """
    lines = [line for line in page.lines if not _FOOTER.search(line.text)]
    top = _running_header(lines)
    titles = [i for i, line in enumerate(top) if _is_title(line, page.width)]
    titles = titles or [i for i, line in enumerate(top[:5]) if _is_title(line, None)]
    units = [(i, u) for i, line in enumerate(top) if (u := _unit_line(line)) is not None]
    ends = ([titles[0] + 1] if titles else []) + ([units[0][0] + 1] if units else [])
    start = max(ends, default=0)
    title = top[titles[0]].text if titles else ""
    unit = units[0][1] if units else _unit_in_headings(lines)
    body = _without_signatures(lines[start:], page.width)
    return PageContent(page.number, page.width, body, unit, title, title_kind(title))


def _without_signatures(lines: list[Line], width: float) -> list[Line]:
    """Drop each signature block, up to the next statement title printed on the page."""
    kept, signing = [], False
    for line in lines:
        if _SIGNATURE.match(line.text):
            signing = True
        elif signing and title_kind(line.text) and is_centred(line, width):
            signing = False
        if not signing:
            kept.append(line)
    return kept


def _unit_line(line: Line) -> Decimal | None:
    """The unit of a line that states only the unit ("(₹ in lakhs)"), not column headings."""
    return unit_of(line.text) if len(cells(line.words)) == 1 else None


def _running_header(lines: list[Line]) -> list[Line]:
    """The lines a page may open with before its first figure."""
    top = []
    for line in lines[:RUNNING_HEADER_LINES]:
        if trailing_amounts(line.words):
            break
        top.append(line)
    return top


def _is_title(line: Line, width: float | None) -> bool:
    """A statement title: centred (or, failing that, a short line that reads as one)."""
    if not title_kind(line.text):
        return False
    if width is not None:
        return is_centred(line, width)
    return len(cells(line.words)) == 1 and len(line.words) <= 14 and line.text[:1].isupper()


def _unit_in_headings(lines: list[Line]) -> Decimal | None:
    """A unit printed in the column headings ("Rs. in lakhs") when the header states none."""
    for line in lines:
        if trailing_amounts(line.words):
            continue
        for cell in cells(line.words):
            unit = unit_of(cell.text) if len(cell.words) <= 6 else None
            if unit is not None:
                return unit
    return None


def is_centred(line: Line, width: float) -> bool:
    """A title: one short run of words centred on the page, clear of both margins.

    A line of a paragraph is centred too, but runs (nearly) margin to margin.
    """
    if len(cells(line.words)) != 1 or len(line.words) > TITLE_WORDS:
        return False
    left, right = line.words[0].x0, line.words[-1].x1
    centred = abs((left + right) / 2 - width / 2) < 0.08 * width
    return centred and left > 0.1 * width and right - left < 0.78 * width


def ref_heading(text: str, in_notes: bool) -> tuple[str, str, str] | None:
    """(kind, id, title) of a heading that opens a schedule, annexure or note."""
    match = _REF_HEADING.match(text)
    if match:
        kind = match["kind"].lower().rstrip(".")
        return ("schedule" if kind == "sch" else kind), match["id"], match["title"].strip()
    match = _NOTE_HEADING.match(text) if in_notes else None
    if match and len(text.split()) <= NOTE_TITLE_WORDS and not text.endswith("."):
        return "note", match["id"], match["title"].strip()
    return None


def has_percent(line: Line) -> bool:
    """A row of shareholdings: a percentage printed after a figure, so none are rupees.

    A depreciation rate printed before the figures ("Buildings 10% 30,73,482")
    does not count: that row's figures are rupees.
    """
    seen_figure = False
    for word in line.words[1:]:
        if _PERCENT.search(word.text) and seen_figure:
            return True
        seen_figure = seen_figure or is_amount(word.text)
    return False


def starts_lowercase(line: Line) -> bool:
    first = line.words[0].text
    return first[:1].islower()
