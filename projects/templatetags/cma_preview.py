"""The key figures of a generated CMA and a small chart of them over the years.

Reads the JSON export of spec/cma-json.md: net sales, PAT and the current
ratio from `rows`, MPBF (second method of lending, the one banks use above
₹5 crore) from `assessment`. The chart is inline SVG computed here, so the
project page needs no chart library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import template

from projects.templatetags.money import to_decimal

register = template.Library()

# (key, label, where in the document, kind); MPBF falls back to method 1 when method 2 is absent.
FIGURES = [
    ("net_sales", "Net sales", ("rows",), "amount"),
    ("pat", "Net profit (PAT)", ("rows",), "amount"),
    ("current_ratio", "Current ratio", ("rows",), "ratio"),
    ("mpbf_method2", "MPBF (method II)", ("assessment",), "amount"),
]
FALLBACKS = {"mpbf_method2": "mpbf_method1"}
WIDTH, HEIGHT, PAD_X, PAD_Y = 360, 150, 34, 18


@dataclass
class Figure:
    key: str
    label: str
    kind: str
    values: list[Decimal | None]


@dataclass
class Series:
    key: str
    label: str
    points: str
    dots: list[tuple[float, float]]


@dataclass
class Chart:
    series: list[Series]
    labels: list[tuple[float, str]]
    zero_y: float
    projected_x: float | None
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def projected_width(self) -> float:
        return round(self.width - self.projected_x, 1) if self.projected_x else 0.0


@dataclass
class Preview:
    years: list[dict]
    figures: list[Figure] = field(default_factory=list)
    amount_chart: Chart | None = None
    ratio_chart: Chart | None = None


def _values(document: dict, key: str, where: tuple[str, ...], years: list[str]) -> list:
    section = document.get(where[0]) or {}
    by_year = section.get(key) or section.get(FALLBACKS.get(key, ""), {}) or {}
    return [to_decimal(by_year.get(year)) for year in years]


def build_preview(document: dict | None) -> Preview | None:
    """The preview of a CMA document; None when it has no years."""
    years = [y for y in (document or {}).get("years", []) if isinstance(y, dict) and "key" in y]
    if not years:
        return None
    keys = [y["key"] for y in years]
    preview = Preview(years=years)
    for key, label, where, kind in FIGURES:
        preview.figures.append(Figure(key, label, kind, _values(document, key, where, keys)))
    projected = next((i for i, y in enumerate(years) if y.get("kind") == "projected"), None)
    amounts = [f for f in preview.figures if f.kind == "amount"]
    ratios = [f for f in preview.figures if f.kind == "ratio"]
    preview.amount_chart = line_chart(amounts, keys, projected)
    preview.ratio_chart = line_chart(ratios, keys, projected)
    return preview


def _x(index: int, count: int) -> float:
    if count == 1:
        return WIDTH / 2
    return PAD_X + index * (WIDTH - 2 * PAD_X) / (count - 1)


def line_chart(figures: list[Figure], years: list[str], projected: int | None) -> Chart | None:
    """One polyline a figure on a shared scale that always includes zero."""
    known = [v for f in figures for v in f.values if v is not None]
    if not known:
        return None
    low, high = min([*known, Decimal(0)]), max([*known, Decimal(0)])
    span = (high - low) or Decimal(1)

    def y(value: Decimal) -> float:
        return round(float(PAD_Y + (high - value) / span * (HEIGHT - 2 * PAD_Y)), 1)

    series = []
    for figure in figures:
        dots = [
            (round(_x(i, len(years)), 1), y(v))
            for i, v in enumerate(figure.values)
            if v is not None
        ]
        points = " ".join(f"{x},{yy}" for x, yy in dots)
        series.append(Series(figure.key, figure.label, points, dots))
    labels = [(round(_x(i, len(years)), 1), f"FY{key[-2:]}") for i, key in enumerate(years)]
    split = None
    if projected:
        split = round((_x(projected - 1, len(years)) + _x(projected, len(years))) / 2, 1)
    return Chart(series=series, labels=labels, zero_y=y(Decimal(0)), projected_x=split)


@register.simple_tag
def cma_preview(document: dict | None) -> Preview | None:
    return build_preview(document)
