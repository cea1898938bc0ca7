"""A CA's whole day with one client, in Debian's Chromium, against a real qcluster.

Sign in, create the project, drop the statements on the upload widget,
process, watch the progress reach the review, approve from the keyboard,
continue, download the workbook; and a CA of another firm gets a 404 at the
project's address. A screenshot of each main page lands in
test-output/screenshots/.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import expect

from projects.models import Project
from tests.browser import create_project, screenshot, sign_in, sign_out, upload
from tests.groundtruth import SAMPLES
from tests.pipeline.worker import qcluster

pytestmark = pytest.mark.slow

COMPANY = SAMPLES / "sri-balaji-roadlines"
# The sample's classifications are all at least 0.95 sure; asking for more sends a few
# of them to review, so that the journey has something to approve.
THRESHOLD = "0.96"


def test_a_ca_takes_a_client_from_statements_to_the_cma(
    browser_page, live_server, ca, other_ca, tmp_path
):
    page = browser_page
    base = live_server.url
    sign_in(page, base, ca.email)
    screenshot(page, "journey-1-projects")

    project_url = create_project(page, base, "Sri Balaji Roadlines", "proprietorship", "services")
    upload(page, sorted(COMPANY.glob("*.pdf")))
    expect(page.locator("#file-table tbody tr")).to_have_count(3)
    page.reload()
    screenshot(page, "journey-2-files")

    with qcluster(tmp_path):
        page.click("#run-options summary")
        page.fill("#id_auto_approve_above", THRESHOLD)
        page.click("#process")
        expect(page.locator("#progress")).to_have_attribute("data-processing", "true")
        screenshot(page, "journey-3-processing")
        review = page.locator("#review")
        expect(review).to_be_visible(timeout=180_000)  # the page reloads when the run stops
        screenshot(page, "journey-4-awaiting-review")

        review.click()
        pending = int(page.locator("#review-count").get_attribute("data-pending"))
        assert pending > 0
        screenshot(page, "journey-5-review")
        for _ in range(pending):
            with page.expect_navigation():
                page.keyboard.press("a")
        expect(page.locator("#review-empty")).to_be_visible()

        page.click("#continue-processing")
        expect(page.locator("#download")).to_be_visible(timeout=180_000)
    screenshot(page, "journey-6-completed")

    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == "CMA - Sri Balaji Roadlines.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert len(workbook.sheetnames) >= 6

    sign_out(page)
    sign_in(page, base, other_ca.email)
    answer = page.goto(project_url)
    assert answer.status == 404
    screenshot(page, "journey-7-other-firm-404")

    project = Project.objects.get(company_name="Sri Balaji Roadlines")
    assert project.status == "completed"
    # One answer per question: a row printed in both years' files is approved in both.
    assert set(project.review_items.values_list("status", flat=True)) == {"approved"}
    assert project.review_items.count() >= pending
