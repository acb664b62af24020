"""`bilat claims` and `bilat sources`: list what the store holds."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Annotated

import typer
from rich.table import Table

from bilat.analyse.brief import claim_dict
from bilat.cli.app import DbOption, JsonOption, app, console, open_store
from bilat.model import Claim, Source
from bilat.ontology import DIMENSIONS
from bilat.reference import resolve
from bilat.report.format import format_claim_value, format_time


def list_claims(
    db: DbOption,
    subject: str | None = None,
    object: str | None = None,
    indicator: str | None = None,
    dimension: str | None = None,
    year: int | None = None,
) -> list[Claim]:
    """Claims matching the filters; country filters take names or codes."""
    if dimension and dimension not in DIMENSIONS:
        raise typer.BadParameter(f"dimension must be one of {', '.join(DIMENSIONS)}")
    with open_store(db) as store:
        return store.claims(
            subject=resolve(subject) if subject else None,
            object=resolve(object) if object else None,
            indicator=indicator,
            dimension=dimension,
            year=year,
        )


@app.command("claims")
def claims_cli(
    subject: Annotated[str | None, typer.Option(help="Country the figure is about.")] = None,
    object: Annotated[str | None, typer.Option("--object", help="The counterpart.")] = None,
    indicator: Annotated[str | None, typer.Option(help="e.g. remittances, trade_share.")] = None,
    dimension: Annotated[str | None, typer.Option(help=", ".join(DIMENSIONS))] = None,
    year: Annotated[int | None, typer.Option(help="Year the figure refers to.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List claims, filtered by subject, object, indicator, dimension and year."""
    found = list_claims(db, subject, object, indicator, dimension, year)
    if as_json:
        typer.echo(json.dumps([c.to_dict() for c in found], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(found)} claims")
    for column in ("indicator", "subject", "object", "value", "time", "source", "method"):
        table.add_column(column)
    for claim in found:
        table.add_row(
            claim.indicator,
            claim.subject or "–",
            claim.object or "–",
            format_claim_value(claim_dict(claim, 0)),
            format_time(str(claim.time) if claim.time else None),
            claim.source_id,
            claim.method,
        )
    console.print(table)


def list_sources(db: DbOption) -> list[Source]:
    with open_store(db) as store:
        return store.sources()


@app.command("sources")
def sources_cli(as_json: JsonOption = False, db: DbOption = None) -> None:
    """List the sources in the store with their reliability grades."""
    found = list_sources(db)
    if as_json:
        rows = [{f.name: getattr(s, f.name) for f in fields(Source)} for s in found]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(found)} sources")
    for column in ("id", "grade", "year", "author", "title", "why this grade"):
        table.add_column(column, overflow="fold")
    for s in found:
        table.add_row(
            s.id, s.grade, str(s.year or "n.d."), s.author or "–", s.title, s.grade_reason
        )
    console.print(table)
