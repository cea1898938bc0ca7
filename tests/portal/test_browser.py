"""The portal in a real browser (Debian's Chromium through Playwright).

The full journey through processing and review joins this module once the
steps land: it reuses the fixtures of tests/conftest.py and the helpers of tests/browser.py.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from projects.models import Project
from tests.browser import (
    PHONE,
    create_project,
    screenshot,
    sign_in,
    sign_out,
    upload,
)
from tests.groundtruth import SAMPLES
from tests.portal.conftest import put_in_state

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SRI_BALAJI = sorted((SAMPLES / "sri-balaji-roadlines").glob("*.pdf"))


def test_a_ca_uploads_a_companys_statements_and_another_firm_sees_nothing(
    browser_page, live_server, ca, other_ca, owner
):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/")
    expect(page.locator("h1")).to_have_text("Sign in")
    screenshot(page, "sign-in")

    sign_in(page, base, ca.email)
    screenshot(page, "projects-empty")
    page.goto(f"{base}/projects/new/")
    screenshot(page, "project-form")
    project_url = create_project(page, base, "Sri Balaji Roadlines", "proprietorship")
    expect(page.locator("#process")).to_be_disabled()
    expect(page.locator("#process-reason")).to_have_text("Upload at least one statement first.")
    screenshot(page, "project-new")

    upload(page, SRI_BALAJI)
    expect(page.locator("#file-table tbody tr")).to_have_count(3)
    expect(page.locator(".upload-item")).to_have_count(0)  # listed once, in the table
    upload(page, SRI_BALAJI[:1])  # the same file again
    refused = page.locator(".upload-item.is-refused .upload-outcome")
    expect(refused).to_contain_text("is the same file as")
    expect(page.locator("#file-table tbody tr")).to_have_count(3)
    expect(page.locator("#process")).to_be_enabled()  # the actions refreshed after the upload
    screenshot(page, "project-uploaded")

    page.goto(f"{base}/projects/")
    expect(page.locator("#projects")).to_contain_text("Sri Balaji Roadlines")
    screenshot(page, "projects-list")
    page.goto(f"{project_url}activity/")
    expect(page.locator("#activity")).to_contain_text("File uploaded")
    screenshot(page, "project-activity")
    sign_out(page)

    sign_in(page, base, other_ca.email)
    response = page.goto(project_url)
    assert response.status == 404
    screenshot(page, "other-firm-404")
    page.goto(f"{base}/projects/")
    expect(page.locator("#projects")).to_have_count(0)  # nothing of the other firm listed


def test_the_pages_fit_a_phone(browser_page, live_server, owner, project_with_file):
    page, base = browser_page, live_server.url
    page.set_viewport_size(PHONE)
    sign_in(page, base, owner.email)
    page.goto(f"{base}/projects/{project_with_file.pk}/")
    expect(page.locator("#process")).to_be_enabled()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "phone-project")
    page.goto(f"{base}/projects/members/")
    expect(page.locator("#members")).to_contain_text(owner.email)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "phone-members")


def test_the_progress_view_follows_a_run_and_refreshes_when_it_stops(
    browser_page, live_server, ca, project_with_file
):
    now = timezone.now()
    running = put_in_state(
        project_with_file,
        "extracting",
        claim_token=uuid.uuid4(),
        claim_started=True,
        lease_expires_at=now + timedelta(minutes=10),
        current_step="extract",
        pipeline_progress=10,
        pipeline_steps={"extract": {"status": "running", "started_at": now.isoformat()}},
    )
    page, base = browser_page, live_server.url
    sign_in(page, base, ca.email)
    page.goto(f"{base}/projects/{running.pk}/")
    expect(page.locator('[data-step="extract"]')).to_have_class("step state-running")
    expect(page.locator("#process-reason")).to_have_text("Processing is under way.")
    expect(page.locator("#status-badge")).to_have_text("Extracting")
    expect(page.locator(".file-outcome")).to_have_text("Being read…")
    # No earlier run of this firm or anyone's was measured: no time is guessed.
    expect(page.locator("#progress-eta")).to_have_text("")
    screenshot(page, "project-processing")

    Project.objects.filter(pk=running.pk).update(pipeline_progress=20)
    expect(page.locator("#progress-percent")).to_have_text("20")  # the poll saw it

    done = {"status": "completed", "duration_ms": 4200}
    Project.objects.filter(pk=running.pk).update(
        status="reviewing",
        claim_token=None,
        claim_started=False,
        lease_expires_at=None,
        pipeline_progress=50,
        pipeline_steps={"extract": done, "classify": done, "review": {"status": "waiting"}},
    )
    expect(page.locator("#review")).to_be_visible()  # polling stopped and the page refreshed
    expect(page.locator('[data-step="review"] .step-state')).to_have_text("Waiting for review")
    screenshot(page, "project-reviewing")


def test_failed_and_completed_projects_read_clearly(
    browser_page, live_server, ca, completed_project, firm
):
    page, base = browser_page, live_server.url
    sign_in(page, base, ca.email)
    page.goto(f"{base}/projects/{completed_project.pk}/")
    expect(page.locator("#key-figures")).to_contain_text("845.12")
    expect(page.locator("#chart-amounts polyline")).to_have_count(3)
    expect(page.locator("#download")).to_be_visible()
    screenshot(page, "project-completed")

    failed = Project.objects.create(
        firm=firm, company_name="Bharat Engineering Works", constitution="partnership"
    )
    put_in_state(
        failed,
        "error",
        error="None of the 1 uploaded files could be read.",
        error_step="extract",
        pipeline_steps={
            "extract": {
                "status": "failed",
                "error": "None of the 1 uploaded files could be read.",
                "hint": "See each file's error below, then upload readable statements and retry.",
            }
        },
    )
    page.goto(f"{base}/projects/{failed.pk}/")
    expect(page.locator("#failure-reason")).to_have_text(
        "None of the 1 uploaded files could be read."
    )
    expect(page.locator("#retry")).to_be_visible()
    screenshot(page, "project-failed")
