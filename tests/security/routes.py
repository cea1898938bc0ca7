"""Every route of the portal and the API, read from the URL resolver, and how to call it.

`ROUTES` is the table the boundary tests walk: for each named route, its
arguments and the body of each method it accepts. A route added to the URL
map without a row here fails `test_every_route_is_in_the_table`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from tests.cast import api_client_for, upload

METHODS = ("get", "post", "put", "patch", "delete")

# Routes that hold no firm's data, each with the reason it is left out of the table.
NOT_FIRM_DATA = {
    # A redirect to the project list, which is in the table.
    "home",
    # Signing in and out, and passwords: django.contrib.auth's own pages, before a firm.
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    # The OpenAPI schema: the shape of the API, no firm's data (members only:
    # tests/projects/test_api.py).
    "api-schema",
    # Its documentation page (Redoc over that schema), members only like the schema.
    "api-docs",
}
# Django admin scopes every model to the firm admin's firm: tests/admin/test_scoping.py.
ADMIN_NAMESPACE = "admin"


@dataclass(frozen=True)
class Target:
    """One firm's objects that the other firm's members try to reach."""

    project: object
    review_item: object
    member: object  # a Membership of the firm

    @property
    def secrets(self) -> list[str]:
        """Text that must never appear in an answer to another firm."""
        return [self.project.company_name, str(self.project.pk), self.review_item.line_item.label]


Body = Callable[[], object]


@dataclass(frozen=True)
class Route:
    args: Callable[[Target], list] = lambda target: []
    methods: dict[str, Body] = field(default_factory=lambda: {"get": dict})

    def url(self, name: str, target: Target) -> str:
        return reverse(name, args=self.args(target))


def _file() -> dict:
    return {"file": upload("their-statement.pdf", b"%PDF-1.4 another firm's statement")}


def _project() -> dict:
    return {"company_name": "Their Client Pvt Ltd", "constitution": "private_limited"}


def project(target: Target) -> list:
    return [target.project.pk]


# The portal: form posts are plain dicts (multipart), the API's bodies are JSON.
ROUTES: dict[str, Route] = {
    "projects:list": Route(),
    "projects:new": Route(methods={"get": dict, "post": _project}),
    "projects:members": Route(),
    "projects:member-add": Route(
        methods={"post": lambda: {"email": "new@their-firm.in", "role": "ca"}}
    ),
    "projects:member-role": Route(
        args=lambda t: [t.member.pk], methods={"post": lambda: {"role": "owner"}}
    ),
    "projects:detail": Route(args=project),
    "projects:upload": Route(args=project, methods={"post": _file}),
    "projects:file-remove": Route(
        args=lambda t: [t.project.pk, t.project.files.first().pk], methods={"post": dict}
    ),
    "projects:process": Route(args=project, methods={"post": lambda: {"force_reprocess": "on"}}),
    "projects:retry": Route(args=project, methods={"post": dict}),
    "projects:activity": Route(args=project),
    "projects:download": Route(args=project),
    "projects:form-one": Route(
        args=project, methods={"get": dict, "post": lambda: {"pan": "AAAPL1234C"}}
    ),
    "projects:assumptions": Route(
        args=project, methods={"get": dict, "post": lambda: {"balancing_row": "cash_bank"}}
    ),
    "projects:term-loans": Route(args=project, methods={"get": dict, "post": dict}),
    "projects:term-loan-read": Route(args=project, methods={"post": _file}),
    "projects:stock-statement": Route(args=project, methods={"get": dict, "post": dict}),
    "projects:stock-statement-read": Route(args=project, methods={"post": _file}),
    "reviews:screen": Route(args=project),
    "reviews:decide": Route(
        args=lambda t: [t.project.pk, t.review_item.pk],
        methods={"post": lambda: {"decision": "approve"}},
    ),
    "reviews:approve-all": Route(args=project, methods={"post": lambda: {"whole_project": "on"}}),
    "reviews:continue": Route(args=project, methods={"post": lambda: {"confirm_pending": "on"}}),
    "reviews:move": Route(
        args=project,
        methods={"post": lambda: {"items": ["1"], "row": "51", "confirm_other_statement": "on"}},
    ),
    "reviews:reopen": Route(args=project, methods={"post": lambda: {"line_item": "1"}}),
    "api:project-list": Route(methods={"get": dict, "post": _project}),
    "api:project-detail": Route(args=project),
    "api:project-files": Route(args=project, methods={"get": dict, "post": _file}),
    "api:project-file": Route(
        args=lambda t: [t.project.pk, t.project.files.first().pk], methods={"delete": dict}
    ),
    "api:project-process": Route(
        args=project, methods={"post": lambda: {"options": {"force_reprocess": True}}}
    ),
    "api:project-progress": Route(args=project),
    "api:project-retry": Route(args=project, methods={"post": dict}),
    "api:project-resume": Route(args=project, methods={"post": dict}),
    "api:project-cma": Route(args=project),
    "api:project-workbook": Route(args=project),
    "api:project-form-one": Route(
        args=project, methods={"get": dict, "put": lambda: {"facilities": []}}
    ),
    "api:project-assumptions": Route(
        args=project, methods={"get": dict, "put": lambda: {"assumptions": {}}}
    ),
    "api:project-term-loans": Route(
        args=project, methods={"get": dict, "put": lambda: {"loans": []}}
    ),
    "api:project-term-loan-read": Route(args=project, methods={"post": _file}),
    "api:project-stock-statement": Route(
        args=project, methods={"get": dict, "put": lambda: {"stock": "100"}}
    ),
    "api:project-stock-statement-read": Route(args=project, methods={"post": _file}),
    "api:classify": Route(
        methods={"post": lambda: [{"label": "Sundry debtors", "section": "Current assets"}]}
    ),
    "reviews-api:list": Route(args=project),
    "reviews-api:approve-all": Route(args=project, methods={"post": dict}),
    "reviews-api:detail": Route(
        args=lambda t: [t.review_item.pk],
        methods={"get": dict, "patch": lambda: {"decision": "approve"}},
    ),
    "reviews-api:crop": Route(args=lambda t: [t.review_item.pk]),
}


def named_routes() -> dict[str, str]:
    """{qualified name: route} of every named URL, admin and the allow-list left out."""
    found: dict[str, str] = {}

    def walk(patterns, prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = ":".join(filter(None, [namespace, entry.namespace]))
                if inner != ADMIN_NAMESPACE:
                    walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern) and entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if name not in NOT_FIRM_DATA:
                    found[name] = prefix + str(entry.pattern)

    walk(get_resolver().url_patterns, "/", "")
    return found


def names_an_object(route: str) -> bool:
    return "<" in route


def is_api(url: str) -> bool:
    return url.startswith("/api/")


def client_for(user, url: str):
    """The API by token, the portal by session; signed out when `user` is None."""
    if is_api(url):
        return api_client_for(user) if user else APIClient()
    client = Client()
    if user:
        client.force_login(user)
    return client


def call(user, method: str, url: str, body: object = None) -> HttpResponse:
    """One request as `user` (None: signed out) with the route's body for `method`."""
    client = client_for(user, url)
    if is_api(url):
        uploading = isinstance(body, dict) and any(
            isinstance(value, SimpleUploadedFile) for value in body.values()
        )
        return getattr(client, method)(url, body, format="multipart" if uploading else "json")
    if method in ("get", "post"):
        return getattr(client, method)(url, body or {})
    return client.generic(method.upper(), url)


def content_of(response: HttpResponse) -> str:
    """The whole body, a streamed download included (its file closed afterwards)."""
    if response.streaming:
        data = b"".join(response.streaming_content)
        response.close()
    else:
        data = response.content
    return data.decode(errors="replace")
