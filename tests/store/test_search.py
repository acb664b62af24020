"""Full-text search over the sentences of ingested documents."""

from __future__ import annotations

from pathlib import Path

from bilat.ingest.batch import ingest_paths
from bilat.store import Store


def test_search_finds_the_sentence_that_speaks_of_it(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text(
        "Ports and rails\n\nMongolia opened a new rail crossing to China at Gashuunsukhait "
        "in 2022. Coal exports through the crossing doubled within a year.\n\n"
        "Parliament debated a mining law the same spring.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        ingest_paths(store, [doc])
        ingest_paths(store, [doc])  # re-ingesting adds no second copy of the passages
        hits = store.search("Which rail crossing did Mongolia open?")
        assert hits and "Gashuunsukhait" in hits[0].passage.text
        texts = [h.passage.text for h in store.search("crossing", limit=10)]
        assert len(texts) == len(set(texts)) == 2
        assert hits[0].title and hits[0].source_id
        assert store.search("who is the") == []  # only stop words: nothing to look for
