"""Which statement, and which part of it, each CMA input row belongs to.

Form II rows are the profit and loss account's (the trading account's too);
Form III rows are the balance sheet's, liabilities up to `pl_surplus`, assets
after. The statement guard and the bench read the rows' statements here.
"""

from __future__ import annotations

from pipeline.cma.rows import FORM_II, FORM_III

PROFIT_AND_LOSS = "profit_and_loss"
BALANCE_SHEET = "balance_sheet"
TRADING = "trading"
MANUFACTURING = "manufacturing"

_FIRST_ASSET = "cash_bank"
_BS_INPUTS = [row.key for row in FORM_III if row.is_input]
LIABILITY_KEYS = frozenset(_BS_INPUTS[: _BS_INPUTS.index(_FIRST_ASSET)])
ASSET_KEYS = frozenset(_BS_INPUTS[_BS_INPUTS.index(_FIRST_ASSET) :])
PL_KEYS = frozenset(row.key for row in FORM_II if row.is_input)

# The section names of cma-rows.md, in its order; "excluded" for no row.
SECTIONS = (
    "Form II: operating statement",
    "Form III: liabilities",
    "Form III: assets",
    "excluded",
)

# Printed in a capital account or reserve, yet a Form II row (samples' convention):
# drawings, dividends paid and a proprietor's income tax are appropriations.
APPROPRIATION = "dividend"


def statement_of_key(cma_key: str | None) -> str | None:
    """The statement a row belongs to: profit_and_loss, balance_sheet, or None (excluded)."""
    if cma_key in PL_KEYS:
        return PROFIT_AND_LOSS
    if cma_key in LIABILITY_KEYS or cma_key in ASSET_KEYS:
        return BALANCE_SHEET
    return None


def section_of(cma_key: str | None) -> str:
    """The section of cma-rows.md a row is printed in."""
    if cma_key in PL_KEYS:
        return SECTIONS[0]
    if cma_key in LIABILITY_KEYS:
        return SECTIONS[1]
    if cma_key in ASSET_KEYS:
        return SECTIONS[2]
    return SECTIONS[3]


def same_statement(statement: str | None, cma_key: str | None) -> bool:
    """True when the row may receive an item of that statement (the trading and
    manufacturing accounts count as P&L)."""
    row_statement = statement_of_key(cma_key)
    if statement is None or row_statement is None:
        return True
    if statement in (TRADING, MANUFACTURING):
        statement = PROFIT_AND_LOSS
    if statement == BALANCE_SHEET and cma_key == APPROPRIATION:
        return True
    return statement == row_statement
