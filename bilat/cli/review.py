"""`bilat conflicts` (figures that disagree) and `bilat review` (an analyst's ranking)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from bilat.analyse.review import find_conflicts, group_dict, review_claim
from bilat.cli.app import DbOption, JsonOption, app, console, open_store
from bilat.errors import BilatError
from bilat.ontology import indicators
from bilat.reference import name_of, resolve
from bilat.report.format import format_time, format_value


@app.command("conflicts")
def conflicts_cli(
    subject: Annotated[str | None, typer.Option(help="Only figures about this country.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Figures that disagree between sources, side by side, with the one preferred and why."""
    with open_store(db) as store:
        groups = [group_dict(g, store) for g in find_conflicts(store, resolve(subject) if subject
                                                               else None)]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(groups, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(groups)} conflicting figures", show_lines=True)
    for column in ("figure", "values (source, grade)", "preferred because"):
        table.add_column(column, overflow="fold")
    for group in groups:
        spec = indicators().get(group["indicator"])
        who = " – ".join(name_of(x) for x in (group["subject"], group["object"]) if x)
        figure = (
            f"{spec.label if spec else group['indicator']}\n{who}\n{format_time(group['time'])}"
        )
        values = "\n".join(
            f"{'★ ' if c['id'] == group['preferred'] else '  '}"
            f"{format_value(c['value'], c['unit'], c['value_max'], c['qualifier'])}"
            f"  ({c['source']}, {c['grade']})  {c['id']}"
            for c in group["claims"]
        )
        table.add_row(figure, values, group["reason"])
    console.print(table)


@app.command("review")
def review_cli(
    claim_id: Annotated[str, typer.Argument(help="The claim's id, e.g. clm_4d75fc94fbed8369.")],
    reason: Annotated[str, typer.Option("--reason", help="Why: kept beside the evidence.")],
    prefer: Annotated[bool, typer.Option("--prefer", help="This figure should stand.")] = False,
    deprecate: Annotated[bool, typer.Option("--deprecate", help="This figure is wrong.")] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Withdraw an earlier review.")] = False,
    reviewer: Annotated[str | None, typer.Option(help="Who reviewed it.")] = None,
    db: DbOption = None,
) -> None:
    """Prefer or deprecate a claim, with a reason; the evidence itself is never changed."""
    chosen = [name for name, on in (("prefer", prefer), ("deprecate", deprecate),
                                    ("clear", clear)) if on]  # fmt: skip
    if len(chosen) != 1:
        raise BilatError("[E306] give exactly one of --prefer, --deprecate, --clear")
    with open_store(db) as store:
        claim = review_claim(store, claim_id, chosen[0], reason, reviewer)  # type: ignore[arg-type]
    console.print(f"{claim.id} is now {claim.rank}: {claim.rank_reason}")
