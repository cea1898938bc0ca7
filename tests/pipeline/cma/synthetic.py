"""A CMA from figures typed in the test, for checks the samples never trip."""

from __future__ import annotations

from decimal import Decimal

from pipeline.cma.build import build_cma
from pipeline.cma.model import Cma, Contribution, ProjectInfo, YearDocument

# A small trading company whose two balance sheets tie and whose profit of
# 1,00,000 (sales 10,00,000 − cost of sales 8,50,000 − expenses 50,000) reaches its surplus.
TIES = {
    "FY2024": {
        "share_capital": 500_000, "pl_surplus": 200_000, "sundry_creditors": 300_000,
        "cash_bank": 100_000, "inventory_fg": 400_000, "gross_block": 500_000,
        "sales_domestic": 900_000, "rm_indigenous": 760_000, "sga_expenses": 40_000,
        "closing_fg": 400_000, "opening_fg": 300_000,
    },
    "FY2025": {
        "share_capital": 500_000, "pl_surplus": 300_000, "sundry_creditors": 300_000,
        "cash_bank": 150_000, "inventory_fg": 450_000, "gross_block": 500_000,
        "sales_domestic": 1_000_000, "rm_indigenous": 900_000, "sga_expenses": 50_000,
        "opening_fg": 400_000, "closing_fg": 450_000,
    },
}  # fmt: skip


def figures(**changes: dict) -> dict:
    """TIES with some figures of some years replaced: figures(FY2025={"cash_bank": 0})."""
    return {year: TIES[year] | changes.get(year, {}) for year in TIES}


def cma_from(
    by_year: dict,
    constitution: str = "private_limited",
    tolerance: str = "0",
    **project_fields,
) -> Cma:
    contributions = [
        Contribution(key, 1, {year: Decimal(amount)}, (year,), f"{year}-{key}")
        for year, rows in by_year.items()
        for key, amount in rows.items()
    ]
    documents = [
        YearDocument(year, f"fs-{year}.pdf", "schedule_iii", rounding_tolerance=Decimal(tolerance))
        for year in by_year
    ]
    project = ProjectInfo(company="Test Traders", constitution=constitution, **project_fields)
    return build_cma(project, documents, contributions)
