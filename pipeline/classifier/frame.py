"""The context of one item as a set of tags: statement, side, headings, entity, industry.

The same label means different rows in different places ("Finished goods" is
stock in the balance sheet, opening or closing stock in the profit and loss
account), so the classifier decides from the label's words *and* these tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.classifier.context import ItemContext
from pipeline.classifier.normalise import clean, qualifiers
from pipeline.classifier.vocabulary import Vocabulary

STATEMENT_TAGS = {
    "balance_sheet": {"bs"},
    "profit_and_loss": {"pl"},
    "trading": {"pl", "trading_acct"},
    "manufacturing": {"pl", "trading_acct"},
}
SIDE_TAGS = {
    "liabilities": {"bs", "liability"},
    "liability": {"bs", "liability"},
    "assets": {"bs", "asset"},
    "asset": {"bs", "asset"},
    "dr": {"debit"},
    "cr": {"credit"},
}
CONSTITUTIONS = (  # keyword in the constitution -> tags
    ("llp", {"llp", "firm"}),
    ("partnership", {"partnership", "firm", "noncorporate"}),
    ("proprietor", {"proprietorship", "noncorporate"}),
    ("limited", {"company"}),
    ("company", {"company"}),
)
INDUSTRIES = (("manufactur", "manufacturer"), ("trad", "trader"), ("servic", "service_provider"))
_OPENING = re.compile(r"\b(opening|beginning|commencement)\b")
_CLOSING = re.compile(r"\b(closing|end of the (year|period)|at the end|year end)\b")
_OPENING_STOCK = re.compile(r"\bopening (stock|inventor)")
_PATH = re.compile(r" / | [-–] ")  # "Current financial liabilities - Borrowings" is a path
_BS_ONLY = frozenset({"bs", "asset", "liability", "inventories", "current", "noncurrent"})


@dataclass(frozen=True)
class Frame:
    tags: frozenset[str]
    words: tuple[str, ...]  # the label's deciding words
    label: str  # the label, cleaned (clean()), for rules that read it whole
    closed_to: frozenset[str] | None  # party lists: the only rows a label may choose
    heading: str  # the most specific printed heading, for evidence

    @property
    def is_balance_sheet(self) -> bool:
        return "bs" in self.tags and "pl" not in self.tags


def build_frame(item: ItemContext, vocabulary: Vocabulary) -> Frame:
    tags = set(STATEMENT_TAGS.get(item.statement or "", ()))
    tags |= SIDE_TAGS.get((item.side or "").strip().casefold(), set())
    if (item.column or "").strip().casefold() in ("dr", "cr"):  # trial balance
        tags |= SIDE_TAGS[item.column.strip().casefold()]
    closed = _add_headings(item, vocabulary, tags)
    _resolve_profit_and_loss_account(item, tags)
    tags |= _label_tags(item)
    _infer_statement(item, tags)
    tags |= _entity_tags(item)
    words = vocabulary.words_of(item.label)
    return Frame(frozenset(tags), words, clean(item.label), closed, _heading(item))


def _headings_of(item: ItemContext) -> list[str]:
    """Printed headings, the most authoritative first: the section (path), group, sub-section."""
    texts = [part for part in _PATH.split(item.section or "") if part.strip()]
    texts += [item.tally_group or "", item.subsection, item.table or ""]
    if item.note and not item.note.strip().isdigit():
        texts.append(item.note)
    if not item.statement:
        texts.append(item.sheet or "")  # "Notes to P&L", "BS": a hint when nothing else says
    return [text for text in texts if text and text.strip()]


def _add_headings(item: ItemContext, vocabulary: Vocabulary, tags: set[str]):
    """Tags of every heading; a heading contradicting the statement already known is ignored.

    The statement is known from the reader, the T-format side, or else the
    first heading that names one: "Inventories at the end of the year" under
    "Changes in inventories" names stock of the profit and loss account, not
    the balance sheet's inventories.
    """
    closed = None
    known = tags & {"bs", "pl"}
    for text in _headings_of(item):
        heading_tags, heading_closed = vocabulary.heading(text)
        statement = heading_tags & {"bs", "pl"}
        if known and statement - known:
            continue
        known = known or statement
        tags |= heading_tags
        closed = heading_closed or closed
    return closed


def _resolve_profit_and_loss_account(item: ItemContext, tags: set[str]) -> None:
    """'Profit & Loss A/c' is the statement in a T-format, the surplus in a balance sheet."""
    if "pl_account" not in tags:
        return
    in_balance_sheet = "bs" in tags or (item.column or "").strip().casefold() in ("dr", "cr")
    if in_balance_sheet and item.statement != "profit_and_loss":
        tags |= {"bs", "liability", "equity", "reserves", "movement", "r_surplus"}
    else:
        tags.add("pl")


def _label_tags(item: ItemContext) -> set[str]:
    """What the label's own wording adds: a deduction, opening or closing, a T-format side."""
    prefix = qualifiers(item.label)
    found = prefix & {"less", "add"}
    texts = (item.label, item.subsection, item.tally_group, item.section)
    context = " ".join(clean(text) for text in texts)
    if _OPENING.search(context):
        found.add("opening")
    if _CLOSING.search(context):
        found.add("closing")
    if not item.side:  # "To Wages" is the debit side, "By Sales" the credit side
        found |= {"debit"} if "to" in prefix else set()
        found |= {"credit"} if "by" in prefix else set()
    return found


def _infer_statement(item: ItemContext, tags: set[str]) -> None:
    """Fill in the statement when the reader could not say (trial balances, bare T-formats)."""
    if _OPENING_STOCK.search(clean(item.label)):
        # No balance sheet has an opening stock: a trial balance's "Opening Stock"
        # ledger sits in "Stock-in-Hand" but belongs to the trading account.
        tags -= _BS_ONLY
        tags |= {"pl", "opening"}
    if "pl" not in tags and "bs" not in tags:
        if tags & {"liability", "asset"}:
            tags.add("bs")
        elif tags & {"expense", "income"}:
            tags.add("pl")
        # A Dr/Cr side alone names no statement: a trial balance's debit is an expense or
        # an asset, its credit an income or a liability (statement.hypotheses reads both).
    if "bs" in tags and "pl" not in tags and not tags & {"liability", "asset"}:
        # A trial balance's ledger in a balance-sheet group: Dr is an asset, Cr a liability.
        tags |= {"asset"} if "debit" in tags else {"liability"} if "credit" in tags else set()
    if "pl" in tags and "bs" not in tags:
        if "debit" in tags:
            tags.add("expense")
        if "credit" in tags:
            tags.add("income")


def _entity_tags(item: ItemContext) -> set[str]:
    tags: set[str] = set()
    constitution = (item.constitution or "").casefold()
    for keyword, found in CONSTITUTIONS:
        if keyword in constitution:
            tags |= found
            break
    industry = (item.industry or "").casefold()
    tags |= {tag for keyword, tag in INDUSTRIES if keyword in industry}
    return tags


def _heading(item: ItemContext) -> str:
    for text in (item.tally_group, item.subsection, (item.section or "").split(" / ")[-1]):
        if text and text.strip():
            return text.strip()
    return ""
