"""Charts of the CMA workbook: what a credit officer looks at first.

Sales in bars with profit as lines on a second axis (their scales differ by
an order of magnitude); balance-sheet ratios and coverage ratios in separate
charts, since a DSCR of 20 would flatten a current ratio of 1.3.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.workbook_style import TITLE_FONT, print_setup, put_text

NAMES = {
    "net_sales": "Net sales",
    "pbt": "Profit before tax",
    "pat": "Net profit",
    "current_ratio": "Current ratio",
    "quick_ratio": "Quick ratio",
    "tol_tnw": "TOL / TNW",
    "ttl_tnw": "TTL / TNW",
    "dscr": "DSCR",
    "interest_coverage": "Interest coverage",
}


def write_charts(
    ws: Worksheet, unit: str, years: Reference, reference: Callable[[str], Reference]
) -> None:
    """Three charts over the years; `reference(key)` gives a row's cells across years."""
    put_text(ws, 1, 1, "Sales, profit and key ratios over the years", TITLE_FONT)
    put_text(ws, 2, 1, f"Amounts in {unit}")
    sales = _bars("Net sales and profit", ("net_sales",), reference, unit)
    profit = _lines("", ("pbt", "pat"), reference)
    profit.y_axis.axId = 200
    profit.y_axis.title = f"Profit ({unit})"
    profit.y_axis.crosses = "max"
    profit.x_axis.title = None  # shares the bars' axis, which already has its title
    sales += profit
    charts = (
        (sales, "A4"),
        (_lines("Balance-sheet ratios", ("current_ratio", "quick_ratio", "tol_tnw", "ttl_tnw"),
                reference), "A20"),
        (_lines("Coverage ratios", ("dscr", "interest_coverage"), reference), "A36"),
    )  # fmt: skip
    for chart, anchor in charts:
        chart.set_categories(years)
        ws.add_chart(chart, anchor)
    print_setup(ws, landscape=False)


def _bars(title: str, keys, reference, unit: str) -> BarChart:
    chart = BarChart()
    _fill(chart, title, keys, reference)
    chart.y_axis.title = unit
    chart.y_axis.majorGridlines = None
    return chart


def _lines(title: str, keys, reference) -> LineChart:
    chart = LineChart()
    _fill(chart, title, keys, reference)
    for series in chart.series:
        series.smooth = False
    return chart


def _fill(chart, title: str, keys, reference) -> None:
    chart.title = title or None
    chart.height, chart.width = 7.5, 18
    chart.x_axis.title = "Financial year"
    for key in keys:
        chart.series.append(Series(reference(key), title=NAMES[key]))
    # openpyxl 3.1 marks axes as deleted unless told otherwise; a banker wants them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
