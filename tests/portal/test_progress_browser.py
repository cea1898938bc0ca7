"""Issue 16 point 9 in Chromium against a real qcluster: what the progress view says
during a run is what the run is doing.

A sampler in the page (kept in sessionStorage past the reload) records, every 50 ms,
the badge, each step's state, each file's outcome and the bar's drawn width; the
assertions read that record.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from projects.models import Project
from tests.browser import create_project, screenshot, sign_in, upload
from tests.groundtruth import SAMPLES
from tests.pipeline.worker import qcluster

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

FILES = sorted((SAMPLES / "sri-balaji-roadlines").glob("*.pdf"))

SAMPLER = """() => {
  // sessionStorage outlives the reload that ends the run's polling.
  const samples = [];
  window.setInterval(() => {
    const bar = document.querySelector("#progress .bar");
    const fill = document.getElementById("progress-bar");
    if (!bar || !fill) return;
    samples.push({
      badge: document.getElementById("status-badge").textContent.trim(),
      steps: Array.from(document.querySelectorAll("#steps [data-step]")).map(
        (item) => item.className.replace("step state-", "")),
      files: Array.from(document.querySelectorAll("#file-table .file-outcome > span")).map(
        (cell) => cell.textContent.trim()),
      percent: Number(document.getElementById("progress-percent").textContent),
      drawn: fill.getBoundingClientRect().width / bar.getBoundingClientRect().width,
    });
    window.sessionStorage.setItem("samples", JSON.stringify(samples));
  }, 50);
}"""


def test_a_run_shows_its_real_state_on_the_badge_the_files_and_the_bar(
    browser_page, live_server, ca, tmp_path
):
    page, base = browser_page, live_server.url
    sign_in(page, base, ca.email)
    create_project(page, base, "Sri Balaji Roadlines", "proprietorship", "services")
    upload(page, FILES)
    # Uploads are listed once: a stored file is a row of the table, not also a card.
    expect(page.locator("#file-table > tbody > tr")).to_have_count(len(FILES))
    expect(page.locator(".upload-item")).to_have_count(0)
    expect(page.locator("#status-badge")).to_have_text("Draft")

    # A text file named .pdf is refused as what it is; a wrong file is removed before the run.
    named_pdf = tmp_path / "Balance sheet.pdf"
    named_pdf.write_text("Particulars,FY2025\nSundry debtors,125000\n")
    upload(page, [named_pdf])
    expect(page.locator(".upload-item.is-refused")).to_contain_text(
        "this file is plain text, not a PDF: it begins “Particulars,FY2025”"
    )
    wrong = tmp_path / "another client.csv"
    wrong.write_text("Particulars,FY2025\nSundry creditors,99000\n")
    upload(page, [wrong])
    expect(page.locator("#file-table > tbody > tr")).to_have_count(len(FILES) + 1)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#file-table > tbody > tr", has_text="another client.csv").locator(
        ".file-remove button"
    ).click()
    expect(page.locator(".messages")).to_contain_text("another client.csv was removed.")
    expect(page.locator("#file-table > tbody > tr")).to_have_count(len(FILES))

    with qcluster(tmp_path):
        page.click("#run-options summary")
        page.check("#id_skip_review")
        page.click("#process")
        expect(page.locator("#progress")).to_have_attribute("data-processing", "true")
        page.evaluate(SAMPLER)
        screenshot(page, "progress-1-running")
        expect(page.locator("#download")).to_be_visible(timeout=180_000)
    samples = page.evaluate("JSON.parse(window.sessionStorage.getItem('samples'))")
    screenshot(page, "progress-2-completed")

    during = [s for s in samples if any(state in ("running", "completed") for state in s["steps"])]
    assert during, "the sampler saw no step running"
    assert not [s for s in during if s["badge"] == "Queued"]
    reading = [s for s in samples if s["steps"][0] == "running"]
    for sample in reading:
        assert not any("Stored" in outcome for outcome in sample["files"]), sample
    for sample in samples:
        # The bar is drawn as full as its figure says, at once (no transition lags it).
        assert sample["drawn"] == pytest.approx(sample["percent"] / 100, abs=0.01), sample

    project = Project.objects.get(company_name="Sri Balaji Roadlines")
    expect(page.locator("#status-badge")).to_have_text("Completed")
    rows = page.locator("#file-table > tbody > tr")
    expect(rows).to_have_count(len(FILES))
    for file in project.files.all():
        row = page.locator(f'[data-file-id="{file.pk}"] .file-outcome')
        plural = "" if file.items_found == 1 else "s"
        expect(row).to_contain_text(f"Extracted · {file.items_found} item{plural}")
    assert sum(project.files.values_list("items_found", flat=True)) > 0
