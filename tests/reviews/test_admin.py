"""Django admin of reviews: a firm admin sees and removes only their firm's rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from projects import audit
from projects.models import AuditEntry, Project
from reviews import services
from reviews.models import RememberedDecision
from tests.cast import PASSWORD, make_member
from tests.reviews.builders import awaiting_review, review_item_of


@pytest.fixture
def firm_admin(client, owner):
    owner.is_staff = True
    owner.save()
    client.login(username=owner.email, password=PASSWORD)
    return client


@pytest.fixture
def decisions(project, ca, other_firm):
    ours = review_item_of(project, "Salary payable")
    services.reclassify_item(ours, cma_key="statutory_liabilities", acting_user=ca)
    theirs_project = awaiting_review(
        Project.objects.create(firm=other_firm, company_name="Their client", constitution="llp")
    )
    theirs = review_item_of(theirs_project, "Wages payable")
    their_ca = make_member(other_firm, "ravi@mehta-jain.in", "ca")
    services.reclassify_item(theirs, cma_key="direct_labour", acting_user=their_ca)
    return (
        RememberedDecision.objects.get(firm=project.firm),
        RememberedDecision.objects.get(firm=other_firm),
    )


def test_a_firm_admin_sees_only_the_firms_remembered_decisions(firm_admin, decisions):
    html = firm_admin.get(reverse("admin:reviews_remembereddecision_changelist")).content.decode()

    assert "Salary payable" in html
    assert "Wages payable" not in html


def test_another_firms_remembered_decision_cannot_be_opened_or_removed(firm_admin, decisions):
    _, theirs = decisions

    opened = firm_admin.get(reverse("admin:reviews_remembereddecision_change", args=[theirs.pk]))
    removed = firm_admin.post(
        reverse("admin:reviews_remembereddecision_delete", args=[theirs.pk]), {"post": "yes"}
    )

    assert opened.status_code in (302, 404)
    assert removed.status_code in (302, 404)
    assert RememberedDecision.objects.filter(pk=theirs.pk).exists()


def test_a_firm_admin_removes_a_remembered_decision_through_the_service(
    firm_admin, owner, decisions
):
    ours, _ = decisions

    response = firm_admin.post(
        reverse("admin:reviews_remembereddecision_delete", args=[ours.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not RememberedDecision.objects.filter(pk=ours.pk).exists()
    assert AuditEntry.objects.get(action=audit.REVIEW_MEMORY_FORGOTTEN).actor == owner


def test_bulk_removal_goes_through_the_service_too(firm_admin, decisions):
    ours, theirs = decisions

    firm_admin.post(
        reverse("admin:reviews_remembereddecision_changelist"),
        {"action": "delete_selected", "_selected_action": [ours.pk, theirs.pk], "post": "yes"},
    )

    assert list(RememberedDecision.objects.all()) == [theirs]
    assert AuditEntry.objects.filter(action=audit.REVIEW_MEMORY_FORGOTTEN).count() == 1


def test_review_items_are_read_only_and_scoped_to_the_firm(firm_admin, decisions, project):
    item = project.review_items.get()
    changelist = firm_admin.get(reverse("admin:reviews_reviewitem_changelist")).content.decode()
    change = firm_admin.get(reverse("admin:reviews_reviewitem_change", args=[item.pk]))

    assert "Salary payable" in changelist and "Wages payable" not in changelist
    assert "Their client" not in changelist  # not even in the project filter
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert firm_admin.get(reverse("admin:reviews_reviewitem_add")).status_code == 403
    firm_admin.post(
        reverse("admin:reviews_reviewitem_change", args=[item.pk]), {"status": "excluded"}
    )
    item.refresh_from_db()
    assert item.status == "reclassified"


def test_a_ca_without_admin_rights_sees_no_review_admin(client, ca, decisions):
    ca.is_staff = True
    ca.save()
    client.login(username=ca.email, password=PASSWORD)

    response = client.get(reverse("admin:reviews_remembereddecision_changelist"))

    assert response.status_code == 403
