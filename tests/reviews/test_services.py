"""Decisions through reviews.services: who and when, audit rows, memory, bulk approval."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from pipeline import claims
from projects import audit
from projects.models import AuditEntry, Project
from projects.services import Conflict
from projects.status import Status
from reviews import services
from reviews.memory import keys_for
from reviews.models import RememberedDecision
from tests.reviews.builders import awaiting_review, pending_item, review_item_of, run_review


def audit_of(project, action="review_decided"):
    return AuditEntry.objects.filter(project=project, action=action).order_by("id")


def test_approve_records_the_proposed_row_who_and_when(project, ca):
    item = review_item_of(project)

    item = services.approve_item(item, acting_user=ca)

    item.refresh_from_db()
    assert (item.status, item.cma_key, item.sign) == ("approved", "other_current_liabilities", 1)
    assert item.decided_by == ca and item.decided_at is not None
    entry = audit_of(project).get()
    assert entry.actor == ca
    assert entry.details["decision"] == "approved"
    assert entry.details["item"] == item.pk
    assert "Salary payable" in entry.message


def test_approve_refuses_an_item_without_a_proposed_row(project, ca):
    item = review_item_of(project, cma_key="")

    with pytest.raises(services.InvalidDecision, match="choose a row or exclude"):
        services.approve_item(item, acting_user=ca)


def test_reclassify_moves_the_item_with_its_sign_and_remembers_it_for_the_firm(project, ca):
    item = review_item_of(project, "Closing stock of raw material", cma_key="inventory_rm")

    services.reclassify_item(item, cma_key="rm_indigenous", sign=-1, acting_user=ca)

    item.refresh_from_db()
    assert (item.status, item.cma_key, item.sign) == ("reclassified", "rm_indigenous", -1)
    memory = RememberedDecision.objects.get()
    assert memory.firm == project.firm
    assert (memory.cma_key, memory.sign, memory.label) == (
        "rm_indigenous",
        -1,
        "Closing stock of raw material",
    )
    assert (memory.label_key, memory.context_key) == keys_for(item.line_item)
    assert memory.decided_by == ca and memory.source_project == project
    assert audit_of(project).get().details["remembered"] is True


def test_reclassify_refuses_a_computed_or_unknown_row(project, ca):
    item = review_item_of(project)

    for key in ("net_sales", "nonsense", ""):
        with pytest.raises(services.InvalidDecision, match="not an input row"):
            services.reclassify_item(item, cma_key=key, acting_user=ca)
    with pytest.raises(services.InvalidDecision, match="sign"):
        services.reclassify_item(item, cma_key="interest", sign=2, acting_user=ca)


def test_reclassifying_to_the_proposed_row_is_an_approval(project, ca):
    item = review_item_of(project)

    item = services.reclassify_item(item, cma_key="other_current_liabilities", acting_user=ca)

    assert item.status == "approved"
    assert not RememberedDecision.objects.exists()


def test_exclude_needs_a_reason_and_is_remembered_as_an_exclusion(project, ca):
    item = review_item_of(project, "Total of note 9")
    with pytest.raises(services.InvalidDecision, match="Say why"):
        services.exclude_item(item, reason="  ", acting_user=ca)

    services.exclude_item(item, reason="The total of note 9", acting_user=ca)

    item.refresh_from_db()
    assert (item.status, item.exclude_reason, item.cma_key) == (
        "excluded",
        "The total of note 9",
        "",
    )
    memory = RememberedDecision.objects.get()
    assert (memory.cma_key, memory.reason) == ("", "The total of note 9")


def test_split_by_shares_stores_each_parts_amounts(project, ca):
    item = review_item_of(project, "Rent, rates and taxes", amounts={"FY2025": "100000.00"})

    services.split_item(
        item,
        parts=[
            {"cma_key": "sga_expenses", "share": "0.7"},
            {"cma_key": "other_mfg_expenses", "sign": 1, "share": 0.3},
        ],
        acting_user=ca,
    )

    item.refresh_from_db()
    assert item.status == "split"
    assert [p["amounts"] for p in item.split] == [{"FY2025": "70000.00"}, {"FY2025": "30000.00"}]
    assert audit_of(project).get().details["split"][0]["cma_key"] == "sga_expenses"
    assert not RememberedDecision.objects.exists()


def test_a_split_that_does_not_add_up_is_refused_with_every_reason(project, ca):
    item = review_item_of(project, amounts={"FY2025": "1000.00"})

    with pytest.raises(services.InvalidDecision) as refused:
        services.split_item(
            item,
            parts=[{"cma_key": "term_loans", "share": 0.5}, {"cma_key": "net_worth", "share": 0.4}],
            acting_user=ca,
        )

    assert any("net_worth" in error for error in refused.value.errors)
    item.refresh_from_db()
    assert item.status == "pending"
    assert not audit_of(project).exists()


def test_changing_a_reclassification_back_withdraws_what_it_taught(project, ca):
    item = review_item_of(project)
    services.reclassify_item(item, cma_key="statutory_liabilities", acting_user=ca)

    services.approve_item(item, acting_user=ca)

    assert not RememberedDecision.objects.exists()
    assert audit_of(project).last().details["memory_withdrawn"] is True


def test_a_later_decision_of_the_same_label_updates_the_memory(project, ca, second_ca):
    first = review_item_of(project, "Salary payable")
    services.reclassify_item(first, cma_key="statutory_liabilities", acting_user=ca)
    pending_item(project, "SALARY PAYABLE.", page=9)
    run_review(project)
    second = project.review_items.get(line_item__label="SALARY PAYABLE.")

    services.reclassify_item(second, cma_key="direct_labour", acting_user=second_ca)

    memory = RememberedDecision.objects.get()
    assert (memory.cma_key, memory.decided_by) == ("direct_labour", second_ca)


def test_staff_may_not_decide(project, staff):
    item = review_item_of(project)

    with pytest.raises(PermissionDenied, match="Only a CA"):
        services.approve_item(item, acting_user=staff)
    with pytest.raises(PermissionDenied):
        services.approve_all(project, acting_user=staff)


def test_another_firms_ca_may_not_decide(project, other_ca):
    item = review_item_of(project)

    with pytest.raises(PermissionDenied):
        services.exclude_item(item, reason="not ours", acting_user=other_ca)


def test_no_decision_while_the_project_is_being_processed(project, ca):
    item = review_item_of(project)
    claims.take(project.pk, project.firm_id, [Status.REVIEWING])

    with pytest.raises(Conflict, match="being processed"):
        services.approve_item(item, acting_user=ca)


def test_approve_all_of_a_section_leaves_other_sections_and_decided_items(project, ca, second_ca):
    a = review_item_of(project, "Salary payable")
    review_item_of(project, "Audit fees payable")
    review_item_of(
        project, "Sundry advances", cma_key="other_current_assets", section="Other current assets"
    )
    services.reclassify_item(a, cma_key="statutory_liabilities", acting_user=ca)

    result = services.approve_all(
        project, section="Other current liabilities", acting_user=second_ca
    )

    assert (result.approved, result.left) == (1, 1)
    statuses = dict(project.review_items.values_list("line_item__label", "status"))
    assert statuses == {
        "Salary payable": "reclassified",
        "Audit fees payable": "approved",
        "Sundry advances": "pending",
    }
    approved = project.review_items.get(line_item__label="Audit fees payable")
    assert approved.decided_by == second_ca and approved.cma_key == "other_current_liabilities"
    entry = audit_of(project, "review_bulk_approved").get()
    assert entry.details["count"] == 1 and entry.details["section"] == "Other current liabilities"


def test_approve_all_without_a_section_skips_items_with_no_proposal(project, ca):
    review_item_of(project, "Salary payable")
    review_item_of(project, "Misc.", cma_key="")

    result = services.approve_all(project, acting_user=ca)

    assert (result.approved, result.left) == (1, 1)


def test_remembered_for_lists_only_the_firms_own_decisions(project, ca, other_firm, other_ca):
    item = review_item_of(project, "Salary payable")
    services.reclassify_item(item, cma_key="statutory_liabilities", acting_user=ca)
    excluded = review_item_of(project, "Memo: contingent liabilities")
    services.exclude_item(excluded, reason="A memo", acting_user=ca)
    theirs = awaiting_review(
        Project.objects.create(firm=other_firm, company_name="Y", constitution="llp")
    )
    their_item = review_item_of(theirs, "Salary payable")
    services.reclassify_item(their_item, cma_key="direct_labour", acting_user=other_ca)

    ours = services.remembered_for(project.firm)

    label_key, context_key = keys_for(item.line_item)
    assert ours[0] == (label_key, context_key, "statutory_liabilities", 1)
    assert (ours[1].cma_key, len(ours)) == (None, 2)  # an exclusion
    assert [r.cma_key for r in services.remembered_for(other_firm)] == ["direct_labour"]
    memory = RememberedDecision.objects.get(firm=project.firm, cma_key="statutory_liabilities")
    assert memory.context == "Balance sheet › Other current liabilities › Note 9"


def test_forget_decision_is_for_the_firms_owner_and_audited(project, ca, owner, other_firm):
    item = review_item_of(project)
    services.reclassify_item(item, cma_key="statutory_liabilities", acting_user=ca)
    memory = RememberedDecision.objects.get()

    with pytest.raises(PermissionDenied):
        services.forget_decision(memory, acting_user=ca)
    services.forget_decision(memory, acting_user=owner)

    assert not RememberedDecision.objects.exists()
    entry = AuditEntry.objects.get(action=audit.REVIEW_MEMORY_FORGOTTEN)
    assert entry.actor == owner and entry.firm == project.firm
