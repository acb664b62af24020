"""`bilat timeline A [B]`: the dated events of a country or pair and how their balance of
cooperation and conflict moved around break years."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from bilat.analyse.timeline import DEFAULT_BREAKS, Timeline, signed, timeline, timeline_chart_svg
from bilat.cli.app import DbOption, app, console, err_console, open_store
from bilat.errors import BilatError
from bilat.ontology import QUAD_CLASSES
from bilat.reference import resolve
from bilat.report.format import EN_DASH, format_time


class TimelineFormat(StrEnum):
    table = "table"
    json = "json"


def build_timeline(
    db: Path | str | None, first: str, second: str | None, breaks: tuple[int, ...]
) -> Timeline:
    """The timeline of one country, or of a pair, named in any common form."""
    a, b = resolve(first), resolve(second) if second else None
    with open_store(db) as store:
        return timeline(store, a, b, breaks=breaks)


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) == 4 else None


def split_arguments(
    rest: list[str], breaks: list[str] | None
) -> tuple[str | None, tuple[int, ...]]:
    """The partner and the break years from what the shell gave.

    `--breaks 2014 2022` leaves 2022 among the positional arguments (an option takes one
    value); a four-digit number cannot name a country, so it is read as a further break.
    `--breaks 2014,2022` and `--breaks 2014 --breaks 2022` work too.
    """
    given = [piece for text in breaks or [] for piece in text.replace(",", " ").split()]
    partners = [r for r in rest if _year(r) is None]
    extra = [r for r in rest if _year(r) is not None]
    if extra and breaks is None:
        raise typer.BadParameter(f"{extra[0]} is not a country; break years go after --breaks")
    if len(partners) > 1:
        raise typer.BadParameter(f"expected at most two countries, got {len(partners) + 1}")
    years = [_year(y) for y in [*given, *extra]]
    if any(y is None for y in years):
        raise typer.BadParameter(f"break years must be four-digit years, got {given + extra}")
    cuts = tuple(y for y in years if y is not None)
    return (partners[0] if partners else None), (cuts if breaks is not None else DEFAULT_BREAKS)


def _ranges(years: list[int]) -> str:
    """[1995, 1996, 1997, 2003] → "1995–1997, 2003"."""
    spans: list[list[int]] = []
    for year in years:
        if spans and spans[-1][-1] == year - 1:
            spans[-1].append(year)
        else:
            spans.append([year])
    return ", ".join(str(s[0]) if len(s) == 1 else f"{s[0]}{EN_DASH}{s[-1]}" for s in spans)


def _balance(value: float | None) -> str:
    return EN_DASH if value is None else signed(value)


def _events_table(tl: Timeline) -> Table:
    cites = {source["id"]: n for n, source in enumerate(tl.sources, start=1)}
    table = Table(title=f"{len(tl.events)} events (codes; names in --format json)", expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("quad", justify="right")
    table.add_column("actors", ratio=1)
    table.add_column("event", ratio=2)
    table.add_column("src", no_wrap=True)
    for t in tl.events:
        e = t.event
        actors = ", ".join(e.actors) + (f" (via {t.via})" if t.via else "")
        sources = ",".join(str(cites[x.source_id]) for x in (e, *t.also))
        quad = str(t.quad) if t.quad else "?"
        table.add_row(format_time(str(e.date)), e.type, quad, actors, e.summary, f"[{sources}]")
    return table


def _years_table(tl: Timeline) -> Table:
    table = Table(title="Yearly balance (material events count twice)")
    table.add_column("year")
    for quad in (1, 2, 3, 4):
        table.add_column(QUAD_CLASSES[quad], justify="right")
    table.add_column("balance", justify="right")
    for y in tl.years:
        counts = [str(y.counts.get(q, 0)) for q in (1, 2, 3, 4)]
        table.add_row(str(y.year), *counts, _balance(y.balance))
    return table


def _periods_table(tl: Timeline) -> Table:
    table = Table(title="Periods")
    for column in ("period", "events", "balance", "most frequent types"):
        table.add_column(column, justify="right" if column in ("events", "balance") else "left")
    for p in tl.periods:
        table.add_row(p.label, str(p.events), _balance(p.balance), ", ".join(p.top_types))
    return table


def render_table(tl: Timeline) -> None:
    names = tl.names()
    who = f" {EN_DASH} ".join(names.get(x, x) for x in tl.pair)
    console.print(f"[bold]Timeline: {who}[/bold]", highlight=False)
    if not tl.events:
        console.print("No events in the store for this country or pair.")
        return
    console.print(_events_table(tl))
    console.print(_years_table(tl))
    if tl.gaps:
        console.print(f"Years without events (gaps, not zeros): {_ranges(tl.gaps)}")
    console.print(_periods_table(tl))
    for line in tl.comparisons:
        console.print(line, highlight=False)
    console.print("[bold]Sources[/bold]")
    for n, s in enumerate(tl.sources, start=1):
        line = f"  [{n}] {s['citation']} Grade {s['grade']}; id {s['id']}."
        console.print(line, highlight=False, markup=False)


@app.command("timeline")
def timeline_cli(
    first: Annotated[
        str, typer.Argument(metavar="A", help="A country: code or name, e.g. KAZ, Kazakhstan.")
    ],
    rest: Annotated[
        list[str] | None,
        typer.Argument(metavar="B", help="Optionally the other country or bloc, e.g. RUS."),
    ] = None,
    format: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="table or json.")
    ] = TimelineFormat.table,
    breaks: Annotated[
        list[str] | None,
        typer.Option("--breaks", help="Break years, e.g. --breaks 2014 2022 (default 2014 2022)."),
    ] = None,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Also write the yearly balance chart here.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Events of a country or pair in date order, the yearly cooperation–conflict balance,
    and how it moved before and after break years."""
    try:
        second, cuts = split_arguments(rest or [], breaks)
        tl = build_timeline(db, first, second, cuts)
    except BilatError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    if svg is not None:
        svg.parent.mkdir(parents=True, exist_ok=True)
        svg.write_text(timeline_chart_svg(tl, tl.names()), encoding="utf-8")
    if format is TimelineFormat.json:
        typer.echo(json.dumps(tl.to_dict(), indent=2, ensure_ascii=False))
    else:
        render_table(tl)
