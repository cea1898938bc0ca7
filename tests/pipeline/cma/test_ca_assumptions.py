"""What the CA enters for the projections: net sales per year (or growth), the limit
requested (or Form I's), drawings; every projected balance sheet ties whatever the CA
says, and the Assumptions sheet says who gave each value and why."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.build import build_cma
from pipeline.cma.export import cma_document
from pipeline.cma.form_one import Facility, FormOne
from pipeline.cma.workbook import build_workbook
from tests.pipeline.cma.samples import companies, inputs, load

D = Decimal
EVERYTHING = {
    "sales_growth_pct": 8, "net_sales": {"FY2027": 250_000_000}, "rm_months": 1.5,
    "wip_months": 0.5, "fg_months": 1, "receivables_months": 2.5, "creditors_months": 1.2,
    "limit_requested": 40_000_000, "new_term_loans": {"FY2027": 5_000_000},
    "capex": {"FY2027": 7_500_000}, "drawings": 600_000, "tax_rate_pct": 25,
}  # fmt: skip
FORM_ONE = FormOne.of({}, [
    Facility("cash_credit", existing=D(30_000_000), proposed=D(45_000_000)),
    Facility("term_loan", existing=D(9_000_000), proposed=D(9_000_000)),  # not working capital
    Facility("bank_guarantee", existing=D(1_000_000), proposed=D(2_000_000)),
])  # fmt: skip


def build(company: str, assumptions: dict | None = None, **fields):
    truth = load(company)
    return build_cma(**inputs(truth, assumptions=Assumptions.from_dict(assumptions), **fields))


def future(cma) -> list[str]:
    return cma.year_keys[len(cma.actual_years) :]


def used(cma) -> dict:
    return {entry.name: entry for entry in cma.assumptions}


@pytest.mark.parametrize("company", companies())
def test_every_projected_balance_sheet_ties_whatever_the_ca_assumes(company):
    years = future(build(company))
    stated = {**EVERYTHING, "net_sales": {years[2]: 250_000_000}, "capex": {years[2]: 7_500_000}}
    for balancing in ("cash_bank", "bank_borrowings_wc"):
        cma = build(company, {**stated, "balancing_row": balancing}, form_one=FORM_ONE)
        for year in future(cma):
            assert cma.value("total_assets", year) == cma.value("total_liabilities", year), year


def test_net_sales_stated_for_a_year_replace_the_growth_in_that_year_only():
    cma = build("shree-ganesh-polymers", {"sales_growth_pct": 10, "net_sales": {"FY2027": "9e7"}})
    assert cma.value("net_sales", "FY2027") == D(90_000_000)
    assert cma.value("net_sales", "FY2026") == (cma.value("net_sales", "FY2025") * D("1.1"))
    grown = cma.value("net_sales", "FY2028") / cma.value("net_sales", "FY2027")
    assert abs(grown - D("1.1")) < D("0.0001")
    assert used(cma)["net_sales"].value == "₹9,00,00,000.00 in FY2027"


def test_the_limit_requested_is_the_years_bank_borrowing():
    cma = build("shree-ganesh-polymers", {"limit_requested": 12_500_000})
    assert all(cma.value("bank_borrowings_wc", y) == D(12_500_000) for y in future(cma))
    assert used(cma)["limit_requested"].entered_by == "CA"
    assert "limit requested" in used(cma)["bank_borrowings_wc"].source


def test_without_a_stated_limit_form_one_gives_existing_then_proposed_limits():
    cma = build("shree-ganesh-polymers", form_one=FORM_ONE)
    estimated, *projected = future(cma)
    assert cma.value("bank_borrowings_wc", estimated) == D(30_000_000)  # cash credit only
    assert all(cma.value("bank_borrowings_wc", y) == D(45_000_000) for y in projected)
    assert used(cma)["limit_requested"].entered_by == "Form I"
    # Bank borrowings that balance the sheet are computed: the limit does not apply.
    balanced = build("shree-ganesh-polymers", {"balancing_row": "bank_borrowings_wc"},
                     form_one=FORM_ONE)  # fmt: skip
    assert used(balanced)["limit_requested"].value == "not applied"


def test_drawings_stated_are_drawn_and_a_proprietors_drawings_go_on_through_a_loss():
    stated = build("gupta-electricals", {"drawings": {"FY2027": 350_000}})
    assert stated.value("dividend", "FY2027") == D(350_000)
    last = build("gupta-electricals").actual_years[-1]
    drawn = build("gupta-electricals").value("dividend", last)
    assert drawn > 0  # the capital account shows drawings
    # A margin that makes a loss: a percentage of profit would assume nil drawings.
    loss = build("gupta-electricals", {"gross_margin_pct": 1})
    for year in future(loss):
        assert loss.value("pat", year) < 0
        assert loss.value("dividend", year) == drawn
    assert "drawings of" in used(loss)["drawings"].source
    assert used(loss)["dividend_payout_pct"].source.startswith("not applied")
    # A company's dividend follows the payout percentage.
    assert build("shree-ganesh-polymers").value("dividend", "FY2027") is not None
    assert used(build("shree-ganesh-polymers"))["drawings"].value == "not applied"


def test_the_assumptions_sheet_says_who_gave_each_value_and_why():
    cma = build("shree-ganesh-polymers", {"sales_growth_pct": 12, "tax_rate_pct": 25},
                form_one=FORM_ONE)  # fmt: skip
    ws = load_workbook(BytesIO(build_workbook(cma)))["Assumptions"]
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=5) if r[0].value}
    assert rows["Growth in net sales (% a year)"][1:3] == ["12.00", "CA"]
    assert rows["Growth in net sales (% a year)"][3] == "entered by the CA"
    assert rows["Tax (% of profit before tax)"][2] == "CA"
    limit = next(v for k, v in rows.items() if k.startswith("Working-capital limit"))
    assert limit[2] == "Form I"
    margin = next(v for k, v in rows.items() if k.startswith("Gross margin"))
    assert margin[2:] == ["Default", "trend: FY2025"]
    assert "Balancing row" in rows
    document = cma_document(cma)["assumptions"]
    assert {a["entered_by"] for a in document} == {"CA", "Form I", "Default"}
    assert len(document) == len(cma.assumptions)
