"""The CA reads the borrower's stock statement (Excel) or enters it, on the portal's
Drawing power page and through the API; the drawing power follows Form I's margins."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from pipeline.cma_inputs import stock_position_of
from projects.models import AuditEntry
from tests.cast import api_client_for, upload
from tests.readers.stock_fixtures import (
    CREDITORS,
    STOCK,
    UNDER_90,
    balance_sheet,
    movement_and_ageing_across,
    valued_items_in_lakhs,
)

CASH_CREDIT = {"kind": "cash_credit", "existing_limit": "3000000", "proposed_limit": "4000000",
               "stock_margin_pct": "30", "receivables_margin_pct": "50"}  # fmt: skip


def url(project, tail: str = "") -> str:
    return f"/api/v1/projects/{project.pk}/stock-statement{tail}"


def test_a_statement_is_read_and_gives_the_drawing_power_against_the_limit(api, project):
    assert api.get(url(project)).data == {"statement": None, "drawing_power": None}
    response = api.post(url(project, "/read"), {"file": upload("March.xlsx",
                        valued_items_in_lakhs())})  # fmt: skip
    assert response.status_code == 201, response.data
    statement, dp = response.data["statement"], response.data["drawing_power"]
    assert Decimal(statement["stock"]) == STOCK
    assert statement["source"] == "read from March.xlsx"
    assert any("Creditors for expenses" in w for w in statement["warnings"])
    # No facility on Form I: the default margins, nothing to compare with.
    assert dp["drawing_power"] == 3_795_000 and dp["limit"] is None
    api.put(f"/api/v1/projects/{project.pk}/form-i", {"facilities": [CASH_CREDIT]},
            format="json")  # fmt: skip
    dp = api.get(url(project)).data["drawing_power"]
    assert dp["drawing_power"] == 3_410_000  # 33,00,000 × 70 % + 22,00,000 × 50 %
    assert (dp["limit"], dp["available"], dp["shortfall"]) == (3_000_000, 3_000_000, 0)
    actions = set(AuditEntry.objects.filter(project=project).values_list("action", flat=True))
    assert "stock_statement_read" in actions


def test_the_ca_corrects_or_enters_the_statement(api, project):
    api.post(url(project, "/read"), {"file": upload("March.xlsx", movement_and_ageing_across())})
    corrected = {"period": "March 2026", "stock": "4250000", "creditors_for_goods": "1250000",
                 "receivables_under_90": "2200000", "receivables_over_90": "400000"}  # fmt: skip
    response = api.put(url(project), corrected, format="json")
    assert response.status_code == 200, response.data
    assert response.data["statement"]["source"] == "read from March.xlsx, corrected by the CA"
    assert response.data["drawing_power"]["paid_stock"] == 3_000_000
    position = stock_position_of(project)
    assert position.creditors_for_goods == Decimal(1_250_000)
    bad = api.put(url(project), {"stock": "-5"}, format="json")
    assert bad.status_code == 400 and "stock" in bad.data


def test_a_file_that_is_no_stock_statement_is_refused_with_the_reason(api, project):
    response = api.post(url(project, "/read"), {"file": upload("BS.xlsx", balance_sheet())})
    assert response.status_code == 400
    assert "no stock and book-debts table" in response.data["detail"]
    assert stock_position_of(project) is None


def test_staff_see_the_drawing_power_but_cannot_change_the_statement(project, staff):
    client = api_client_for(staff)
    assert client.get(url(project)).status_code == 200
    assert client.put(url(project), {"stock": "100"}, format="json").status_code == 403


def test_the_portal_page_reads_enters_and_shows_the_drawing_power(ca, project):
    client = Client()
    client.force_login(ca)
    page = f"/projects/{project.pk}/drawing-power/"
    assert page in client.get(f"/projects/{project.pk}/").content.decode()
    assert client.get(page).status_code == 200
    response = client.post(
        f"{page}read/", {"file": upload("March.xlsx", movement_and_ageing_across())}
    )
    assert response.status_code == 302
    shown = client.get(page).content.decode()
    assert "₹37,95,000.00" in shown and "read from March.xlsx" in shown
    entered = {"period": "April 2026", "stock": "5000000", "creditors_for_goods": str(CREDITORS),
               "receivables_under_90": str(UNDER_90), "receivables_over_90": "0"}  # fmt: skip
    assert client.post(page, entered).status_code == 302
    shown = client.get(page).content.decode()
    # (50,00,000 − 9,50,000) × 75 % + 22,00,000 × 60 % = 30,37,500 + 13,20,000.
    assert "₹43,57,500.00" in shown and "corrected by the CA" in shown
    assert client.post(page, {"stock": "lots"}).status_code == 400
