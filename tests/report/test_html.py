"""The HTML brief: one self-contained, escaped page with charts and linked citations."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from bilat.report import render_html


class _Collector(HTMLParser):
    """Tags with their attributes, and whether the document parses with balanced tables."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collector()
    parser.feed(html)
    return parser.tags


def test_page_is_self_contained(brief: dict[str, Any]) -> None:
    html = render_html(brief)
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html
    tags = _tags(html)
    assert not any(tag == "link" for tag, _ in tags)
    assert not any(tag == "script" for tag, _ in tags)
    assert not any(tag in ("img", "iframe", "object", "embed") for tag, _ in tags)
    for _, attrs in tags:
        for name in ("src", "href", "xlink:href"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http", "//")), value
    assert "@import" not in html
    assert "url(" not in html
    assert "http" not in html  # the sample has no source URLs, so nothing at all


def test_content(brief: dict[str, Any]) -> None:
    html = render_html(brief)
    assert "<h1>Kyrgyzstan and Russia</h1>" in html
    for figure in ("30.4%", "about 500 persons", "USD 2.1 bn", "change of −9.5%", "2015–2019"):
        assert figure in html
    assert html.count('<tr class="preferred"') == 1
    assert html.count('<tr class="deprecated"') == 1
    assert 'id="dim-energy"' not in html
    for heading in ("Memberships", "Timeline", "Conflicting figures", "Sources"):
        assert f"<h2>{heading}</h2>" in html


def test_one_row_per_claim(brief: dict[str, Any], claims: list[dict[str, Any]]) -> None:
    html = render_html(brief)
    assert html.count('<span class="arrow">') == len(claims)


def test_cite_markers_link_to_sources(brief: dict[str, Any]) -> None:
    html = render_html(brief)
    assert '<sup class="cite"><a href="#src-1">[1]</a></sup>' in html
    targets = set(re.findall(r'href="#src-(\d+)"', html))
    anchors = set(re.findall(r'id="src-(\d+)"', html))
    assert targets == anchors == {"1", "2", "3"}
    # The headline's plain "[1][3]" became links, not literal text.
    headline = html.split('<p class="headline">', 1)[1].split("</p>", 1)[0]
    assert "[1]</a></sup><sup" in headline


def test_sources_and_conflicts(brief: dict[str, Any]) -> None:
    html = render_html(brief)
    sources = html.split('<section id="sources">', 1)[1]
    assert '<span class="grade grade-B"' in sources
    assert '<span class="grade grade-C"' in sources
    conflicts = html.split('<section id="conflicts">', 1)[1].split("</section>", 1)[0]
    assert "640,000 persons" in conflicts
    assert "about 1,000,000 persons" in conflicts
    assert "more reliable source (B over C)" in conflicts
    assert "36%" in conflicts


def test_one_chart_per_series_and_one_line_per_series_line(brief: dict[str, Any]) -> None:
    html = render_html(brief)
    charts = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    assert len(charts) == len(brief["series"])
    for chart, series in zip(charts, brief["series"], strict=True):
        assert chart.count("<polyline") == len(series["lines"])
        points = sum(len(line) for line in series["lines"].values())
        assert chart.count("<circle") == points
        assert "2016" in chart


def test_text_is_escaped(brief: dict[str, Any]) -> None:
    brief["events"][0]["summary"] = "Envoys meet <script>alert('x')</script> & talk"
    brief["names"]["CHN"] = "China <b>"
    brief["headline"] = ["Trade <em>grew</em> [2]."]
    html = render_html(brief)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&amp; talk" in html
    assert "China <b>" not in html
    assert "China &lt;b&gt;" in html  # in the chart legend and data table alike
    assert "Trade &lt;em&gt;grew&lt;/em&gt; <sup" in html


def test_no_evidence(empty_brief: dict[str, Any]) -> None:
    html = render_html(empty_brief)
    assert (
        "No evidence in the knowledge base about relations between Kyrgyzstan and Russia." in html
    )
    assert "<svg" not in html
    assert 'class="claims"' not in html
    assert "<h2>Timeline</h2>" not in html
    assert "<h2>Memberships</h2>" in html


def test_deterministic(brief: dict[str, Any]) -> None:
    assert render_html(brief) == render_html(brief)
