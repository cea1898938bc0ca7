"""Sign-in, the projects list, the new-project form, the activity page; the firm boundary."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import dateformat

from projects import audit
from projects.models import Project
from tests.cast import PASSWORD

pytestmark = pytest.mark.django_db

PROJECT_PAGES = [
    ("get", "projects:detail"),
    ("get", "projects:activity"),
    ("get", "projects:download"),
    ("post", "projects:upload"),
    ("post", "projects:process"),
    ("post", "projects:retry"),
]


def test_root_leads_to_the_projects_list(ca_client):
    response = ca_client.get("/")
    assert response.status_code == 302
    assert response.url == reverse("projects:list")


def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(reverse("projects:list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_sign_in_with_email_in_any_case_lands_on_projects(client, ca):
    response = client.post(
        reverse("login"), {"username": "ASHA@rao-reddy.in", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("projects:list")


def test_a_wrong_password_is_explained_plainly(client, ca):
    response = client.post(reverse("login"), {"username": ca.email, "password": "nope"})
    assert response.status_code == 200
    assert "do not match" in response.content.decode()


def test_sign_out_returns_to_sign_in(ca_client):
    response = ca_client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == reverse("login")
    assert ca_client.get(reverse("projects:list")).status_code == 302


def test_password_reset_emails_a_link_that_sets_a_new_password(client, ca):
    client.post(reverse("password_reset"), {"email": ca.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_url = client.get(path).url  # Django swaps the token for a session marker
    response = client.post(
        form_url, {"new_password1": "brand-new-pass-42", "new_password2": "brand-new-pass-42"}
    )
    assert response.status_code == 302
    assert client.login(username=ca.email, password="brand-new-pass-42")


def test_list_shows_only_the_firms_projects(ca_client, project, other_firm, other_ca):
    Project.objects.create(firm=other_firm, company_name="Theirs Pvt Ltd", constitution="llp")
    page = ca_client.get(reverse("projects:list")).content.decode()
    assert "Sri Balaji Roadlines" in page
    assert "Theirs Pvt Ltd" not in page


def test_list_searches_by_company_and_filters_by_status(ca_client, project, firm):
    Project.objects.create(firm=firm, company_name="Annapurna Foods", constitution="llp")
    page = ca_client.get(reverse("projects:list"), {"q": "anna"}).content.decode()
    assert "Annapurna Foods" in page and "Sri Balaji" not in page
    page = ca_client.get(reverse("projects:list"), {"status": "completed"}).content.decode()
    assert "No project matches" in page


def test_list_shows_last_activity_in_the_firms_time_zone(ca_client, project, firm):
    firm.time_zone = "America/New_York"  # not the server's Asia/Kolkata, to tell them apart
    firm.save()
    entry = audit.record(audit.FILE_UPLOADED, firm=firm, project=project, message="x.pdf")
    page = ca_client.get(reverse("projects:list")).content.decode()
    shown = dateformat.format(entry.created_at.astimezone(ZoneInfo(firm.time_zone)), "j M Y, H:i")
    assert shown in page


def test_new_project_with_defaults_opens_its_page(ca_client, firm, ca):
    response = ca_client.post(
        reverse("projects:new"),
        {
            "company_name": "Shree Ganesh Polymers Pvt Ltd",
            "constitution": "private_limited",
            "industry": "manufacturing",
            "projected_years": "3",
            "display_unit": "lakhs",
            "balancing_row": "cash_bank",
        },
    )
    project = Project.objects.get(company_name="Shree Ganesh Polymers Pvt Ltd")
    assert response.status_code == 302
    assert response.url == reverse("projects:detail", args=[project.pk])
    assert (project.firm, project.created_by, project.assumptions) == (firm, ca, {})
    assert project.audit_entries.filter(action=audit.PROJECT_CREATED).exists()


def test_new_project_reads_years_as_cas_write_them_and_keeps_assumptions(ca_client):
    ca_client.post(
        reverse("projects:new"),
        {
            "company_name": "Annapurna Foods LLP",
            "constitution": "llp",
            "industry": "trading",
            "years_wanted": "2022-23, 2023-24, FY2025",
            "projected_years": "2",
            "display_unit": "crores",
            "balancing_row": "bank_borrowings_wc",
            "assume_sales_growth_pct": "12.5",
            "assumptions_json": '{"capex": {"FY2027": 2500000}}',
        },
    )
    project = Project.objects.get(company_name="Annapurna Foods LLP")
    assert project.years_wanted == ["FY2023", "FY2024", "FY2025"]
    assert project.display_unit == "crores"
    assert project.assumptions == {
        "sales_growth_pct": "12.5",
        "capex": {"FY2027": "2500000"},
        "balancing_row": "bank_borrowings_wc",
    }


def test_new_project_explains_a_bad_assumption(ca_client):
    response = ca_client.post(
        reverse("projects:new"),
        {
            "company_name": "X",
            "constitution": "llp",
            "industry": "trading",
            "projected_years": "3",
            "display_unit": "lakhs",
            "balancing_row": "cash_bank",
            "assumptions_json": '{"sales_growth": 10}',
        },
    )
    assert response.status_code == 200
    assert "Unknown assumption" in response.content.decode()
    assert not Project.objects.filter(company_name="X").exists()


def test_activity_lists_the_projects_audit_trail_newest_first(ca_client, project, firm, ca):
    audit.record(audit.PROJECT_CREATED, firm=firm, project=project, actor=ca, message="first")
    audit.record(audit.FILE_UPLOADED, firm=firm, project=project, actor=ca, message="second")
    page = ca_client.get(reverse("projects:activity", args=[project.pk])).content.decode()
    assert "File uploaded" in page and "Project created" in page
    assert page.index("second") < page.index("first")


@pytest.mark.parametrize(("method", "name"), PROJECT_PAGES)
def test_another_firms_ca_gets_a_404_on_every_project_page(other_client, project, method, name):
    response = getattr(other_client, method)(reverse(name, args=[project.pk]))
    assert response.status_code == 404


def test_another_firms_ca_gets_a_404_on_the_review_link_too(other_client, project):
    assert other_client.get(reverse("reviews:screen", args=[project.pk])).status_code == 404


def test_an_unknown_project_is_a_404(ca_client):
    missing = "6f1c8d8e-4a9a-4bde-9a39-000000000000"
    assert ca_client.get(reverse("projects:detail", args=[missing])).status_code == 404
