"""Issue 16 point 12: the admin shows stored structures as tables and lists, dates as the
portal writes them and file sizes in KB and MB, never raw JSON or bytes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from projects import audit
from projects.admin_display import readable
from projects.models import AuditEntry, Project

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 12, 6, 21, 9, tzinfo=ZoneInfo("UTC"))  # 7 Dec 2026, 02:39 in Kolkata


def test_a_project_page_reads_its_options_and_steps_as_tables(firm_admin_client, project_with_file):
    Project.objects.filter(pk=project_with_file.pk).update(
        options={"skip_review": True, "auto_approve_above": 0.9},
        pipeline_steps={
            "extract": {
                "status": "completed",
                "started_at": WHEN.isoformat(),
                "duration_ms": 5500,
                "attempts": 1,
                "summary": "92 line items from 1 of 1 files",
            }
        },
        created_at=WHEN,
    )
    page = firm_admin_client.get(
        reverse("admin:projects_project_change", args=[project_with_file.pk])
    ).content.decode()
    assert "<th scope='row'>Skip review</th><td>yes</td>" in page
    assert "<th scope='row'>Auto approve above</th><td>0.9</td>" in page
    assert '"skip_review"' not in page and "&quot;skip_review&quot;" not in page
    assert "&quot;status&quot;" not in page and '"duration_ms"' not in page
    assert (
        "<td>Extract line items</td><td>Done</td><td>7 Dec 2026, 02:39</td><td>5.5 s</td>" in page
    )
    assert "7 Dec 2026, 02:39" in page  # created at, in the portal's format
    assert "a.m." not in page


def test_file_sizes_read_in_kilobytes(firm_admin_client, project, ca):
    from projects.services import upload_files
    from tests.cast import upload

    upload_files(project, [upload("big.pdf", b"%PDF-1.4 " + b"x" * 1_250_000)], acting_user=ca)
    page = firm_admin_client.get(
        reverse("admin:projects_project_change", args=[project.pk])
    ).content.decode()
    assert "1.2\xa0MB" in page
    assert "1250009" not in page


def test_an_audit_entrys_details_read_as_a_table(firm_admin_client, firm, project, ca):
    entry = audit.record(
        audit.FILE_REMOVED, firm=firm, project=project, actor=ca, message="wrong.pdf",
        size=1234, status="failed",
    )  # fmt: skip
    AuditEntry.objects.filter(pk=entry.pk)  # append-only: read as written
    page = firm_admin_client.get(
        reverse("admin:projects_auditentry_change", args=[entry.pk])
    ).content.decode()
    assert "<th scope='row'>Status</th><td>failed</td>" in page
    assert "&quot;status&quot;" not in page


def test_lists_of_records_become_tables_and_other_lists_bullets():
    table = readable([{"cma_key": "51", "confidence": 0.4}, {"cma_key": "9"}])
    assert "<th scope='col'>Cma key</th><th scope='col'>Confidence</th>" in table
    assert "<tr><td>9</td><td>—</td></tr>" in table
    assert (
        readable(["FY2024", "FY2025"]) == "<ul class='readable'><li>FY2024</li><li>FY2025</li></ul>"
    )
    assert readable({}) == "—"
