"""Where the reader is in a statement while it walks the lines of a PDF.

Kept apart from the walkers so that the Schedule III, T-format and table
readers share one picture of the page (statement, note, section, unit, the
columns in force) without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.readers.document import ExtractedItem
from pipeline.readers.pdf_layout import Column


@dataclass
class Draft:
    """An extracted item with what the structure pass needs to know about it."""

    item: ExtractedItem
    block: tuple  # rows that add up together: (page kind or note, side)
    face: bool = False  # printed on a face statement (balance sheet, P&L, trading account)
    ref: str | None = None  # the note or schedule this face line points to
    balance: bool = True  # False for a movement column: never the balance a face line shows
    outer: bool = False  # figures in a year's group column, beside a column of its items


@dataclass
class TSide:
    name: str  # "Liabilities", "Assets", "Dr", "Cr"
    columns: list[Column]


@dataclass
class Table:
    """The columns in force: a table runs from its headings to the next headings."""

    kind: str  # "years", "matrix" or "tformat"
    columns: list[Column] = field(default_factory=list)
    name: str | None = None  # matrix: "fixed asset schedule", "depreciation schedule", "ageing"
    year: str | None = None  # matrix: the financial year its cells belong to
    wdv: bool = False  # matrix: an Income-tax written-down-value schedule
    split: float = 0.0  # tformat: x where the right-hand account starts
    sides: tuple[TSide, ...] = ()
    titles: list[str] = field(default_factory=list)  # tformat: account titles above it


@dataclass
class State:
    page: int = 0
    unit: Decimal = Decimal("1")
    kind: str | None = None  # statement: balance_sheet, profit_and_loss, trading, notes...
    title: str = ""  # of the statement or account being read
    page_title: str = ""  # the running title of the page
    section: str = ""
    subsection: str = ""
    note: str | None = None  # the note or schedule being read
    heading_note: str | None = None  # a face heading's note ("(b) Trade payables 7")
    notes_area: bool = False
    annexure: bool = False
    per_share: bool = False
    year_hint: str | None = None  # the date of the latest title or caption
    table: Table | None = None
    side_subsections: dict[str, str] = field(default_factory=dict)
    last: list[Draft] = field(default_factory=list)  # the row before, for wrapped labels
    # the heading just read, and what it replaced: it may be the first line of a
    # label whose figures are printed on its last line
    heading: tuple | None = None
    last_bottom: float = 0.0
    drafts: list[Draft] = field(default_factory=list)
    annexure_pages: set[int] = field(default_factory=set)
    unplaced: list[tuple[int, int]] = field(default_factory=list)  # (page, line): figures unread

    def open_section(self, section: str) -> None:
        self.section, self.subsection, self.per_share = section, "", False
        self.heading_note = None
