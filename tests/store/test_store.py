"""The store: idempotent writes, all-or-nothing batches, filters, schema versions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bilat.errors import StoreError
from bilat.model import Claim, Event, Source, TimeRef
from bilat.store import Batch, Store
from bilat.store import sql as store_sql
from bilat.store.migrations import SCHEMA_VERSION

SOURCE = Source("test-source", "A test analysis", "A. Writer", "Test Press", 2019, "B", "test")


def sample_batch() -> Batch:
    claims = [
        Claim("remittances", "KGZ", "RUS", 1.9e9, "USD", SOURCE.id, TimeRef.parse("2016")),
        Claim("troops_stationed", "TJK", "RUS", 6500, "persons", SOURCE.id, TimeRef.parse("2019")),
        Claim("trade_share", "KAZ", "CHN", 14.0, "percent", SOURCE.id, TimeRef.parse("2019")),
    ]
    events = [
        Event(
            "COOPERATE",
            ("KGZ", "EAEU"),
            TimeRef.parse("2015-08"),
            "Joined the union.",
            SOURCE.id,
            subtype="joins",
        ),
    ]
    return Batch(sources=[SOURCE], claims=claims, events=events)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "test.db") as opened:
        yield opened


def test_loading_the_same_batch_twice_changes_nothing(store: Store) -> None:
    first = store.write(sample_batch())
    assert (first.claims, first.events, first.sources) == (3, 1, 1)
    before = store.counts()
    second = store.write(sample_batch())
    assert (second.claims, second.events, second.sources) == (0, 0, 0)
    assert store.counts() == before


def test_a_failure_midway_leaves_the_store_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write(Batch(sources=[SOURCE]))
    before = store.counts()
    original = store_sql.records.event_row

    def broken(event: Event) -> dict[str, object]:
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(store_sql.records, "event_row", broken)
    with pytest.raises(RuntimeError):
        store.write(sample_batch())  # claims are inserted before events fail
    monkeypatch.setattr(store_sql.records, "event_row", original)
    assert store.counts() == before


def test_a_constraint_violation_rolls_back_the_whole_batch(store: Store) -> None:
    batch = sample_batch()
    orphan = Claim("aid", "KGZ", "RUS", 1.0, "USD", "no-such-source", TimeRef.parse("2015"))
    batch.claims.append(orphan)
    with pytest.raises(StoreError, match="E303"):
        store.write(batch)
    assert store.counts() == {"sources": 0, "documents": 0, "claims": 0, "events": 0}


def test_claims_filter_by_pair_in_either_direction(store: Store) -> None:
    store.write(sample_batch())
    assert [c.indicator for c in store.claims(pair=("RUS", "KGZ"))] == ["remittances"]
    assert [c.subject for c in store.claims(indicator="trade_share")] == ["KAZ"]
    assert [c.indicator for c in store.claims(dimension="security")] == ["troops_stationed"]
    assert store.claims(year=2016)[0].value == pytest.approx(1.9e9)
    assert store.claims(subject="UZB") == []


def test_a_claim_survives_the_round_trip(store: Store) -> None:
    batch = sample_batch()
    store.write(batch)
    read = {c.id: c for c in store.claims()}
    for claim in batch.claims:
        assert read[claim.id] == claim


def test_events_by_actor_keep_actor_order(store: Store) -> None:
    store.write(sample_batch())
    [event] = store.events(all_of=["EAEU", "KGZ"])
    assert event.actors == ("KGZ", "EAEU")
    assert store.events(actors=["UZB"]) == []


def test_store_records_its_schema_version(store: Store) -> None:
    with store.engine.connect() as conn:
        version = conn.execute(text("select value from meta where key='schema_version'"))
        assert int(version.scalar_one()) == SCHEMA_VERSION


def test_a_store_from_a_newer_bilat_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    with Store(path).engine.begin() as conn:
        conn.execute(text("update meta set value='999' where key='schema_version'"))
    with pytest.raises(StoreError, match="E302"):
        Store(path)


def test_db_location_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BILAT_DB", str(tmp_path / "env.db"))
    assert store_sql.resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert store_sql.resolve_url("postgresql://h/db") == "postgresql://h/db"
