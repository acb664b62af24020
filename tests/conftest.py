"""Shared fixtures: the starter store, built once per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilat.starter import load_starter
from bilat.store import Store

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("BILAT_SEEDS", REPO.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed analyses are not at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def starter_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("starter") / "starter.db") as store:
        store.write(load_starter())
        yield store
