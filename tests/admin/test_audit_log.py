"""The audit log in admin: visible to the firm admin, and read-only for everyone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from projects import audit
from projects.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(firm, project, ca) -> AuditEntry:
    return audit.record(
        audit.FILE_UPLOADED, firm=firm, project=project, actor=ca, message="statement.pdf"
    )


@pytest.mark.parametrize("client_name", ["firm_admin_client", "superuser_client"])
def test_the_audit_log_cannot_be_added_changed_or_deleted(request, client_name, entry):
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("admin:projects_auditentry_add")).status_code == 403
    change = reverse("admin:projects_auditentry_change", args=[entry.pk])
    page = client.get(change)
    assert page.status_code == 200 and b'name="message"' not in page.content
    assert client.post(change, {"message": "rewritten"}).status_code == 403
    delete = reverse("admin:projects_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = client.get(reverse("admin:projects_auditentry_changelist"))
    assert b"delete_selected" not in changelist.content
    assert AuditEntry.objects.get(pk=entry.pk).message == "statement.pdf"


def test_the_audit_log_reads_as_plain_language(firm_admin_client, entry):
    page = firm_admin_client.get(reverse("admin:projects_auditentry_changelist")).content
    assert b"File uploaded" in page and b"statement.pdf" in page
