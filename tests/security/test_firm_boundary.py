"""The firm boundary on every route of the portal and the API, walked from the URL map.

Another firm's member gets a 404 (never a 403 that would confirm the object
exists, never its data) for every method a route accepts, and changes
nothing; nobody signed out gets past the sign-in (401 from the API with the
scheme to use, a redirect from the portal).
"""

from __future__ import annotations

import pytest
from django_q.models import OrmQ

from pipeline.models import Classification, CmaResult, LineItem
from projects.models import AuditEntry, Membership, Project, SourceFile
from reviews.models import RememberedDecision, ReviewItem
from tests.security.routes import (
    METHODS,
    ROUTES,
    call,
    content_of,
    is_api,
    named_routes,
    names_an_object,
)

pytestmark = pytest.mark.django_db


def snapshot(firm) -> dict:
    """Everything of a firm a request could change (timestamps included) and the queue."""
    return {
        "projects": list(Project.objects.filter(firm=firm).values()),
        "files": list(SourceFile.objects.filter(project__firm=firm).values()),
        "line items": list(LineItem.objects.filter(project__firm=firm).values()),
        "classifications": list(
            Classification.objects.filter(line_item__project__firm=firm).values()
        ),
        "review items": list(ReviewItem.objects.filter(project__firm=firm).values()),
        "remembered": list(RememberedDecision.objects.filter(firm=firm).values()),
        "cma": list(CmaResult.objects.filter(project__firm=firm).values()),
        "members": list(Membership.objects.filter(firm=firm).values()),
        "audit": list(AuditEntry.objects.filter(firm=firm).values()),
        "queued tasks": OrmQ.objects.count(),
    }


def test_every_route_is_in_the_table():
    """A new route needs a row in tests/security/routes.py (or a reasoned place in the
    allow-list) before it ships."""
    routes = named_routes()
    assert set(routes) - set(ROUTES) == set(), "routes missing from the table"
    assert set(ROUTES) - set(routes) == set(), "rows of the table without a route"


@pytest.mark.parametrize("name", ROUTES)
def test_another_firm_gets_404_and_changes_nothing(name, target, outsiders):
    route = ROUTES[name]
    url = route.url(name, target)
    object_route = names_an_object(named_routes()[name])
    before = snapshot(target.project.firm)
    for user in outsiders:
        for method, body in route.methods.items():
            response = call(user, method, url, body())
            seen = (user.email, method, url, response.status_code)
            if object_route:
                assert response.status_code == 404, seen
            text = content_of(response)
            assert not [secret for secret in target.secrets if secret in text], seen
            assert snapshot(target.project.firm) == before, seen


@pytest.mark.parametrize("name", ROUTES)
def test_the_firms_own_member_reaches_what_the_table_names(name, target, owner):
    """The other side of the 404s above: the same requests find the object for its firm."""
    route = ROUTES[name]
    url = route.url(name, target)
    for method, body in route.methods.items():
        response = call(owner, method, url, body())
        assert response.status_code not in (404, 405), (method, url, response.status_code)


@pytest.mark.parametrize("name", ROUTES)
def test_the_table_lists_every_method_a_route_accepts(name, target, owner):
    route = ROUTES[name]
    url = route.url(name, target)
    before = snapshot(target.project.firm)
    for method in set(METHODS) - set(route.methods):
        response = call(owner, method, url)
        assert response.status_code == 405, (method, url, response.status_code)
    assert snapshot(target.project.firm) == before


@pytest.mark.parametrize("name", ROUTES)
def test_signed_out_the_api_answers_401_and_the_portal_asks_to_sign_in(name, target):
    route = ROUTES[name]
    url = route.url(name, target)
    before = snapshot(target.project.firm)
    for method, body in route.methods.items():
        response = call(None, method, url, body())
        if is_api(url):
            assert response.status_code == 401, (method, url, response.status_code)
            assert response["WWW-Authenticate"] == "Token", (method, url)
        else:
            assert response.status_code == 302, (method, url, response.status_code)
            assert response["Location"].startswith("/accounts/login/?next="), (method, url)
        assert target.project.company_name not in content_of(response)
    assert snapshot(target.project.firm) == before


def test_a_review_item_of_another_firm_is_404_under_ones_own_project(target, other_ca):
    """The decide path names two objects: the member's own project does not open the
    other firm's item."""
    own = Project.objects.create(
        firm=other_ca.membership.firm, company_name="Theirs", constitution="llp"
    )
    url = ROUTES["reviews:decide"].url(
        "reviews:decide", target.__class__(own, target.review_item, target.member)
    )
    before = snapshot(target.project.firm)
    response = call(other_ca, "post", url, {"decision": "approve"})
    assert response.status_code == 404
    assert snapshot(target.project.firm) == before
