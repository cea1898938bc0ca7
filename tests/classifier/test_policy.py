"""Firm settings for the treatments CAs disagree on."""

from __future__ import annotations

import pytest

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext
from pipeline.classifier.policy import SETTINGS, Policy, PolicyError

EXPENSE = {"statement": "profit_and_loss", "section": "Other expenses"}


def row(policy: Policy, item: ItemContext) -> str | None:
    return Classifier(policy=policy).classify([item])[0].cma_key


def test_defaults_follow_the_samples_conventions():
    policy = Policy()
    assert policy.director_remuneration == "sga_expenses"
    assert policy.promoter_loans == "term_liability"
    assert policy.repairs == "split"
    assert policy.auto_approve_above == 0.70


def test_a_stored_policy_round_trips():
    stored = {"director_remuneration": "direct_labour", "repairs": "manufacturing"}
    policy = Policy.from_dict(stored)
    assert Policy.from_dict(policy.to_dict()) == policy
    assert policy.to_dict()["director_remuneration"] == "direct_labour"
    assert Policy.from_dict(None) == Policy()


def test_an_unknown_setting_is_an_error_naming_it():
    with pytest.raises(PolicyError, match="'director_salary'"):
        Policy.from_dict({"director_salary": "direct_labour"})


def test_an_unknown_choice_is_an_error_listing_the_choices():
    with pytest.raises(PolicyError, match="sga_expenses, direct_labour"):
        Policy.from_dict({"director_remuneration": "salaries"})


@pytest.mark.parametrize("threshold", [0, 1.5, "0.7", True])
def test_the_auto_approve_threshold_must_be_a_number_in_zero_one(threshold):
    with pytest.raises(PolicyError):
        Policy(auto_approve_above=threshold)


def test_describe_gives_one_sentence_per_setting_for_the_notes_sheet():
    sentences = Policy(promoter_loans="quasi_equity").describe()
    assert len(sentences) == len(SETTINGS) + 1
    assert any("quasi-equity" in s for s in sentences)
    assert all(s.endswith(".") for s in sentences)


@pytest.mark.parametrize(
    ("choices", "item", "expected"),
    [
        ({}, ItemContext("Directors' remuneration", **EXPENSE), "sga_expenses"),
        (
            {"director_remuneration": "direct_labour"},
            ItemContext("Directors' remuneration", **EXPENSE),
            "direct_labour",
        ),
        (
            {"promoter_loans": "quasi_equity"},
            ItemContext(
                "Loans from directors", section="Long-term borrowings", subsection="Unsecured"
            ),
            "other_reserves",
        ),
        ({}, ItemContext("Repairs to machinery", **EXPENSE), "other_mfg_expenses"),
        ({}, ItemContext("Repairs to building", **EXPENSE), "sga_expenses"),
        (
            {"repairs": "administrative"},
            ItemContext("Repairs to machinery", **EXPENSE),
            "sga_expenses",
        ),
        (
            {"repairs": "manufacturing"},
            ItemContext("Repairs to building", **EXPENSE),
            "other_mfg_expenses",
        ),
        ({"bank_charges": "sga_expenses"}, ItemContext("Bank charges", **EXPENSE), "sga_expenses"),
        (
            {"export_incentives": "nonop_income"},
            ItemContext("Export incentives (RoDTEP)", section="Revenue from operations"),
            "nonop_income",
        ),
        (
            {"fixed_deposits": "cash_bank"},
            ItemContext("Fixed deposits with banks", section="Cash and bank balances"),
            "cash_bank",
        ),
        (
            {"scrap_sales": "nonop_income"},
            ItemContext("Scrap sales", section="Revenue from operations"),
            "nonop_income",
        ),
    ],
)
def test_the_classifier_applies_the_firms_policy(choices, item, expected):
    assert row(Policy.from_dict(choices), item) == expected


MAKER = {"industry": "manufacturing", "constitution": "private_limited"}
EMPLOYEES = {"statement": "profit_and_loss", "section": "Employee benefits expense", **MAKER}
DIRECT = {"statement": "profit_and_loss", "tally_group": "Direct Expenses", "side": "Dr", **MAKER}
INDIRECT = {"statement": "profit_and_loss", "tally_group": "Indirect Expenses", "side": "Dr"}
STAFF = ("Salaries and allowances", "Bonus", "Contribution to provident fund", "Gratuity")


@pytest.mark.parametrize("label", [*STAFF, "Staff welfare expenses"])
def test_a_manufacturers_staff_costs_follow_the_firms_setting(label):
    item = ItemContext(label, **EMPLOYEES)
    assert row(Policy(), item) == "sga_expenses"
    assert row(Policy(manufacturer_staff_costs="direct_labour"), item) == "direct_labour"
    trader = ItemContext(label, **{**EMPLOYEES, "industry": "trading"})
    assert row(Policy(manufacturer_staff_costs="direct_labour"), trader) == "sga_expenses"


def test_factory_wages_are_direct_labour_whatever_the_staff_cost_setting():
    item = ItemContext("Wages to factory workers", **EMPLOYEES)
    for choice in SETTINGS["manufacturer_staff_costs"]:
        assert row(Policy(manufacturer_staff_costs=choice), item) == "direct_labour"


@pytest.mark.parametrize(
    ("choice", "direct", "indirect"),
    [
        ("as_printed", "other_mfg_expenses", "sga_expenses"),
        ("manufacturing", "other_mfg_expenses", "other_mfg_expenses"),
        ("selling", "sga_expenses", "sga_expenses"),
    ],
)
def test_packing_and_forwarding_follow_the_firms_setting(choice, direct, indirect):
    policy = Policy(packing_forwarding=choice)
    assert row(policy, ItemContext("Packing and forwarding charges", **DIRECT)) == direct
    assert row(policy, ItemContext("Packing and forwarding charges", **INDIRECT)) == indirect


@pytest.mark.parametrize(
    ("choice", "rent", "security_direct", "security_indirect"),
    [
        ("split", "other_mfg_expenses", "other_mfg_expenses", "sga_expenses"),
        ("manufacturing", "other_mfg_expenses", "other_mfg_expenses", "other_mfg_expenses"),
        ("administrative", "sga_expenses", "sga_expenses", "sga_expenses"),
    ],
)
def test_factory_overheads_follow_the_firms_setting(
    choice, rent, security_direct, security_indirect
):
    policy = Policy(factory_overheads=choice)
    indirect = {**INDIRECT, **MAKER}
    assert row(policy, ItemContext("Factory rent", **indirect)) == rent
    assert row(policy, ItemContext("Security charges", **DIRECT)) == security_direct
    assert row(policy, ItemContext("Security charges", **indirect)) == security_indirect
    assert row(policy, ItemContext("Hamali and loading charges", **indirect)) == security_indirect


def test_the_notes_sheet_states_the_three_new_settings():
    text = " ".join(Policy().describe())
    assert "employee cost" in text or "salaries" in text
    assert "Packing and forwarding" in text
    assert "Factory rent" in text


def test_the_evidence_names_the_setting_that_decided():
    verdict = Classifier().classify([ItemContext("Directors' remuneration", **EXPENSE)])[0]
    assert "director_remuneration" in verdict.evidence
