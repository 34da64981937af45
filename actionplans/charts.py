"""Indicator charts as inline SVG, drawn on the server.

No JavaScript and no inline style (the CSP forbids both); colours are SVG presentation
attributes. The chart is one image for assistive technology (role="img" with a title and a
description that states the development in words), and the page always shows the same
numbers in a table beside it, so nothing is told by the picture alone.
Colours: series #004d99 (8.3:1 on white), baseline #595959 (7.0:1), target #2b7a0b (5.3:1).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from django.utils import dateformat, formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 16, 40
SERIES, BASELINE, TARGET, INK, GRID = "#004d99", "#595959", "#2b7a0b", "#1a1a1a", "#dcdcdc"


def format_value(value):
    """A measured value without trailing zeros, with the language's decimal sign."""
    if value is None:
        return ""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return formats.number_format(Decimal(text))


@lru_cache(maxsize=4096)
def _short_date(day: date, language: str) -> str:
    return dateformat.format(day, formats.get_format("SHORT_DATE_FORMAT", lang=language))


def short_date(day: date) -> str:
    """The language's short date (31.12.2023), cached: a big dashboard formats thousands."""
    from django.utils.translation import get_language

    return _short_date(day, get_language() or "da")


def with_unit(value, unit):
    shown = format_value(value)
    if not unit:
        return shown
    return f"{shown} %" if unit == "%" else f"{shown} {unit}"


@dataclass
class _Scale:
    low: float
    high: float
    start: float
    end: float

    def __call__(self, value):
        if self.high == self.low:
            return (self.start + self.end) / 2
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def _day(value: date) -> float:
    return float(value.toordinal())


def _nice_ticks(low, high, count=4):
    if high == low:
        return [low]
    step = (high - low) / count
    return [low + step * i for i in range(count + 1)]


@dataclass(frozen=True, slots=True)
class Point:
    """One measured value: its period, the value and how the period is named ("2023")."""

    period: date
    value: Decimal
    label: str = ""

    @property
    def shown_period(self):
        return self.label or short_date(self.period)


def line_chart(
    *,
    name,
    unit,
    baseline_value,
    baseline_date,
    target_value,
    target_date,
    higher_is_better,
    points,
    chart_id,
    font_family=None,
):
    """The SVG of values over time with a baseline and a target line, from plain values.

    ``points`` are ``Point`` rows (any order); values are decimals, dates are dates. The
    dashboard draws a live indicator through ``indicator_chart``, the PDF draws the numbers
    stored in a report's snapshot; both come here. ``font_family`` is for WeasyPrint, where
    SVG text does not inherit the page's font. Returns safe HTML.
    """
    points = sorted(points, key=lambda p: p.period)
    baseline = float(baseline_value)
    target = float(target_value)

    values = [float(p.value) for p in points] + [baseline, target]
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    if min(values) >= 0 and low < 0:
        low = 0.0

    days = [_day(p.period) for p in points] + [_day(baseline_date)]
    x = _Scale(min(days), max(days), LEFT, WIDTH - RIGHT)
    y = _Scale(low, high, HEIGHT - BOTTOM, TOP)

    desc = _describe(
        unit=unit,
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        higher_is_better=higher_is_better,
        points=points,
    )
    font = f' font-family="{escape(font_family)}"' if font_family else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ps-chart" role="img"{font} '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(name)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    # Grid and value axis.
    for tick in _nice_ticks(low, high):
        ty = y(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{ty + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="{INK}">{escape(format_value(round(Decimal(tick), 1)))}</text>'
        )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    # Baseline and target as labelled horizontal lines.
    for kind, value, colour, dash, label in (
        ("baseline", baseline_value, BASELINE, "6 4", _("Udgangspunkt")),
        ("target", target_value, TARGET, "2 3", _("Mål")),
    ):
        ly = y(float(value))
        parts.append(
            f'<g class="ps-chart-{kind}">'
            f'<line x1="{LEFT}" y1="{ly:.1f}" x2="{WIDTH - RIGHT}" y2="{ly:.1f}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
            f'<text x="{WIDTH - RIGHT}" y="{ly - 6:.1f}" text-anchor="end" font-size="12" '
            f'fill="{colour}">{escape(label)}: {escape(with_unit(value, unit))}</text></g>'
        )
    # The series.
    if points:
        coordinates = [(x(_day(p.period)), y(float(p.value))) for p in points]
        if len(coordinates) > 1:
            path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coordinates)
            parts.append(
                f'<polyline class="ps-chart-series" points="{path}" fill="none" '
                f'stroke="{SERIES}" stroke-width="3"/>'
            )
        for point, (cx, cy) in zip(points, coordinates, strict=True):
            parts.append(
                f'<circle class="ps-chart-point" cx="{cx:.1f}" cy="{cy:.1f}" r="5" '
                f'fill="{SERIES}"><title>{escape(point.shown_period)}: '
                f"{escape(with_unit(point.value, unit))}</title></circle>"
            )
        # Time axis: first and last period.
        first, last = points[0], points[-1]
        parts.append(
            f'<text x="{x(_day(first.period)):.1f}" y="{HEIGHT - 12}" text-anchor="start" '
            f'font-size="12" fill="{INK}">{escape(first.shown_period)}</text>'
        )
        if last is not first:
            parts.append(
                f'<text x="{x(_day(last.period)):.1f}" y="{HEIGHT - 12}" text-anchor="end" '
                f'font-size="12" fill="{INK}">{escape(last.shown_period)}</text>'
            )
    else:
        parts.append(
            f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT / 2:.0f}" text-anchor="middle" '
            f'font-size="14" fill="{INK}">{escape(_("Ingen målinger endnu"))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def indicator_chart(indicator, measurements, *, chart_id=None):
    """The chart of a live ``indicator`` and its ``measurements`` (any order)."""
    return line_chart(
        name=indicator.name,
        unit=indicator.unit,
        baseline_value=indicator.baseline_value,
        baseline_date=indicator.baseline_date,
        target_value=indicator.target_value,
        target_date=indicator.target_date,
        higher_is_better=indicator.higher_is_better,
        points=[Point(m.period, m.value, m.period_label) for m in measurements],
        chart_id=chart_id or f"indikator-{indicator.pk}",
    )


def _describe(
    *, unit, baseline_value, baseline_date, target_value, target_date, higher_is_better, points
):
    facts = {
        "baseline": with_unit(baseline_value, unit),
        "baseline_date": short_date(baseline_date),
        "target": with_unit(target_value, unit),
        "target_date": short_date(target_date),
    }
    text = (
        _("Udgangspunkt %(baseline)s (%(baseline_date)s), mål %(target)s senest %(target_date)s.")
        % facts
    )
    text += " " + (_("Højere er bedre.") if higher_is_better else _("Lavere er bedre."))
    if points:
        text += " " + _(
            "%(count)s målinger fra %(first_period)s (%(first)s) til %(last_period)s (%(last)s)."
        ) % {
            "count": len(points),
            "first_period": points[0].shown_period,
            "first": with_unit(points[0].value, unit),
            "last_period": points[-1].shown_period,
            "last": with_unit(points[-1].value, unit),
        }
    else:
        text += " " + _("Ingen målinger endnu.")
    return text + " " + _("Alle tal står i tabellen ved diagrammet.")
