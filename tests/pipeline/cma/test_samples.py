"""Every sample company's CMA equals its ground truth, to the paisa (ratios to four
decimals), and its statements pass validation without errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.cma.build import build_cma
from pipeline.cma.checks import check_cma
from pipeline.cma.money import to_ratio
from tests.pipeline.cma.samples import (
    BAD_DRAFT,
    LARGE,
    RATIO_KEYS,
    companies,
    inputs,
    load,
    load_path,
)

SAMPLES = [*companies(), "_bad", "_large"]


def _truth(company: str) -> dict:
    special = {"_bad": BAD_DRAFT, "_large": LARGE}
    return load_path(special[company]) if company in special else load(company)


def _differences(cma, truth: dict) -> list[str]:
    wrong = []
    for key, by_year in truth["expected"].items():
        for year, text in by_year.items():
            value = cma.value(key, year)
            shown = to_ratio(value) if key in RATIO_KEYS else value
            if shown != Decimal(text):
                wrong.append(f"{key} {year}: computed {shown}, expected {text}")
    return wrong


@pytest.mark.parametrize("company", SAMPLES)
def test_every_expected_figure_matches_the_ground_truth(company):
    truth = _truth(company)
    cma = build_cma(**inputs(truth))
    assert _differences(cma, truth) == []


@pytest.mark.parametrize("company", companies())
def test_trial_balance_closing_reproduces_the_derived_items(company):
    truth = load(company)
    cma = build_cma(**inputs(truth))
    computed = sorted((d.cma_key, d.year, d.amount) for d in cma.derived)
    expected = sorted(
        (item["cma_key"], year, Decimal(amount))
        for item in truth["derived_items"]
        for year, amount in item["amounts"].items()
    )
    assert computed == expected


def test_gupta_electricals_trial_balance_year_closes_profit_into_capital():
    cma = build_cma(**inputs(load("gupta-electricals")))
    (derived,) = cma.derived
    assert (derived.cma_key, derived.year) == ("share_capital", "FY2025")
    assert derived.amount == cma.value("retained_profit", "FY2025") == Decimal("888800.57")


@pytest.mark.parametrize("company", companies())
def test_sample_statements_pass_validation_without_errors(company):
    cma = build_cma(**inputs(load(company)))
    errors = [f for f in check_cma(cma) if f.level == "error"]
    assert errors == []


@pytest.mark.parametrize("company", SAMPLES)
def test_fund_flow_change_in_nwc_equals_change_in_row_63(company):
    cma = build_cma(**inputs(_truth(company)))
    tying = [
        y
        for y in cma.year_keys
        if cma.value("total_assets", y) == cma.value("total_liabilities", y)
    ]
    for previous, year in zip(cma.year_keys, cma.year_keys[1:], strict=False):
        if previous in tying and year in tying:
            change = cma.value("net_working_capital", year) - cma.value(
                "net_working_capital", previous
            )
            assert cma.value("ff_long_term_surplus", year) == change, year


@pytest.mark.parametrize("company", SAMPLES)
def test_projected_balance_sheets_balance(company):
    cma = build_cma(**inputs(_truth(company)))
    for year in cma.years:
        if not year.is_actual:
            assert cma.value("total_assets", year.key) == cma.value("total_liabilities", year.key)
