"""`bilat compare S --powers P1 P2 ...`: the leverage of each power over a country."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bilat.analyse.influence import InfluenceResult, InputRow, influence, load_weights
from bilat.cli.app import DbOption, app, console, open_store
from bilat.ontology import DIMENSIONS
from bilat.reference import as_date, name_of, resolve
from bilat.report.format import format_time, format_value


class CompareFormat(StrEnum):
    table = "table"
    json = "json"


def compare(
    db: Path | str | None,
    subject: str,
    powers: Sequence[str],
    *,
    weights: Path | None = None,
    runs: int = 1000,
    seed: int = 7,
    at: str | None = None,
) -> InfluenceResult:
    """The influence index of the powers over the subject; names in any common form."""
    target = resolve(subject)
    chosen = _power_ids(powers)
    if not chosen:
        raise typer.BadParameter("name the powers to compare: --powers RUS CHN ...")
    if target in chosen:
        raise typer.BadParameter(f"{target} cannot be both the subject and a power")
    if at is not None:
        try:
            as_date(at)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    table = load_weights(weights)
    with open_store(db) as store:
        return influence(store, target, chosen, weights=table, runs=runs, seed=seed, at=at)


def _power_ids(names: Sequence[str]) -> list[str]:
    """Ids of the powers, in the order given, once each; "RUS,CHN" counts as two names."""
    ids = [resolve(part) for name in names for part in name.split(",") if part.strip()]
    return list(dict.fromkeys(ids))


@app.command("compare")
def compare_cli(
    subject: Annotated[str, typer.Argument(help="The country influenced, e.g. KAZ, Kyrgyzstan.")],
    more: Annotated[
        list[str] | None, typer.Argument(hidden=True, help="More powers after --powers.")
    ] = None,
    powers: Annotated[
        list[str] | None,
        typer.Option("--powers", "-p", help="The powers to compare: --powers RUS CHN USA EU."),
    ] = None,
    weights: Annotated[
        Path | None,
        typer.Option("--weights", help="A weights file replacing the default (weights.yaml)."),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="List every input behind each score.")
    ] = False,
    format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="table or json.")
    ] = CompareFormat.table,
    runs: Annotated[int, typer.Option("--runs", min=1, help="Monte Carlo runs.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the Monte Carlo runs.")] = 7,
    at: Annotated[
        str | None,
        typer.Option("--at", help="Date of the analysis (YYYY[-MM[-DD]]); default today."),
    ] = None,
    db: DbOption = None,
) -> None:
    """The leverage of each power over a country, per dimension and in total, with a
    Monte Carlo band and whether the ranking holds."""
    names = [*(powers or []), *(more or [])]
    result = compare(db, subject, names, weights=weights, runs=runs, seed=seed, at=at)
    if format is CompareFormat.json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    render_table(result, console)
    if explain:
        render_explain(result, console)


# -- terminal output --------------------------------------------------------------------------


def _score(value: float) -> str:
    return f"{value:.2f}"


def render_table(result: InfluenceResult, out: Console) -> None:
    """One row per power: total with its band, then each dimension; robustness; missing."""
    low, high = result.band
    table = Table(
        title=f"Influence over {name_of(result.subject)} ({result.subject}), 0–1",
        caption=f"{result.runs} runs, seed {result.seed}, weights: {escape(result.weights)}; "
        "— = no evidence in the dimension",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
    )
    table.add_column("power")
    table.add_column(f"total [{low:g}–{high:g}%]", justify="right")
    for name in DIMENSIONS:
        table.add_column(name, justify="right")
    for power in result.ranking:
        score = result.scores[power]
        cells = [
            "—" if (dim := score.dimensions.get(name)) is None else _score(dim.score)
            for name in DIMENSIONS
        ]
        total = f"{_score(score.total)} [{_score(score.low)}–{_score(score.high)}]"
        table.add_row(f"{name_of(power)} ({power})", total, *cells)
    out.print(table)
    verdict = "yes" if result.robust else "no"
    out.print(f"ranking robust: {verdict} ({result.robust_share:.0%} of runs)")
    if result.top_by_dimension:
        tops = ", ".join(
            f"{dim} {power} ({share:.0%})"
            for dim, (power, share) in result.top_by_dimension.items()
        )
        out.print(f"top power per dimension (share of runs it stays top): {tops}")
    _render_missing(result, out)


def _render_missing(result: InfluenceResult, out: Console) -> None:
    if not result.missing:
        return
    out.print("Missing inputs (no evidence in the store; they add nothing to the score):")
    grouped: dict[tuple[str, str], list[str]] = {}
    for item in result.missing:
        grouped.setdefault((item.power, item.dimension), []).append(item.indicator)
    for (power, dimension), names in grouped.items():
        out.print(f"  {power} {dimension}: {', '.join(names)}", highlight=False)


def render_explain(result: InfluenceResult, out: Console) -> None:
    """For each power and dimension, the inputs behind the score with their sources."""
    for power in result.ranking:
        for name, dim in result.scores[power].dimensions.items():
            if dim is None:
                out.print(f"{power} {name}: no evidence")
                continue
            rows = [r for r in result.inputs if r.power == power and r.dimension == name]
            title = (
                f"{power} {name}: score {_score(dim.score)} [{_score(dim.low)}–{_score(dim.high)}]"
                f" from bandwidth {_score(dim.bandwidth)}, dependence {_score(dim.dependence)}"
            )
            out.print(_explain_table(title, rows))


def _explain_table(title: str, rows: Sequence[InputRow]) -> Table:
    """Compact enough for an 80-column terminal: value with its time, source with its claim."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE, padding=(0, 1), pad_edge=False)
    table.add_column("input", overflow="fold", min_width=20)
    table.add_column("value, time", overflow="fold")
    table.add_column("source, claim", overflow="fold", min_width=20)
    table.add_column("norm", justify="right")
    table.add_column("adds", justify="right")
    for component in ("bandwidth", "dependence"):
        table.add_row(f"[bold]{component}[/bold]", "", "", "", "")
        for row in (r for r in rows if r.component == component):
            table.add_row(*_explain_cells(row))
        table.add_section()
    return table


def _explain_cells(row: InputRow) -> tuple[str, ...]:
    label = escape(row.indicator + (" [regional]" if row.regional else ""))
    if row.note:
        label += f"\n[dim]{escape(row.note)}[/dim]"
    value = format_value(row.value, row.unit, None, row.qualifier)
    where = row.source or "—"
    if row.claim:
        where += f"\n{row.claim}"
    return (
        label,
        f"{escape(value)}\n{format_time(row.time) if row.source else ''}",
        escape(where),
        f"{row.normalised:.2f}",
        f"{row.contribution:.3f}",
    )
