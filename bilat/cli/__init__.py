"""The `bilat` command line: thin wiring over importable functions."""

from __future__ import annotations

import sys

# Commands register themselves on `app` when their module is imported.
from bilat.cli import (  # noqa: F401
    ask,
    brief,
    claims,
    compare,
    ingest,
    review,
    scenario,
    starter,
    timeline,
)
from bilat.cli.app import app
from bilat.errors import BilatError

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except BilatError as exc:
        from bilat.cli.app import err_console

        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(2)
