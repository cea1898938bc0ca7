"""The project's unit: the CA's choice, or by default what banks use for a borrower of
its size (crores from ₹100 crore of latest net sales, lakhs below)."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.export import cma_document
from pipeline.cma.workbook import build_workbook
from tests.pipeline.cma.synthetic import cma_from, figures

HUNDRED_CRORE = 1_000_000_000


@pytest.mark.parametrize(
    ("latest_sales", "unit"),
    [(HUNDRED_CRORE - 1, "lakhs"), (HUNDRED_CRORE, "crores"), (1_000_000, "lakhs")],
)
def test_auto_unit_follows_the_latest_net_sales(latest_sales, unit):
    cma = cma_from(figures(FY2025={"sales_domestic": latest_sales}))
    assert cma.project.display_unit == unit
    assert cma_document(cma)["project"]["unit"] == unit
    cover = load_workbook(BytesIO(build_workbook(cma)))["Cover"]
    assert unit.replace("lakhs", "₹ lakhs").replace("crores", "₹ crores") in [
        cover.cell(row, 2).value for row in range(3, 9)
    ]


def test_a_chosen_unit_is_kept_whatever_the_size():
    big = figures(FY2025={"sales_domestic": 5 * HUNDRED_CRORE})
    assert cma_from(big, display_unit="rupees").project.display_unit == "rupees"
    assert cma_from(figures(), display_unit="crores").project.display_unit == "crores"
