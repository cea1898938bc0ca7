"""A firm admin keeps the bank's checklists in Django admin; the one in use is what the
credit officer's check applies to the firm's CMAs, and no other firm sees it."""

from __future__ import annotations

from decimal import Decimal

from pipeline.cma.checklist import Thresholds
from pipeline.cma_inputs import checklist_of
from projects.models import BankChecklist, Project


def _project(firm) -> Project:
    return Project.objects.create(firm=firm, company_name="Test Traders", constitution="llp")


def test_a_firm_without_a_checklist_gets_the_default_set(firm):
    assert checklist_of(_project(firm)) == Thresholds()


def test_the_admin_adds_a_banks_set_and_it_applies_to_the_firms_projects_only(
    firm_admin_client, firm, other_firm
):
    response = firm_admin_client.post(
        "/admin/projects/bankchecklist/add/",
        {"name": "Canara Bank MSME", "in_use": "on", "current_ratio_min": "1.50",
         "tol_tnw_max": "2.50", "dscr_average_min": "1.50", "dscr_minimum_min": "1.20",
         "interest_cover_min": "2.50", "sales_growth_margin_points": "5",
         "holding_excess_pct": "20"},
    )  # fmt: skip
    assert response.status_code == 302
    checklist = checklist_of(_project(firm))
    assert checklist.name == "Canara Bank MSME"
    assert checklist.current_ratio_min == Decimal("1.50")
    assert checklist.holding_excess_pct == Decimal("20")
    assert checklist_of(_project(other_firm)) == Thresholds()


def test_marking_another_set_in_use_replaces_the_last(firm_admin_client, firm):
    BankChecklist.objects.create(firm=firm, name="Default checklist", in_use=True)
    response = firm_admin_client.post(
        "/admin/projects/bankchecklist/add/",
        {"name": "SBI SME", "in_use": "on", "current_ratio_min": "1.25", "tol_tnw_max": "3",
         "dscr_average_min": "1.25", "dscr_minimum_min": "1.10", "interest_cover_min": "2",
         "sales_growth_margin_points": "10", "holding_excess_pct": "25"},
    )  # fmt: skip
    assert response.status_code == 302
    assert list(BankChecklist.objects.filter(in_use=True).values_list("name", flat=True)) == [
        "SBI SME"
    ]


def test_a_firm_admin_never_sees_another_firms_checklists(firm_admin_client, other_firm):
    theirs = BankChecklist.objects.create(firm=other_firm, name="Their bank", in_use=True)
    listing = firm_admin_client.get("/admin/projects/bankchecklist/")
    assert "Their bank" not in listing.content.decode()
    assert firm_admin_client.get(
        f"/admin/projects/bankchecklist/{theirs.pk}/change/"
    ).status_code in (302, 404)
