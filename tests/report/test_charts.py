"""Hand-written SVG charts: well-formed, deterministic, and calm on odd input."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bilat.report.charts import PALETTE, bar_chart_svg, line_chart_svg, nice_ticks

NAMES = {"RUS": "Russia", "CHN": "China", "KAZ": "Kazakhstan"}


def _parse(svg: str) -> ET.Element:
    # Inline SVG carries no namespace; as XML it must still be well-formed.
    return ET.fromstring(svg)


def test_lines_legend_and_tooltips() -> None:
    svg = line_chart_svg(
        "Share of trade",
        "percent",
        {"RUS": [(2016, 20.0), (2018, 20.0)], "CHN": [(2018, 13.0), (2016, 9.5)]},
        NAMES,
    )
    root = _parse(svg)
    assert len(root.findall(".//polyline")) == 2
    strokes = [line.get("stroke") for line in root.findall(".//polyline")]
    assert strokes == [PALETTE[0], PALETTE[1]]  # distinct colours, in input order
    legend = [t.text for t in root.findall(".//g[@class='legend']/text")]
    assert legend == ["Russia", "China"]
    tips = [t.text for t in root.findall(".//circle/title")]
    assert "China, 2016: 9.5%" in tips
    assert "Russia, 2018: 20%" in tips
    texts = {t.text for t in root.iter("text")}
    assert {"2016", "2017", "2018"} <= texts  # year axis
    assert {"0%", "20%"} <= texts  # value axis starts at zero


def test_points_are_sorted_by_year() -> None:
    svg = line_chart_svg("t", "percent", {"CHN": [(2018, 13.0), (2016, 9.5)]}, NAMES)
    points = _parse(svg).find(".//polyline")
    assert points is not None
    xs = [float(p.split(",")[0]) for p in (points.get("points") or "").split()]
    assert xs == sorted(xs)


def test_deterministic() -> None:
    lines = {"RUS": [(2016, 20.0), (2018, 21.5)]}
    assert line_chart_svg("t", "percent", lines, NAMES) == line_chart_svg(
        "t", "percent", dict(lines), dict(NAMES)
    )


def test_single_point_single_line() -> None:
    root = _parse(line_chart_svg("One year", "bcm", {"RUS": [(2018, 30.0)]}, NAMES))
    assert len(root.findall(".//polyline")) == 1
    assert len(root.findall(".//circle")) == 1
    texts = {t.text for t in root.iter("text")}
    assert "2018" in texts
    assert "Russia, 2018: 30 bcm" in {t.text for t in root.findall(".//circle/title")}


def test_zero_and_negative_values() -> None:
    zero = line_chart_svg("Zero", "count", {"RUS": [(2016, 0.0), (2017, 0.0)]}, NAMES)
    assert "nan" not in zero.lower()
    _parse(zero)
    negative = line_chart_svg("Growth", "percent", {"KAZ": [(2015, -2.0), (2016, 4.1)]}, NAMES)
    assert "−2%" in {t.text for t in _parse(negative).iter("text")}


def test_money_ticks_are_scaled() -> None:
    svg = line_chart_svg("Trade", "USD", {"CHN": [(2016, 8e9), (2018, 12.9e9)]}, NAMES)
    root = _parse(svg)
    assert "10 bn" in {t.text for t in root.iter("text")}
    assert "China, 2018: USD 12.9 bn" in {t.text for t in root.findall(".//circle/title")}


def test_empty_input() -> None:
    empty: list[dict[str, list[tuple[int, float]]]] = [{}, {"RUS": []}]
    for lines in empty:
        svg = line_chart_svg("Nothing", "percent", lines, NAMES)
        root = _parse(svg)
        assert root.find(".//polyline") is None
        assert "No data to chart" in svg


def test_text_is_escaped() -> None:
    svg = line_chart_svg("A <b> & c", "percent", {"X<": [(2016, 1.0)]}, {"X<": "<i>"})
    root = _parse(svg)  # would fail if "<" leaked through
    assert "<i>" not in svg
    assert root.find(".//g[@class='legend']/text") is not None


def test_no_external_references() -> None:
    svg = line_chart_svg("t", "percent", {"RUS": [(2016, 1.0)]}, NAMES)
    svg += bar_chart_svg("t", "count", {"RUS": 1.0}, NAMES)
    assert "http" not in svg
    assert "href" not in svg


def test_bar_chart() -> None:
    svg = bar_chart_svg("Influence", "count", {"RUS": 0.72, "CHN": 0.41, "KAZ": 0.0}, NAMES)
    root = _parse(svg)
    bars = root.findall(".//g[@class='bar']/rect")
    assert len(bars) == 3
    widths = [float(bar.get("width") or 0) for bar in bars]
    assert widths[0] > widths[1] > widths[2] > 0  # a zero bar is still a visible sliver
    assert [t.text for t in root.findall(".//g[@class='bar']/rect/title")] == [
        "Russia: 0.72",
        "China: 0.41",
        "Kazakhstan: 0",
    ]


def test_bar_chart_negative_and_empty() -> None:
    svg = bar_chart_svg("Balance", "percent", {"RUS": 5.0, "CHN": -3.0}, NAMES)
    rects = _parse(svg).findall(".//g[@class='bar']/rect")
    assert float(rects[1].get("x") or 0) < float(rects[0].get("x") or 0)
    assert "No data to chart" in bar_chart_svg("Nothing", "count", {}, NAMES)


def test_long_bar_labels_are_shortened() -> None:
    names = {"ORG": "An Organisation With A Remarkably Long Official Name"}
    svg = bar_chart_svg("t", "count", {"ORG": 1.0}, names)
    assert re.search(r">An Organisation With A Remarkab?l?y?…<", svg)
    assert "Remarkably Long Official Name: 1" in svg  # the tooltip keeps the full name


def test_nice_ticks() -> None:
    assert nice_ticks(0, 30) == [0, 10, 20, 30]
    assert nice_ticks(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_ticks(-2, 4.1) == [-2, 0, 2, 4, 6]
    assert nice_ticks(0, 0.3) == [0, 0.1, 0.2, 0.3]
