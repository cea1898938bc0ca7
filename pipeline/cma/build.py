"""The one entry point the Django steps call to compute a CMA.

cma = build_cma(project, documents, contributions, line_items)
findings = check_cma(cma, pending)          # pipeline.cma.checks
xlsx = build_workbook(cma, findings)        # pipeline.cma.workbook
document = cma_document(cma, findings)      # pipeline.cma.export
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from pipeline.cma.aggregate import aggregate, close_trial_balances
from pipeline.cma.loans import schedule_interest
from pipeline.cma.model import (
    ESTIMATED,
    PROJECTED,
    Cma,
    CmaInputError,
    Contribution,
    LineItem,
    ProjectInfo,
    Year,
    YearDocument,
    chosen_unit,
    year_ends,
)
from pipeline.cma.parts import fill_parts
from pipeline.cma.projection import extend, next_year, resolve

_YEAR = re.compile(r"^FY\d{4}$")


def build_cma(
    project: ProjectInfo,
    documents: Iterable[YearDocument],
    contributions: Iterable[Contribution],
    line_items: Iterable[LineItem] = (),
) -> Cma:
    """Compute every form, year and ratio of the project's CMA.

    1. The actual years are those with a counting document (only those the CA
       asked for, when `project.years_wanted` is set), in order.
    2. Contributions are summed into the input rows (and the parts their labels
       name, pipeline.cma.parts); a trial-balance year has its profit closed
       into the surplus or capital (a derived item).
    3. The estimated year and `project.projected_years` projected years follow
       from the assumptions.
    4. The lenders' schedules, when given, set the interest on term loans (and,
       in the projected years, the term debt and its instalments).
    5. An "auto" display unit becomes crores or lakhs by the latest net sales.
    Raises CmaInputError when no year can be computed or an input is invalid.
    """
    counting = _counting_documents(project, documents)
    actual = [document.year for document in counting]
    contributions, line_items = list(contributions), list(line_items)
    ledger = aggregate(contributions, actual)
    fill_parts(ledger, contributions, line_items)
    derived = close_trial_balances(ledger, counting, project)
    unit = chosen_unit(project.display_unit, ledger.value("net_sales", actual[-1]))
    project = replace(project, display_unit=unit)
    future = _future_years(actual[-1], project.projected_years)
    resolved = resolve(project, ledger, [year.key for year in future])
    extend(ledger, project, resolved, [year.key for year in future])
    schedule_interest(ledger, project.term_loans)
    years = [Year(d.year, year_ends(d.year), d.status) for d in counting]
    return Cma(
        project=project,
        years=(*years, *future),
        values=ledger.values(),
        formulas=dict(ledger.overrides),
        documents=tuple(counting),
        derived=tuple(derived),
        line_items=tuple(line_items),
        assumptions=tuple(resolved.used),
        balancing_row=resolved.balancing_row,
    )


def _counting_documents(project: ProjectInfo, documents: Iterable[YearDocument]):
    by_year: dict[str, YearDocument] = {}
    for document in documents:
        if not _YEAR.match(document.year):
            raise CmaInputError(f"{document.year!r} is not a year key such as 'FY2025'.")
        if document.year in by_year:
            raise CmaInputError(
                f"Two documents count for {document.year}: {by_year[document.year].file} "
                f"and {document.file}; only the later statement may count."
            )
        by_year[document.year] = document
    wanted = set(project.years_wanted) or set(by_year)
    counting = [by_year[year] for year in sorted(by_year) if year in wanted]
    if not counting:
        raise CmaInputError(
            "No statement gives any of the years asked for: upload the audited statements."
        )
    return counting


def _future_years(last_actual: str, projected: int) -> list[Year]:
    keys = [next_year(last_actual)]
    for _ in range(projected):
        keys.append(next_year(keys[-1]))
    return [
        Year(key, year_ends(key), ESTIMATED if index == 0 else PROJECTED)
        for index, key in enumerate(keys)
    ]
