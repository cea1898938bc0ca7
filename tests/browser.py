"""Helpers of the browser tests: Debian's Chromium through Playwright, signing in,
screenshots. Nothing here downloads a browser.

The journey grows with the pipeline: a test takes the `browser_page` fixture
(tests/conftest.py), signs in with `sign_in`, drives the pages and
calls `screenshot` at each main page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright, expect

from tests.cast import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def screenshot(page: Page, name: str) -> Path:
    """Save the whole page as test-output/screenshots/NAME.png for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click("#sign-in")
    expect(page.locator("h1")).to_have_text("Projects")


def sign_out(page: Page) -> None:
    page.click("#sign-out")
    expect(page.locator("h1")).to_have_text("Sign in")


def create_project(
    page: Page, base_url: str, company: str, constitution: str, industry: str = "manufacturing"
) -> str:
    """Fill the new-project form, its other fields left at their defaults; the project
    page's URL."""
    page.goto(f"{base_url}/projects/new/")
    page.fill("#id_company_name", company)
    page.select_option("#id_constitution", constitution)
    page.select_option("#id_industry", industry)
    page.click("#create-project")
    expect(page.locator("h1")).to_contain_text(company)
    return page.url


def upload(page: Page, files: Iterable[Path]) -> None:
    """Hand files to the drag-and-drop widget (its file input) and wait for every answer:
    a stored file becomes a row of the file table, a refused one stays listed with why."""
    files = [str(f) for f in files]
    rows = page.locator("#file-table > tbody > tr")
    refused = page.locator(".upload-item.is-refused")
    before = rows.count() + refused.count()
    page.set_input_files("#file-input", files)
    expect(page.locator("#upload-list")).to_have_attribute("data-idle", "true")
    assert rows.count() + refused.count() == before + len(files)
