"""The members page: only owners manage members; every change leaves an audit row."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from projects import audit
from projects.models import AuditEntry, Membership, Role

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_only_the_owner_opens_the_members_page(owner_client, ca_client, staff_client):
    assert owner_client.get(reverse("projects:members")).status_code == 200
    assert ca_client.get(reverse("projects:members")).status_code == 403
    assert staff_client.get(reverse("projects:members")).status_code == 403


def test_a_ca_cannot_add_members_or_change_roles(ca_client, staff):
    response = ca_client.post(
        reverse("projects:member-add"), {"email": "new@rao-reddy.in", "role": "owner"}
    )
    assert response.status_code == 403
    response = ca_client.post(
        reverse("projects:member-role", args=[staff.membership.pk]), {"role": "owner"}
    )
    assert response.status_code == 403
    assert Membership.objects.get(user=staff).role == Role.STAFF


def test_the_members_link_is_shown_to_owners_only(owner_client, ca_client):
    members = reverse("projects:members")
    assert members in owner_client.get(reverse("projects:list")).content.decode()
    assert members not in ca_client.get(reverse("projects:list")).content.decode()


def test_owner_adds_a_member_who_is_invited_by_email(
    owner_client, owner, firm, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            reverse("projects:member-add"),
            {"email": "Priya@Rao-Reddy.in", "role": "ca"},
            follow=True,
        )
    user = get_user_model().objects.get(email="priya@rao-reddy.in")
    assert user.username == "priya@rao-reddy.in"
    assert user.membership.firm == firm and user.membership.role == Role.CA
    assert not user.has_usable_password() and not user.is_staff
    assert "priya@rao-reddy.in is now a member (Chartered Accountant)." in messages_of(response)[0]
    entry = AuditEntry.objects.get(action=audit.MEMBER_ADDED)
    assert (entry.firm, entry.actor) == (firm, owner)
    # The invitation's link lets them choose a password and sign in.
    assert mail.outbox[0].to == ["priya@rao-reddy.in"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line)
    form_url = client.get(link.split("localhost:8000", 1)[1]).url
    client.post(form_url, {"new_password1": "a-fresh-pass-77", "new_password2": "a-fresh-pass-77"})
    assert client.login(username="priya@rao-reddy.in", password="a-fresh-pass-77")


def test_adding_someone_already_in_the_firm_says_so(owner_client, ca):
    response = owner_client.post(
        reverse("projects:member-add"), {"email": ca.email, "role": "staff"}, follow=True
    )
    assert messages_of(response) == [
        "asha@rao-reddy.in is already a member of Rao & Reddy Associates; "
        "change their role instead."
    ]


def test_a_bad_address_is_shown_on_the_form(owner_client):
    response = owner_client.post(
        reverse("projects:member-add"), {"email": "not-an-address", "role": "ca"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()


def test_owner_changes_a_role_and_it_is_audited(owner_client, owner, staff):
    response = owner_client.post(
        reverse("projects:member-role", args=[staff.membership.pk]), {"role": "owner"}, follow=True
    )
    staff.refresh_from_db()
    assert staff.membership.role == Role.OWNER and staff.is_staff  # owners are firm admins
    assert messages_of(response) == ["clerk@rao-reddy.in is now Owner."]
    entry = AuditEntry.objects.get(action=audit.MEMBER_ROLE_CHANGED)
    assert entry.details == {"email": staff.email, "before": "staff", "after": "owner"}
    assert entry.actor == owner


def test_the_last_owner_cannot_step_down(owner_client, owner):
    response = owner_client.post(
        reverse("projects:member-role", args=[owner.membership.pk]), {"role": "ca"}, follow=True
    )
    assert "only owner" in messages_of(response)[0]
    assert Membership.objects.get(user=owner).role == Role.OWNER


def test_an_owner_cannot_touch_another_firms_member(owner_client, other_ca):
    response = owner_client.post(
        reverse("projects:member-role", args=[other_ca.membership.pk]), {"role": "staff"}
    )
    assert response.status_code == 404
    assert Membership.objects.get(user=other_ca).role == Role.CA


def test_another_firms_ca_sees_none_of_this_firms_members(other_client, owner, ca):
    assert other_client.get(reverse("projects:members")).status_code == 403
