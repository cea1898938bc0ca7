"""Keys the firm's memory stores decisions under, and the words the vocabulary matches."""

from __future__ import annotations

import pytest

from pipeline.classifier.context import ItemContext
from pipeline.classifier.normalise import context_key, label_key, words
from pipeline.classifier.vocabulary import default_vocabulary

LABELS = [
    "To Balance c/d",
    "(a) Share capital",
    "VII. Profit for the year (V - VI)",
    "Less: Closing stock",
    "10,00,000 Equity shares of ₹10 each",
    "Bank of Baroda CC A/c 04520500001234",
    "To Interest on partners' capital",
    "  Sundry   Creditors (for Expenses) ",
]


@pytest.mark.parametrize("label", LABELS)
def test_label_key_is_idempotent(label):
    assert label_key(label_key(label)) == label_key(label)


def test_label_key_ignores_case_enumerators_prefixes_and_numbers():
    assert label_key("To Balance C/D") == label_key("balance c/d") == "balance carried_down"
    assert label_key("(b) Trade payables") == label_key("Trade Payables")
    assert label_key("10,00,000 Equity shares") == label_key("5,00,000 Equity shares")
    assert label_key("Less: Closing stock") == "closing stock"


def test_context_key_separates_sections_but_not_years():
    assert context_key(ItemContext("Others", section="Other current liabilities")) != context_key(
        ItemContext("Others", section="Other current assets")
    )
    this_year = ItemContext("Buildings", column="Gross block - As at 31 March 2025")
    last_year = ItemContext("Buildings", column="Gross block - As at 31 March 2024")
    assert context_key(this_year) == context_key(last_year)


def test_words_expand_abbreviations_stem_and_drop_fillers():
    abbreviations = default_vocabulary().abbreviations
    assert words("Int. on CC A/c", abbreviations) == ("interest", "cash", "credit", "account")
    assert words("Loans from Directors", abbreviations) == ("loan", "director")
    assert words("Duties & Taxes") == ("duty", "tax")
