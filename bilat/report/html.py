"""The brief as one self-contained HTML page: inline CSS, inline SVG charts, no external URLs.

The page is rendered from templates/brief.html.j2 with autoescaping on. Everything from the
brief reaches the template as plain strings, so it is escaped there; the only Markup made
here is the SVG charts (built from escaped text in charts.py) and the headline, which is
escaped first and then given its citation links.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from bilat.report.charts import line_chart_svg
from bilat.report.format import (
    conflict_figure,
    direction,
    display_name,
    format_citation,
    format_claim_value,
    format_spread,
    format_time,
    grade_of,
    membership_rows,
    pair_title,
    parties,
    quad_is_conflict,
    series_table,
    split_cites,
)

_DIMENSION_TITLES = {
    "security": "Security",
    "economy": "Economy",
    "energy": "Energy",
    "people": "People",
    "diplomacy": "Diplomacy",
}


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("bilat.report", "templates"),
        autoescape=True,  # the extension is .j2, so select_autoescape would not catch it
        undefined=StrictUndefined,  # a typo in the template fails loudly, not silently blank
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _cite(n: int) -> Markup:
    return Markup('<sup class="cite"><a href="#src-{0}">[{0}]</a></sup>').format(n)


def _with_cites(text: str) -> Markup:
    """Escape text, then turn its "[n]" markers into superscript links to the source list."""
    out = Markup()
    for part in split_cites(text):
        out += _cite(part) if isinstance(part, int) else escape(part)
    return out


def _claim_row(claim: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    where = [s for s in (claim.get("source"), claim.get("locator")) if s]
    return {
        "label": str(claim.get("label") or claim.get("indicator") or ""),
        "arrow": direction(claim),
        "parties": parties(claim, names),
        "value": format_claim_value(claim),
        "time": format_time(claim.get("time")),
        "cite": claim.get("cite"),
        "rank": str(claim.get("rank") or "normal"),
        "note": str(claim.get("summary") or claim.get("sentence") or ""),
        "where": ", ".join(str(s) for s in where),
    }


def _claim_ref(brief: Mapping[str, Any], claim: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "value": format_claim_value(claim),
        "cite": claim.get("cite"),
        "grade": grade_of(brief, claim.get("cite")),
        "time": format_time(claim.get("time")) if claim.get("time") else "",
    }


def _context(brief: Mapping[str, Any]) -> dict[str, Any]:
    names: dict[str, str] = dict(brief.get("names") or {})
    pair = [str(code) for code in brief.get("pair") or []]
    dimensions = [
        {
            "key": key,
            "title": _DIMENSION_TITLES.get(key, key.title()),
            "rows": [_claim_row(claim, names) for claim in claims],
        }
        for key, claims in (brief.get("dimensions") or {}).items()
        if claims
    ]
    charts = []
    for series in brief.get("series") or []:
        years, rows = series_table(series)
        if not years:
            continue
        lines = {key: [(p[0], p[1]) for p in points] for key, points in series["lines"].items()}
        title = str(series.get("title") or "")
        unit = str(series.get("unit") or "")
        charts.append(
            {
                "svg": Markup(line_chart_svg(title, unit, lines, names)),
                "title": title,
                "unit": unit,
                "years": years,
                "rows": [(display_name(key, names), cells) for key, cells in rows],
            }
        )
    events = [
        {
            "date": format_time(event.get("date")),
            "type": str(event.get("type") or ""),
            "subtype": str(event.get("subtype") or ""),
            "quad_label": str(event.get("quad_label") or ""),
            "conflict": quad_is_conflict(event.get("quad")),
            "actors": ", ".join(display_name(a, names) for a in event.get("actors") or []),
            "summary": str(event.get("summary") or ""),
            "cite": event.get("cite"),
        }
        for event in brief.get("events") or []
    ]
    conflicts = []
    for conflict in brief.get("conflicts") or []:
        claims = conflict.get("claims") or []
        if not claims:
            continue
        label, who = conflict_figure(conflict, names)
        conflicts.append(
            {
                "label": label,
                "who": who,
                "preferred": _claim_ref(brief, claims[0]),
                "others": [_claim_ref(brief, c) for c in claims[1:]],
                "spread": format_spread(conflict.get("spread")),
                "reason": str(conflict.get("reason") or ""),
            }
        )
    sources = [
        {
            "n": source.get("n"),
            "citation": format_citation(source),
            "grade": str(source.get("grade") or "?"),
            "grade_reason": str(source.get("grade_reason") or ""),
            "url": str(source.get("url") or ""),
        }
        for source in brief.get("sources") or []
    ]
    headline = " ".join(str(s) for s in brief.get("headline") or [] if s)
    has_ranks = any(
        row["rank"] in ("preferred", "deprecated") for d in dimensions for row in d["rows"]
    )
    return {
        "title": pair_title(brief),
        "pair": pair,
        "pair_names": [display_name(c, names) for c in pair],
        "generated": str(brief.get("generated") or "n.d."),
        "evidence": bool(brief.get("evidence")),
        "headline": _with_cites(headline) if headline else "",
        "dimensions": dimensions,
        "has_ranks": has_ranks,
        "charts": charts,
        "memberships": membership_rows(brief),
        "events": events,
        "conflicts": conflicts,
        "sources": sources,
    }


def render_html(brief: dict[str, Any], analysis: Sequence[tuple[str, str, str]] = ()) -> str:
    """The brief as one self-contained HTML document. `analysis` adds figures drawn by bilat's
    analyses (title, SVG, a one-line reading), such as the timeline and the influence index."""
    template = _environment().get_template("brief.html.j2")
    figures = [
        {"title": title, "svg": Markup(svg), "note": note}  # SVG built by bilat, not input
        for title, svg, note in analysis
    ]
    return template.render(**_context(brief), analysis=figures)
