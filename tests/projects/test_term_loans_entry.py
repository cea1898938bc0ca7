"""The CA reads a lender's EMI schedule into a term loan, corrects it or enters one by
hand, on the portal and through the API; the CMA's interest and DSCR follow what is stored."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from pipeline.cma_inputs import term_loans_of
from pipeline.readers.emi_schedule import read_emi_schedule
from projects.models import AuditEntry
from tests.cast import api_client_for, upload, workbook_bytes
from tests.pipeline.cma.synthetic import cma_from, figures
from tests.readers.emi_fixtures import LOAN, pdf_schedule, xlsx_schedule

READ = read_emi_schedule(xlsx_schedule(), "BoB term loan.xlsx").by_year()
BY_HAND = {
    "lender": "HDFC Bank (vehicle loan)",
    "sanction": "1500000",
    "rate_pct": "9.25",
    "emi": "48000",
    "moratorium_months": 0,
    "years": {
        "FY2025": {"interest": "90000", "principal": "400000", "outstanding": "1100000"},
        "FY2026": {"interest": "70000", "principal": "450000", "outstanding": "650000"},
        "FY2027": {"interest": "35000", "principal": "650000", "outstanding": "0"},
    },
}


def url(project, tail: str = "") -> str:
    return f"/api/v1/projects/{project.pk}/term-loans{tail}"


def read(api, project, name="BoB term loan.xlsx", data=None) -> dict:
    response = api.post(url(project, "/read"), {"file": upload(name, data or xlsx_schedule())})
    assert response.status_code == 201, response.data
    return response.data


def test_a_lenders_schedule_is_read_into_a_loan_the_ca_corrects(api, project):
    loan = read(api, project)
    assert loan["lender"].startswith("Bank of Baroda")
    assert loan["source"] == "read from BoB term loan.xlsx"
    assert Decimal(loan["sanction"]) == LOAN and loan["moratorium_months"] == 3
    assert Decimal(loan["years"]["FY2026"]["interest"]) == READ["FY2026"].interest
    # The CA corrects FY2026's interest (the bank charged a penal amount).
    loan["years"]["FY2026"]["interest"] = str(READ["FY2026"].interest + 2500)
    response = api.put(url(project), {"loans": [loan]}, format="json")
    assert response.status_code == 200, response.data
    (stored,) = api.get(url(project)).data["loans"]
    assert stored["source"] == "read from BoB term loan.xlsx, corrected by the CA"
    assert Decimal(stored["years"]["FY2026"]["interest"]) == READ["FY2026"].interest + 2500
    (loan_of_cma,) = term_loans_of(project)
    assert loan_of_cma.years["FY2026"].interest == READ["FY2026"].interest + 2500
    # Saved unchanged, a loan keeps its source.
    api.put(url(project), {"loans": [stored]}, format="json")
    assert api.get(url(project)).data["loans"][0]["source"] == stored["source"]
    actions = set(AuditEntry.objects.filter(project=project).values_list("action", flat=True))
    assert {"term_loan_read", "term_loans_saved"} <= actions


def test_a_pdf_schedule_is_read_too_and_a_statement_is_refused_with_the_reason(api, project):
    loan = read(api, project, "Tata Capital schedule.pdf", pdf_schedule())
    assert loan["lender"] == "Lender not named in the schedule"  # for the CA to correct
    assert Decimal(loan["years"]["FY2026"]["interest"]) == READ["FY2026"].interest
    statement = workbook_bytes(("Particulars", "FY2025"), ("Sundry debtors", 125000))
    response = api.post(url(project, "/read"), {"file": upload("Balance sheet.xlsx", statement)})
    assert response.status_code == 400 and "schedule" in response.data["detail"]
    damaged = upload("schedule.pdf", b"%PDF-1.4 cut short")
    response = api.post(url(project, "/read"), {"file": damaged})
    assert response.status_code == 400 and response.data["detail"]
    assert project.term_loan_schedules.count() == 1


def test_a_loan_entered_by_hand_feeds_the_interest_and_the_dscr(api, project):
    response = api.put(url(project), {"loans": [BY_HAND]}, format="json")
    assert response.status_code == 200, response.data
    assert response.data["loans"][0]["source"] == "entered by the CA"
    loans = term_loans_of(project)
    cma = cma_from(figures(FY2025={"term_loans": 1_100_000, "cash_bank": 1_250_000}),
                   term_loans=loans)  # fmt: skip
    assert cma.value("term_loan_interest", "FY2025") == Decimal(90_000)
    assert cma.value("term_loan_interest", "FY2026") == Decimal(70_000)
    # FY2026 projected: the instalments due within a year are FY2027's principal.
    assert cma.value("current_maturities_ltd", "FY2026") == Decimal(650_000)
    value = lambda key: cma.value(key, "FY2026")  # noqa: E731
    assert value("dscr") == (value("pat") + value("depreciation") + Decimal(70_000)) / (
        Decimal(70_000) + Decimal(650_000)
    )


def test_the_api_refuses_a_schedule_it_cannot_use(api, project):
    for years, reason in (
        ({"2026": {"interest": 1, "principal": 1, "outstanding": 1}}, "not a financial year"),
        ({}, "at least one financial year"),
    ):
        response = api.put(url(project), {"loans": [{**BY_HAND, "years": years}]}, format="json")
        assert response.status_code == 400 and reason in response.data["detail"], years
    negative = {"FY2026": {"interest": -1, "principal": 1, "outstanding": 1}}
    response = api.put(url(project), {"loans": [{**BY_HAND, "years": negative}]}, format="json")
    assert response.status_code == 400
    assert not project.term_loan_schedules.exists()


def test_staff_see_the_loans_but_cannot_change_them(project, staff):
    client = api_client_for(staff)
    assert client.get(url(project)).status_code == 200
    assert client.put(url(project), {"loans": [BY_HAND]}, format="json").status_code == 403


def test_the_portal_reads_a_schedule_and_saves_the_cas_correction(ca, project):
    client = Client()
    client.force_login(ca)
    page = f"/projects/{project.pk}/term-loans/"
    assert (
        f"/projects/{project.pk}/term-loans/"
        in client.get(f"/projects/{project.pk}/").content.decode()
    )
    response = client.post(
        f"/projects/{project.pk}/term-loans/read/",
        {"file": upload("BoB term loan.xlsx", xlsx_schedule())},
    )
    assert response.status_code == 302
    shown = client.get(page).content.decode()
    assert "Bank of Baroda" in shown and "read from BoB term loan.xlsx" in shown
    row = project.term_loan_schedules.get()
    years = "\n".join(
        f"{year} {parts['interest']} {parts['principal']} {parts['outstanding']}"
        for year, parts in sorted(row.years.items())
    ).replace("FY2026 " + row.years["FY2026"]["interest"], "2025-26 61,000.00")
    form = {
        "loan-TOTAL_FORMS": "2",
        "loan-INITIAL_FORMS": "1",
        "loan-0-id": str(row.pk),
        "loan-0-lender": row.lender,
        "loan-0-sanction": str(row.sanction),
        "loan-0-rate_pct": str(row.rate_pct),
        "loan-0-emi": str(row.emi),
        "loan-0-moratorium_months": "3",
        "loan-0-years_text": years,
        "loan-1-lender": "",
        "loan-1-years_text": "",
    }
    assert client.post(page, form).status_code == 302
    row = project.term_loan_schedules.get()
    assert Decimal(row.years["FY2026"]["interest"]) == Decimal(61_000)
    assert row.source.endswith("corrected by the CA")
    bad = form | {"loan-0-years_text": "2025-26 61000 5000"}
    response = client.post(page, bad)
    assert response.status_code == 400
    assert "three amounts" in response.content.decode()
