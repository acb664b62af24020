"""Gold quantities: the labelled bench texts and the curated claims located in the seeds."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TypedDict

import yaml

from bench.spans import occurrences
from bilat.ingest.layout import Paragraph, paragraphs

BENCH = Path(__file__).resolve().parent
TEXTS = BENCH / "texts"
LABELS = BENCH / "labels"
# Texts written and labelled after the extraction rules were tuned, kept out of that tuning:
# their score is the honest one for text bilat has not seen.
HELDOUT_TEXTS = BENCH / "heldout" / "texts"
HELDOUT_LABELS = BENCH / "heldout" / "labels"
STARTER = BENCH.parent / "bilat" / "starter" / "data"


class GoldQuantity(TypedDict):
    doc: str
    start: int
    end: int
    text: str
    indicator: str
    subject: str | None
    object: str | None
    value: float
    value_max: float | None
    unit: str
    time: str | None
    qualifier: str


def seeds_dir() -> Path:
    """The seed analyses: $BILAT_SEEDS, else ../shared/seeds beside the repository."""
    return Path(os.environ.get("BILAT_SEEDS", BENCH.parent.parent / "shared" / "seeds"))


def read_text(path: Path) -> str:
    # newline="" keeps "\r\n": offsets count the characters of the file as read
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def text_paths() -> list[Path]:
    return sorted(TEXTS.glob("*.txt"))


def heldout_paths() -> list[Path]:
    return sorted(HELDOUT_TEXTS.glob("*.txt"))


def own_gold(labels: Path = LABELS) -> list[GoldQuantity]:
    """The labels of the bench texts (labels/NAME.jsonl, doc = the text's file name)."""
    gold: list[GoldQuantity] = []
    for path in sorted(labels.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            gold.extend(json.loads(line) for line in f if line.strip())
    return gold


def seed_metadata() -> dict[str, dict[str, str]]:
    """Seed file name -> what a user would write in its sidecar FILE.meta.yaml (title,
    author, publisher, year of publication, grade), from the starter's source list."""
    sources = yaml.safe_load((STARTER / "sources.yaml").read_text(encoding="utf-8"))
    keys = ("title", "author", "publisher", "grade")
    return {
        s["seed"]: {**{k: str(s[k]) for k in keys if s.get(k)}, "date": str(s["year"])}
        for s in sources
        if s.get("seed")
    }


def seeds_with_metadata(into: Path) -> list[Path]:
    """Copies of the seeds in `into`, each beside a sidecar with its metadata, as a user
    would ingest them: the publication date resolves "since 2000" and "last year"."""
    meta = seed_metadata()
    copies: list[Path] = []
    for seed in sorted(seeds_dir().glob("*.txt")):
        copy = into / seed.name
        copy.write_bytes(seed.read_bytes())
        if seed.name in meta:
            sidecar = into / f"{seed.stem}.meta.yaml"
            sidecar.write_text(yaml.safe_dump(meta[seed.name], allow_unicode=True), "utf-8")
        copies.append(copy)
    return copies


def _seed_files() -> dict[str, Path]:
    sources = yaml.safe_load((STARTER / "sources.yaml").read_text(encoding="utf-8"))
    return {s["id"]: seeds_dir() / s["seed"] for s in sources if s.get("seed")}


def _locate(text: str, lo: int, hi: int, mention: str, cursor: int, last: Any) -> int | None:
    """Where `mention` sits in text[lo:hi]: the first match at or after the previous claim's
    (claims are curated in reading order), else the previous claim's own span when it is the
    same mention, else the first match in the paragraph."""
    starts = occurrences(text, mention, lo, hi) or [
        i for i in range(lo, hi) if text.startswith(mention, i)
    ]
    if not starts:
        return None
    after = [s for s in starts if s >= cursor]
    if after:
        return after[0]
    if last is not None and last[1] == mention:
        return int(last[0])
    return starts[0]


def seed_gold() -> list[GoldQuantity]:
    """Each curated starter claim located at its `mention` in its seed paragraph.

    doc is the seed's path; claims whose mention cannot be found are skipped (reported by
    `unlocated_seed_claims`).
    """
    return _seed_gold()[0]


def unlocated_seed_claims() -> list[dict[str, Any]]:
    return _seed_gold()[1]


def _seed_gold() -> tuple[list[GoldQuantity], list[dict[str, Any]]]:
    files = _seed_files()
    gold: list[GoldQuantity] = []
    missing: list[dict[str, Any]] = []
    texts: dict[Path, tuple[str, list[Paragraph]]] = {}
    for claims_file in sorted(STARTER.glob("claims_*.yaml")):
        cursor: dict[tuple[Path, int], int] = {}
        last: dict[tuple[Path, int], tuple[int, str]] = {}
        for claim in yaml.safe_load(claims_file.read_text(encoding="utf-8")) or []:
            path = files.get(claim["source"])
            if path is None or not path.is_file():
                missing.append(claim)
                continue
            if path not in texts:
                raw = read_text(path)
                texts[path] = (raw, paragraphs(raw))
            text, paras = texts[path]
            number = int(claim["paragraph"])
            mention = str(claim["mention"])
            if not 1 <= number <= len(paras):
                missing.append(claim)
                continue
            para = paras[number - 1]
            key = (path, number)
            start = _locate(
                text, para.start, para.end, mention, cursor.get(key, para.start), last.get(key)
            )
            if start is None:
                missing.append(claim)
                continue
            cursor[key] = start + len(mention)
            last[key] = (start, mention)
            gold.append(_seed_record(claim, str(path), start, mention))
    return gold, missing


def _seed_record(claim: dict[str, Any], doc: str, start: int, mention: str) -> GoldQuantity:
    vmax = claim.get("value_max")
    time = claim.get("time")
    return GoldQuantity(
        doc=doc,
        start=start,
        end=start + len(mention),
        text=mention,
        indicator=str(claim["indicator"]),
        subject=claim.get("subject"),
        object=claim.get("object"),
        value=float(claim["value"]),
        value_max=None if vmax is None else float(vmax),
        unit=str(claim["unit"]),
        time=None if time is None else str(time),
        qualifier=str(claim.get("qualifier") or "exact"),
    )
