"""The CA enters and changes the projections' assumptions after creating the project, on
the portal's Assumptions page and through the API; the CMA is built from them."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from pipeline.cma.assumptions import Assumptions
from pipeline.models import CmaResult
from projects.models import AuditEntry, Project
from tests.cast import api_client_for

STATED = {
    "sales_growth_pct": 12,
    "net_sales": {"FY2027": 90_000_000},
    "rm_months": 1.5,
    "wip_months": 0.5,
    "fg_months": 1,
    "receivables_months": 2,
    "creditors_months": 1.25,
    "limit_requested": 25_000_000,
    "new_term_loans": {"FY2027": 5_000_000},
    "capex": {"FY2027": 6_000_000},
    "drawings": 480_000,
    "tax_rate_pct": 25.17,
}


def url(project) -> str:
    return f"/api/v1/projects/{project.pk}/assumptions"


def test_the_api_stores_the_assumptions_and_lists_the_keys(api, project):
    response = api.put(url(project), {"assumptions": STATED}, format="json")
    assert response.status_code == 200, response.data
    stored = Project.objects.get(pk=project.pk).assumptions
    assert Assumptions.from_dict(stored).for_year("net_sales", "FY2027") == Decimal(90_000_000)
    assert Assumptions.from_dict(stored).get("tax_rate_pct") == Decimal("25.17")
    document = api.get(url(project)).data
    assert document["assumptions"] == stored
    assert document["keys"]["limit_requested"]["per_year"] is True
    assert {"drawings", "rm_months", "capex"} <= set(document["keys"])
    assert AuditEntry.objects.filter(project=project, action="assumptions_saved").exists()
    # A PUT replaces: what is left out takes its default again.
    api.put(url(project), {"assumptions": {"tax_rate_pct": 30}}, format="json")
    assert Project.objects.get(pk=project.pk).assumptions == {"tax_rate_pct": "30"}


def test_the_api_refuses_a_bad_assumption_with_the_reason(api, project):
    for bad, reason in (
        ({"rm_months": 99}, "cannot be above 36"),
        ({"sales_target": 5}, "Unknown assumption"),
        ({"capex": {"2027": 5}}, "not a year key"),
    ):
        response = api.put(url(project), {"assumptions": bad}, format="json")
        assert response.status_code == 400 and reason in response.data["detail"], bad
    assert Project.objects.get(pk=project.pk).assumptions == {}


def test_staff_read_the_assumptions_but_cannot_change_them(project, staff):
    client = api_client_for(staff)
    assert client.get(url(project)).status_code == 200
    assert client.put(url(project), {"assumptions": STATED}, format="json").status_code == 403


def test_the_portal_page_shows_and_saves_the_assumptions(ca, project):
    project.assumptions = {"rm_months": "2", "capex": {"FY2027": "100"}}
    project.save()
    client = Client()
    client.force_login(ca)
    page = client.get(f"/projects/{project.pk}/assumptions/").content.decode()
    assert 'name="assume_rm_months"' in page and 'value="2"' in page
    assert "FY2027" in page  # per-year values in the JSON box
    assert (
        f"/projects/{project.pk}/assumptions/"
        in client.get(f"/projects/{project.pk}/").content.decode()
    )
    response = client.post(
        f"/projects/{project.pk}/assumptions/",
        {
            "balancing_row": "cash_bank",
            "assume_sales_growth_pct": "15",
            "assume_drawings": "300000",
            "assume_limit_requested": "20000000",
            "assumptions_json": '{"net_sales": {"FY2028": 120000000}}',
        },
    )
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).assumptions == {
        "sales_growth_pct": "15",
        "drawings": "300000",
        "limit_requested": "20000000",
        "net_sales": {"FY2028": "120000000"},
    }


def test_the_portal_page_says_what_is_wrong(ca, project):
    client = Client()
    client.force_login(ca)
    response = client.post(
        f"/projects/{project.pk}/assumptions/",
        {"balancing_row": "cash_bank", "assumptions_json": '{"capex": {"next year": 5}}'},
    )
    assert response.status_code == 400
    assert "is not a year key" in response.content.decode()
    assert Project.objects.get(pk=project.pk).assumptions == {}


def test_once_a_cma_gives_the_years_the_page_takes_amounts_year_by_year(ca, project):
    years = [{"key": "FY2025", "kind": "audited"}, {"key": "FY2026", "kind": "estimated"},
             {"key": "FY2027", "kind": "projected"}]  # fmt: skip
    CmaResult.objects.create(project=project, document={"years": years})
    project.assumptions = {"net_sales": {"FY2027": "9000000", "FY2031": "1"}}
    project.save()
    client = Client()
    client.force_login(ca)
    page = client.get(f"/projects/{project.pk}/assumptions/").content.decode()
    assert 'name="year_net_sales_FY2027"' in page and 'value="9000000"' in page
    assert 'name="year_net_sales_FY2025"' not in page  # an audited year is not assumed
    assert "FY2031" in page  # a year the CMA does not show stays in the JSON box
    response = client.post(
        f"/projects/{project.pk}/assumptions/",
        {
            "balancing_row": "cash_bank",
            "assume_capex": "100000",
            "year_capex_FY2027": "2500000",
            "year_net_sales_FY2026": "8000000",
            "year_net_sales_FY2027": "9500000",
            "year_drawings_FY2026": "-1",
        },
    )
    assert response.status_code == 400  # drawings cannot be negative
    response = client.post(
        f"/projects/{project.pk}/assumptions/",
        {
            "balancing_row": "cash_bank",
            "assume_capex": "100000",
            "year_capex_FY2027": "2500000",
            "year_net_sales_FY2026": "8000000",
            "year_net_sales_FY2027": "9500000",
        },
    )
    assert response.status_code == 302
    stated = Assumptions.from_dict(Project.objects.get(pk=project.pk).assumptions)
    assert stated.for_year("net_sales", "FY2026") == Decimal(8_000_000)
    assert stated.for_year("net_sales", "FY2027") == Decimal(9_500_000)
    # One figure for every year, and FY2027's own figure in its place.
    assert stated.for_year("capex", "FY2026") == Decimal(100_000)
    assert stated.for_year("capex", "FY2027") == Decimal(2_500_000)


def test_a_project_created_through_the_api_has_its_assumptions_checked(api):
    body = {"company_name": "X Pvt Ltd", "constitution": "private_limited"}
    bad = api.post("/api/v1/projects/", {**body, "assumptions": {"rm_months": 40}}, format="json")
    assert bad.status_code == 400 and "cannot be above 36" in str(bad.data["assumptions"])
    good = api.post("/api/v1/projects/", {**body, "assumptions": {"drawings": 5}}, format="json")
    assert good.status_code == 201
    assert Project.objects.get(pk=good.data["id"]).assumptions == {"drawings": "5"}
