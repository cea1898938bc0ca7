"""Line-item contributions into input rows, and the trial-balance closing entry.

A year's figures come from one document only (the later statement wins over
an earlier one's comparative column): the Django side says so through each
contribution's `counts_for`, and nothing else is counted. Nothing is ever
added here to make a statement tie, with one exception the accounts
themselves require: a trial balance is taken before the year's profit is
closed into the surplus (companies) or the capital account (proprietors,
partners), so that closing entry is made here, from the year's own P&L rows,
and recorded as a derived item that the workbook shows as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pipeline.cma.compute import Ledger
from pipeline.cma.model import (
    TRIAL_BALANCE,
    CmaInputError,
    Contribution,
    DerivedItem,
    ProjectInfo,
    YearDocument,
)
from pipeline.cma.rows import INPUT_KEYS, ROW_BY_KEY


def aggregate(contributions: Iterable[Contribution], years: list[str]) -> Ledger:
    """Sum `sign * amount` into each input row, for the years each item counts for."""
    ledger = Ledger(years)
    totals = {key: dict.fromkeys(years, Decimal(0)) for key in INPUT_KEYS}
    for item in contributions:
        _check(item)
        for year in item.counts_for:
            if year not in ledger.years:
                continue  # a year the CA did not ask for
            if year not in item.amounts:
                raise CmaInputError(
                    f"Line item {item.item_id or item.cma_key} counts for {year} "
                    "but has no amount for that year."
                )
            totals[item.cma_key][year] += item.sign * Decimal(item.amounts[year])
    for year in years:
        ledger.set_inputs(year, {key: totals[key][year] for key in INPUT_KEYS})
    return ledger


def _check(item: Contribution) -> None:
    if item.cma_key not in ROW_BY_KEY:
        raise CmaInputError(f"{item.cma_key!r} is not a CMA row (line item {item.item_id}).")
    if ROW_BY_KEY[item.cma_key].is_part:
        parent = ROW_BY_KEY[item.cma_key].part_of
        raise CmaInputError(
            f"{item.cma_key!r} is a part of {parent!r}, read from its line items; "
            f"line item {item.item_id} must be classified into {parent!r}."
        )
    if not ROW_BY_KEY[item.cma_key].is_input:
        raise CmaInputError(
            f"{item.cma_key!r} is a computed row; line item {item.item_id} "
            "must be classified into an input row."
        )
    if item.sign not in (1, -1):
        raise CmaInputError(f"Sign of line item {item.item_id} must be 1 or -1, not {item.sign}.")


def closing_row(project: ProjectInfo) -> str:
    """Where the year's retained profit goes: the surplus of a company, else capital."""
    return "pl_surplus" if project.is_corporate else "share_capital"


def close_trial_balances(
    ledger: Ledger, documents: Iterable[YearDocument], project: ProjectInfo
) -> list[DerivedItem]:
    """Close each trial-balance year's retained profit into the surplus or capital.

    Retained profit is net profit less dividends, drawings and (for a
    proprietor) the income tax paid out of the business: row 14 − row 15,
    which is exactly the movement the closing entries make.
    """
    derived = []
    for document in documents:
        if document.kind != TRIAL_BALANCE or document.year not in ledger.years:
            continue
        amount = ledger.value("retained_profit", document.year)
        target = closing_row(project)
        current = ledger.inputs[target][document.year]
        ledger.set_inputs(document.year, {target: current + amount})
        derived.append(
            DerivedItem(
                cma_key=target,
                year=document.year,
                amount=amount,
                reason=_reason(project),
                file=document.file,
            )
        )
    return derived


def _reason(project: ProjectInfo) -> str:
    if project.is_corporate:
        return (
            "Net profit for the year less dividends, closed into the surplus: the trial "
            "balance carries the surplus before the closing entries."
        )
    return (
        "Net profit for the year less drawings and the proprietor's income tax, closed into "
        "the capital account: the trial balance carries the capital ledger before the "
        "closing entries."
    )
