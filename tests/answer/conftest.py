"""A store with the starter data and a short text ingested from a file, as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilat.ingest.batch import ingest_paths
from bilat.starter import load_starter
from bilat.store import Store

MONGOLIA = """Mongolia between its neighbours

Mongolia opened a new rail crossing to China at Gashuunsukhait in 2022. China took 84 percent \
of Mongolia's exports in 2021. Coal shipments through the crossing doubled within a year.

Russia supplies about 90 percent of Mongolia's fuel imports. In 2019 Mongolia and Russia \
signed a treaty of friendship and comprehensive strategic partnership.
"""


@pytest.fixture(scope="session")
def ingested_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("ingested")
    text = folder / "mongolia.txt"
    text.write_text(MONGOLIA, encoding="utf-8")
    with Store(folder / "ingested.db") as store:
        store.write(load_starter())
        summary = ingest_paths(store, [text])
        assert summary.documents == 1 and not summary.failures
        yield store


@pytest.fixture(scope="session")
def starter_db(starter_store: Store) -> Path:
    """The starter store's file, for the command line."""
    return Path(starter_store.url.removeprefix("sqlite:///"))
