"""Ingesting many files: read, extract, and store each document in its own transaction.

A file that cannot be read is reported with the reason and skipped; the rest of the batch
goes on, and the store never holds half a document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bilat.errors import BilatError, InputError
from bilat.extract.pipeline import extract_document
from bilat.ingest.documents import load
from bilat.ingest.metadata import is_sidecar
from bilat.ingest.readers import DEFAULT_MAX_BYTES
from bilat.model import Passage
from bilat.store import Batch, Store

__all__ = ["DEFAULT_MAX_BYTES", "FileResult", "IngestSummary", "ingest_file", "ingest_paths"]


@dataclass(frozen=True, slots=True)
class FileResult:
    path: Path
    document_id: str | None = None
    claims: int = 0
    events: int = 0
    unchanged: bool = False  # the same text was ingested before: nothing to do
    superseded: int = 0  # older versions of this file marked superseded
    error: str | None = None


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0
    unchanged: int = 0
    claims: int = 0
    events: int = 0
    failures: list[FileResult] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        if result.error:
            self.failures.append(result)
        elif result.unchanged:
            self.unchanged += 1
        else:
            self.documents += 1
            self.claims += result.claims
            self.events += result.events


def iter_files(paths: Iterable[Path], *, recursive: bool = False) -> Iterator[Path]:
    """The files named, and the files in folders named (their subfolders if recursive)."""
    for path in paths:
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            for child in sorted(path.glob(pattern)):
                if child.is_file() and not _skipped(child):
                    yield child
        else:
            yield path  # a missing file is reported by the reader, with its name


def _skipped(path: Path) -> bool:
    return path.name.startswith(".") or is_sidecar(path)


def ingest_file(store: Store, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    """Read, extract and store one file; never raises for bad input."""
    try:
        document, source, body_start = load(path, max_bytes=max_bytes)
        if store.has_document(document.id):
            return FileResult(path, document.id, unchanged=True)
        extraction = extract_document(document, body_start)
        batch = Batch(
            sources=[source],
            documents=[document],
            claims=extraction.claims,
            events=extraction.events,
            passages=[
                Passage(document.id, s.start, s.end, document.text[s.start : s.end])
                for s in extraction.sentences
            ],
        )
        written, superseded = store.write_document(batch, document)
    except InputError as exc:
        return FileResult(path, error=str(exc))
    except BilatError as exc:
        return FileResult(path, error=str(exc))
    except Exception as exc:  # one bad file must not stop the batch
        return FileResult(path, error=f"[E409] {path}: extraction failed: {exc!r}")
    return FileResult(path, document.id, written.claims, written.events, superseded=superseded)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    recursive: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    for path in iter_files(paths, recursive=recursive):
        result = ingest_file(store, path, max_bytes=max_bytes)
        summary.add(result)
        if on_file is not None:
            on_file(result)
    return summary
