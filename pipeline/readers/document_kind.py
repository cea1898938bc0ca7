"""What an upload is: a statement, or another document of a CA's pack for a CMA.

A CA's pack holds more than the financial statements: the tax audit report
(Form 3CA/3CB with 3CD), the income tax return (whose Part A-BS and Part A-P&L
look like statements), lenders' EMI schedules and sanction letters, the stock
statement, debtors' ageing and creditors' lists, bank statements. Each is
recognised by scoring its content (titles, statutory form names, the columns of
its table), never by its file name, so a non-statement is reported as what it
is and never read as statement line items. Pure: bytes in, a DocumentKind out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.file_types import (
    AGEING,
    BANK_STATEMENT,
    EMI_SCHEDULE,
    ITR,
    LABELS,
    OTHER,
    SANCTION_LETTER,
    STATEMENT,
    STOCK_STATEMENT,
    TAX_AUDIT,
)
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.emi_schedule import is_emi_schedule, pdf_lines
from pipeline.readers.loaders import load_csv, load_xls, load_xlsx
from pipeline.readers.sniff import CSV, PDF, XLS, XLSX, sniff

STATEMENT_READ = (STATEMENT, OTHER)  # the kinds the statement readers are given

# (kind, pattern, weight): each pattern counts once, however often it is printed.
SIGNS = (
    (STATEMENT, r"balance\s*sheet\s+as\s+(?:at|on)", 6),
    (STATEMENT, r"statement\s+of\s+profit\s+(?:and|&)\s+loss|profit\s*(?:and|&)\s*loss\s*a/?c", 6),
    (STATEMENT, r"trading\s+(?:and|&)\s+profit|profit\s*(?:and|&)\s*loss\s+account", 6),
    (STATEMENT, r"trial\s+balance", 6),
    (STATEMENT, r"notes?\s+(?:forming|to\s+the\s+(?:financial|accounts))", 4),
    (
        STATEMENT,
        r"equity\s+and\s+liabilities|sources\s+of\s+funds|reserves\s+(?:and|&)\s+surplus",
        3,
    ),
    (STATEMENT, r"revenue\s+from\s+operations|sundry\s+creditors|capital\s+account", 2),
    (TAX_AUDIT, r"form\s*(?:no\.?)?\s*3\s*c\s*[abd]\b", 12),
    (TAX_AUDIT, r"section\s*44\s*ab|tax\s+audit", 8),
    (TAX_AUDIT, r"particulars\s+to\s+be\s+furnished\s+under\s+section", 6),
    (ITR, r"\bitr[\s-]*[1-7]\b|income\s*tax\s*return", 12),
    (ITR, r"acknowledg(?:e)?ment\s+(?:number|no)|e-?filing|assessment\s+year", 6),
    (ITR, r"part\s*a[\s-]*(?:bs|p\s*&\s*l|gen)|schedule\s+bp\b", 8),
    (
        SANCTION_LETTER,
        r"sanction\s+letter|letter\s+of\s+sanction|sanctioned\s+(?:the\s+)?"
        r"(?:following|credit|loan)",
        12,
    ),
    (
        SANCTION_LETTER,
        r"terms\s+(?:and|&)\s+conditions|security\s*:|margin\s*:|"
        r"rate\s+of\s+interest|validity\s+of\s+sanction|limit\s*:",
        3,
    ),
    (SANCTION_LETTER, r"facility|hypothecation|we\s+are\s+pleased", 3),
    (STOCK_STATEMENT, r"stock\s+statement|statement\s+of\s+stock|drawing\s+power", 12),
    (
        STOCK_STATEMENT,
        r"raw\s+materials?|finished\s+goods|work[\s-]*in[\s-]*progress|stock[\s-]in[\s-]"
        r"process",
        3,
    ),
    (STOCK_STATEMENT, r"book\s*debts|paid[\s-]*stock", 3),
    (AGEING, r"ageing|aging|age[\s-]*wise", 12),
    (
        AGEING,
        r"(?:0|1)\s*(?:-|to)\s*30\s*days|more\s+than\s+\d+\s+days|>\s*\d+\s*days|"
        r"(?:above|over|upto|up\s+to)\s*\d+\s*days",
        6,
    ),
    (AGEING, r"party\s+name|name\s+of\s+(?:the\s+)?(?:party|debtor|creditor|customer|supplier)", 4),
    (BANK_STATEMENT, r"statement\s+of\s+account|account\s+statement|bank\s+statement", 10),
    (BANK_STATEMENT, r"\bifsc\b|cheque|chq|withdrawals?|deposits?", 4),
    (BANK_STATEMENT, r"value\s+date|narration|transaction\s+date|txn\s+date", 6),
)
_SIGNS = [(kind, re.compile(pattern, re.I), weight) for kind, pattern, weight in SIGNS]
EMI_TABLE = 16  # a repayment table is strong evidence: header and dated instalments
ENOUGH = 12  # below this, nothing but a statement's reader can say what the file is
PDF_PAGES = 4  # the first pages carry the titles; reading all would cost a long statement


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    why: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def classify(filename: str, data: bytes, limits: ReadLimits | None = None) -> DocumentKind:
    """The file's kind by the scores of its content; a statement unless another kind wins
    clearly (an unreadable file or a scan without text is left to the statement readers).
    OTHER, for text without a sign of any kind, is a guess: the statement readers still
    try it (STATEMENT_READ), since a statement may carry no title the signs know."""
    return kind_of(read_lines(filename, data, limits or ReadLimits()))


def read_lines(filename: str, data: bytes, limits: ReadLimits) -> list[list[str]]:
    """The file's text lines, or none when it cannot be read here (its reader will say why)."""
    try:
        return text_lines(filename, data, limits)
    except ReaderError:
        return []


def kind_of(lines: list[list[str]]) -> DocumentKind:
    """The kind with the highest score over `lines` (each a list of cell or word texts)."""
    text = "\n".join(" ".join(line) for line in lines)
    scores = {kind: 0 for kind in LABELS}
    found: dict[str, list[str]] = {kind: [] for kind in LABELS}
    for kind, pattern, weight in _SIGNS:
        match = pattern.search(text)
        if match:
            scores[kind] += weight
            found[kind].append(" ".join(match.group(0).split()))
    if is_emi_schedule(lines):
        scores[EMI_SCHEDULE] += EMI_TABLE
        found[EMI_SCHEDULE].append("a table of dated instalments with principal and interest")
    best = max((kind for kind in LABELS if kind != STATEMENT), key=lambda kind: scores[kind])
    if scores[best] >= ENOUGH and scores[best] > scores[STATEMENT]:
        why = f"scored {scores[best]} against {scores[STATEMENT]} for a statement: " + ", ".join(
            f'"{sign}"' for sign in found[best]
        )
        return DocumentKind(best, why)
    if not scores[STATEMENT] and any(cell.strip() for line in lines for cell in line):
        return DocumentKind(OTHER, "it has neither a statement's titles nor another document's")
    signs = ", ".join(f'"{sign}"' for sign in found[STATEMENT]) or "no text to judge by"
    return DocumentKind(STATEMENT, f"scored {scores[STATEMENT]} as a statement: {signs}")


def text_lines(filename: str, data: bytes, limits: ReadLimits) -> list[list[str]]:
    """The file's text as lines of cells (a spreadsheet) or words (a PDF's first pages)."""
    kind = sniff(filename, data).kind
    if kind == PDF:
        return pdf_lines(data, limits, PDF_PAGES)
    loader = {XLSX: load_xlsx, XLS: load_xls, CSV: load_csv}.get(kind)
    if loader is None:
        return []
    book = loader(data, limits)
    return [[cell.text for cell in row] for sheet in book.sheets for row in sheet.rows()]
