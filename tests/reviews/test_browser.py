"""The review screen in a real browser: keyboard-first, without touching the mouse.

Drives the system Chromium through Playwright (tests/conftest.py, tests/browser.py).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from reviews.models import ReviewItem
from tests.browser import sign_in
from tests.reviews.builders import review_item_of

pytestmark = pytest.mark.slow


def test_a_ca_reviews_every_item_with_the_keyboard(browser_page, live_server, project, ca):
    first = review_item_of(project, "Salary payable")
    second = review_item_of(project, "Audit fees payable")
    third = review_item_of(
        project, "Sundry advances", cma_key="other_current_assets", section="Other current assets"
    )
    page = browser_page
    sign_in(page, live_server.url, ca.email)
    page.goto(live_server.url + reverse("reviews:screen", args=[project.pk]))
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

    page.keyboard.press("r")  # another row for the third, by its number in the picker
    page.keyboard.type("49")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#review-empty").is_visible()
    count = page.locator("#review-count").inner_text()

    page.keyboard.press("?")  # harmless with nothing pending

    assert "All 3 items reviewed" in count
    statuses = dict(ReviewItem.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "approved", second.pk: "excluded", third.pk: "reclassified"}
    assert ReviewItem.objects.get(pk=third.pk).cma_key == "advances_to_suppliers"
