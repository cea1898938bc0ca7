"""What the classifier sees of a line item, and what it answers.

These two dataclasses are the contract with the Django classify step, the API
and the `cma_classify` command: keep the field names stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Where a verdict came from, most trusted first.
READER = "reader"
MEMORY = "memory"
VOCABULARY = "vocabulary"
SIMILARITY = "similarity"
EXTERNAL = "external"
LAYERS = (READER, MEMORY, VOCABULARY, SIMILARITY, EXTERNAL)

# Semantic exclusions (the reader makes the structural ones). The wording
# follows the samples' ground truth so a CA sees the same reason everywhere.
AUTHORISED = "memo: authorised capital is not a balance"
MOVEMENT = "memo: movement reconciling an opening and a closing balance"
BALANCING = (
    "balancing figure carried between accounts (gross profit c/d, b/d; net profit transferred)"
)
CONTINGENT = "memo: contingent liabilities and commitments are not balances"
FA_MOVEMENT = "memo: fixed-asset movement column"
NET_BLOCK = "memo: net block (gross block less depreciation), not a balance of its own"
TOTAL = "total: sum of the items printed above it"
EXCLUSIONS = {
    "authorised": AUTHORISED,
    "movement": MOVEMENT,
    "balancing": BALANCING,
    "contingent": CONTINGENT,
    "fa_movement": FA_MOVEMENT,
    "net_block": NET_BLOCK,
    "total": TOTAL,
}


@dataclass
class ItemContext:
    """One extracted line item with everything printed around it."""

    label: str
    section: str = ""
    subsection: str = ""
    note: str | None = None
    statement: str | None = None  # "balance_sheet", "profit_and_loss", "trading" or None
    side: str | None = None  # T-format/Tally: "Liabilities", "Assets", "Dr", "Cr"
    tally_group: str | None = None
    column: str | None = None
    table: str | None = None
    sheet: str | None = None
    file: str | None = None
    amounts: dict[str, Decimal] = field(default_factory=dict)
    constitution: str | None = None  # private_limited, public_limited, llp, partnership, ...
    industry: str | None = None  # manufacturing, trading, services
    exclude_reason: str | None = None  # structural exclusion the reader already made
    note_text: str = ""  # free text of the note around the item


@dataclass
class Verdict:
    """The row an item contributes to (sign × amount), or its exclusion, and why."""

    cma_key: str | None  # an input key of cma-rows.md, or None = excluded
    sign: int  # +1 or -1
    confidence: float  # [0, 1], calibrated
    evidence: str  # one short sentence
    layer: str  # one of LAYERS
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    exclude_reason: str | None = None

    @property
    def excluded(self) -> bool:
        return self.cma_key is None


@dataclass
class Candidate:
    """What one layer proposes, before calibration turns `raw` into a confidence.

    `basis` says what kind of evidence it is ("term", "default", "rule",
    "memory", "similar", "guess"): the calibration and the tests look at it.
    """

    cma_key: str | None
    sign: int
    raw: float
    evidence: str
    layer: str
    basis: str
    exclude_reason: str | None = None
    alternatives: list[tuple[str, float]] = field(default_factory=list)
