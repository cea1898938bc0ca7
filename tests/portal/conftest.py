"""Signed-in clients of the cast, projects in the states the project page shows, and the
browser of the browser tests (Debian's Chromium, see tests/portal/browser.py)."""

from __future__ import annotations

import os

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from playwright.sync_api import sync_playwright

from pipeline.models import CmaResult
from projects.models import Project
from tests.portal.browser import LAPTOP, launch

KEY_FIGURES_DOCUMENT = {
    "schema": "cma/1",
    "years": [
        {"key": "FY2024", "ends": "2024-03-31", "kind": "audited"},
        {"key": "FY2025", "ends": "2025-03-31", "kind": "audited"},
        {"key": "FY2026", "ends": "2026-03-31", "kind": "projected"},
    ],
    "rows": {
        "net_sales": {"FY2024": 84512345.0, "FY2025": 91234567.5, "FY2026": 100358024.25},
        "pat": {"FY2024": 2345678.0, "FY2025": -123456.0, "FY2026": 3456789.0},
        "current_ratio": {"FY2024": 1.21, "FY2025": 1.33, "FY2026": 1.4},
    },
    "assessment": {"mpbf_method2": {"FY2026": 12345678.0}},
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ca_client(ca) -> Client:
    return signed_in(ca)


@pytest.fixture
def staff_client(staff) -> Client:
    return signed_in(staff)


@pytest.fixture
def owner_client(owner) -> Client:
    return signed_in(owner)


@pytest.fixture
def other_client(other_ca) -> Client:
    return signed_in(other_ca)


def put_in_state(project: Project, status: str, **fields) -> Project:
    """Test set-up only: a project as the orchestrator would have left it."""
    Project.objects.filter(pk=project.pk).update(status=status, **fields)
    return Project.objects.select_related("firm").get(pk=project.pk)


@pytest.fixture
def completed_project(project_with_file) -> Project:
    project = put_in_state(project_with_file, "completed", pipeline_progress=100)
    CmaResult.objects.create(
        project=project,
        document=KEY_FIGURES_DOCUMENT,
        workbook=ContentFile(b"PK workbook bytes", name="cma.xlsx"),
    )
    return project


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
