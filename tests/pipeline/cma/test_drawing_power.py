"""Drawing power from a stock statement: (stock − creditors for goods) × (1 − stock margin)
+ receivables up to 90 days × (1 − receivables margin), against the facility's limit;
on its own sheet (live formulas carrying their values) and in the JSON."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.drawing_power import StockPosition, drawing_power
from pipeline.cma.export import cma_document
from pipeline.cma.form_one import Facility, FormOne
from pipeline.cma.workbook import build_workbook
from pipeline.readers.stock_statement import read_stock_statement
from tests.pipeline.cma.recalc import recalculate, soffice
from tests.pipeline.cma.synthetic import TIES, cma_from
from tests.readers.stock_fixtures import simple_list

D = Decimal
READ = read_stock_statement(simple_list(), "March 2026.xlsx")
POSITION = StockPosition(
    stock=READ.total_stock,
    creditors_for_goods=READ.creditors_for_goods,
    receivables_under_90=READ.receivables_under_90,
    receivables_over_90=READ.receivables_over_90,
    period=READ.period,
    source="read from March 2026.xlsx",
)
CASH_CREDIT = Facility("cash_credit", existing=D(5_000_000), proposed=D(6_000_000))


def test_the_default_margins_are_25_percent_on_stock_and_40_on_receivables():
    dp = drawing_power(POSITION, FormOne())
    # (42,50,000 − 9,50,000) × 75 % + 22,00,000 × 60 %: the borrower's own 37,95,000.
    assert (dp.stock_dp, dp.receivables_dp) == (D(2_475_000), D(1_320_000))
    assert dp.drawing_power == D(3_795_000)
    assert dp.limit is None and dp.available == dp.drawing_power


def test_the_facilitys_margins_apply_and_the_dp_is_compared_with_its_limit():
    strict = Facility("cash_credit", existing=D(3_000_000), proposed=D(4_000_000),
                      stock_margin_pct=D(30), receivables_margin_pct=D(50))  # fmt: skip
    guarantee = Facility("bank_guarantee", existing=D(9_000_000))  # not drawn against stock
    dp = drawing_power(POSITION, FormOne.of({}, [guarantee, strict]))
    assert dp.drawing_power == D(3_300_000) * D("0.7") + D(2_200_000) * D("0.5")  # 34,10,000
    assert dp.available == D(3_000_000) and dp.shortfall == 0  # the limit binds
    covered = drawing_power(POSITION, FormOne.of({}, [CASH_CREDIT]))
    assert covered.available == D(3_795_000) and covered.shortfall == D(1_205_000)
    # Creditors above the stock leave no paid stock, never a negative one.
    owing = drawing_power(StockPosition(D(100), D(500), D(1000)), FormOne())
    assert owing.paid_stock == 0 and owing.drawing_power == D(600)


def test_the_sheet_and_the_json_carry_the_drawing_power():
    cma = cma_from(TIES, stock_position=POSITION, form_one=FormOne.of({}, [CASH_CREDIT]),
                   display_unit="lakhs")  # fmt: skip
    data = build_workbook(cma)
    ws = load_workbook(BytesIO(data))["Drawing power"]
    assert ws["B13"].value == "=B9+B12" and ws["B18"].value == "=MIN(B13,B16)"
    values = load_workbook(BytesIO(data), data_only=True)["Drawing power"]
    assert (values["B13"].value, values["B16"].value, values["B19"].value) == (
        37.95, 50, 12.05
    )  # fmt: skip
    document = cma_document(cma)["drawing_power"]
    assert document["drawing_power"] == 3_795_000 and document["shortfall"] == 1_205_000
    assert document["facility"] == "Cash credit" and document["stock_margin_pct"] == 25
    assert document["period"] == READ.period
    without = cma_from(TIES)
    assert cma_document(without)["drawing_power"] is None
    assert "Drawing power" not in load_workbook(BytesIO(build_workbook(without))).sheetnames


@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_recalculates_the_dp_and_form_ones_totals_as_the_json(tmp_path):
    strict = Facility("cash_credit", existing=D(3_000_000), proposed=D(4_000_000),
                      stock_margin_pct=D(30), receivables_margin_pct=D(50))  # fmt: skip
    cma = cma_from(TIES, stock_position=POSITION, form_one=FormOne.of({}, [strict]),
                   display_unit="rupees")  # fmt: skip
    book = load_workbook(recalculate(build_workbook(cma), tmp_path), data_only=True)
    document = cma_document(cma)
    dp = book["Drawing power"]
    assert [dp[cell].value for cell in ("B9", "B12", "B13", "B18", "B19")] == [
        document["drawing_power"][key]
        for key in ("stock_dp", "receivables_dp", "drawing_power", "available", "shortfall")
    ]
    totals = [row for row in book["Form I"].iter_rows() if row[1].value == "Total fund-based"]
    assert (totals[0][3].value, totals[0][4].value) == (3_000_000, 4_000_000)
