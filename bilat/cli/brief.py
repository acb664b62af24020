"""`bilat brief A B`: how two countries relate, from the evidence in the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from bilat.analyse.brief import build_brief
from bilat.analyse.influence import influence, influence_chart_svg
from bilat.analyse.timeline import timeline, timeline_chart_svg
from bilat.cli.app import DbOption, app, console, open_store
from bilat.reference import kind_of, name_of, resolve
from bilat.report import render_html, render_json, render_markdown, render_terminal
from bilat.store import Store


class BriefFormat(StrEnum):
    terminal = "terminal"
    md = "md"
    html = "html"
    json = "json"


def brief(db: Path | str | None, first: str, second: str) -> dict[str, Any]:
    """The brief of the dyad named by two country names or codes in any common form."""
    a, b = resolve(first), resolve(second)
    with open_store(db) as store:
        return build_brief(store, a, b)


def analysis_figures(db: Path | str | None, data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Charts of the dyad's analyses for the HTML brief: title, SVG, a one-line reading."""
    a, b = data["pair"]
    figures: list[tuple[str, str, str]] = []
    with open_store(db) as store:
        events = timeline(store, a, b)
        if events.years:
            figures.append(
                (
                    "Cooperation and conflict, year by year",
                    timeline_chart_svg(events, events.names()),
                    " ".join(events.comparisons),
                )
            )
        powers = _rival_powers(store, a, b)
        index = influence(store, a, powers, runs=500)
        if any(score["total"] for score in index.to_dict()["scores"].values()):
            ranking = " > ".join(name_of(p) for p in index.ranking)
            robust = "robust" if index.robust else "not robust"
            figures.append(
                (
                    f"Influence over {name_of(a)} (5–95% band over weights and methods)",
                    influence_chart_svg(index, {p: name_of(p) for p in powers}),
                    f"Ranking {ranking}: {robust} ({index.robust_share:.0%} of runs). "
                    f"Every input and its source: bilat compare {a} --explain.",
                )
            )
    return figures


MAX_POWERS = 4


def _rival_powers(store: Store, subject: str, partner: str) -> list[str]:
    """The partner and the countries or blocs the store most often pairs with the subject."""
    counts: dict[str, int] = {}
    for claim in store.claims(subject=subject):
        other = claim.object
        if other and other not in (partner, subject) and kind_of(other) in ("country", "bloc"):
            counts[other] = counts.get(other, 0) + 1
    rivals = sorted(counts, key=lambda p: (-counts[p], p))
    return [partner, *rivals[: MAX_POWERS - 1]]


@app.command("brief")
def brief_cli(
    first: Annotated[str, typer.Argument(help="A country: code or name, e.g. KAZ, Kazakhstan.")],
    second: Annotated[str, typer.Argument(help="The other country or bloc, e.g. RUS, EU.")],
    format: Annotated[
        BriefFormat, typer.Option("--format", "-f", help="terminal, md, html or json.")
    ] = BriefFormat.terminal,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    db: DbOption = None,
) -> None:
    """A sourced brief of how two countries relate: figures per dimension, memberships,
    timeline, conflicting figures and sources."""
    data = brief(db, first, second)
    if format is BriefFormat.terminal and output is None:
        render_terminal(data, console)
        return
    renderers = {
        BriefFormat.terminal: render_markdown,
        BriefFormat.md: render_markdown,
        BriefFormat.html: render_html,
        BriefFormat.json: render_json,
    }
    if format is BriefFormat.html:
        text = render_html(data, analysis_figures(db, data))
    else:
        text = renderers[format](data)
    if output is None:
        typer.echo(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        console.print(f"Wrote {output}")
