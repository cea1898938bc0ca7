"""The review step: a review item per pending classification, idempotent, skip_review."""

from __future__ import annotations

from pipeline.errors import StepResult
from pipeline.models import LineItem
from pipeline.orchestrator import resume_pipeline, run_pipeline
from pipeline.steps import review
from projects.models import Project
from reviews import services
from reviews.models import ReviewItem
from tests.pipeline.fake_steps import Steps
from tests.reviews.builders import (
    awaiting_review,
    classify,
    line_item,
    pending_item,
    run_review,
    source_file,
)


def test_creates_a_review_item_for_each_pending_classification_only(project):
    pending_item(project, "Salary payable")
    pending_item(project, "Sundry balances written back", "nonop_income")
    classify(
        line_item(project, "Trade payables"), "sundry_creditors", decision="auto", confidence=0.97
    )
    classify(line_item(project, "Total"), "", decision="excluded", exclude_reason="a total")

    result = run_review(project)

    items = list(project.review_items.order_by("id"))
    assert [i.line_item.label for i in items] == ["Salary payable", "Sundry balances written back"]
    assert all(i.status == "pending" for i in items)
    assert items[1].proposed_key == "nonop_income"
    assert items[0].confidence == 0.55
    assert items[0].evidence.startswith("Vocabulary")
    assert items[0].alternatives == [{"cma_key": "statutory_liabilities", "confidence": 0.3}]
    assert result.needs_review is True
    assert result.counts["pending"] == 2


def test_nothing_pending_needs_no_review(project):
    classify(line_item(project, "Trade payables"), "sundry_creditors", decision="auto")

    result = run_review(project)

    assert project.review_items.count() == 0
    assert result.needs_review is False
    assert result.counts["pending"] == 0


def test_an_item_that_counts_for_no_year_is_not_asked_about(project):
    """A later statement gives every year of it: its row cannot change the CMA."""
    classify(line_item(project, "Salary payable", counts_for=[]))

    result = run_review(project)

    assert project.review_items.count() == 0
    assert result.needs_review is False


def test_running_twice_leaves_the_same_rows_and_keeps_decisions(project, ca):
    pending_item(project, "Salary payable")
    pending_item(project, "Rent payable")
    run_review(project)
    awaiting_review(project)
    decided = project.review_items.get(line_item__label="Salary payable")
    services.reclassify_item(decided, cma_key="statutory_liabilities", acting_user=ca)
    before = sorted(project.review_items.values_list("id", "status", "cma_key"))

    result = run_review(project)

    assert sorted(project.review_items.values_list("id", "status", "cma_key")) == before
    assert result.counts["pending"] == 1


def test_a_decision_survives_extraction_replacing_the_line_items(project, ca):
    pending_item(project, "Salary payable")
    run_review(project)
    awaiting_review(project)
    services.exclude_item(
        project.review_items.get(), reason="Shown again in note 9", acting_user=ca
    )
    old = LineItem.objects.get(project=project)
    # Extraction replaces every line item with an identical one (a new id).
    LineItem.objects.filter(pk=old.pk).delete()
    fresh = LineItem.objects.create(
        **{f.name: getattr(old, f.name) for f in LineItem._meta.concrete_fields if f.name != "id"}
    )
    classify(fresh)

    run_review(project)

    item = project.review_items.get()
    assert item.line_item == fresh
    assert item.status == "excluded"


def test_items_no_longer_printed_or_no_longer_pending_are_dropped_unless_decided(project, ca):
    gone = pending_item(project, "Round off")
    now_sure = pending_item(project, "Audit fees payable")
    run_review(project)
    gone.delete()
    classify(now_sure, decision="auto", confidence=0.95)

    run_review(project)

    assert project.review_items.count() == 0


def test_a_refreshed_proposal_replaces_the_snapshot_of_a_pending_item(project):
    item = pending_item(project, "Bank charges")
    run_review(project)
    classify(item, "interest", confidence=0.62, evidence="Label 'bank charges'")

    run_review(project)

    review = project.review_items.get()
    assert (review.proposed_key, review.confidence) == ("interest", 0.62)


def test_skip_review_approves_every_pending_item_as_classified(project):
    pending_item(project, "Salary payable")
    result = run_review(project, skip_review=True)

    item = project.review_items.get()
    assert item.status == "approved"
    assert item.unreviewed is True
    assert item.cma_key == "other_current_liabilities"
    assert item.decided_by is None
    assert result.needs_review is False
    assert result.counts == {
        "pending": 0,
        "pending_items": 0,
        "created": 1,
        "approved_unreviewed": 1,
    }


def test_skip_review_leaves_an_item_without_a_proposal_pending_and_says_so(project):
    pending_item(project, "Misc. balances", "")

    result = run_review(project, skip_review=True)

    assert project.review_items.get().status == "pending"
    assert result.needs_review is False
    assert "no proposed row" in result.problems[0]


def test_a_run_without_skip_review_reopens_unreviewed_approvals(project):
    pending_item(project, "Salary payable")
    run_review(project, skip_review=True)

    result = run_review(project)

    item = project.review_items.get()
    assert (item.status, item.unreviewed, item.cma_key) == ("pending", False, "")
    assert result.needs_review is True


def test_each_project_has_its_own_review_items(project, other_firm):
    theirs = Project.objects.create(firm=other_firm, company_name="X", constitution="llp")
    pending_item(project, "Salary payable")
    pending_item(theirs, "Salary payable", source=source_file(theirs))

    run_review(project)

    assert ReviewItem.objects.get().project == project


def test_the_pipeline_pauses_for_review_and_resumes_after_it(project_with_file, ca):
    def classify_step(project, options):
        pending_item(project, "Salary payable")
        return StepResult(summary="classified")

    steps = Steps(classify=classify_step, review=review.run)

    paused = run_pipeline(project_with_file.pk, project_with_file.firm_id, steps=steps)

    project = Project.objects.get(pk=project_with_file.pk)
    assert paused.awaiting_review
    assert project.status == "reviewing"
    services.approve_all(project, acting_user=ca)
    resumed = resume_pipeline(project.pk, project.firm_id, steps=steps)
    assert resumed.completed
