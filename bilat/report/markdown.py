"""The brief as Markdown (GitHub-flavoured tables), for notes, tickets and wikis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bilat.report.format import (
    cite_marker,
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
    series_table,
)

_DIMENSION_TITLES = {
    "security": "Security",
    "economy": "Economy",
    "energy": "Energy",
    "people": "People",
    "diplomacy": "Diplomacy",
}


def _text(value: object) -> str:
    """Text safe in Markdown: no raw HTML (a "<script>" in a summary stays text)."""
    return str(value if value is not None else "").replace("&", "&amp;").replace("<", "&lt;")


def _cell(value: object) -> str:
    """Text safe inside a table cell: a "|" or a line break would end the cell or row."""
    return _text(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip()


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], align: str) -> list[str]:
    """A pipe table; `align` has one letter per column: l(eft) or r(ight)."""
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _claim_value(claim: Mapping[str, Any]) -> str:
    value = _cell(format_claim_value(claim))
    rank = claim.get("rank")
    if rank == "preferred":
        return f"**{value}**"
    if rank == "deprecated":
        return f"~~{value}~~ (deprecated)"
    return value


def _claim_rows(claims: Sequence[Mapping[str, Any]], names: Mapping[str, str]) -> list[str]:
    header = ["Indicator", "Between", "Value", "Time", "Source"]
    lines = ["| " + " | ".join(header) + " |", "| --- | --- | ---: | --- | ---: |"]
    for claim in claims:
        who = parties(claim, names)
        arrow = direction(claim)
        between = f"{arrow} ({who})" if who and arrow != claim.get("subject") else who
        cells = [
            _cell(claim.get("label") or claim.get("indicator")),
            _cell(between),
            _claim_value(claim),  # already escaped, and carries emphasis on purpose
            _cell(format_time(claim.get("time"))),
            _cell(cite_marker(claim.get("cite"))),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _memberships(brief: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    rows = membership_rows(brief)
    if not rows:
        return []
    pair = [str(code) for code in brief.get("pair") or []]
    header = ["Organisation", *(_cell(display_name(c, names)) for c in pair)]
    table_rows = [[org, *cells] for org, cells, _ in rows]
    return ["## Memberships", "", *_table(header, table_rows, "l" * len(header))]


def _series(brief: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for series in brief.get("series") or []:
        years, rows = series_table(series)
        if not years:
            continue
        unit = series.get("unit")
        title = f"{series.get('title')} ({unit})" if unit else str(series.get("title"))
        header = ["", *years]
        table_rows = [[display_name(key, names), *cells] for key, cells in rows]
        out += [f"### {_text(title)}", "", *_table(header, table_rows, "l" + "r" * len(years))]
    return ["## Figures over time", "", *out] if out else []


def _timeline(brief: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    events = brief.get("events") or []
    if not events:
        return []
    rows: list[list[object]] = []
    for event in events:
        kind = str(event.get("type") or "")
        if event.get("subtype"):
            kind += f" ({event['subtype']})"
        if event.get("quad_label"):
            kind += f" — {event['quad_label']}"
        actors = ", ".join(display_name(a, names) for a in event.get("actors") or [])
        rows.append(
            [
                format_time(event.get("date")),
                kind,
                actors,
                event.get("summary") or "",
                cite_marker(event.get("cite")),
            ]
        )
    header = ["Date", "Type", "Actors", "Summary", "Source"]
    return ["## Timeline", "", *_table(header, rows, "llllr")]


def _conflict_claim(brief: Mapping[str, Any], claim: Mapping[str, Any]) -> str:
    text = f"{format_claim_value(claim)} {cite_marker(claim.get('cite'))}".strip()
    text += f" (grade {grade_of(brief, claim.get('cite'))}"
    if claim.get("time"):
        text += f", {format_time(claim.get('time'))}"
    return text + ")"


def _conflicts(brief: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    conflicts = [c for c in brief.get("conflicts") or [] if c.get("claims")]
    if not conflicts:
        return []
    rows: list[list[object]] = []
    for conflict in conflicts:
        claims = conflict["claims"]
        label, who = conflict_figure(conflict, names)
        rows.append(
            [
                f"{label} — {who}" if who else label,
                _conflict_claim(brief, claims[0]),
                "; ".join(_conflict_claim(brief, c) for c in claims[1:]),
                format_spread(conflict.get("spread")),
                conflict.get("reason") or "",
            ]
        )
    header = ["Figure", "Preferred", "Other", "Spread", "Why preferred"]
    return ["## Conflicting figures", "", *_table(header, rows, "lllrl")]


def _sources(brief: Mapping[str, Any]) -> list[str]:
    sources = brief.get("sources") or []
    if not sources:
        return []
    lines = ["## Sources", ""]
    for source in sources:
        n = source.get("n")
        entry = f'{n}. <a id="src-{n}"></a>{_text(format_citation(source))}'
        entry += f" **Grade {_text(source.get('grade') or '?')}**"
        if source.get("grade_reason"):
            entry += f" — {_text(source['grade_reason'])}"
        lines.append(entry)
    return [*lines, ""]


def render_markdown(brief: dict[str, Any]) -> str:
    """The brief as one Markdown document."""
    names: dict[str, str] = dict(brief.get("names") or {})
    pair = [str(code) for code in brief.get("pair") or []]
    out = [
        f"# {_text(pair_title(brief))}",
        "",
        f"*{'–'.join(pair)} · generated {_text(brief.get('generated') or 'n.d.')}*",
        "",
    ]
    if not brief.get("evidence"):
        who = " and ".join(display_name(code, names) for code in pair)
        out += [
            f"> **No evidence in the knowledge base about relations between {_text(who)}.**",
            "",
        ]
        memberships = _memberships(brief, names)
        if memberships:
            out += ["Memberships come from reference data.", "", *memberships]
        return "\n".join(out).rstrip() + "\n"

    headline = " ".join(str(s) for s in brief.get("headline") or [] if s)
    if headline:
        out += ["## Summary", "", _text(headline), ""]
    for key, claims in (brief.get("dimensions") or {}).items():
        if claims:
            out += [f"## {_DIMENSION_TITLES.get(key, key.title())}", ""]
            out += _claim_rows(claims, names)
    out += _series(brief, names)
    out += _memberships(brief, names)
    out += _timeline(brief, names)
    out += _conflicts(brief, names)
    out += _sources(brief)
    return "\n".join(out).rstrip() + "\n"
