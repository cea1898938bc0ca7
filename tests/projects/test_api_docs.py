"""The API's documentation page, and what the schema says of each endpoint.

An integrator reads /api/v1/docs/: every endpoint needs a summary of its own (not a
mixin's docstring) and the refusals it can send, each with the shared body.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from projects.api_responses import MEANINGS

pytestmark = pytest.mark.django_db

OPERATIONS = ("get", "post", "put", "patch", "delete")


@pytest.fixture
def schema(api) -> dict:
    return api.get("/api/v1/schema/?format=json").json()


def operations(schema: dict):
    for path, item in schema["paths"].items():
        for method in OPERATIONS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def test_the_docs_page_is_served_to_members_from_the_app_itself(client: Client, ca):
    anonymous = client.get("/api/v1/docs/")
    assert anonymous.status_code == 401
    client.force_login(ca)
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/api/v1/schema/" in html
    assert "redoc" in html.lower()
    assert "cdn.jsdelivr.net" not in html  # the sidecar serves Redoc: no CDN needed
    script = next(part.split('"')[0] for part in html.split('src="')[1:] if "redoc" in part)
    assert finders.find(script.removeprefix(settings.STATIC_URL).lstrip("/")), script


def test_every_endpoint_has_a_summary_and_a_description_of_its_own(schema):
    described = dict(operations(schema))
    assert len(described) >= 16
    for name, operation in described.items():
        assert operation.get("summary"), f"{name} has no summary"
        assert "Mixin" not in operation.get("description", ""), f"{name}: {operation}"
    summaries = [operation["summary"] for operation in described.values()]
    assert len(set(summaries)) == len(summaries), "two endpoints share a summary"


def test_every_endpoint_documents_its_refusals_with_the_shared_body(schema):
    refusal = schema["components"]["schemas"]["Refusal"]
    assert "detail" in refusal["required"]
    codes_seen: set[str] = set()
    for name, operation in operations(schema):
        responses = operation["responses"]
        assert "401" in responses, f"{name} does not document 401"
        for code, response in responses.items():
            if code.startswith(("4", "5")):
                codes_seen.add(code)
                assert response["description"] == MEANINGS[int(code)]
                body = response["content"]["application/json"]["schema"]
                assert body["$ref"].endswith("/Refusal"), f"{name} {code}"
    assert {"400", "403", "404", "409", "429", "503"} <= codes_seen


def test_uploads_and_runs_document_the_limit_and_the_conflict(schema):
    paths = schema["paths"]
    upload = paths["/api/v1/projects/{id}/files/"]["post"]["responses"]
    process = paths["/api/v1/projects/{id}/process"]["post"]["responses"]
    assert {"400", "409", "429"} <= set(upload) and {"409", "429"} <= set(process)
