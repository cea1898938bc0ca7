"""The compact review table in a real browser: the shared row picker by exact number and
by name, a move across statements only after a confirmation, moving ticked items at
once, a bulk approval that leaves other statements' proposals alone, one question per
printed row, and the way from a failed validation back to the fix.

Screenshots land in test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from reviews.models import ReviewItem
from tests.browser import screenshot, sign_in
from tests.reviews.builders import (
    awaiting_review,
    classify,
    line_item,
    review_item_of,
    run_review,
    source_file,
)
from tests.reviews.test_validation_breaks import counted, failed_validation

pytestmark = pytest.mark.slow


def open_review(page, live_server, project, ca):
    sign_in(page, live_server.url, ca.email)
    page.goto(live_server.url + reverse("reviews:screen", args=[project.pk]))


def pl(project, label, cma_key, section="Other expenses"):
    return review_item_of(
        project, label, cma_key=cma_key, statement="profit_and_loss", section=section
    )


def test_typing_6_in_the_picker_chooses_row_6_never_60(browser_page, live_server, project, ca):
    rent = pl(project, "Office rent", "other_current_assets")
    page = browser_page
    open_review(page, live_server, project, ca)

    page.keyboard.press("r")
    page.keyboard.type("6")
    assert page.locator("#row-picker li.is-chosen").get_attribute("data-key") == "sga_expenses"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert ReviewItem.objects.get(pk=rent.pk).cma_key == "sga_expenses"


def test_search_by_name_and_a_move_to_the_balance_sheet_asks_first(
    browser_page, live_server, project, ca
):
    wages = pl(project, "Wages", "direct_labour", section="Employee benefits")
    page = browser_page
    open_review(page, live_server, project, ca)
    asked = []

    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.keyboard.press("r")
    page.keyboard.type("other current assets")
    page.keyboard.press("Enter")
    assert asked and "“Wages” is printed in another statement" in asked[0]
    assert ReviewItem.objects.get(pk=wages.pk).is_pending

    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("r")
    page.keyboard.type("other current assets")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert ReviewItem.objects.get(pk=wages.pk).cma_key == "other_current_assets"


def test_ticked_items_move_to_one_row_and_bulk_approval_spares_other_statements(
    browser_page, live_server, project, ca
):
    salary = review_item_of(project, "Salary payable")
    sales = pl(project, "Sales of products", "other_current_assets", section="Revenue")
    rent = pl(project, "Factory rent", "other_current_assets")
    power = pl(project, "Power and fuel", "other_current_assets")
    for item in (salary, sales, rent, power):
        item.confidence = 0.8
        item.save()
    page = browser_page
    open_review(page, live_server, project, ca)

    assert page.locator("#approve-all").inner_text() == "Approve 1 sure proposal"
    assert "3 of the 4 left are for you" in page.locator("#approve-all-note").inner_text()
    assert page.locator(f"#item-{sales.pk} [data-role='statement']").inner_text() == (
        "Profit and loss"
    )
    screenshot(page, "review-compact-table")
    with page.expect_navigation():
        page.locator("#approve-all").click()
    statuses = dict(ReviewItem.objects.values_list("pk", "status"))
    assert statuses == {salary.pk: "approved", sales.pk: "pending", rent.pk: "pending",
                        power.pk: "pending"}  # fmt: skip

    page.locator(f"#item-{rent.pk}").click()
    page.keyboard.press("t")
    page.keyboard.press("j")
    page.keyboard.press("t")
    assert page.locator("#move-selected").inner_text().startswith("Move 2 ticked items")
    page.keyboard.press("r")
    page.keyboard.type("5(v)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    moved = dict(ReviewItem.objects.filter(pk__in=[rent.pk, power.pk]).values_list("pk", "cma_key"))
    assert moved == {rent.pk: "other_mfg_expenses", power.pk: "other_mfg_expenses"}


def test_a_row_in_two_files_is_one_question(browser_page, live_server, project, ca):
    for year in ("FY2024", "FY2025"):
        item = line_item(project, "Staff welfare", statement="profit_and_loss",
                         section="Other expenses", amounts={year: "50000.00"},
                         source=source_file(project, f"audited-{year.lower()}.pdf"))  # fmt: skip
        classify(item, "sga_expenses", confidence=0.6)
    run_review(project)
    awaiting_review(project)
    page = browser_page
    open_review(page, live_server, project, ca)

    assert page.locator("#review-count").inner_text() == "1 of 1 item left to review"
    assert page.locator("#review-table .review-item").count() == 1
    assert "one answer for all" in page.locator("[data-role='also']").inner_text()
    with page.expect_navigation():
        page.keyboard.press("a")
    assert set(ReviewItem.objects.values_list("status", flat=True)) == {"approved"}


def test_from_a_failed_validation_to_the_fix_and_validating_again(
    browser_page, live_server, project, ca
):
    counted(project, "Land and buildings", "gross_block", "1000000.00")
    counted(project, "Share capital", "share_capital", "700000.00", section="Equity")
    sales = counted(project, "Sales", "other_current_assets", "300000.00",
                    statement="profit_and_loss", section="Revenue")  # fmt: skip
    failed_validation(project, "300000.00")
    page = browser_page
    sign_in(page, live_server.url, ca.email)
    page.goto(live_server.url + reverse("projects:detail", args=[project.pk]))

    page.locator("#failure-to-review").click()
    assert page.locator("#validation-breaks").is_visible()
    screenshot(page, "review-validation-breaks")
    suspect = page.locator(f"[data-role='suspect'][data-line-item='{sales.pk}']")
    with page.expect_navigation():
        suspect.locator("[data-action='reopen']").click()
    item = ReviewItem.objects.get(line_item=sales)
    assert page.url.endswith(f"#item-{item.pk}")

    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("r")
    page.keyboard.type("1(i)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert ReviewItem.objects.get(pk=item.pk).cma_key == "sales_domestic"
    assert page.locator("#revalidate").is_visible()
