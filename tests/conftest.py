"""The cast every test can use: two CAs of one firm, its owner and staff, a CA of
another firm; API clients for them; and small builders of projects and files."""

from __future__ import annotations

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from projects.models import Firm, Membership, Project, Role
from projects.services import upload_files
from tests.groundtruth import SAMPLES

PASSWORD = "a-long-test-password"


def make_member(firm: Firm, email: str, role: str):
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    Membership.objects.create(user=user, firm=firm, role=role)
    return user


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and workbooks of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def samples_dir():
    return SAMPLES


@pytest.fixture
def firm(db) -> Firm:
    return Firm.objects.create(name="Rao & Reddy Associates")


@pytest.fixture
def other_firm(db) -> Firm:
    return Firm.objects.create(name="Mehta Jain & Co")


@pytest.fixture
def ca(firm):
    return make_member(firm, "asha@rao-reddy.in", Role.CA)


@pytest.fixture
def second_ca(firm):
    return make_member(firm, "vikram@rao-reddy.in", Role.CA)


@pytest.fixture
def owner(firm):
    return make_member(firm, "partner@rao-reddy.in", Role.OWNER)


@pytest.fixture
def staff(firm):
    return make_member(firm, "clerk@rao-reddy.in", Role.STAFF)


@pytest.fixture
def other_ca(other_firm):
    return make_member(other_firm, "anil@mehta-jain.in", Role.CA)


def api_client_for(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def api(ca) -> APIClient:
    return api_client_for(ca)


@pytest.fixture
def other_api(other_ca) -> APIClient:
    return api_client_for(other_ca)


@pytest.fixture
def project(firm, ca) -> Project:
    return Project.objects.create(
        firm=firm,
        company_name="Sri Balaji Roadlines",
        constitution="proprietorship",
        industry="services",
        created_by=ca,
    )


def upload(name: str = "statement.pdf", content: bytes = b"%PDF-1.4 test") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def project_with_file(project, ca):
    upload_files(project, [upload()], acting_user=ca)
    return project


@pytest.fixture
def http(live_server, ca) -> requests.Session:
    """Real HTTP to the live test server as `ca`; `http.base` is the API's root URL."""
    session = requests.Session()
    session.headers["Authorization"] = f"Token {Token.objects.create(user=ca).key}"
    session.base = live_server.url + "/api/v1"
    return session
