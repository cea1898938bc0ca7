"""The credit officer's check: the bank's checklist run on the CMA before it leaves the firm.

Each breach is a query the bank will ask: the figure, the threshold, where
the figure comes from (its form and row, and the statement of an actual
year) and room for the CA's explanation. The thresholds are data: the
firm's admin edits them, and a firm may keep a bank's own set
(projects.BankChecklist, read into `pipeline.cma.checklist.Thresholds`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from pipeline.cma.assessment import ASSESSMENT_ROWS
from pipeline.cma.checklist import Thresholds
from pipeline.cma.drawing_power import drawing_power
from pipeline.cma.model import ESTIMATED, PROJECTED, Cma
from pipeline.cma.rows import FORM_NAMES, ROWS

ROW = {row.key: row for row in (*ROWS, *ASSESSMENT_ROWS)}
HOLDINGS = (
    "rm_holding_months",
    "wip_holding_months",
    "fg_holding_months",
    "receivables_months",
    "creditors_months",
)
TURNOVER_METHOD_UP_TO = Decimal(50_000_000)  # ₹5 crore: the Nayak committee's ceiling


@dataclass(frozen=True)
class Query:
    check: str  # current_ratio, tol_tnw, dscr_average, dscr_minimum, interest_cover, ...
    year: str  # the year breaching, or the years averaged ("FY2026–FY2028")
    figure: Decimal | None
    threshold: Decimal | None
    question: str
    source: str
    explanation: str = ""  # the CA's answer (ProjectInfo.query_answers, by `id`)

    @property
    def id(self) -> str:
        return f"{self.check}:{self.year}"


def bank_queries(cma: Cma, thresholds: Thresholds) -> list[Query]:
    """Every breach of the checklist, in the checklist's order."""
    t = thresholds
    queries = [
        *_each_year(cma, "current_ratio", t.current_ratio_min, "below", "Current ratio"),
        *_each_year(cma, "tol_tnw", t.tol_tnw_max, "above", "TOL / TNW"),
        *_dscr(cma, t),
        *_each_year(cma, "interest_coverage", t.interest_cover_min, "below", "Interest cover"),
        *_sales_growth(cma, t),
        *_holdings(cma, t),
        *_mpbf(cma),
        *_drawing_power(cma),
    ]
    answers = cma.project.query_answers
    return [replace(q, explanation=answers.get(q.id, "")) for q in queries]


def source(cma: Cma, key: str, year: str) -> str:
    """Where a figure comes from: its form and row, and for an actual year its statement."""
    row = ROW[key]
    where = f"{FORM_NAMES[row.form]} row {row.number} ({row.label})"
    document = next((d for d in cma.documents if d.year == year), None)
    if document is not None:
        return f"{where}, {year} {document.status}: from {document.file}"
    kind = next((y.kind for y in cma.years if y.key == year), "")
    return f"{where}, {year} {kind}: from the assumptions sheet".rstrip()


def _future(cma: Cma) -> list[str]:
    return [y.key for y in cma.years if y.kind in (ESTIMATED, PROJECTED)]


def _actual(cma: Cma) -> list[str]:
    return [y.key for y in cma.years if y.kind not in (ESTIMATED, PROJECTED)]


def _each_year(cma: Cma, key: str, limit: Decimal, breach: str, name: str) -> list[Query]:
    queries = []
    for year in cma.year_keys:
        value = cma.value(key, year)
        if key == "tol_tnw" and value is None and cma.value("tangible_net_worth", year) <= 0:
            queries.append(
                _query(
                    cma,
                    key,
                    year,
                    None,
                    limit,
                    f"{name}: tangible net worth is nil or negative, so the ratio has no meaning",
                )
            )
            continue
        if value is None or not (value < limit if breach == "below" else value > limit):
            continue
        need = "at least" if breach == "below" else "at most"
        text = f"{name} of {value:.2f} in {year}; the bank wants {need} {limit}."
        queries.append(_query(cma, key, year, value, limit, text))
    return queries


def _dscr(cma: Cma, t: Thresholds) -> list[Query]:
    """Average and minimum over the years the loans are serviced from (the estimated and
    projected years when there are, else every year with a DSCR)."""
    years = [y for y in _future(cma) or cma.year_keys if cma.value("dscr", y) is not None]
    if not years:
        return []
    values = [cma.value("dscr", y) for y in years]
    average = sum(values, Decimal(0)) / len(values)
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    queries = []
    if average < t.dscr_average_min:
        text = f"Average DSCR of {average:.2f} over {span}; the bank wants {t.dscr_average_min}."
        queries.append(_query(cma, "dscr", span, average, t.dscr_average_min, text, years[-1]))
    low = min(years, key=lambda y: cma.value("dscr", y))
    if cma.value("dscr", low) < t.dscr_minimum_min:
        figure = cma.value("dscr", low)
        text = f"Lowest DSCR of {figure:.2f} in {low}; the bank wants {t.dscr_minimum_min}."
        queries.append(
            _query(cma, "dscr", low, figure, t.dscr_minimum_min, text, check="dscr_minimum")
        )
    return queries


def _sales_growth(cma: Cma, t: Thresholds) -> list[Query]:
    history = [cma.value("net_sales_growth_pct", y) for y in _actual(cma)[-3:]]
    history = [g for g in history if g is not None]
    if not history:
        return []
    limit = max(history) + t.sales_growth_margin_points
    queries = []
    for year in _future(cma):
        growth = cma.value("net_sales_growth_pct", year)
        if growth is None or growth <= limit:
            continue
        text = (
            f"Net sales grow {growth:.2f} % in {year}, against at best {max(history):.2f} % "
            f"in the last {len(history)} years: the bank asks what supports the jump."
        )
        queries.append(
            _query(cma, "net_sales_growth_pct", year, growth, limit, text, check="sales_growth")
        )
    return queries


def _holdings(cma: Cma, t: Thresholds) -> list[Query]:
    queries = []
    for key in HOLDINGS:
        past = [cma.value(key, y) for y in _actual(cma)[-3:]]
        past = [v for v in past if v is not None]
        if not past or not sum(past):
            continue
        average = sum(past, Decimal(0)) / len(past)
        limit = average * (100 + t.holding_excess_pct) / 100
        for year in _future(cma):
            level = cma.value(key, year)
            if level is None or level <= limit:
                continue
            text = (
                f"{ROW[key].label}: {level:.2f} in {year} against the company's "
                f"{len(past)}-year average of {average:.2f}."
            )
            queries.append(_query(cma, key, year, level, limit, text, check="holding_level"))
    return queries


def _mpbf(cma: Cma) -> list[Query]:
    """The bank borrowing the projection asks for (the limit requested) against the MPBF
    of the method that applies: turnover up to ₹5 crore, else Tandon's second."""
    queries = []
    for year in _future(cma):
        limit = cma.value("bank_borrowings_wc", year)
        key = "mpbf_turnover" if limit <= TURNOVER_METHOD_UP_TO else "mpbf_method2"
        mpbf = cma.value(key, year)
        if mpbf is None or limit <= mpbf:
            continue
        text = (
            f"Bank borrowing of ₹{limit:,.2f} asked in {year} exceeds the MPBF of "
            f"₹{mpbf:,.2f} ({ROW[key].label})."
        )
        queries.append(
            Query(
                "mpbf",
                year,
                limit,
                mpbf,
                text,
                source(cma, "bank_borrowings_wc", year) + "; MPBF: " + source(cma, key, year),
            )
        )
    return queries


def _drawing_power(cma: Cma) -> list[Query]:
    position = cma.project.stock_position
    if position is None:
        return []
    dp = drawing_power(position, cma.project.form_one)
    limit = dp.proposed_limit or dp.limit
    if limit is None or dp.drawing_power >= limit:
        return []
    text = (
        f"Drawing power of ₹{dp.drawing_power:,.2f} ({position.period or 'latest'} stock "
        f"statement) does not cover the limit of ₹{limit:,.2f}."
    )
    where = f"Drawing power sheet, from the stock statement {position.source}"
    return [Query("drawing_power", position.period, dp.drawing_power, limit, text, where)]


def _query(cma, key, year, figure, limit, text, source_year=None, check=None) -> Query:
    return Query(check or key, year, figure, limit, text, source(cma, key, source_year or year))
