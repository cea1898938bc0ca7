"""HTML in uploaded labels, file names and messages is shown as text on every page of the
portal and of admin; the API answers JSON, which needs no escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from pipeline.models import LineItem, ValidationFinding
from projects import audit
from projects.models import Project
from projects.services import upload_files
from reviews.models import RememberedDecision
from tests.cast import api_client_for, upload
from tests.reviews.builders import review_item_of
from tests.security.routes import ROUTES, Target, content_of, is_api

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
ESCAPED = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;"]


def assert_no_markup(url: str, text: str) -> None:
    assert SCRIPT not in text and "<img src=x" not in text, f"unescaped upload text on {url}"


@pytest.fixture
def hostile(project, ca, owner) -> Target:
    """Every kind of text a client's file or a member puts on a page, carrying markup."""
    Project.objects.filter(pk=project.pk).update(company_name=f"Roadlines {SCRIPT}")
    project.refresh_from_db()
    upload_files(project, [upload(f"{IMAGE}.pdf")], acting_user=ca)
    upload_files(project, [upload(f"{SCRIPT}.pdf", b"GIF89a")], acting_user=ca)  # refused
    item = review_item_of(project, f"Sundry debtors {SCRIPT}", section=f"Current assets {IMAGE}")
    ValidationFinding.objects.create(
        project=project, code="balance_sheet_mismatch", level="error", message=f"Off {IMAGE}"
    )
    audit.record(audit.REVIEW_DECIDED, firm=project.firm, project=project, actor=ca,
                 message=f"“{SCRIPT}”: approved")  # fmt: skip
    RememberedDecision.objects.create(
        firm=project.firm,
        label_key="sundry debtors",
        label=f"Sundry debtors {SCRIPT}",
        context=f"Current assets {IMAGE}",
        cma_key="receivables",
    )
    return Target(project=project, review_item=item, member=owner.membership)


def test_every_portal_page_shows_markup_as_text(hostile, owner):
    client = Client()
    client.force_login(owner)
    shown = {}
    for name, route in ROUTES.items():
        url = route.url(name, hostile)
        if is_api(url) or "get" not in route.methods or name == "projects:download":
            continue  # the API and the workbook are no HTML pages
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        shown[name] = text = content_of(response)
        assert_no_markup(url, text)
    # The hostile text is really on the pages that show it, escaped.
    assert all(escaped in shown["projects:detail"] for escaped in ESCAPED)
    assert all(escaped in shown["reviews:screen"] for escaped in ESCAPED)
    assert all(escaped in shown["projects:activity"] for escaped in ESCAPED)


def test_every_admin_page_shows_markup_as_text(hostile):
    root = get_user_model().objects.create_superuser("root@cma.in", "root@cma.in", "x" * 12)
    client = Client()
    client.force_login(root)
    pages = 0
    for model in admin.site._registry:
        pks = model._default_manager.values_list("pk", flat=True)[:50]
        urls = [admin_url(model, "changelist"), *(admin_url(model, "change", pk) for pk in pks)]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert_no_markup(url, response.content.decode())
            pages += 1
    assert pages > 20
    for model in (LineItem, RememberedDecision):
        assert ESCAPED[0] in client.get(admin_url(model, "changelist")).content.decode()


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_the_api_answers_json_with_the_text_as_uploaded(hostile, ca):
    api = api_client_for(ca)
    response = api.get(f"/api/v1/projects/{hostile.project.pk}/review-items/")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["results"][0]["label"] == f"Sundry debtors {SCRIPT}"


def test_no_template_script_or_view_marks_text_safe():
    """The escaping above holds for pages to come: nothing opts out of it."""
    found = []
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templatetags/*.py")]:
        text = path.read_text()
        for mark in ("|safe", "mark_safe", "autoescape off", "SafeString"):
            if mark in text:
                found.append(f"{path.relative_to(ROOT)}: {mark}")
    for path in ROOT.glob("static/*.js"):
        for mark in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            if mark in path.read_text():
                found.append(f"{path.relative_to(ROOT)}: {mark}")
    # Django's plain-text password reset email is not HTML.
    assert found == ["templates/registration/password_reset_email.html: autoescape off"]
