"""Context rules the word-by-word vocabulary cannot express.

- Fixed-asset schedules: the column, not the asset, decides the row; a loss
  or profit on disposal printed there is the year's non-operating item.
- Reserve and capital accounts: when the closing balance is printed, the
  opening balance and the year's movements are memo lines; when it is not
  (a Tally group, a trial balance), the lines add up to the balance.
- Loans: the note's text ("hypothecation of stock", "60 EMIs") tells a cash
  credit from a term loan when the label does not.
- Signs: Tally prints accumulated depreciation as a negative amount.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.classifier.context import (
    FA_MOVEMENT,
    MOVEMENT,
    NET_BLOCK,
    TOTAL,
    VOCABULARY,
    Candidate,
    ItemContext,
)
from pipeline.classifier.frame import Frame
from pipeline.classifier.normalise import clean, label_key

RAW_COLUMN = 0.95
RAW_WDV = 0.90
RAW_CLOSING = 0.95
RAW_MEMO = 0.93
RAW_ROLLING = 0.88  # a line of a reserve whose closing balance is not printed

# A scan glues a heading's words ("Upto31March 2025"): a number is a word of its own.
_GLUED_NUMBER = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?!st\b|nd\b|rd\b|th\b)(?=[a-z])")
_CLOSING_DATE = re.compile(r"\b(3[01])(st)?\s*[./-]?\s*(0?3|mar)|\bclosing|\bend of|\bat the end")
_OPENING_DATE = re.compile(r"\b0?1(st)?\s*[./-]?\s*(0?4|apr)|\bopening|\bbeginning")
_INTANGIBLE = re.compile(r"goodwill|software|patent|trade ?mark|copyright|licen[cs]e|intangible")
_CLOSING_BALANCE = re.compile(
    r"closing|carried_down|carried forward|at the end|end of the (year|period)|as (at|on) 3[01]"
)
_OPENING_BALANCE = re.compile(
    r"opening|brought_down|brought forward|as per last|beginning|at the start|as (at|on) 0?1"
)
_MOVEMENT_WORDS = re.compile(
    r"current (period|year)|for the (year|period)|profit|loss|transfer|introduced|during|"
    r"addition|deduction|adjustment|written back|utili[sz]ed"
)
RESERVE_ROWS = (  # tag of the reserve's heading -> its row
    ("r_premium", "share_premium"),
    ("r_general", "general_reserve"),
    ("r_revaluation", "revaluation_reserve"),
    ("r_capital", "other_reserves"),
    ("r_surplus", "pl_surplus"),
    ("capital_account", "share_capital"),
)


RAW_TOTAL = 0.93
# "Total", "Sub-total", "Total (A+B)", "Total expenses (IV)", "Total current assets": the
# word, its references and a statement heading. "Total outstanding dues of MSMEs" is a balance.
_BARE_TOTAL = re.compile(
    r"^(sub ?|grand |net )?total"
    r"( ([a-z#]{1,4}|income|expenses?|assets?|liabilities|equity|revenue|current|non))*$"
)


def bare_total(label: str) -> Candidate | None:
    """A total the reader did not mark (items classified on their own, through the API)."""
    if not _BARE_TOTAL.match(label_key(label)):
        return None
    evidence = "A bare total line: the sum of the items printed above it; excluded."
    return Candidate(None, 1, RAW_TOTAL, evidence, VOCABULARY, "rule", TOTAL)


_SALE_OF_ASSETS = re.compile(
    r"\b(loss|profit|gain|surplus|deficit)\b.*\b(sale|sold|disposal|disposed|discard\w*|"
    r"written off|write off|retire\w*|scrapp\w*|transfer\w*)\b"
)
CROSSING = "crossing"  # the basis of the one rule that moves a balance-sheet line to Form II


def sale_of_assets(item: ItemContext, frame: Frame) -> Candidate | None:
    """A loss or profit on sale printed in the fixed-asset schedule is the year's P&L item."""
    if not frame.tags & {"fixed_assets", "fa_schedule"}:
        return None
    if not (found := _SALE_OF_ASSETS.search(clean(item.label))):
        return None
    key = "nonop_income" if found.group(1) in ("profit", "gain", "surplus") else "nonop_expenses"
    evidence = f"A {found.group(1)} on disposal in the fixed-asset schedule: the year's {key}."
    return Candidate(key, 1, RAW_COLUMN, evidence, VOCABULARY, CROSSING)


def fixed_asset_column(item: ItemContext, frame: Frame) -> Candidate | None:
    """A fixed-asset schedule's cell: closing gross block, depreciation to date, or memo."""
    column = _GLUED_NUMBER.sub(" ", clean(item.column))
    if not column or not ("fa_schedule" in frame.tags or "fixed_assets" in frame.tags):
        return None
    if column in ("dr", "cr"):
        return None
    intangible = "intangible" in frame.tags or bool(_INTANGIBLE.search(clean(item.label)))
    gross_row = "intangible_assets" if intangible else "gross_block"
    if "wdv" in column or "written down" in column:
        if "company" in frame.tags:
            return _memo(NET_BLOCK, "a company's written-down value is its net block")
        return _column(gross_row, 1, RAW_WDV, "written-down value (non-corporate) is the block")
    if "net block" in column or "carrying" in column or "net value" in column:
        return _memo(NET_BLOCK, "net block is gross block less depreciation")
    closing = bool(_CLOSING_DATE.search(column)) and not _OPENING_DATE.search(column)
    closing = closing and not _last_years_close(column, item)
    if "depreciation" in column or "amorti" in column or "accumulated" in column:
        if closing and re.search(r"up ?to|as (at|on)|closing|total|balance", column):
            if intangible:
                return _column(gross_row, -1, RAW_COLUMN, "amortisation to date")
            return _column("accumulated_depreciation", 1, RAW_COLUMN, "depreciation to date")
        return _memo(FA_MOVEMENT, "a movement of depreciation during the year")
    if ("gross" in column or "cost" in column) and closing:
        return _column(gross_row, 1, RAW_COLUMN, "closing gross block")
    return _memo(FA_MOVEMENT, "an opening balance or a movement of the year")


_DATED_CLOSE = re.compile(r"\b3[01](?:st)?\s*[./-]?\s*(?:0?3|mar\w*)\s*[./,-]?\s*(\d{4}|\d{2})\b")
_FINANCIAL_YEAR = re.compile(r"(\d{4})$")


def _last_years_close(column: str, item: ItemContext) -> bool:
    """'Depreciation up to 31.03.2024' in a schedule of FY2025 is the opening balance."""
    dated = _DATED_CLOSE.search(column)
    years = [int(m.group(1)) for key in item.amounts if (m := _FINANCIAL_YEAR.search(key))]
    if not dated or not years:
        return False
    year = int(dated.group(1))
    year += 2000 if year < 100 else 0
    return year < max(years)


def _column(key: str, sign: int, raw: float, why: str) -> Candidate:
    evidence = f"Fixed-asset schedule column: {why} -> {key}" + (" (sign -1)." if sign < 0 else ".")
    return Candidate(key, sign, raw, evidence, VOCABULARY, "rule")


def _memo(reason: str, why: str) -> Candidate:
    evidence = f"Fixed-asset schedule column: {why}; excluded."
    return Candidate(None, 1, RAW_COLUMN, evidence, VOCABULARY, "rule", reason)


@dataclass(frozen=True)
class Block:
    """The lines of one reserve or capital account (same file, section and sub-section)."""

    has_closing: bool


def block_key(item: ItemContext, frame: Frame) -> tuple | None:
    if "movement" not in frame.tags or not frame.is_balance_sheet:
        return None
    return (item.file, item.sheet, item.section, item.subsection)


def movement_blocks(items: Sequence[ItemContext], frames: Sequence[Frame]) -> dict[tuple, Block]:
    closing: dict[tuple, bool] = {}
    for item, frame in zip(items, frames, strict=True):
        if (key := block_key(item, frame)) is not None:
            found = item.exclude_reason is None and is_closing_balance(item.label)
            closing[key] = closing.get(key, False) or found
    return {key: Block(value) for key, value in closing.items()}


def is_closing_balance(label: str) -> bool:
    return bool(_CLOSING_BALANCE.search(clean(label)))


def movement(
    item: ItemContext, frame: Frame, block: Block, decided: Candidate | None
) -> Candidate | None:
    """A line of a reserve or capital account; None when the vocabulary should decide."""
    if decided is not None and decided.cma_key == "dividend":
        return None  # drawings and dividends keep their own row
    row = next((row for tag, row in RESERVE_ROWS if tag in frame.tags), None)
    closing = is_closing_balance(item.label)
    if row is None and names_a_reserve(item, decided):
        return None  # "General reserve" under "Reserves and surplus" is that reserve's balance
    if block.has_closing:
        if closing and row:
            evidence = f"Closing balance of '{frame.heading}' -> {row}."
            return Candidate(row, 1, RAW_CLOSING, evidence, VOCABULARY, "rule")
        if closing:
            return None
        evidence = f"Movement inside '{frame.heading}', whose closing balance is printed."
        return Candidate(None, 1, RAW_MEMO, evidence, VOCABULARY, "rule", MOVEMENT)
    label = clean(item.label)
    if row and (_OPENING_BALANCE.search(label) or _MOVEMENT_WORDS.search(label)):
        sign = -1 if "less" in frame.tags or re.search(r"transfer(red)? to", label) else 1
        evidence = f"'{frame.heading}' prints no closing balance: its lines add up to {row}."
        return Candidate(row, sign, RAW_ROLLING, evidence, VOCABULARY, "rule")
    return None


# A movement of the year, not the bare words 'profit and loss' of the surplus's own name.
_YEARS_MOVEMENT = re.compile(_MOVEMENT_WORDS.pattern.replace("profit|loss|", ""))
_RESERVE_KEYS = frozenset(row for _, row in RESERVE_ROWS)


def names_a_reserve(item: ItemContext, decided: Candidate | None) -> bool:
    """A line naming one reserve, with no opening or movement word, under the reserves' heading."""
    if decided is None or decided.cma_key not in _RESERVE_KEYS or decided.basis != "term":
        return False
    label = clean(item.label)
    return not (_OPENING_BALANCE.search(label) or _YEARS_MOVEMENT.search(label))


_WORKING_CAPITAL = re.compile(
    r"hypothecation of (the )?(stock|inventor|book debt|current asset|receivable)|drawing power|"
    r"repayable on demand|cash credit|overdraft|renewable|working capital limit"
)
_TERM = re.compile(
    r"\b\d+\s*(equated\s*)?(monthly\s*|quarterly\s*)?(instal|emi)|\bemis?\b|repayable in|tenure|"
    r"moratorium|term loan|hypothecation of (the )?(vehicle|machinery|plant|car|truck)"
)


def loan_nature(text: str | None) -> str | None:
    """'bank_borrowings_wc' or 'term_loans' when a text says which, else None."""
    text = clean(text)
    working, term = bool(_WORKING_CAPITAL.search(text)), bool(_TERM.search(text))
    if working == term:
        return None
    return "bank_borrowings_wc" if working else "term_loans"


def apply_note_text(item: ItemContext, candidate: Candidate) -> Candidate:
    """The note decides a bank loan's nature when the label itself does not say."""
    if candidate.cma_key not in ("bank_borrowings_wc", "term_loans"):
        return candidate
    if loan_nature(item.label) or not (nature := loan_nature(item.note_text)):
        return candidate
    if nature == candidate.cma_key:
        candidate.raw = max(candidate.raw, RAW_ROLLING)
        return candidate
    evidence = f"The note's text describes {nature.replace('_', ' ')} -> {nature}."
    return Candidate(nature, 1, RAW_ROLLING, evidence, VOCABULARY, "rule")


_FACILITY_WORDS = (("overdraft",), ("cash", "credit"), ("packing", "credit"))
RAW_FACILITY_IN_CREDIT = 0.80
RAW_FACILITY_IN_DEBIT = 0.55


def facility_among_assets(item: ItemContext, frame: Frame, candidate: Candidate) -> Candidate:
    """A cash credit or overdraft ledger in an asset group (Tally's "Bank Accounts").

    With a credit balance (printed negative) it is a bank borrowing; with a
    debit balance it is money in the bank, but a CA should confirm.
    """
    if "asset" not in frame.tags or "read_as" in frame.tags:
        return candidate  # only among printed assets, not when the label is read as one
    if candidate.cma_key not in ("cash_bank", None):
        return candidate
    text = " ".join(frame.words)
    if not any(" ".join(words) in text for words in _FACILITY_WORDS):
        return candidate
    amounts = [a for a in item.amounts.values() if a]
    if amounts and all(a < 0 for a in amounts):
        evidence = "A working-capital facility with a credit balance among the assets."
        return Candidate(
            "bank_borrowings_wc", -1, RAW_FACILITY_IN_CREDIT, evidence, VOCABULARY, "rule"
        )
    evidence = "A working-capital facility among the assets: a debit balance is cash at bank."
    alternatives = [("bank_borrowings_wc", 0.0)]
    return Candidate(
        "cash_bank", 1, RAW_FACILITY_IN_DEBIT, evidence, VOCABULARY, "rule", None, alternatives
    )


def negative_accumulated_depreciation(item: ItemContext, candidate: Candidate) -> Candidate:
    """Tally prints the accumulated depreciation ledger negative: contribute its absolute value."""
    amounts = [a for a in item.amounts.values() if a]
    if candidate.cma_key == "accumulated_depreciation" and amounts and all(a < 0 for a in amounts):
        candidate.sign = -1
        candidate.evidence = candidate.evidence.rstrip(".") + "; printed negative, so sign -1."
    return candidate
