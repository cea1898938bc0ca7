"""A CA's reclassification, loaded by the classifier's layer 1, finds the same label again."""

from __future__ import annotations

from pipeline.classifier.memory import Memory
from pipeline.item_context import item_context
from projects.models import Project
from reviews import services
from tests.reviews.builders import line_item, review_item_of


def test_the_next_project_of_the_firm_recalls_the_cas_row_and_another_firm_does_not(
    project, ca, firm, other_firm
):
    decided = review_item_of(project, "Salary & wages payable")
    services.reclassify_item(decided, cma_key="statutory_liabilities", acting_user=ca)
    next_project = Project.objects.create(firm=firm, company_name="Next", constitution="llp")
    their_project = Project.objects.create(firm=other_firm, company_name="T", constitution="llp")
    ours = item_context(line_item(next_project, "SALARY AND WAGES PAYABLE"))
    theirs = item_context(line_item(their_project, "Salary & wages payable"))

    recalled = Memory(services.remembered_for(firm)).recall(ours)
    not_theirs = Memory(services.remembered_for(other_firm)).recall(theirs)

    assert (recalled.cma_key, recalled.sign) == ("statutory_liabilities", 1)
    assert not_theirs is None


def test_an_exclusion_is_recalled_as_an_exclusion(project, ca, firm):
    decided = review_item_of(project, "Memo: bills discounted")
    services.exclude_item(decided, reason="Contingent, not a balance", acting_user=ca)

    recalled = Memory(services.remembered_for(firm)).recall(item_context(decided.line_item))

    assert recalled.cma_key is None
