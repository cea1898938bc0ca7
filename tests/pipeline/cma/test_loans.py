"""A lender's EMI schedule feeds Form II's interest and the DSCR: the interest on term
loans is the schedule's, and the projected instalments due are its next year's principal."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from pipeline.cma.checks import check_cma
from pipeline.cma.workbook import FIRST_COLUMN, SHEETS, build_workbook, row_keys
from pipeline.readers.emi_schedule import read_emi_schedule
from pipeline.term_loans import term_loan
from tests.pipeline.cma.synthetic import cma_from, figures
from tests.readers.emi_fixtures import LOAN, xlsx_schedule

SCHEDULE = read_emi_schedule(xlsx_schedule(), "BoB term loan.xlsx")
# The loan (disbursed in FY2025) in the FY2025 balance sheet: term loans and the cash lent.
WITH_LOAN = figures(FY2025={"term_loans": int(LOAN), "cash_bank": 150_000 + int(LOAN)})


def _cma():
    return cma_from(WITH_LOAN, term_loans=(term_loan(SCHEDULE, "BoB term loan.xlsx"),))


def test_the_schedules_interest_and_instalments_feed_the_dscr():
    cma = _cma()
    years = SCHEDULE.by_year()
    assert cma.value("term_loan_interest", "FY2025") == years["FY2025"].interest
    assert cma.value("term_loan_interest", "FY2026") == years["FY2026"].interest
    assert cma.value("term_loan_interest", "FY2024") is None  # before the loan: no debt
    # FY2026 is projected: instalments due within a year are FY2027's principal.
    assert cma.value("current_maturities_ltd", "FY2026") == years["FY2027"].principal
    owed = cma.value("term_loans", "FY2026") + cma.value("current_maturities_ltd", "FY2026")
    assert owed == years["FY2026"].outstanding
    value = lambda key: cma.value(key, "FY2026")  # noqa: E731
    dscr = (value("pat") + value("depreciation") + value("term_loan_interest")) / (
        value("term_loan_interest") + value("current_maturities_ltd")
    )
    assert value("dscr") == dscr
    assert value("interest") >= years["FY2026"].interest
    for year in cma.year_keys[len(cma.actual_years) :]:
        assert cma.value("total_assets", year) == cma.value("total_liabilities", year)


def test_the_workbook_shows_each_loan_and_marks_the_scheduled_interest():
    cma = _cma()
    workbook = load_workbook(BytesIO(build_workbook(cma, check_cma(cma))))
    loans = workbook["Term loans"]
    texts = [cell.value for row in loans.iter_rows() for cell in row if cell.value]
    assert "Bank of Baroda, Gandhinagar branch" in texts and "3 months" in texts
    assert "FY2027" in texts
    spec = next(spec for spec in SHEETS if spec.title == "Ratios")
    row = next(r for r, key in row_keys(spec).items() if key == "term_loan_interest")
    scheduled = workbook["Ratios"].cell(row, FIRST_COLUMN + 1)  # FY2025
    assert not str(scheduled.value).startswith("=")
    assert "repayment schedules" in scheduled.comment.text
