"""The project's django-fsm transitions hold the lifecycle of ../shared/design.md and
nothing more: every (state, transition) pair is tried, and only the lifecycle's moves
succeed. No step starts from draft but extract; nothing leaves error but a retry (a
step's start), reopen, or nothing at all."""

import pytest
from django_fsm import TransitionNotAllowed, can_proceed

from pipeline.options import PipelineOptions
from projects.models import Project
from projects.services import Conflict, start_processing
from projects.status import Status

S = Status
# Written from the design's lifecycle, not from the model: draft ─process▶ extracting ▶
# extracted ▶ classifying ▶ classified ▶ reviewing ─resume▶ validating ▶ validated ▶
# generating ▶ completed; a review with nothing to review passes from classified to
# validating; any state ─fail▶ error ─retry▶ the failed step; completed ─process
# (force_reprocess or start_from)▶ that step; the admin reopens error or completed.
RESTART = {S.ERROR, S.COMPLETED}
LIFECYCLE = {
    "start_extracting": {S.DRAFT} | RESTART,
    "finish_extracting": {S.EXTRACTING},
    "start_classifying": {S.EXTRACTED} | RESTART,
    "finish_classifying": {S.CLASSIFYING},
    "await_review": {S.CLASSIFIED} | RESTART,
    "start_validating": {S.CLASSIFIED, S.REVIEWING} | RESTART,
    "finish_validating": {S.VALIDATING},
    "start_generating": {S.VALIDATED} | RESTART,
    "complete": {S.GENERATING},
    "fail": set(S) - {S.ERROR},
    "reopen": {S.ERROR, S.COMPLETED},
}
PAIRS = [(state, name) for state in S for name in LIFECYCLE]


def test_the_table_names_every_transition_of_the_model():
    names = {t.name for t in Project._meta.get_field("status").get_all_transitions(Project)}
    assert names == set(LIFECYCLE)


@pytest.mark.parametrize(("state", "name"), PAIRS, ids=[f"{s.value}-{n}" for s, n in PAIRS])
def test_only_the_lifecycles_moves_are_allowed(state, name):
    project = Project(status=state)
    allowed = state in LIFECYCLE[name]
    assert can_proceed(getattr(project, name)) is allowed
    if allowed:
        getattr(project, name)()
        assert project.status != state
    else:
        with pytest.raises(TransitionNotAllowed):
            getattr(project, name)()
        assert project.status == state


@pytest.mark.django_db
def test_processing_a_draft_from_a_later_step_is_refused_before_any_claim(project_with_file, ca):
    with pytest.raises(Conflict, match="draft project runs from the extract step"):
        start_processing(project_with_file, PipelineOptions(start_from="generate"), acting_user=ca)
    project = Project.objects.get(pk=project_with_file.pk)
    assert (project.status, project.is_processing) == ("draft", False)
