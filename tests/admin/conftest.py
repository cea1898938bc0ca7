"""Admin users of the cast: the firm's owner as firm admin, and a superuser."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client


def admin_client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def firm_admin(owner):
    owner.is_staff = True
    owner.save(update_fields=["is_staff"])
    return owner


@pytest.fixture
def firm_admin_client(firm_admin) -> Client:
    return admin_client_for(firm_admin)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="root@example.com", email="root@example.com", password="root-password-1"
    )


@pytest.fixture
def superuser_client(superuser) -> Client:
    return admin_client_for(superuser)
