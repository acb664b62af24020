"""The curated starter dataset: size, coverage, provenance, and our own words."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from bilat.ingest.layout import paragraphs
from bilat.ontology import DIMENSIONS, indicators
from bilat.starter import load_sources, load_starter, raw_records, seed_files

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


def test_the_starter_set_is_large_enough() -> None:
    batch = load_starter()
    assert len(batch.claims) >= 150
    assert len(batch.events) >= 40
    assert len(batch.sources) == 5


def test_every_source_is_graded_with_a_reason_and_cited() -> None:
    batch = load_starter()
    cited = {c.source_id for c in batch.claims} | {e.source_id for e in batch.events}
    for source in load_sources().values():
        assert source.grade in "ABCDEF" and source.grade_reason
        assert source.title and source.author and source.publisher and source.year
        assert source.id in cited


def test_every_record_has_a_locator() -> None:
    batch = load_starter()
    for record in [*batch.claims, *batch.events]:
        assert record.locator and re.search(r"paragraph \d+", record.locator)


def test_each_state_is_covered_with_russia_and_china() -> None:
    batch = load_starter()
    covered: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in batch.claims:
        dimension = indicators()[claim.indicator].dimension
        if dimension and claim.object and claim.subject:
            covered[(claim.subject, claim.object)].add(dimension)
            covered[(claim.object, claim.subject)].add(dimension)
    for state in CENTRAL_ASIA:
        assert covered[(state, "RUS")], f"no claim on {state}–RUS"
        assert covered[(state, "CHN")], f"no claim on {state}–CHN"
    every_dimension = set().union(*covered.values())
    assert every_dimension == set(DIMENSIONS)


def test_disagreeing_figures_are_both_kept() -> None:
    borders = {
        (c.value, c.source_id)
        for c in load_starter().claims
        if c.indicator == "border_length" and {c.subject, c.object} == {"KAZ", "RUS"}
    }
    assert {value for value, _ in borders} >= {6000.0, 7500.0}
    assert len({source for _, source in borders}) >= 2


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _shingles(text: str, n: int) -> set[str]:
    words = _words(text)
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("prefix", ["claims_", "events_"])
def test_mentions_sit_in_the_named_paragraph_of_the_seed(seeds_dir: Path, prefix: str) -> None:
    seeds = seed_files()
    layouts: dict[str, tuple[str, list]] = {}
    for file, record in raw_records(prefix):
        seed = seeds[record["source"]]
        if seed not in layouts:
            text = (seeds_dir / seed).read_text(encoding="utf-8")
            layouts[seed] = (text, paragraphs(text))
        text, paras = layouts[seed]
        para = paras[record["paragraph"] - 1]
        where = f"{file}: {record['summary']!r}"
        assert record["mention"] in text[para.start : para.end], where
        # Long headings are cited by their first words, so no run of the source is copied.
        assert (para.heading or "").startswith(record["section"].rstrip(" …")), where


def test_no_summary_copies_the_analyses(seeds_dir: Path) -> None:
    seed_runs = set()
    for path in seeds_dir.iterdir():
        seed_runs |= _shingles(path.read_text(encoding="utf-8"), 8)
    for prefix in ("claims_", "events_"):
        for file, record in raw_records(prefix):
            copied = _shingles(record["summary"], 8) & seed_runs
            assert not copied, f"{file}: {record['summary']!r} repeats {copied}"
