"""Confidence: the share of labelled figures that each attribution route got right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bilat.extract import confidence
from bilat.extract.confidence import UNSEEN, Route, confidence_for, share_right
from bilat.extract.pipeline import extract_document
from bilat.model import Document


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    counts = {
        "cued/sentence/sentence": (40, 38),
        "cued/sentence/none": (3, 0),  # too few: the coarser route speaks for it
        "cued/sentence": (60, 45),
        "cued": (80, 60),
    }
    monkeypatch.setattr(confidence, "route_counts", lambda: counts)
    confidence_for.cache_clear()  # the shipped table's answers are remembered
    yield
    confidence_for.cache_clear()


def test_a_well_seen_route_gives_its_own_share(table: None) -> None:
    assert confidence_for(Route(True, "sentence", "sentence")) == share_right(40, 38) == 0.93


def test_a_rare_route_takes_the_share_of_the_coarser_one(table: None) -> None:
    assert confidence_for(Route(True, "sentence", "none")) == share_right(60, 45)


def test_a_route_no_label_has_taken_is_a_coin_toss(table: None) -> None:
    # "cued/context" was never seen; the bare "cued" is too coarse to speak for it
    assert confidence_for(Route(True, "context", "context")) == UNSEEN


def test_a_figure_read_from_its_own_sentence_is_surer_than_an_unattributed_one() -> None:
    text = (
        "In 2021 Moldova received $1.9 billion in remittances from Italy.\n\n"
        "Prices rose by 4.5% over the winter."
    )
    doc = Document(Document.make_id(text), "src", "t.txt", "t", text, "2022-01-01")
    sure, unsure = extract_document(doc).claims
    assert sure.method is not None and sure.method.startswith("rules[cued/sentence/sentence]")
    assert sure.confidence > 0.8 > unsure.confidence


def test_the_shipped_table_is_counted_on_the_current_rules(seeds_dir: Path, tmp_path: Path) -> None:
    from bench.calibrate import TABLE, count, learning_results

    shipped = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    assert shipped == count(learning_results(tmp_path)), "run `python -m bench.calibrate`"
