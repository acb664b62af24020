"""`bilat scenario FILE.yaml` / `--builtin NAME` / `--list`: carry a shock to a tie through
the claims to each country's exposure."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from bilat.analyse.scenario import (
    Impact,
    Scenario,
    ScenarioResult,
    builtin_scenarios,
    load_builtin,
    load_scenario,
    names_in,
    run_scenario,
)
from bilat.cli.app import DbOption, app, console, err_console, open_store
from bilat.errors import BilatError
from bilat.report.format import EN_DASH, format_number, format_time, format_value


class ScenarioFormat(StrEnum):
    table = "table"
    json = "json"


def scenario_result(db: Path | str | None, scenario: Scenario) -> ScenarioResult:
    with open_store(db) as store:
        return run_scenario(store, scenario)


def choose_scenario(file: Path | None, builtin: str | None) -> Scenario:
    if (file is None) == (builtin is None):
        raise typer.BadParameter("give either a scenario FILE or --builtin NAME (see --list)")
    return load_builtin(builtin) if builtin is not None else load_scenario(file or "")


def format_amount(value: float, unit: str) -> str:
    """An impact as read: "−15.2 points of GDP", "USD −1.1 bn", "−15 bcm"."""
    if unit.startswith("percent of "):
        return f"{format_number(value, signed=True)} points of {unit.removeprefix('percent of ')}"
    return format_value(value, unit, qualifier="change").removeprefix("change of ")


def _range(impact: Impact) -> str:
    if impact.low == impact.high:
        return EN_DASH
    if impact.unit.startswith("percent of "):
        low, high = format_number(impact.low), format_number(impact.high)
        return f"{low} to {high} points"
    return f"{format_amount(impact.low, impact.unit)} to {format_amount(impact.high, impact.unit)}"


def _evidence(impact: Impact) -> str:
    return "; ".join(
        f"{format_value(e['value'], e['unit'], e['value_max'], e['qualifier'])} "
        f"({format_time(e['time'])}, {e['source']})"
        for e in impact.evidence
    )


def _impacts_table(result: ScenarioResult, names: dict[str, str]) -> Table:
    table = Table(title=f"{len(result.impacts)} impacts (evidence under the same number below)")
    for column in ("#", "country", "tie", "measure", "impact", "range"):
        table.add_column(column, justify="right" if column in ("impact", "range") else "left")
    for n, i in enumerate(result.impacts, start=1):
        tie = f"{i.tie} ({i.cause})" if i.cause else i.tie
        table.add_row(
            str(n),
            names.get(i.country, i.country),
            f"{tie} ← {i.partner}",
            i.measure,
            format_amount(i.value, i.unit),
            _range(i),
        )
    return table


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _print_lines(title: str, lines: list[str]) -> None:
    console.print(f"[bold]{title}[/bold]")
    for line in lines:
        console.print(f"  {line}", highlight=False, markup=False)


def render_table(result: ScenarioResult) -> None:
    names = names_in(result)
    console.print(f"[bold]Scenario: {result.scenario.name}[/bold]", highlight=False)
    if result.scenario.description:
        console.print(result.scenario.description, highlight=False)
    if result.impacts:
        console.print(_impacts_table(result, names))
    else:
        console.print("No impact could be computed: the store has no evidence for these ties.")
    _print_lines(
        "Evidence and assumptions per impact",
        [
            f"[{n}] {_evidence(i)}. {_sentence(i.assumptions)}"
            for n, i in enumerate(result.impacts, start=1)
        ],
    )
    if result.missing:
        _print_lines(
            "Missing evidence (no impact computed, not zero)",
            [f"{m.country or 'any country'}: {m.reason}" for m in result.missing],
        )
    _print_lines("Assumptions", result.assumptions)
    _print_lines(
        "Sources",
        [f"{s['citation']} Grade {s['grade']}; id {s['id']}." for s in result.sources],
    )


def list_builtins() -> None:
    for scenario in builtin_scenarios():
        console.print(f"[bold]{scenario.name}[/bold]: {scenario.description}", highlight=False)


@app.command("scenario")
def scenario_cli(
    file: Annotated[
        Path | None, typer.Argument(help="A scenario in YAML: name, description, shocks.")
    ] = None,
    builtin: Annotated[
        str | None, typer.Option("--builtin", help="Run a built-in scenario by name.")
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the built-in scenarios.")] = False,
    format: Annotated[
        ScenarioFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ScenarioFormat.table,
    db: DbOption = None,
) -> None:
    """What if a tie with a partner is cut? Impacts per country with evidence and ranges."""
    try:
        if list_:
            list_builtins()
            return
        result = scenario_result(db, choose_scenario(file, builtin))
    except BilatError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    if format is ScenarioFormat.json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        render_table(result)
