"""A synthetic corpus for speed runs: paragraphs of the bench texts and the seeds, recombined
with their numbers and country names shuffled, in ~50 KB documents under bench/corpus/
(gitignored). It is written once, streaming, and reused while its marker file is present.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from bench.gold import BENCH, read_text, seeds_dir, text_paths
from bilat.ingest.layout import paragraphs

CORPUS = BENCH / "corpus"
MARKER = CORPUS / "COMPLETE"
TARGET_BYTES = 50 * 1024 * 1024
DOC_BYTES = 50_000
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
COUNTRIES = (
    "Afghanistan", "Armenia", "Austria", "Azerbaijan", "Belarus", "Canada", "China",
    "France", "Georgia", "Germany", "Hungary", "India", "Iran", "Italy", "Japan",
    "Kazakhstan", "Kyrgyzstan", "Mongolia", "Pakistan", "Russia", "Serbia", "South Korea",
    "Tajikistan", "Turkey", "Turkmenistan", "Ukraine", "United Kingdom", "United States",
    "Uzbekistan",
)  # fmt: skip
COUNTRY = re.compile(r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b")


def source_paragraphs() -> list[str]:
    sources = [*text_paths(), *sorted(seeds_dir().glob("*.txt"))]
    found: list[str] = []
    for path in sources:
        text = read_text(path)
        found += [text[p.start : p.end] for p in paragraphs(text)]
    return found


def _shuffled(paragraph: str, rng: random.Random, numbers: list[str]) -> str:
    paragraph = NUMBER.sub(lambda _: rng.choice(numbers), paragraph)
    return COUNTRY.sub(lambda _: rng.choice(COUNTRIES), paragraph)


def documents(seed: int = 20240314) -> Iterator[str]:
    """Endless ~DOC_BYTES documents; the same seed gives the same corpus."""
    rng = random.Random(seed)
    paras = source_paragraphs()
    numbers = [m.group() for p in paras for m in NUMBER.finditer(p)] or ["1"]
    while True:
        parts: list[str] = []
        size = 0
        while size < DOC_BYTES:
            part = _shuffled(rng.choice(paras), rng, numbers)
            parts.append(part)
            size += len(part.encode("utf-8")) + 2
        yield "\n\n".join(parts) + "\n"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("doc_*.txt"))


def ensure_corpus() -> list[Path]:
    """The corpus files, written first if the marker of a finished run is missing."""
    if MARKER.exists() and corpus_files():
        return corpus_files()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for old in corpus_files():
        old.unlink()
    written = 0
    for number, doc in enumerate(documents(), start=1):
        data = doc.encode("utf-8")
        (CORPUS / f"doc_{number:05d}.txt").write_bytes(data)
        written += len(data)
        if written >= TARGET_BYTES:
            break
    MARKER.write_text(f"{written} bytes\n", encoding="utf-8")
    return corpus_files()
