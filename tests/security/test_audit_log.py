"""The audit log is append-only: the model refuses to change or delete a row, and no
page or endpoint of the portal or the API changes one, whoever calls it and however."""

from __future__ import annotations

import pytest
from django.db import transaction

from projects import audit
from projects.models import AuditEntry
from tests.security.routes import METHODS, ROUTES, call

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(firm, project, ca) -> AuditEntry:
    return audit.record(audit.FILE_UPLOADED, firm=firm, project=project, actor=ca, message="a.pdf")


def rows() -> list[dict]:
    return list(AuditEntry.objects.order_by("pk").values())


def test_a_saved_entry_cannot_be_saved_again(entry):
    entry.message = "rewritten"
    with pytest.raises(PermissionError, match="append-only"):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).message == "a.pdf"


@pytest.mark.parametrize(
    "write",
    [
        lambda e: e.delete(),
        lambda e: AuditEntry.objects.filter(pk=e.pk).update(message="rewritten"),
        lambda e: AuditEntry.objects.filter(pk=e.pk).delete(),
        lambda e: AuditEntry.objects.bulk_update([e], ["message"]),
    ],
    ids=["delete", "queryset update", "queryset delete", "bulk update"],
)
def test_the_model_refuses_every_way_to_change_or_delete(entry, write):
    with pytest.raises(PermissionError, match="append-only"), transaction.atomic():
        write(entry)
    assert rows() == [AuditEntry.objects.filter(pk=entry.pk).values().get()]


@pytest.mark.parametrize("name", ROUTES)
def test_no_route_changes_or_deletes_an_entry(name, target, owner):
    """The firm's owner, who may do the most, sends every method to every route: the
    entries already written stay as they were (new ones may follow them)."""
    route = ROUTES[name]
    url = route.url(name, target)
    before = rows()
    assert before
    for method in METHODS:
        body = route.methods.get(method, dict)()
        call(owner, method, url, body)
        after = {row["id"]: row for row in rows()}
        assert [after.get(row["id"]) for row in before] == before, (method, url)
