"""The review screen in a real browser: keyboard-first, without touching the mouse.

Drives the system Chromium through Playwright. The ORM is used only before the
browser starts and after it stops (Playwright's sync API runs an event loop).
"""

from __future__ import annotations

import shutil

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import ReviewItem
from tests.reviews.builders import review_item_of

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no system Chromium"),
]


def session_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


def test_a_ca_reviews_every_item_with_the_keyboard(live_server, project, ca):
    first = review_item_of(project, "Salary payable")
    second = review_item_of(project, "Audit fees payable")
    third = review_item_of(
        project, "Sundry advances", cma_key="other_current_assets", section="Other current assets"
    )
    cookie = session_cookie(ca, live_server)
    url = live_server.url + reverse("reviews:screen", args=[project.pk])

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context()
        context.add_cookies([cookie])
        page = context.new_page()
        page.goto(url)
        assert page.locator("#review-count").get_attribute("data-pending") == "3"
        assert "is-current" in page.locator(f"#item-{first.pk}").get_attribute("class")

        with page.expect_navigation():
            page.keyboard.press("a")  # approve the first, move on to the second
        assert page.url.endswith(f"#item-{second.pk}")
        assert "is-current" in page.locator(f"#item-{second.pk}").get_attribute("class")

        page.keyboard.press("x")  # exclude the second with a reason
        page.keyboard.type("Counted in note 9 already")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(f"#item-{third.pk}")

        page.keyboard.press("r")  # another row for the third
        page.locator(f"#row-{third.pk}").select_option("advances_to_suppliers")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("#review-empty").is_visible()
        count = page.locator("#review-count").inner_text()

        page.keyboard.press("?")  # harmless with nothing pending
        browser.close()

    assert "All 3 items reviewed" in count
    statuses = dict(ReviewItem.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "approved", second.pk: "excluded", third.pk: "reclassified"}
    assert ReviewItem.objects.get(pk=third.pk).cma_key == "advances_to_suppliers"
