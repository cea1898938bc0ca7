"""The credit officer's check: one company of our own breaching each check of the
bank's default checklist, and the queries on the sheet and in the JSON."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.bank_checks import bank_queries
from pipeline.cma.checklist import Thresholds
from pipeline.cma.drawing_power import StockPosition
from pipeline.cma.export import cma_document
from pipeline.cma.form_one import Facility, FormOne
from pipeline.cma.workbook import build_workbook
from tests.pipeline.cma.synthetic import cma_from, figures

DEFAULT = Thresholds()


def _queries(cma, check: str):
    return [q for q in bank_queries(cma, DEFAULT) if q.check == check]


def _assumed(**values) -> Assumptions:
    return Assumptions(values={k: Decimal(v) for k, v in values.items()})


def test_the_sound_trader_raises_no_query():
    assert bank_queries(cma_from(figures()), DEFAULT) == []


def test_a_current_ratio_below_133_is_a_query_traced_to_its_statement():
    # a cash credit of 4,00,000 spent on the block: current ratio 6 / 7 in FY2025
    cma = cma_from(figures(FY2025={"bank_borrowings_wc": 400_000, "gross_block": 900_000}))
    query = next(q for q in _queries(cma, "current_ratio") if q.year == "FY2025")
    assert query.figure == cma.value("current_ratio", "FY2025") < DEFAULT.current_ratio_min
    assert query.threshold == Decimal("1.33")
    assert query.source.startswith("Form III row 64")
    assert query.source.endswith("FY2025 audited: from fs-FY2025.pdf")


def test_tol_tnw_above_three_is_a_query():
    cma = cma_from(figures(FY2025={"share_capital": 100_000, "other_term_liabilities":
                                   1_000_000, "gross_block": 1_100_000}))  # fmt: skip
    query = next(q for q in _queries(cma, "tol_tnw") if q.year == "FY2025")
    assert query.figure == cma.value("tol_tnw", "FY2025") > Decimal(3)


def test_dscr_average_and_minimum_below_the_banks_are_queries():
    # instalments of 5,00,000 a year against a profit of about 1,00,000
    cma = cma_from(figures(FY2025={"term_loans": 1_000_000, "current_maturities_ltd": 500_000,
                                   "gross_block": 2_000_000}))  # fmt: skip
    future = [y.key for y in cma.years if y.kind in ("estimated", "projected")]
    values = [cma.value("dscr", y) for y in future if cma.value("dscr", y) is not None]
    average = next(q for q in _queries(cma, "dscr"))
    assert average.figure == sum(values) / len(values) < DEFAULT.dscr_average_min
    lowest = next(q for q in _queries(cma, "dscr_minimum"))
    assert lowest.figure == min(values) < DEFAULT.dscr_minimum_min
    assert lowest.source.startswith("Ratios row 2")


def test_interest_cover_below_two_is_a_query():
    cma = cma_from(figures(FY2025={"interest": 60_000, "bank_borrowings_wc": 400_000,
                                   "gross_block": 900_000}))  # fmt: skip
    query = next(q for q in _queries(cma, "interest_coverage") if q.year == "FY2025")
    assert query.figure == cma.value("interest_coverage", "FY2025") < 2


def test_projected_growth_beyond_the_best_year_by_ten_points_is_a_query():
    cma = cma_from(figures(), assumptions=_assumed(sales_growth_pct=40))
    queries = _queries(cma, "sales_growth")
    best = cma.value("net_sales_growth_pct", "FY2025")  # the only year with a growth
    assert queries and all(q.threshold == best + 10 < q.figure for q in queries)
    assert queries[0].source.startswith("Form II row 4")


def test_a_holding_level_25_percent_above_the_three_year_average_is_a_query():
    cma = cma_from(figures(), assumptions=_assumed(fg_months=12))
    queries = [q for q in _queries(cma, "holding_level") if "Finished goods" in q.question]
    history = [cma.value("fg_holding_months", y) for y in ("FY2024", "FY2025")]
    assert queries
    assert queries[0].threshold == sum(history) / 2 * Decimal("1.25") < queries[0].figure


def test_a_limit_requested_above_the_mpbf_is_a_query():
    limit = Assumptions(per_year={"limit_requested": {"*": Decimal(2_000_000)}})
    cma = cma_from(figures(), assumptions=limit)
    queries = _queries(cma, "mpbf")
    assert queries
    year = queries[-1].year
    assert queries[-1].figure == cma.value("bank_borrowings_wc", year) == 2_000_000
    assert queries[-1].threshold == cma.value("mpbf_turnover", year)


def test_drawing_power_short_of_the_limit_is_a_query():
    form = FormOne(facilities=(Facility("cash_credit", Decimal(800_000), Decimal(800_000)),))
    position = StockPosition(Decimal(450_000), Decimal(100_000), Decimal(200_000),
                             period="February 2026", source="typed by the CA")  # fmt: skip
    cma = cma_from(figures(), form_one=form, stock_position=position)
    (query,) = _queries(cma, "drawing_power")
    # (4,50,000 − 1,00,000) × 75 % + 2,00,000 × 60 %
    assert query.figure == Decimal("382500.00")
    assert query.threshold == Decimal(800_000)


def test_a_banks_own_set_and_the_cas_answer_reach_the_sheet_and_the_json():
    strict = Thresholds(name="Canara Bank MSME", current_ratio_min=Decimal("2.5"))
    answer = "The creditors of FY2025 were paid in April from the partners' capital."
    cma = cma_from(figures(), checklist=strict, query_answers={"current_ratio:FY2025": answer})
    document = cma_document(cma)["bank_queries"]
    assert document["checklist"]["name"] == "Canara Bank MSME"
    assert document["checklist"]["current_ratio_min"] == 2.5
    query = next(q for q in document["queries"] if q["id"] == "current_ratio:FY2025")
    assert query["figure"] == 2.0 and query["threshold"] == 2.5
    assert query["explanation"] == answer
    ws = load_workbook(BytesIO(build_workbook(cma)))["Queries the bank will ask"]
    lines = [[cell.value for cell in row] for row in ws.iter_rows(min_row=5)]
    line = next(line for line in lines if line[2] == "FY2025")
    assert line[1:5] == ["Current ratio", "FY2025", "2.00", "2.50"]
    assert line[7] == answer
