"""The Typer application, the options every command shares, and the consoles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from bilat.store import Store

app = typer.Typer(
    name="bilat",
    help="Sourced, time-aware knowledge of relations between countries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="BILAT_DB",
        help="The store: a SQLite file (default ./bilat.db) or a SQLAlchemy URL.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def open_store(db: Path | str | None) -> Store:
    return Store(db)
