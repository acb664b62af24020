"""The brief in a terminal, with Rich.

Text from the brief is always passed as rich.text.Text, never as markup, so a summary that
happens to contain "[bold]" or "[/]" is shown as written instead of being interpreted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

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
    quad_is_conflict,
    series_table,
)

_DIMENSION_TITLES = {
    "security": "Security",
    "economy": "Economy",
    "energy": "Energy",
    "people": "People",
    "diplomacy": "Diplomacy",
}
_RANK_STYLES = {"preferred": "bold", "deprecated": "dim strike", "normal": ""}
_GRADE_STYLES = {"A": "green", "B": "green", "C": "yellow", "D": "dark_orange", "E": "red"}


def _names(brief: Mapping[str, Any]) -> dict[str, str]:
    return dict(brief.get("names") or {})


def _grade(grade: str) -> Text:
    return Text(grade, style=_GRADE_STYLES.get(grade, "dim"))


def _table(title: str) -> Table:
    return Table(
        title=title,
        title_justify="left",
        title_style="bold cyan",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        expand=True,
        pad_edge=False,
    )


def _title_panel(brief: Mapping[str, Any]) -> Panel:
    pair = " · ".join(str(code) for code in brief.get("pair") or [])
    subtitle = f"{pair}  ·  generated {brief.get('generated') or 'n.d.'}"
    return Panel(
        Text(pair_title(brief), style="bold", justify="center"),
        subtitle=Text(subtitle, style="dim"),
        box=box.DOUBLE,
        padding=(0, 2),
    )


def _headline(brief: Mapping[str, Any]) -> Text | None:
    sentences = [str(s) for s in brief.get("headline") or [] if s]
    if not sentences:
        return None
    return Text(" ".join(sentences))


def _claims_table(title: str, claims: list[dict[str, Any]], names: dict[str, str]) -> Table:
    table = _table(title)
    table.add_column("Indicator", ratio=3)
    table.add_column("Between", ratio=2)
    table.add_column("Value", justify="right", ratio=2)
    table.add_column("Time", no_wrap=True)
    table.add_column("Src", justify="right", no_wrap=True)
    for claim in claims:
        rank = str(claim.get("rank") or "normal")
        value = format_claim_value(claim)
        if rank == "deprecated":
            value += " (deprecated)"
        label = str(claim.get("label") or claim.get("indicator") or "")
        table.add_row(
            Text(label),
            Text(f"{direction(claim)}\n{parties(claim, names)}".strip()),
            Text(value),
            Text(format_time(claim.get("time"))),
            Text(cite_marker(claim.get("cite")), style="cyan"),
            style=_RANK_STYLES.get(rank, ""),
        )
    return table


def _memberships_table(brief: Mapping[str, Any]) -> Table | None:
    rows = membership_rows(brief)
    if not rows:
        return None
    names = _names(brief)
    table = _table("Memberships")
    table.add_column("Organisation", ratio=3)
    for code in brief.get("pair") or []:
        table.add_column(display_name(code, names), ratio=2)
    for org, cells, past in rows:
        style = "dim" if past else ""
        table.add_row(
            Text(org, style=style),
            *(Text(c, style="dim" if c == "—" else style) for c in cells),
        )
    return table


def _timeline_table(brief: Mapping[str, Any]) -> Table | None:
    events = brief.get("events") or []
    if not events:
        return None
    names = _names(brief)
    table = _table("Timeline")
    table.add_column("Date", no_wrap=True)
    table.add_column("Type", ratio=2)
    table.add_column("Actors", ratio=2)
    table.add_column("Summary", ratio=5)
    table.add_column("Src", justify="right", no_wrap=True)
    for event in events:
        colour = "red" if quad_is_conflict(event.get("quad")) else "green"
        kind = Text(str(event.get("type") or ""), style=f"bold {colour}")
        if event.get("subtype"):
            kind.append(f" ({event['subtype']})", style=colour)
        if event.get("quad_label"):
            kind.append(f"\n{event['quad_label']}", style=colour)
        actors = ", ".join(display_name(a, names) for a in event.get("actors") or [])
        table.add_row(
            Text(format_time(event.get("date"))),
            kind,
            Text(actors),
            Text(str(event.get("summary") or "")),
            Text(cite_marker(event.get("cite")), style="cyan"),
        )
    return table


def _conflict_claim(brief: Mapping[str, Any], claim: Mapping[str, Any]) -> Text:
    # The figure on its own line, its provenance under it: narrow columns wrap cleanly.
    text = Text(format_claim_value(claim))
    text.append("\n")
    text.append(cite_marker(claim.get("cite")), style="cyan")
    text.append(" grade ")
    text.append_text(_grade(grade_of(brief, claim.get("cite"))))
    if claim.get("time"):
        text.append(f", {format_time(claim.get('time'))}", style="dim")
    return text


def _conflicts_table(brief: Mapping[str, Any]) -> Table | None:
    conflicts = [c for c in brief.get("conflicts") or [] if c.get("claims")]
    if not conflicts:
        return None
    names = _names(brief)
    table = _table("Conflicting figures")
    table.add_column("Figure", ratio=2)
    table.add_column("Preferred")
    table.add_column("Other")
    table.add_column("Spread", justify="right", no_wrap=True)
    table.add_column("Why preferred", ratio=3)
    for conflict in conflicts:
        claims = conflict["claims"]
        label, who = conflict_figure(conflict, names)
        figure = Text(label)
        if who:
            figure.append(f"\n{who}", style="dim")
        preferred = _conflict_claim(brief, claims[0])
        preferred.stylize("bold")
        table.add_row(
            figure,
            preferred,
            Text("\n").join(_conflict_claim(brief, c) for c in claims[1:]),
            Text(format_spread(conflict.get("spread"))),
            Text(str(conflict.get("reason") or "")),
        )
    return table


def _sources_table(brief: Mapping[str, Any]) -> Table | None:
    sources = brief.get("sources") or []
    if not sources:
        return None
    table = _table("Sources")
    table.add_column("#", justify="right", style="cyan", no_wrap=True)
    table.add_column("Grade", justify="center", no_wrap=True)
    table.add_column("Source", ratio=3)
    table.add_column("Why this grade", ratio=2)
    for source in sources:
        grade = str(source.get("grade") or "?")
        table.add_row(
            Text(cite_marker(source.get("n"))),
            _grade(grade),
            Text(format_citation(source)),
            Text(str(source.get("grade_reason") or ""), style="dim"),
        )
    return table


def _series_tables(brief: Mapping[str, Any]) -> list[Table]:
    # Charts are for HTML; the terminal shows the same numbers as a year-by-year table.
    names = _names(brief)
    tables = []
    for series in brief.get("series") or []:
        years, rows = series_table(series)
        if not years:
            continue
        unit = series.get("unit")
        table = _table(f"{series.get('title')} ({unit})" if unit else str(series.get("title")))
        table.add_column("")
        for year in years:
            table.add_column(year, justify="right")
        for key, cells in rows:
            table.add_row(Text(display_name(key, names)), *(Text(c) for c in cells))
        tables.append(table)
    return tables


def render_terminal(brief: dict[str, Any], console: Console) -> None:
    """Print the brief to a Rich console."""
    names = _names(brief)
    console.print(_title_panel(brief))
    if not brief.get("evidence"):
        pair = [display_name(code, names) for code in brief.get("pair") or []]
        message = f"No evidence in the knowledge base about relations between {' and '.join(pair)}."
        console.print(Panel(Text(message, style="bold yellow"), box=box.ROUNDED))
        memberships = _memberships_table(brief)
        if memberships is not None:
            console.print(Text("Memberships come from reference data.", style="dim"))
            console.print(memberships)
        return

    headline = _headline(brief)
    if headline is not None:
        console.print(Panel(headline, title="Summary", title_align="left", box=box.ROUNDED))

    dimensions: dict[str, list[dict[str, Any]]] = brief.get("dimensions") or {}
    for key, claims in dimensions.items():
        if claims:
            console.print(_claims_table(_DIMENSION_TITLES.get(key, key.title()), claims, names))
            console.print()
    if any(
        claim.get("rank") in ("preferred", "deprecated")
        for claims in dimensions.values()
        for claim in claims
    ):
        console.print(
            Text.assemble(
                ("Bold", "bold"), ": preferred figure  ", ("struck", "dim strike"), ": deprecated"
            ),
            style="dim",
        )
        console.print()

    sections: list[Table | None] = [
        *_series_tables(brief),
        _memberships_table(brief),
        _timeline_table(brief),
        _conflicts_table(brief),
        _sources_table(brief),
    ]
    console.print(Group(*(Group(s, Text()) for s in sections if s is not None)))
