"""What build_cma accepts, and what it refuses with a reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.cma.build import build_cma
from pipeline.cma.model import CmaInputError, Contribution, ProjectInfo, YearDocument

PROJECT = ProjectInfo(company="Test Traders", constitution="Private Limited Company")
DOCUMENTS = [YearDocument("FY2025", "fs-2025.pdf", "schedule_iii")]


def sales(amount, counts_for=("FY2025",), key="sales_domestic", sign=1) -> Contribution:
    return Contribution(key, sign, {"FY2025": amount}, counts_for, "i-1")


def test_amounts_from_a_json_float_stay_exact():
    cma = build_cma(PROJECT, DOCUMENTS, [sales(1234.1), sales("0.2")])
    assert cma.value("sales_domestic", "FY2025") == Decimal("1234.3")


def test_an_item_counts_only_for_the_years_its_document_wins():
    comparative = sales(999, counts_for=())  # the earlier statement's view of FY2025
    cma = build_cma(PROJECT, DOCUMENTS, [sales(100), comparative])
    assert cma.value("sales_domestic", "FY2025") == Decimal(100)


def test_only_the_years_asked_for_are_computed():
    project = ProjectInfo(company="T", constitution="llp", years_wanted=("FY2025",))
    documents = [*DOCUMENTS, YearDocument("FY2024", "fs-2024.pdf", "schedule_iii")]
    cma = build_cma(project, documents, [sales(100)])
    assert cma.actual_years == ["FY2025"]


@pytest.mark.parametrize(
    ("contribution", "words"),
    [
        (sales(1, key="net_sales"), "computed row"),
        (sales(1, key="turnover"), "not a CMA row"),
        (sales(1, sign=2), "must be 1 or -1"),
        (Contribution("sales_domestic", 1, {"FY2024": 1}, ("FY2025",), "i-9"), "no amount"),
    ],
)
def test_bad_contributions_are_refused(contribution, words):
    with pytest.raises(CmaInputError, match=words):
        build_cma(PROJECT, DOCUMENTS, [contribution])


def test_two_documents_counting_for_one_year_are_refused():
    with pytest.raises(CmaInputError, match="Two documents count for FY2025"):
        build_cma(PROJECT, [*DOCUMENTS, YearDocument("FY2025", "tb.csv", "trial_balance")], [])


def test_no_statement_for_any_year_asked_for_is_refused():
    with pytest.raises(CmaInputError, match="No statement gives any of the years"):
        build_cma(PROJECT, [], [])


def test_unknown_constitution_and_unit_are_refused():
    with pytest.raises(CmaInputError, match="Unknown constitution"):
        ProjectInfo(company="T", constitution="trust")
    with pytest.raises(CmaInputError, match="display_unit"):
        ProjectInfo(company="T", constitution="partnership", display_unit="thousands")
