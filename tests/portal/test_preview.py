"""The key figures of a generated CMA and their chart, read from the JSON export."""

from __future__ import annotations

from decimal import Decimal

from projects.templatetags.cma_preview import build_preview
from tests.portal.conftest import KEY_FIGURES_DOCUMENT


def test_preview_reads_net_sales_pat_current_ratio_and_mpbf_per_year():
    preview = build_preview(KEY_FIGURES_DOCUMENT)
    figures = {f.key: f.values for f in preview.figures}
    assert [y["key"] for y in preview.years] == ["FY2024", "FY2025", "FY2026"]
    assert figures["net_sales"][0] == Decimal("84512345.0")
    assert figures["pat"][1] == Decimal("-123456.0")
    assert figures["current_ratio"] == [Decimal("1.21"), Decimal("1.33"), Decimal("1.4")]
    assert figures["mpbf_method2"] == [None, None, Decimal("12345678.0")]


def test_mpbf_falls_back_to_the_first_method():
    document = {**KEY_FIGURES_DOCUMENT, "assessment": {"mpbf_method1": {"FY2026": 5.0}}}
    figures = {f.key: f.values for f in build_preview(document).figures}
    assert figures["mpbf_method2"][2] == Decimal("5.0")


def test_chart_has_a_point_per_known_value_and_marks_projected_years():
    chart = build_preview(KEY_FIGURES_DOCUMENT).amount_chart
    points = {s.key: s.dots for s in chart.series}
    assert len(points["net_sales"]) == 3
    assert len(points["mpbf_method2"]) == 1
    assert chart.projected_x is not None and chart.projected_width > 0
    # The loss year sits below the zero line, the profits above it (SVG y grows downwards).
    pat_y = [y for _, y in points["pat"]]
    assert pat_y[1] > chart.zero_y > pat_y[0]


def test_no_years_means_no_preview():
    assert build_preview({"years": []}) is None
    assert build_preview(None) is None


def test_the_value_axis_is_ticked_at_round_amounts_in_indian_units():
    chart = build_preview(KEY_FIGURES_DOCUMENT).amount_chart
    # Net sales reach ₹10.04 crore and PAT dips to −₹1.23 lakh: round steps of ₹2.5 crore.
    assert [label for _, label in chart.ticks] == [
        "−₹2.5 Cr",
        "₹0",
        "₹2.5 Cr",
        "₹5 Cr",
        "₹7.5 Cr",
        "₹10 Cr",
        "₹12.5 Cr",
    ]
    zero = dict((label, y) for y, label in chart.ticks)["₹0"]
    assert zero == chart.zero_y
    ys = [y for y, _ in chart.ticks]
    assert ys == sorted(ys, reverse=True)  # larger amounts higher up


def test_lakhs_and_ratios_read_as_such_and_years_as_financial_years():
    document = {
        **KEY_FIGURES_DOCUMENT,
        "assessment": {},
        "rows": {
            "net_sales": {"FY2024": 4_00_000, "FY2025": 38_00_000},
            "current_ratio": {"FY2024": 1.21, "FY2025": 1.33},
        },
    }
    preview = build_preview(document)
    assert [label for _, label in preview.amount_chart.ticks] == [
        "₹0",
        "₹10 L",
        "₹20 L",
        "₹30 L",
        "₹40 L",
    ]
    assert [label for _, label in preview.ratio_chart.ticks][:3] == ["0", "0.5", "1"]
    assert [label for _, label in preview.amount_chart.labels] == ["2023-24", "2024-25", "2025-26"]
