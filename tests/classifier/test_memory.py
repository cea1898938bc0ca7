"""Layer 1: the firm's own earlier decisions."""

from __future__ import annotations

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext
from pipeline.classifier.memory import EXCLUDED_BY_FIRM, Memory, Remembered
from pipeline.classifier.normalise import context_key, label_key

OCL = {"statement": "balance_sheet", "section": "Other current liabilities"}
OCA = {"statement": "balance_sheet", "section": "Other current assets"}


def classify(memory: Memory, item: ItemContext):
    return Classifier(memory=memory).classify([item])[0]


def test_a_remembered_decision_wins_over_the_vocabulary():
    item = ItemContext("Due to Sharma & Co.", **OCL)
    memory = Memory([Remembered.of(item, "sundry_creditors")])
    verdict = classify(memory, item)
    assert (verdict.cma_key, verdict.layer) == ("sundry_creditors", "memory")
    assert verdict.confidence >= 0.95


def test_entries_are_stored_under_the_public_keys():
    item = ItemContext("To Salary Payable", **OCL)
    entry = Remembered.of(item, "other_current_liabilities")
    assert (entry.label, entry.context) == (label_key(item.label), context_key(item))
    memory = Memory([(entry.label, entry.context, entry.cma_key, entry.sign)])
    assert len(memory) == 1
    assert classify(memory, ItemContext("Salary payable", **OCL)).layer == "memory"


def test_a_near_identical_wording_in_the_same_context_is_recalled():
    memory = Memory(
        [Remembered.of(ItemContext("Amount due to Sharma Traders", **OCL), "sundry_creditors")]
    )
    verdict = classify(memory, ItemContext("Amount due to Sharma Tradres", **OCL))
    assert (verdict.cma_key, verdict.layer) == ("sundry_creditors", "memory")
    assert "near-identical" in verdict.evidence


def test_the_same_label_in_another_context_is_not_recalled():
    memory = Memory([Remembered.of(ItemContext("Others", **OCL), "statutory_liabilities")])
    verdict = classify(memory, ItemContext("Others", **OCA))
    assert (verdict.cma_key, verdict.layer) == ("other_current_assets", "vocabulary")


def test_a_disputed_decision_uses_the_latest_but_goes_to_review():
    item = ItemContext("Due to Sharma & Co.", **OCL)
    memory = Memory(
        [Remembered.of(item, "sundry_creditors"), Remembered.of(item, "other_current_liabilities")]
    )
    verdict = classify(memory, item)
    assert verdict.cma_key == "other_current_liabilities"
    assert verdict.confidence < 0.70


def test_a_remembered_exclusion_excludes():
    item = ItemContext("Memo: bills discounted (contra)", **OCL)
    verdict = classify(Memory([Remembered.of(item, None)]), item)
    assert (verdict.cma_key, verdict.exclude_reason) == (None, EXCLUDED_BY_FIRM)


def test_decisions_for_rows_that_no_longer_exist_are_ignored():
    item = ItemContext("Salary payable", **OCL)
    memory = Memory([Remembered.of(item, "salaries_payable_old_row")])
    assert len(memory) == 0
    assert classify(memory, item).layer == "vocabulary"
