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

from projects.templatetags.money import CRORE, LAKH, format_indian, to_decimal

register = template.Library()

# (key, label, where in the document, kind); MPBF falls back to method 1 when method 2 is absent.
FIGURES = [
    ("net_sales", "Net sales", ("rows",), "amount"),
    ("pat", "Net profit (PAT)", ("rows",), "amount"),
    ("current_ratio", "Current ratio", ("rows",), "ratio"),
    ("mpbf_method2", "MPBF (method II)", ("assessment",), "amount"),
]
FALLBACKS = {"mpbf_method2": "mpbf_method1"}
WIDTH, HEIGHT, PAD_Y = 360, 150, 18
# The value axis's labels stand left of the plot, the last year's label needs half its width.
PAD_LEFT, PAD_RIGHT = 62, 24
TICKS = 5  # about this many intervals on the value axis


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
    ticks: list[tuple[float, str]] = field(default_factory=list)  # (y, value) of the value axis
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = PAD_LEFT

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
        return (PAD_LEFT + WIDTH - PAD_RIGHT) / 2
    return PAD_LEFT + index * (WIDTH - PAD_LEFT - PAD_RIGHT) / (count - 1)


def _step(span: Decimal) -> Decimal:
    """A round interval (1, 2, 2.5 or 5 times a power of ten) giving about TICKS of them."""
    rough = span / TICKS
    power = Decimal(10) ** (rough.adjusted())
    for multiple in (1, 2, Decimal("2.5"), 5, 10):
        if power * multiple >= rough:
            return power * multiple
    return power * 10


def _tick_label(value: Decimal, kind: str) -> str:
    """An axis value as a CA reads it: ₹2.5 Cr, ₹40 L, ₹5,000; a ratio as 1.25."""
    if kind != "amount":
        return f"{value.normalize():f}"
    sign = "−" if value < 0 else ""
    size = abs(value)
    for unit, name in ((CRORE, "Cr"), (LAKH, "L")):
        if size >= unit:
            return f"{sign}₹{(size / unit).quantize(Decimal('0.01')).normalize():f} {name}"
    return f"{sign}₹{format_indian(size, 0)}"


def _year_label(key: str) -> str:
    """FY2025 → 2024-25, the way Indian statements name a financial year."""
    digits = key[-4:]
    return f"{int(digits) - 1}-{digits[2:]}" if digits.isdigit() else key


def line_chart(figures: list[Figure], years: list[str], projected: int | None) -> Chart | None:
    """One polyline a figure on a shared scale that always includes zero, with the value
    axis ticked at round amounts and the years below."""
    known = [v for f in figures for v in f.values if v is not None]
    if not known:
        return None
    low, high = min([*known, Decimal(0)]), max([*known, Decimal(0)])
    step = _step((high - low) or Decimal(1))
    low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    span = (high - low) or step
    high = low + span

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
    kind = figures[0].kind
    count = int(span / step)
    ticks = [(y(low + step * i), _tick_label(low + step * i, kind)) for i in range(count + 1)]
    labels = [(round(_x(i, len(years)), 1), _year_label(key)) for i, key in enumerate(years)]
    split = None
    if projected:
        split = round((_x(projected - 1, len(years)) + _x(projected, len(years))) / 2, 1)
    return Chart(series=series, labels=labels, zero_y=y(Decimal(0)), projected_x=split, ticks=ticks)


@register.simple_tag
def cma_preview(document: dict | None) -> Preview | None:
    return build_preview(document)
