"""A firm admin sees only their firm in Django admin; a superuser sees all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pipeline.classifier.policy import Policy
from pipeline.models import LineItem, ValidationFinding
from projects import audit
from projects.models import Firm, Membership, Project
from tests.admin.conftest import admin_client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(other_firm, other_ca) -> Project:
    project = Project.objects.create(
        firm=other_firm, company_name="Gupta Electricals", constitution="partnership"
    )
    audit.record(audit.PROJECT_CREATED, firm=other_firm, project=project, message="theirs")
    return project


@pytest.fixture
def ours(project_with_file, firm) -> Project:
    audit.record(audit.PROJECT_CREATED, firm=firm, project=project_with_file, message="ours")
    source = project_with_file.files.get()
    LineItem.objects.create(
        project=project_with_file, source_file=source, position=1, label="Sundry debtors"
    )
    ValidationFinding.objects.create(
        project=project_with_file, code="c", level="warning", message="a warning of ours"
    )
    return project_with_file


CHANGELISTS = [
    "admin:projects_project_changelist",
    "admin:projects_auditentry_changelist",
    "admin:projects_membership_changelist",
    "admin:projects_firm_changelist",
    "admin:pipeline_lineitem_changelist",
    "admin:pipeline_validationfinding_changelist",
]


@pytest.mark.parametrize("name", CHANGELISTS)
def test_a_firm_admin_sees_only_their_firm(firm_admin_client, ours, theirs, name):
    response = firm_admin_client.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Gupta Electricals" not in page and "Mehta Jain" not in page
    assert "anil@mehta-jain.in" not in page


def test_a_firm_admin_sees_their_own_rows(firm_admin_client, ours):
    page = firm_admin_client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert "Sri Balaji Roadlines" in page
    page = firm_admin_client.get(reverse("admin:pipeline_lineitem_changelist")).content.decode()
    assert "Sundry debtors" in page


def test_another_firms_project_cannot_be_opened_in_admin(firm_admin_client, theirs):
    response = firm_admin_client.get(reverse("admin:projects_project_change", args=[theirs.pk]))
    assert response.status_code == 302  # admin's "does not exist" redirect, nothing shown
    assert response.url == reverse("admin:index")


def test_a_superuser_sees_every_firm(superuser_client, ours, theirs):
    page = superuser_client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert "Gupta Electricals" in page and "Sri Balaji Roadlines" in page


def test_a_ca_with_the_staff_flag_is_not_a_firm_admin(ca, theirs, ours):
    ca.is_staff = True
    ca.save()
    client = admin_client_for(ca)
    assert client.get(reverse("admin:projects_project_changelist")).status_code == 403


def test_the_other_firms_ca_cannot_open_admin(other_ca, ours):
    client = admin_client_for(other_ca)  # not staff at all
    response = client.get(reverse("admin:projects_project_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def firm_form(firm, **changes) -> dict:
    policy = {f"policy_{name}": value for name, value in Policy().to_dict().items()}
    return {"name": firm.name, "time_zone": firm.time_zone, **policy, **changes}


def test_a_firm_admin_changes_their_firms_time_zone_but_cannot_add_firms(firm_admin_client, firm):
    url = reverse("admin:projects_firm_change", args=[firm.pk])
    response = firm_admin_client.post(url, firm_form(firm, time_zone="Asia/Dubai"))
    assert response.status_code == 302
    assert Firm.objects.get(pk=firm.pk).time_zone == "Asia/Dubai"
    assert firm_admin_client.get(reverse("admin:projects_firm_add")).status_code == 403


def test_a_firm_admin_chooses_the_firms_classification_treatments(firm_admin_client, firm):
    url = reverse("admin:projects_firm_change", args=[firm.pk])
    page = firm_admin_client.get(url).content.decode()
    assert "Directors&#x27; remuneration is an administrative expense (row 6)." in page
    firm_admin_client.post(url, firm_form(firm, policy_director_remuneration="direct_labour"))
    policy = Policy.from_dict(Firm.objects.get(pk=firm.pk).classification_policy)
    assert policy.director_remuneration == "direct_labour"
    assert policy.repairs == "split"


def test_a_firm_admin_adds_a_member_and_changes_a_role_through_the_services(
    firm_admin_client, firm, firm_admin, staff
):
    firm_admin_client.post(
        reverse("admin:projects_membership_add"), {"email": "new@rao-reddy.in", "role": "ca"}
    )
    added = Membership.objects.get(user__email="new@rao-reddy.in")
    assert (added.firm, added.role) == (firm, "ca")
    firm_admin_client.post(
        reverse("admin:projects_membership_change", args=[staff.membership.pk]), {"role": "ca"}
    )
    assert Membership.objects.get(user=staff).role == "ca"
    assert set(firm.audit_entries.values_list("action", flat=True)) == {
        audit.MEMBER_ADDED,
        "member_role_changed",
    }


def test_demoting_the_last_owner_in_admin_is_refused_plainly(firm_admin_client, firm_admin):
    response = firm_admin_client.post(
        reverse("admin:projects_membership_change", args=[firm_admin.membership.pk]),
        {"role": "staff"},
        follow=True,
    )
    assert "only owner" in response.content.decode()
    assert Membership.objects.get(user=firm_admin).role == "owner"
