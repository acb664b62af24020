"""`bilat ingest` (documents into the store) and `bilat extract` (claims to stdout, no store)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bilat.cli.app import DbOption, app, console, err_console, open_store
from bilat.errors import BilatError
from bilat.extract.pipeline import contract_row, extract_document, prepare_for_batch
from bilat.ingest.batch import DEFAULT_MAX_BYTES, FileResult, ingest_paths, iter_files
from bilat.ingest.documents import load

MaxMbOption = Annotated[
    float, typer.Option("--max-mb", help="Refuse files larger than this many megabytes.")
]


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    recursive: Annotated[
        bool, typer.Option("--recursive", "-r", help="Descend into folders.")
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_BYTES / 2**20,
    db: DbOption = None,
) -> None:
    """Read documents (txt, md, html, pdf), extract their claims and events, and store them."""
    files = list(iter_files(paths, recursive=recursive))
    prepare_for_batch()
    with (
        open_store(db) as store,
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("ingesting", total=len(files))

        def report(result: FileResult) -> None:
            if result.error:
                progress.console.print(f"[red]failed[/red] {result.error}", highlight=False)
            progress.advance(task)

        summary = ingest_paths(store, files, max_bytes=int(max_mb * 2**20), on_file=report)
    console.print(
        f"{summary.documents} documents ingested ({summary.unchanged} unchanged), "
        f"{summary.claims} claims, {summary.events} events, {len(summary.failures)} failures."
    )
    if files and summary.documents + summary.unchanged == 0:
        raise typer.Exit(1)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command("extract")
def extract_cli(
    files: Annotated[list[Path], typer.Argument(help="Files to read.")],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="jsonl (the contract) or table.")
    ] = ExtractFormat.jsonl,
    max_mb: MaxMbOption = DEFAULT_MAX_BYTES / 2**20,
) -> None:
    """Print the claims found in files; touches no store."""
    prepare_for_batch()
    failures = 0
    table = Table(show_lines=False)
    for column in ("text", "indicator", "subject", "object", "value", "unit", "time", "conf"):
        table.add_column(column)
    for path in files:
        try:
            document, _source, body_start = load(path, max_bytes=int(max_mb * 2**20))
        except BilatError as exc:
            err_console.print(f"[red]failed[/red] {exc}", highlight=False)
            failures += 1
            continue
        for claim in extract_document(document, body_start).claims:
            row = contract_row(claim, str(path), document.text)
            if format is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                cells = [row["text"], row["indicator"], row["subject"], row["object"]]
                cells += [f"{row['value']:g}", row["unit"], row["time"]]
                table.add_row(*(c or "–" for c in cells), f"{row['confidence']:.2f}")
    if format is ExtractFormat.table:
        console.print(table)
    if failures == len(files):
        raise typer.Exit(1)
