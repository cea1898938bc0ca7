"""Form II's splits of interest and tax, and Form III's deferred tax liability:
sub-rows that add up to rows which keep their meaning."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.build import build_cma
from pipeline.cma.export import cma_document
from pipeline.cma.model import CmaInputError, Contribution, LineItem, ProjectInfo, YearDocument
from pipeline.cma.workbook import FIRST_COLUMN, build_workbook
from tests.pipeline.cma.synthetic import TIES
from tests.pipeline.cma.test_workbook import row_of

# The synthetic trader with a term loan, a cash credit and taxes printed apart.
PRINTED = {
    "FY2024": [
        ("Current tax", "tax", 20_000), ("Deferred tax", "tax", 3_000),
        ("Term loan from SBI", "term_loans", 200_000),
        ("Cash credit from SBI", "bank_borrowings_wc", 200_000),
        ("Unsecured loans from directors", "other_term_liabilities", 50_000),
        ("Deferred tax liabilities (net)", "other_term_liabilities", 27_000),
        ("Interest on term loan and cash credit", "interest", 40_000),
    ],
    "FY2025": [
        ("Current tax", "tax", 25_000), ("Deferred tax", "tax", -2_000),
        ("Term loan from SBI", "term_loans", 150_000),
        ("Cash credit from SBI", "bank_borrowings_wc", 250_000),
        ("Unsecured loans from directors", "other_term_liabilities", 50_000),
        ("Deferred tax liabilities (net)", "other_term_liabilities", 25_000),
        ("Interest on term loan and cash credit", "interest", 36_000),
    ],
}  # fmt: skip


def _cma(extra: list[Contribution] = ()):
    contributions, items = list(extra), []
    for year, rows in TIES.items():
        contributions += [
            Contribution(key, 1, {year: Decimal(amount)}, (year,), f"{year}-{key}")
            for key, amount in rows.items()
        ]
        # the cash it borrowed sits in the bank, so its balance sheets still tie
        loans = sum(amount for _, key, amount in PRINTED[year] if key not in ("interest", "tax"))
        contributions.append(Contribution("cash_bank", 1, {year: Decimal(loans)}, (year,), "c"))
        for n, (label, key, amount) in enumerate(PRINTED[year]):
            item = f"{year}-{n}"
            items.append(LineItem(item, "fs.pdf", label, {year: Decimal(amount)}, cma_key=key))
            contributions.append(Contribution(key, 1, {year: Decimal(amount)}, (year,), item))
    documents = [YearDocument(year, f"fs-{year}.pdf", "schedule_iii") for year in TIES]
    project = ProjectInfo(company="Test Traders", constitution="private_limited")
    return build_cma(project, documents, contributions, items)


@pytest.fixture(scope="module")
def cma():
    return _cma()


def test_tax_splits_into_current_and_deferred_from_the_printed_lines(cma):
    assert cma.value("tax_deferred", "FY2024") == Decimal(3_000)
    assert cma.value("tax_current", "FY2024") == Decimal(20_000)
    assert cma.value("tax_deferred", "FY2025") == Decimal(-2_000)
    assert cma.value("tax_current", "FY2025") == Decimal(25_000)


def test_interest_splits_into_term_loans_and_working_capital(cma):
    # no schedule: term debt 200,000 of 477,000 interest-bearing debt bears its share
    term = (Decimal(40_000) * 200_000 / 477_000).quantize(Decimal("0.01"))
    assert cma.value("interest_term_loans", "FY2024") == term
    assert cma.value("interest_working_capital", "FY2024") == Decimal(40_000) - term


def test_the_parts_add_up_to_their_rows_in_every_year(cma):
    for year in cma.year_keys:
        for whole, parts in (
            ("interest", ("interest_term_loans", "interest_working_capital")),
            ("tax", ("tax_current", "tax_deferred")),
        ):
            assert sum(cma.value(part, year) for part in parts) == cma.value(whole, year), year


def test_deferred_tax_liability_stays_within_row_34_and_is_carried(cma):
    assert cma.value("deferred_tax_liability", "FY2025") == Decimal(25_000)
    assert cma.value("other_term_liabilities", "FY2025") == Decimal(75_000)
    projected = cma.year_keys[-1]
    assert cma.value("deferred_tax_liability", projected) == Decimal(25_000)


def test_a_part_is_never_a_classification_target():
    wrong = Contribution("tax_deferred", 1, {"FY2025": Decimal(1)}, ("FY2025",), "x")
    with pytest.raises(CmaInputError, match="classified into 'tax'"):
        _cma([wrong])


def test_the_json_and_the_workbook_carry_the_parts(cma):
    rows = cma_document(cma)["rows"]
    assert rows["tax_deferred"]["FY2024"] == 3000
    assert rows["deferred_tax_liability"]["FY2025"] == 25000
    ws = load_workbook(BytesIO(build_workbook(cma)))["Form II"]
    row = row_of(ws, "interest_working_capital")
    whole, part = row_of(ws, "interest"), row_of(ws, "interest_term_loans")
    assert ws.cell(row, 1).value == "9(ii)"
    # empty, as the JSON's null, when there is no debt to estimate it from
    assert ws.cell(row, FIRST_COLUMN).value == f'=IFERROR((C{whole}-C{part}),"")'
    assert ws.cell(row_of(ws, "tax_current"), 2).value.startswith("of which: current tax")
