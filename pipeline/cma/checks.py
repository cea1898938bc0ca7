"""Checks a banker would make before reading a CMA, year by year.

Errors stop generation (unless the CA skips validation, when the workbook
carries them); warnings are shown in the workbook's notes. Nothing is ever
plugged to make a statement tie: a difference is reported with its amount.

Errors: a balance sheet that does not tie, a year asked for but missing, a
line item still awaiting a CA's decision, an impossible negative balance
(inventory, gross block, accumulated depreciation, cash), closing stock in the
P&L that differs in total from the inventory in the balance sheet. Each of
these makes the CMA itself wrong.

Warnings: profit not found in the movement of reserves or capital, opening
stock not equal to the previous closing stock, depreciation not matching the
movement in accumulated depreciation, closing stock split differently between
stock-in-process and finished goods, a projected balancing figure below zero,
an implied interest rate outside 6–18 %, a DSCR above 10 (`projection_checks`).
Each has a legitimate explanation (a bonus issue, a regrouping, a disposal)
that the CA confirms.

Differences within the rounding of a statement in lakhs or crores are not
reported, except in the balance sheet, where even those are (as a warning).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pipeline.cma.model import ERROR, WARNING, Cma, Finding, PendingItem
from pipeline.cma.money import rupees
from pipeline.cma.projection_checks import projection_warnings
from pipeline.cma.rows import ROW_BY_KEY

NEVER_NEGATIVE = (
    "cash_bank",
    "inventory_rm",
    "inventory_wip",
    "inventory_fg",
    "inventory_spares",
    "gross_block",
    "accumulated_depreciation",
)
STOCKS = (("closing_wip", "inventory_wip"), ("closing_fg", "inventory_fg"))


def check_cma(cma: Cma, pending: Iterable[PendingItem] = ()) -> list[Finding]:
    """Every finding for `cma`, errors first within each year."""
    findings = [*_missing_years(cma), *_pending(cma, list(pending))]
    actual = cma.actual_years
    for index, year in enumerate(actual):
        previous = actual[index - 1] if index else None
        findings += _balance(cma, year)
        findings += _negatives(cma, year)
        findings += _closing_stock(cma, year)
        if previous:
            findings += _profit_ties(cma, previous, year)
            findings += _opening_stock(cma, previous, year)
            findings += _depreciation(cma, previous, year)
    for year in cma.year_keys[len(actual) :]:
        findings += _balance(cma, year)
        findings += _balancing_figure(cma, year)
    findings += projection_warnings(cma)
    return sorted(findings, key=lambda f: (f.year, f.level != ERROR))


def _finding(code: str, level: str, year: str, message: str, **amounts: Decimal) -> Finding:
    return Finding(code, level, year, message, {k: str(v) for k, v in amounts.items()})


def _missing_years(cma: Cma) -> list[Finding]:
    present = set(cma.actual_years)
    return [
        _finding(
            "year_missing",
            ERROR,
            year,
            f"{year} was asked for but no uploaded statement gives it: upload the {year} "
            "statement or remove the year from the project.",
        )
        for year in cma.project.years_wanted
        if year not in present
    ]


def _pending(cma: Cma, pending: list[PendingItem]) -> list[Finding]:
    findings = []
    for year in cma.actual_years:
        items = [item for item in pending if not item.years or year in item.years]
        if not items:
            continue
        shown = "; ".join(_place(item) for item in items[:5])
        more = f" and {len(items) - 5} more" if len(items) > 5 else ""
        message = (
            f"{len(items)} line item(s) counting for {year} await a CA's decision: "
            f"{shown}{more}. Approve, reclassify or exclude them before the CMA is generated."
        )
        findings.append(Finding("pending_items", ERROR, year, message, {"ids": _ids(items)}))
    return findings


def _place(item: PendingItem) -> str:
    where = f"page {item.page}" if item.page else f"sheet {item.sheet}" if item.sheet else ""
    if item.row:
        where = f"{where} row {item.row}".strip()
    return f"‘{item.label}’ ({item.file}{', ' + where if where else ''})"


def _ids(items: list[PendingItem]) -> str:
    return ",".join(item.id for item in items)


def _balance(cma: Cma, year: str) -> list[Finding]:
    assets, liabilities = cma.value("total_assets", year), cma.value("total_liabilities", year)
    difference = assets - liabilities
    if not difference:
        return []
    larger, smaller = ("assets", "liabilities") if difference > 0 else ("liabilities", "assets")
    within = abs(difference) <= cma.tolerance(year)
    message = (
        f"Total {larger} exceed total {smaller} by {rupees(abs(difference))} "
        f"(total assets {rupees(assets)}, total liabilities {rupees(liabilities)})."
    )
    message += (
        " This is within the rounding of the statement's unit."
        if within
        else " Nothing has been adjusted: find the figure that differs and correct it at source."
    )
    level = WARNING if within else ERROR
    return [
        _finding(
            "balance_sheet_mismatch",
            level,
            year,
            message,
            difference=difference,
            total_assets=assets,
            total_liabilities=liabilities,
        )
    ]


def _negatives(cma: Cma, year: str) -> list[Finding]:
    findings = []
    for key in NEVER_NEGATIVE:
        amount = cma.value(key, year)
        if amount >= 0:
            continue
        row = ROW_BY_KEY[key]
        hint = (
            " A bank overdraft belongs in row 18 (short-term borrowings from banks)."
            if key == "cash_bank"
            else " Check the sign and the classification of its line items."
        )
        message = f"Row {row.number} ({row.label}) is negative: {rupees(amount)}.{hint}"
        findings.append(_finding("negative_balance", ERROR, year, message, amount=amount))
    return findings


def _closing_stock(cma: Cma, year: str) -> list[Finding]:
    """Closing stock of the P&L against the balance sheet's inventory, WIP and FG."""
    pl = sum((cma.value(c, year) for c, _ in STOCKS), Decimal(0))
    bs = sum((cma.value(i, year) for _, i in STOCKS), Decimal(0))
    tolerance = cma.tolerance(year)
    if abs(pl - bs) > tolerance:
        message = (
            f"Closing stock in the profit and loss account ({rupees(pl)}) differs from the "
            f"inventory in the balance sheet ({rupees(bs)}) by {rupees(abs(pl - bs))}: "
            "the profit or the classification of a stock line is wrong."
        )
        return [_finding("closing_stock_mismatch", ERROR, year, message, pl=pl, bs=bs)]
    split = [c for c, i in STOCKS if abs(cma.value(c, year) - cma.value(i, year)) > tolerance]
    if not split:
        return []
    message = (
        "Closing stock is split differently between stock-in-process and finished goods in "
        "the profit and loss account and in the balance sheet (the totals agree): check the "
        "classification of the stock lines."
    )
    return [_finding("closing_stock_split", WARNING, year, message)]


def _opening_stock(cma: Cma, previous: str, year: str) -> list[Finding]:
    findings = []
    tolerance = max(cma.tolerance(previous), cma.tolerance(year))
    for opening, inventory in (("opening_wip", "inventory_wip"), ("opening_fg", "inventory_fg")):
        now, before = cma.value(opening, year), cma.value(inventory, previous)
        if abs(now - before) <= tolerance:
            continue
        message = (
            f"Opening {ROW_BY_KEY[inventory].label.lower()} of {year} ({rupees(now)}) differs "
            f"from the closing balance of {previous} ({rupees(before)}) by "
            f"{rupees(abs(now - before))}: a regrouping or a restatement? Confirm with the "
            "statements."
        )
        findings.append(
            _finding("opening_stock_mismatch", WARNING, year, message, opening=now, closing=before)
        )
    return findings


def _profit_ties(cma: Cma, previous: str, year: str) -> list[Finding]:
    """Retained profit must reach the reserves (companies) or the capital account."""
    retained = cma.value("retained_profit", year)
    tolerance = max(cma.tolerance(previous), cma.tolerance(year))
    if cma.project.is_corporate:
        keys = ("general_reserve", "other_reserves", "pl_surplus")
        moved = sum((cma.value(k, year) - cma.value(k, previous) for k in keys), Decimal(0))
        if abs(moved - retained) <= tolerance:
            return []
        message = (
            f"Reserves and surplus moved by {rupees(moved)} but net profit less dividend is "
            f"{rupees(retained)}: {rupees(abs(moved - retained))} is not explained (a bonus "
            "issue, other comprehensive income, or a misclassified reserve?)."
        )
    else:
        moved = cma.value("share_capital", year) - cma.value("share_capital", previous)
        # Introductions, interest on capital and remuneration credited raise capital
        # beyond profit less drawings; only a shortfall cannot be explained.
        if moved - retained >= -tolerance:
            return []
        message = (
            f"The capital account moved by {rupees(moved)} but net profit less drawings is "
            f"{rupees(retained)}: {rupees(retained - moved)} is missing (drawings or a loss "
            "not in the profit and loss account?)."
        )
    return [
        _finding("profit_not_in_reserves", WARNING, year, message, moved=moved, retained=retained)
    ]


def _depreciation(cma: Cma, previous: str, year: str) -> list[Finding]:
    before = cma.value("accumulated_depreciation", previous)
    after = cma.value("accumulated_depreciation", year)
    if not before and not after:
        return []  # written-down value: the charge is already inside the block
    charged, moved = cma.value("depreciation", year), after - before
    gap = charged - moved
    if abs(gap) <= max(cma.tolerance(previous), cma.tolerance(year)):
        return []
    why = (
        "accumulated depreciation written back on assets sold or discarded, or amortisation "
        "of intangibles? Confirm with the fixed asset schedule."
        if gap > 0
        else "depreciation may be missing from the profit and loss account, or a block is "
        "misclassified."
    )
    message = (
        f"Depreciation charged is {rupees(charged)} but accumulated depreciation moved by "
        f"{rupees(moved)} (difference {rupees(abs(gap))}): {why}"
    )
    return [_finding("depreciation_mismatch", WARNING, year, message, charged=charged, moved=moved)]


def _balancing_figure(cma: Cma, year: str) -> list[Finding]:
    row = ROW_BY_KEY[cma.balancing_row]
    amount = cma.value(row.key, year)
    if amount >= 0:
        return []
    if row.key == "cash_bank":
        why = (
            "the bank finance assumed does not cover the working capital: raise the limit "
            "assumed (bank_borrowings_wc) or revisit the assumptions."
        )
    else:
        why = "the business needs no bank finance on these assumptions."
    message = f"Projected {row.label.lower()} is {rupees(amount)}: {why}"
    return [_finding("balancing_figure_negative", WARNING, year, message, amount=amount)]
