"""The benchmark's gold: labelled bench texts and curated claims located in the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.gold import LABELS, TEXTS, own_gold, read_text, seed_gold, unlocated_seed_claims
from bench.labelling import SETS, build, problems
from bench.spans import find_span, occurrences


def test_spans_are_whole_tokens() -> None:
    text = "In 2016 the Table 1 ranks $1 billion 1\nfootnote (2016)1 and 1.5 or 1%"
    assert occurrences(text, "1") == [18, 37, 67]  # not in 2016, $1, )1 or 1.5
    assert find_span(text, "1%") == (len(text) - 2, len(text))
    with pytest.raises(ValueError):
        find_span(text, "1", 4)


@pytest.mark.parametrize(("texts", "labels_dir"), SETS)
def test_every_label_is_exact_and_sound(texts: Path, labels_dir: Path) -> None:
    names = sorted(p.stem for p in (labels_dir / "spec").glob("*.yaml"))
    assert names
    for name in names:
        text = read_text(texts / f"{name}.txt")
        assert 400 <= len(text.split()) <= 900, name
        labels = build(name, texts, labels_dir)
        assert problems(labels, text) == []
        assert all(text[g["start"] : g["end"]] == g["text"] for g in labels)
        written = (labels_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in written] == labels, f"rerun bench.labelling: {name}"
    gold = own_gold(labels_dir)
    assert len(gold) == sum(len(build(n, texts, labels_dir)) for n in names)
    if labels_dir == LABELS:
        assert len(names) >= 4 and texts == TEXTS


def test_seed_claims_are_located(seeds_dir: Path) -> None:
    gold = seed_gold()
    assert gold and unlocated_seed_claims() == []
    for g in gold:
        assert read_text(Path(g["doc"]))[g["start"] : g["end"]] == g["text"]
