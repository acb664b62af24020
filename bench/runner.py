"""How the bench calls the extractor: bilat.extract.pipeline if it exists, else the CLI.

Both give dicts in the jsonl contract's shape. `find_extractor()` returns None (with the
reason in `why_not`) when neither works, so the reports can say so instead of crashing.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.gold import read_text

Claim = dict[str, Any]
CLI = Path(sys.executable).with_name("bilat")


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    file: Callable[[Path], Iterator[Claim]]
    text: Callable[[str, str], Iterator[Claim]]
    in_process: bool  # False: every call starts `bilat extract` (slow; memory is the child's)
    prepare: Callable[[], None] = lambda: None  # what `bilat extract` does before a batch


def cli_files(paths: Iterable[Path]) -> Iterator[Claim]:
    """`bilat extract FILE... --format jsonl`, one JSON object a line."""
    args = [str(CLI), "extract", *map(str, paths), "--format", "jsonl"]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bilat extract exited {done.returncode}: {done.stderr.strip()[-500:]}")
    for line in done.stdout.splitlines():
        if line.strip():
            yield json.loads(line)


def _via_file(text: str, doc: str, extract: Callable[[Path], Iterable[Claim]]) -> Iterator[Claim]:
    """Extract from a text by writing it to a temporary file first."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(doc).name
        path.write_text(text, encoding="utf-8")
        for claim in extract(path):
            yield {**claim, "doc": doc}


def _cli_text(text: str, doc: str) -> Iterator[Claim]:
    return _via_file(text, doc, lambda path: cli_files([path]))


why_not: list[str] = []


def _from_pipeline() -> Extractor | None:
    try:
        pipeline = importlib.import_module("bilat.extract.pipeline")
    except Exception as exc:  # not written yet, or broken
        why_not.append(f"bilat.extract.pipeline: {type(exc).__name__}: {exc}")
        return None
    by_file = getattr(pipeline, "extract_file", None)
    by_text = getattr(pipeline, "extract_text", None)
    if by_file is None and by_text is None:
        why_not.append("bilat.extract.pipeline has neither extract_file nor extract_text")
        return None

    def file(path: Path) -> Iterator[Claim]:
        if by_file is not None:
            return iter(by_file(str(path)))
        return text(read_text(path), str(path))

    def text(body: str, doc: str) -> Iterator[Claim]:
        if by_text is not None:
            return iter(by_text(body, doc=doc))
        return _via_file(body, doc, file)

    prepare = getattr(pipeline, "prepare_for_batch", None) or (lambda: None)
    return Extractor("bilat.extract.pipeline", file, text, in_process=True, prepare=prepare)


def _from_cli() -> Extractor | None:
    if not CLI.exists():
        why_not.append(f"no CLI at {CLI}")
        return None
    probe = subprocess.run(
        [str(CLI), "extract", "--help"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        why_not.append(f"`bilat extract --help` exited {probe.returncode}")
        return None
    return Extractor("bilat extract (CLI)", lambda p: cli_files([p]), _cli_text, in_process=False)


def find_extractor() -> Extractor | None:
    why_not.clear()
    return _from_pipeline() or _from_cli()
