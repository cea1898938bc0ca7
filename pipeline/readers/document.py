"""What a reader hands back: the printed rows of one uploaded file, amounts in rupees.

Readers are pure (bytes in, these dataclasses out, no ORM) so that they can be
tested against tests/data/samples without a database. The extract step stores
an `ExtractedItem` as a `pipeline.LineItem` row field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Statement a row was printed in; the classifier leans on it as much as on the label.
BALANCE_SHEET = "balance_sheet"
PROFIT_AND_LOSS = "profit_and_loss"
TRADING = "trading"
MANUFACTURING = "manufacturing"  # a manufacturer's Manufacturing Account, before trading
STATEMENTS = (BALANCE_SHEET, PROFIT_AND_LOSS, TRADING, MANUFACTURING)


@dataclass
class ExtractedItem:
    """One printed row (or one side of a T-format row) that carries an amount.

    `amounts` maps a financial-year key ("FY2025" for 2024-25) to rupees as
    printed and converted exactly (a statement in lakhs is multiplied by
    1,00,000). `exclude_reason` is set by the reader when the row is structurally
    not a balance of its own: a total or sub-total, a face line whose note
    itemises it, a Tally group total, an auxiliary schedule of a final-accounts
    workbook, an ageing table. Such rows are kept (the CA and the banker see
    them) but never counted.
    """

    label: str
    amounts: dict[str, Decimal]
    statement: str | None = None
    section: str = ""
    subsection: str = ""
    note: str | None = None
    side: str | None = None  # T-format and Tally: "Liabilities", "Assets", "Dr", "Cr"
    tally_group: str | None = None
    column: str | None = None  # multi-column tables, trial balances ("Dr", "Cr", "WDV as on 01.04")
    table: str | None = None  # "ageing", "fixed asset schedule", ...
    page: int | None = None  # 1-based, PDF
    sheet: str | None = None  # Excel
    row: int | None = None  # 1-based sheet row (Excel), CSV line, or line on the PDF page
    cells: dict[str, str] = field(default_factory=dict)  # year -> A1 reference (Excel)
    stored_as: str | None = None  # Excel: "number", "text" or "formula"
    printed_unit: str | None = None  # a figure that is not rupees: "rupees per share", "times"
    exclude_reason: str | None = None


@dataclass
class Part:
    """One sheet or page as the reader placed it, for the file's extract report.

    `role` is what the reader took it for (a statement, "notes", "trial_balance",
    ... or `UNPLACED`), `why` the evidence in a sentence, `unit` the rupees per
    printed unit in force on it.
    """

    name: str
    role: str
    why: str
    unit: Decimal = Decimal(1)
    sheet: str | None = None
    page: int | None = None


UNPLACED = "not placed"


@dataclass
class ExtractedDocument:
    """Everything one file yields.

    `statement_year` is the financial year the document is *for* (its latest
    year); when two documents give the same year, the one with the later
    `statement_year` wins (its comparative column may be regrouped).
    `kind` names the layout found: "schedule_iii", "tformat", "tally",
    "trial_balance", "final_accounts". A trial balance carries the opening
    balance of the surplus or capital; the compute step closes the year's
    profit into it.
    """

    file_name: str
    kind: str
    statement_year: str | None
    years: list[str]
    items: list[ExtractedItem]
    units: dict[str, Decimal] = field(default_factory=dict)  # page/sheet -> rupees per unit
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    # Scanned pages: which were OCRed, their confidence, the figures to confirm (ocr_checks).
    ocr: dict | None = None
    # Each sheet or page with the role the reader gave it and why (the extract report).
    parts: list[Part] = field(default_factory=list)


class ReaderError(Exception):
    """A file that cannot be read: what is wrong, and what the CA can do about it.

    `code` is stable for tests and the API ("encrypted_pdf", "ocr_not_installed",
    "truncated_pdf", "empty_workbook", "wrong_file_type", "too_large", ...).
    """

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    def __reduce__(self):
        # Crosses process boundaries intact (pages read in worker processes).
        return (type(self), (self.code, self.message, self.hint))


@dataclass(frozen=True)
class ReadLimits:
    """Guard rails checked before parsing (settings EXTRACT_MAX_*)."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_pdf_pages: int = 500
    max_workbook_cells: int = 2_000_000
    max_shared_strings: int = 100_000  # distinct texts of an .xlsx
    max_rows: int = 100_000  # rows of all sheets, or lines of a CSV
    max_unzipped_bytes: int = 200 * 1024 * 1024
    workers: int = 2  # processes for page-by-page PDF reading
    ocr_workers: int = 2  # tesseract processes reading scanned pages at once
    ocr_min_confidence: float = 80.0  # a figure read less surely than this is confirmed by a CA
    ocr_page_min_confidence: float = 60.0  # a page read less surely than this is refused
