"""Form I: the CA enters the borrower's particulars and the limits per facility on the
portal and through the API; the workbook prints them first and the JSON carries them."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.test import Client
from openpyxl import load_workbook

from pipeline.cma.export import cma_document
from pipeline.cma.workbook import build_workbook
from pipeline.cma_inputs import form_one_of
from projects.models import AuditEntry
from tests.pipeline.cma.synthetic import TIES, cma_from

FORM = {
    "particulars": {
        "registered_office": "12 MG Road, Pune 411001",
        "incorporated_on": "2011-04-01",
        "pan": "AAACS1234K",
        "gstin": "27AAACS1234K1Z5",
        "activity": "Road transport of goods",
        "banker": "Bank of Baroda, Camp branch",
    },
    "facilities": [
        {"kind": "cash_credit", "bank": "Bank of Baroda", "existing_limit": "5000000",
         "proposed_limit": "7500000", "security": "Hypothecation of stock and book debts"},
        {"kind": "term_loan", "name": "Vehicle loan", "existing_limit": "2000000",
         "proposed_limit": "2000000"},
        {"kind": "bank_guarantee", "existing_limit": "0", "proposed_limit": "1000000",
         "stock_margin_pct": "30"},
    ],
}  # fmt: skip


def url(project) -> str:
    return f"/api/v1/projects/{project.pk}/form-i"


def test_the_api_stores_form_one_and_gives_it_back(api, project):
    response = api.put(url(project), FORM, format="json")
    assert response.status_code == 200, response.data
    again = api.get(url(project)).data
    assert again["particulars"]["pan"] == "AAACS1234K"
    assert again["particulars"]["cin"] == ""  # not entered
    assert [f["kind"] for f in again["facilities"]] == [
        "cash_credit", "term_loan", "bank_guarantee"
    ]  # fmt: skip
    # Margins default to the bank's usual 25 % and 40 % unless given.
    assert again["facilities"][0]["stock_margin_pct"] == "25.00"
    assert again["facilities"][2]["stock_margin_pct"] == "30.00"
    assert again["facilities"][0]["receivables_margin_pct"] == "40.00"
    assert AuditEntry.objects.filter(project=project, action="form_one_saved").count() == 1
    # A PUT is the whole form: a facility left out is removed.
    api.put(url(project), {"facilities": FORM["facilities"][:1]}, format="json")
    assert len(api.get(url(project)).data["facilities"]) == 1


def test_the_api_refuses_a_bad_facility(api, project):
    bad = {"facilities": [{"kind": "gold_loan"}, {"kind": "cash_credit", "existing_limit": -5}]}
    response = api.put(url(project), bad, format="json")
    assert response.status_code == 400
    assert "kind" in response.data["facilities"][0]
    assert "existing_limit" in response.data["facilities"][1]


def test_staff_read_form_one_but_cannot_change_it(project, staff):
    from tests.cast import api_client_for

    client = api_client_for(staff)
    assert client.get(url(project)).status_code == 200
    assert client.put(url(project), FORM, format="json").status_code == 403


def _portal_post(extra: dict) -> dict:
    data = {
        "pan": "AAACS1234K",
        "activity": "Road transport",
        "facility-TOTAL_FORMS": "2",
        "facility-INITIAL_FORMS": "0",
        "facility-0-kind": "cash_credit",
        "facility-0-bank": "State Bank of India",
        "facility-0-existing_limit": "2500000",
        "facility-0-proposed_limit": "4000000",
        "facility-0-stock_margin_pct": "25",
        "facility-0-receivables_margin_pct": "40",
        "facility-1-kind": "",
    }
    return data | extra


def test_the_portal_page_saves_form_one(ca, project):
    client = Client()
    client.force_login(ca)
    page = client.get(f"/projects/{project.pk}/form-i/")
    assert page.status_code == 200 and b"Form I" in page.content
    assert (
        f"/projects/{project.pk}/form-i/".encode() in client.get(f"/projects/{project.pk}/").content
    )  # linked from the project page
    response = client.post(f"/projects/{project.pk}/form-i/", _portal_post({}))
    assert response.status_code == 302
    facility = project.facilities.get()
    assert (facility.bank, facility.proposed_limit) == ("State Bank of India", Decimal(4000000))
    assert project.borrower.pan == "AAACS1234K"
    shown = client.get(f"/projects/{project.pk}/form-i/").content.decode()
    assert "State Bank of India" in shown and "AAACS1234K" in shown


def test_the_portal_page_says_what_is_wrong(ca, project):
    client = Client()
    client.force_login(ca)
    response = client.post(
        f"/projects/{project.pk}/form-i/", _portal_post({"facility-0-stock_margin_pct": "140"})
    )
    assert response.status_code == 400
    assert "between 0 and 100" in response.content.decode()
    assert not project.facilities.exists()


def test_form_one_is_the_workbooks_first_sheet_and_in_the_json(api, project):
    api.put(url(project), FORM, format="json")
    cma = cma_from(TIES, form_one=form_one_of(project), display_unit="lakhs")
    book = load_workbook(BytesIO(build_workbook(cma)))
    assert book.sheetnames[0] == "Form I"
    ws = book["Form I"]
    text = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "AAACS1234K" in text and "01-04-2011" in text and "Test Traders" in text
    assert "not entered" in text  # CIN was left blank
    assert "Vehicle loan" in text and "Bank guarantee" in text
    values = load_workbook(BytesIO(build_workbook(cma)), data_only=True)["Form I"]
    totals = {
        row[1].value: (row[3].value, row[4].value)
        for row in values.iter_rows()
        if str(row[1].value).startswith("Total")
    }
    # In lakhs: fund-based 50 + 20 existing, 75 + 20 proposed; the guarantee apart.
    assert totals == {"Total fund-based": (70, 95), "Total non-fund-based": (0, 10)}
    total_row = next(r for r in range(1, 60) if ws.cell(r, 2).value == "Total fund-based")
    assert str(ws.cell(row=total_row, column=4).value).startswith("=SUM(")
    document = cma_document(cma)["form_i"]
    assert document["particulars"]["gstin"] == "27AAACS1234K1Z5"
    assert document["facilities"][0]["proposed_limit"] == 7_500_000
    assert document["totals"]["fund_based"] == {"existing": 7_000_000, "proposed": 9_500_000}
