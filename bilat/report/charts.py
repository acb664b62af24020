"""Small inline SVG charts written by hand, so an HTML brief needs no library and no network.

Output is deterministic (same input, same bytes) so briefs can be diffed and tested. The SVG
carries no xmlns: it is meant to be inlined in HTML, where the parser supplies the namespace,
and it keeps the page free of any "http" string a reviewer might mistake for a resource.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from bilat.report.format import (
    display_name,
    format_axis_value,
    format_value,
    format_year,
    unit_label,
)

# Okabe–Ito colours: distinguishable for the common forms of colour blindness.
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#332288",
    "#882255",
)
_FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""
_WIDTH = 640
_PLOT_HEIGHT = 220
_MARGIN_LEFT = 64
_MARGIN_RIGHT = 24
_TITLE_HEIGHT = 28
_LEGEND_ROW = 20
_LEGEND_PER_ROW = 4
_AXIS_BELOW = 40
_MAX_LABEL_CHARS = 32


def _fit(text: str, limit: int) -> str:
    """Shorten a label to `limit` characters; the full name stays in the tooltip."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _n(value: float) -> str:
    """A coordinate with one decimal: enough for a screen, short and stable in the output."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attr(text: str) -> str:
    return escape(text, quote=True)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 × 10^k apart) covering low..high."""
    if high < low:
        low, high = high, low
    if high == low:
        high = low + 1
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step)
    last = math.ceil(high / step)
    # Multiply rather than accumulate, so ticks do not drift to 0.30000000000000004.
    return [round(i * step, 10) for i in range(first, last + 1)]


def _year_ticks(low: float, high: float) -> list[int]:
    first, last = math.ceil(low), math.floor(high)
    step = max(1, math.ceil((last - first) / 10))
    return list(range(first, last + 1, step))


def _svg_open(height: int, title: str) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" '
        f'role="img" aria-label="{_attr(title)}" {_FONT} font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="{_MARGIN_LEFT}" y="18" font-size="14" font-weight="600" fill="#1f2933">'
        f"{escape(title)}</text>",
    ]


def _empty(title: str) -> str:
    height = _TITLE_HEIGHT + 60
    parts = _svg_open(height, title)
    parts.append(
        f'<text x="{_WIDTH // 2}" y="{_TITLE_HEIGHT + 34}" text-anchor="middle" '
        f'fill="#6b7280">No data to chart</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _legend(keys: Sequence[str], names: Mapping[str, str], top: int) -> list[str]:
    parts = ['<g class="legend">']
    column_width = (_WIDTH - _MARGIN_LEFT - _MARGIN_RIGHT) / _LEGEND_PER_ROW
    for index, key in enumerate(keys):
        colour = PALETTE[index % len(PALETTE)]
        x = _MARGIN_LEFT + (index % _LEGEND_PER_ROW) * column_width
        y = top + (index // _LEGEND_PER_ROW) * _LEGEND_ROW
        parts.append(
            f'<rect x="{_n(x)}" y="{y - 9}" width="14" height="4" rx="1" fill="{colour}"/>'
            f'<text x="{_n(x + 20)}" y="{y}" fill="#1f2933">'
            f"{escape(display_name(key, names))}</text>"
        )
    parts.append("</g>")
    return parts


def line_chart_svg(
    title: str,
    unit: str,
    lines: Mapping[str, Sequence[Sequence[float]]],
    names: Mapping[str, str],
) -> str:
    """A line-and-dot chart of yearly values, one coloured line per key of `lines`.

    Points are (year, value) pairs; each point has a <title> tooltip. Empty lines are left
    out; with nothing left the chart says so instead of drawing empty axes.
    """
    series = {
        key: sorted((float(point[0]), float(point[1])) for point in points)
        for key, points in lines.items()
        if points
    }
    if not series:
        return _empty(title)
    xs = [x for points in series.values() for x, _ in points]
    ys = [y for points in series.values() for _, y in points]
    x_low, x_high = min(xs), max(xs)
    if x_low == x_high:  # one year: centre it between its neighbours
        x_low, x_high = x_low - 1, x_high + 1
    # Anchor the value axis at zero so shares and amounts are not visually exaggerated.
    y_ticks = nice_ticks(min(0.0, *ys), max(0.0, *ys))
    y_low, y_high = y_ticks[0], y_ticks[-1]

    legend_rows = math.ceil(len(series) / _LEGEND_PER_ROW)
    plot_top = _TITLE_HEIGHT + legend_rows * _LEGEND_ROW + 8
    plot_bottom = plot_top + _PLOT_HEIGHT
    height = plot_bottom + _AXIS_BELOW
    left, right = _MARGIN_LEFT, _WIDTH - _MARGIN_RIGHT
    inset = 12  # keep the first and last dots off the axis lines

    def px(x: float) -> float:
        return left + inset + (x - x_low) / (x_high - x_low) * (right - left - 2 * inset)

    def py(y: float) -> float:
        return plot_bottom - (y - y_low) / (y_high - y_low) * _PLOT_HEIGHT

    parts = _svg_open(height, title)
    parts += _legend(list(series), names, _TITLE_HEIGHT + 16)
    parts.append('<g class="axes" stroke-width="1">')
    for tick in y_ticks:
        y = _n(py(tick))
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="#e5e7eb"/>'
            f'<text x="{left - 6}" y="{y}" dy="4" text-anchor="end" fill="#4b5563">'
            f"{escape(format_axis_value(tick, unit))}</text>"
        )
    parts.append(
        f'<line x1="{left}" y1="{plot_bottom}" x2="{right}" y2="{plot_bottom}" stroke="#9ca3af"/>'
    )
    for year in _year_ticks(x_low, x_high):
        x = _n(px(year))
        parts.append(
            f'<line x1="{x}" y1="{plot_bottom}" x2="{x}" y2="{plot_bottom + 4}" stroke="#9ca3af"/>'
            f'<text x="{x}" y="{plot_bottom + 18}" text-anchor="middle" fill="#4b5563">'
            f"{year}</text>"
        )
    parts.append(
        f'<text x="14" y="{_n((plot_top + plot_bottom) / 2)}" text-anchor="middle" '
        f'fill="#4b5563" transform="rotate(-90 14 {_n((plot_top + plot_bottom) / 2)})">'
        f"{escape(unit_label(unit))}</text>"
    )
    parts.append("</g>")

    for index, (key, points) in enumerate(series.items()):
        colour = PALETTE[index % len(PALETTE)]
        name = display_name(key, names)
        coords = " ".join(f"{_n(px(x))},{_n(py(y))}" for x, y in points)
        parts.append(f'<g class="series" data-key="{_attr(key)}">')
        parts.append(
            f'<polyline class="line" points="{coords}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>'
        )
        for when, amount in points:
            label = f"{name}, {format_year(when)}: {format_value(amount, unit)}"
            parts.append(
                f'<circle cx="{_n(px(when))}" cy="{_n(py(amount))}" r="4" fill="{colour}" '
                f'stroke="#ffffff" stroke-width="1.5"><title>{escape(label)}</title></circle>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def bar_chart_svg(
    title: str,
    unit: str,
    bars: Mapping[str, float],
    names: Mapping[str, str],
) -> str:
    """A horizontal bar chart, one labelled bar per key, in the order given.

    Horizontal bars leave room for long country and organisation names. Negative values
    extend left of the zero line.
    """
    if not bars:
        return _empty(title)
    values = [float(v) for v in bars.values()]
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values))
    low, high = ticks[0], ticks[-1]
    labels = {key: _fit(display_name(key, names), _MAX_LABEL_CHARS) for key in bars}
    # No text metrics without a browser: ~7 px a character at 12 px is close for sans-serif.
    label_width = min(max(len(label) for label in labels.values()) * 7 + 16, 240)
    value_width = max(len(format_value(float(v), unit)) for v in bars.values()) * 7 + 12
    left, right = max(label_width, 60), _WIDTH - _MARGIN_RIGHT - value_width
    bar_height, gap = 18, 8
    top = _TITLE_HEIGHT + 12
    bottom = top + len(bars) * (bar_height + gap)
    height = bottom + 28

    def px(x: float) -> float:
        return left + (x - low) / (high - low) * (right - left)

    parts = _svg_open(height, title)
    parts.append('<g class="axes" stroke-width="1">')
    for tick in ticks:
        x = _n(px(tick))
        parts.append(
            f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{bottom}" stroke="#e5e7eb"/>'
            f'<text x="{x}" y="{bottom + 16}" text-anchor="middle" fill="#4b5563">'
            f"{escape(format_axis_value(tick, unit))}</text>"
        )
    parts.append("</g>")
    zero = px(0.0)
    for index, (key, raw) in enumerate(bars.items()):
        value = float(raw)
        colour = PALETTE[index % len(PALETTE)]
        name = display_name(key, names)
        y = top + index * (bar_height + gap)
        x0, x1 = sorted((zero, px(value)))
        shown = format_value(value, unit)
        parts.append(
            f'<g class="bar" data-key="{_attr(key)}">'
            f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" fill="#1f2933">'
            f"{escape(labels[key])}</text>"
            f'<rect x="{_n(x0)}" y="{y}" width="{_n(max(x1 - x0, 1.0))}" height="{bar_height}" '
            f'rx="2" fill="{colour}"><title>{escape(f"{name}: {shown}")}</title></rect>'
            f'<text x="{_n(x1 + 6)}" y="{y + 13}" fill="#4b5563">{escape(shown)}</text>'
            "</g>"
        )
    parts.append(
        f'<line x1="{_n(zero)}" y1="{top - 4}" x2="{_n(zero)}" y2="{bottom}" stroke="#9ca3af"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts)
