"""`bilat ask "QUESTION"`: a question in plain English, answered from the store's evidence."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from bilat.answer import Answer, answer
from bilat.cli.app import DbOption, app, open_store


class AskFormat(StrEnum):
    text = "text"
    json = "json"


def ask(db: Path | str | None, question: str) -> Answer:
    """The answer to a question, from the store at `db`."""
    with open_store(db) as store:
        return answer(store, question)


@app.command("ask")
def ask_cli(
    question: Annotated[
        str, typer.Argument(help='A question, e.g. "Who has troops in Kyrgyzstan?"')
    ],
    format: Annotated[
        AskFormat,
        typer.Option("--format", "-f", help="text (answer, sources, confidence) or json."),
    ] = AskFormat.text,
    db: DbOption = None,
) -> None:
    """Answer a question from the evidence: every sentence cited, with a confidence level."""
    result = ask(db, question)
    if format is AskFormat.json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(result.to_text())
