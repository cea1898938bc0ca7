"""The cast every test can use: two CAs of one firm, its owner and staff, a CA of
another firm; API clients for them; and small builders of projects and files."""

from __future__ import annotations

import os

import pytest
import requests
from playwright.sync_api import sync_playwright
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from projects.models import Firm, Project, Role
from projects.services import upload_files
from tests.browser import LAPTOP, launch
from tests.cast import api_client_for, make_member, upload
from tests.groundtruth import SAMPLES
from tests.llm_stub import serve
from tests.pipeline.worker import qcluster

# The suite uploads and processes far more than a member would: no test is throttled by
# accident, in this process or in the servers and workers tests start (they inherit the
# environment). tests/security/test_throttling.py sets the limits it tests.
UNTHROTTLED = "1000000/hour"
os.environ.setdefault("THROTTLE_UPLOAD_RATE", UNTHROTTLED)
os.environ.setdefault("THROTTLE_PROCESS_RATE", UNTHROTTLED)


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.THROTTLE_RATES = {"upload": UNTHROTTLED, "process": UNTHROTTLED}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and workbooks of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def stub():
    """A local OpenAI-compatible chat API on 127.0.0.1: (script holder, base URL)."""
    with serve() as served:
        yield served


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


@pytest.fixture
def project_with_file(project, ca):
    upload_files(project, [upload()], acting_user=ca)
    return project


@pytest.fixture
def worker(tmp_path, live_server):
    """A real qcluster (two worker processes) on the live test server's database."""
    with qcluster(tmp_path, Q_WORKERS="2"):
        yield


@pytest.fixture
def http(live_server, ca) -> requests.Session:
    """Real HTTP to the live test server as `ca`; `http.base` is the API's root URL."""
    session = requests.Session()
    session.headers["Authorization"] = f"Token {Token.objects.create(user=ca).key}"
    session.base = live_server.url + "/api/v1"
    return session


# Browser tests -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    """One Chromium per test module, closed when the module ends: Playwright's sync API
    runs an event loop in this thread, which must not outlive the module (another module
    may start its own Playwright), and Django's guard against ORM calls from async code
    must stand aside while it runs."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh browser context (no cookies) on a laptop-sized window."""
    context = chromium.new_context(viewport=LAPTOP, locale="en-IN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
