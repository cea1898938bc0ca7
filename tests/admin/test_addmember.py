"""manage.py addmember: creates or updates the firm, user and membership; token last."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token

from projects.models import Firm, Membership

pytestmark = pytest.mark.django_db


def addmember(**options) -> str:
    out = StringIO()
    call_command("addmember", stdout=out, **options)
    return out.getvalue()


def test_addmember_creates_the_firm_and_an_owner_who_is_firm_admin():
    out = addmember(
        firm="Kapoor & Associates", email="Neha@Kapoor.in", password="pass-word-9", role="owner"
    )
    user = get_user_model().objects.get(email="neha@kapoor.in")
    assert (
        user.username == "neha@kapoor.in" and user.is_staff and user.check_password("pass-word-9")
    )
    assert user.membership.firm == Firm.objects.get(name="Kapoor & Associates")
    assert out.split()[-1] == Token.objects.get(user=user).key


def test_running_it_again_updates_the_password_and_role(firm, ca):
    addmember(firm=firm.name, email=ca.email, password="another-pass-1", role="staff")
    ca.refresh_from_db()
    assert ca.check_password("another-pass-1")
    assert Membership.objects.get(user=ca).role == "staff"
    assert Membership.objects.count() == 1 and Firm.objects.count() == 1


def test_the_token_stays_the_same_across_runs(firm):
    first = addmember(firm=firm.name, email="x@rao-reddy.in", password="p-a-s-s-1", role="ca")
    second = addmember(firm=firm.name, email="x@rao-reddy.in", password="p-a-s-s-1", role="ca")
    assert first.split()[-1] == second.split()[-1]


def test_a_member_of_another_firm_is_refused(other_ca):
    with pytest.raises(CommandError, match="is a member of Mehta Jain & Co"):
        addmember(firm="Rao & Reddy Associates", email=other_ca.email, password="p", role="ca")
    assert Membership.objects.get(user=other_ca).firm.name == "Mehta Jain & Co"
