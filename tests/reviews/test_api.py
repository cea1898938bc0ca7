"""The review API: list, decide, approve all; firm boundary and roles."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from projects.models import AuditEntry
from reviews.models import RememberedDecision
from tests.cast import api_client_for
from tests.reviews.builders import review_item_of


@pytest.fixture
def item(project):
    return review_item_of(project, "Salary payable")


def list_url(project) -> str:
    return f"/api/v1/projects/{project.pk}/review-items/"


def item_url(item) -> str:
    return f"/api/v1/review-items/{item.pk}/"


def test_list_shows_each_item_with_provenance_proposal_and_decision(api, project, item):
    response = api.get(list_url(project))

    assert response.status_code == 200
    [row] = response.data["results"]
    assert row["label"] == "Salary payable"
    assert row["amounts"] == {"FY2024": "100000.00", "FY2025": "1234567.00"}
    assert row["provenance"] == {
        "file": "audited-fy2025.pdf",
        "page": 7,
        "sheet": None,
        "row": 12,
        "statement": "balance_sheet",
        "section": "Other current liabilities",
        "subsection": None,
        "note": "9",
    }
    assert row["proposed"]["cma_key"] == "other_current_liabilities"
    assert row["proposed"]["row"] == "26"
    assert row["proposed"]["label"].startswith("Other current liabilities")
    assert row["confidence"] == 0.55
    assert row["evidence"].startswith("Vocabulary")
    assert row["alternatives"][0]["cma_key"] == "statutory_liabilities"
    assert row["alternatives"][0]["row"] == "24"
    assert (row["status"], row["decision"], row["decided_by"]) == ("pending", None, None)


def test_list_filters_by_status_and_refuses_an_unknown_one(api, ca, project, item):
    review_item_of(project, "Audit fees payable")
    api.patch(item_url(item), {"decision": "approve"}, format="json")

    pending = api.get(list_url(project), {"status": "pending"}).data["results"]
    approved = api.get(list_url(project), {"status": "approved"}).data["results"]

    assert [r["label"] for r in pending] == ["Audit fees payable"]
    assert [r["label"] for r in approved] == ["Salary payable"]
    assert approved[0]["decided_by"] == ca.email and approved[0]["decided_at"]
    assert api.get(list_url(project), {"status": "maybe"}).status_code == 400


def test_patch_approve_records_who_and_when_with_an_audit_row(api, ca, project, item):
    response = api.patch(item_url(item), {"decision": "approve"}, format="json")

    assert response.status_code == 200
    assert response.data["status"] == "approved"
    assert response.data["decision"]["row"]["cma_key"] == "other_current_liabilities"
    assert response.data["decided_by"] == ca.email
    entry = AuditEntry.objects.get(action="review_decided")
    assert (entry.actor, entry.project) == (ca, project)


def test_patch_reclassify_with_sign_is_remembered(api, item):
    response = api.patch(
        item_url(item),
        {"decision": "reclassify", "cma_key": "statutory_liabilities", "sign": -1},
        format="json",
    )

    assert response.status_code == 200
    assert response.data["status"] == "reclassified"
    assert response.data["decision"]["row"] == {
        "cma_key": "statutory_liabilities",
        "row": "24",
        "label": "Other statutory liabilities due within one year (GST, TDS, PF, ESI payable)",
        "sign": -1,
    }
    assert RememberedDecision.objects.get().cma_key == "statutory_liabilities"


def test_patch_split_and_a_split_that_does_not_add_up(api, item):
    bad = api.patch(
        item_url(item),
        {
            "decision": "split",
            "split": [
                {"cma_key": "sga_expenses", "share": 0.6},
                {"cma_key": "interest", "share": 0.3},
            ],
        },
        format="json",
    )
    good = api.patch(
        item_url(item),
        {
            "decision": "split",
            "split": [
                {"cma_key": "sga_expenses", "share": 0.6},
                {"cma_key": "interest", "share": 0.4},
            ],
        },
        format="json",
    )

    assert bad.status_code == 400
    assert bad.data["errors"] == ["The shares add up to 0.9, not 1."]
    assert good.status_code == 200
    assert good.data["status"] == "split"
    assert good.data["decision"]["split"][1]["amounts"] == {
        "FY2024": "40000.00",
        "FY2025": "493826.80",
    }


def test_patch_exclude_needs_a_reason(api, item):
    missing = api.patch(item_url(item), {"decision": "exclude"}, format="json")
    done = api.patch(item_url(item), {"decision": "exclude", "reason": "A total"}, format="json")

    assert missing.status_code == 400
    assert "Say why" in missing.data["detail"]
    assert done.status_code == 200
    assert done.data["decision"]["reason"] == "A total"


def test_patch_refuses_an_unknown_decision(api, item):
    response = api.patch(item_url(item), {"decision": "maybe"}, format="json")

    assert response.status_code == 400
    assert "decision" in response.data


def test_approve_all_of_a_section(api, project, item):
    review_item_of(
        project, "Sundry advances", cma_key="other_current_assets", section="Other current assets"
    )

    response = api.post(
        f"/api/v1/projects/{project.pk}/review-items/approve-all",
        {"section": "Other current assets"},
        format="json",
    )

    assert response.status_code == 200
    assert response.data == {"approved": 1, "left": 1, "other_statement": 0, "unsure": 0}
    assert AuditEntry.objects.filter(action="review_bulk_approved").count() == 1


def test_approve_all_of_the_whole_project(api, project, item):
    response = api.post(f"/api/v1/projects/{project.pk}/review-items/approve-all", format="json")

    assert response.data == {"approved": 1, "left": 0, "other_statement": 0, "unsure": 0}


def test_staff_may_view_but_not_decide(staff, project, item):
    client = api_client_for(staff)

    assert client.get(list_url(project)).status_code == 200
    assert client.get(item_url(item)).status_code == 200
    refused = client.patch(item_url(item), {"decision": "approve"}, format="json")
    bulk = client.post(f"/api/v1/projects/{project.pk}/review-items/approve-all", format="json")

    assert refused.status_code == 403
    assert refused.data["detail"] == "Only a CA or the firm's owner can review line items."
    assert bulk.status_code == 403
    item.refresh_from_db()
    assert item.status == "pending"


def test_another_firms_ca_gets_a_404_on_every_endpoint(other_api, project, item):
    calls = [
        ("get", list_url(project), None),
        ("get", item_url(item), None),
        ("patch", item_url(item), {"decision": "approve"}),
        ("post", f"/api/v1/projects/{project.pk}/review-items/approve-all", {}),
    ]
    for method, url, body in calls:
        response = getattr(other_api, method)(url, body, format="json")
        assert response.status_code == 404, (method, url, response.status_code)
    item.refresh_from_db()
    assert item.status == "pending"


def test_an_anonymous_caller_is_refused(project, item):
    assert APIClient().get(list_url(project)).status_code in (401, 403)
