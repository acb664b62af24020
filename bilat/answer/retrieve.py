"""Bounded reads of the store for answering: claims, events, sources and passages.

Every read walks an index and stops at a limit, newest rows first (SQLite's rowid order), so a
question costs the same on a store of a hundred documents or a hundred thousand. Where a limit
cuts a read short, the result says so and the answer words its counts accordingly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.exc import OperationalError

from bilat.model import Claim, Event, Passage, PassageHit, Source
from bilat.reference import regions
from bilat.store import Store, records, schema

CLAIM_LIMIT = 150  # claims read for one lookup
OBJECT_WINDOW = 2000  # newest rows of an indicator searched for a given object (no index)
DIRECT_SAMPLE = 400  # light rows read each way between the two sides of a dyad
REGION_SAMPLE = 100  # and each way between a side and a region the other belongs to
EVENT_SCAN = 1000  # event-actor rows of one side scanned for its events with another
SEARCH_STEPS = 300  # passage search budget, in thousands of SQLite VM instructions
_CHUNK = 500  # ids per IN (...) list, under SQLite's variable limit

_c, _e, _ea, _s = schema.claims.c, schema.events.c, schema.event_actors.c, schema.sources.c


def _newest_first(store: Store, query: Select[Any], table: str) -> Select[Any]:
    """Newest rows first where the database has a row order (SQLite's rowid); elsewhere the
    limit takes rows in the database's own order."""
    if store.engine.dialect.name == "sqlite":
        return query.order_by(literal_column(f"{table}.rowid").desc())
    return query


def scope_of(entity: str) -> tuple[str, ...]:
    """A region stands for itself and its members; anything else for itself."""
    region = regions().get(entity)
    return (entity, *region.members) if region else (entity,)


def with_regions(entity: str) -> tuple[str, ...]:
    """The entity and the regions it belongs to (Central Asia's figures speak of its states)."""
    return (entity, *(r.id for r in regions().values() if entity in r.members))


class SourceBook:
    """Sources read on demand and kept: a store may hold one per document."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: dict[str, Source | None] = {}

    def load(self, ids: Iterable[str]) -> None:
        wanted = [i for i in dict.fromkeys(ids) if i not in self._known]
        with self._store.engine.connect() as conn:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                self._known.update(dict.fromkeys(chunk))
                rows = conn.execute(select(schema.sources).where(_s.id.in_(chunk)))
                for row in rows:
                    source = records.source_from_row(row)
                    self._known[source.id] = source

    def add(self, source: Source) -> None:
        self._known[source.id] = source

    def get(self, source_id: str) -> Source | None:
        if source_id not in self._known:
            self.load([source_id])
        return self._known.get(source_id)

    def grade(self, source_id: str) -> str:
        source = self.get(source_id)
        return source.grade if source else "F"

    def mapping(self) -> dict[str, Source]:
        """The sources read so far (what `reconcile` needs for the claims it is given)."""
        return {k: v for k, v in self._known.items() if v is not None}


def find_claims(
    store: Store,
    *,
    indicators: Sequence[str] = (),
    subjects: Sequence[str] | None = None,
    objects: Sequence[str] | None = None,
    pair: tuple[Sequence[str], Sequence[str]] | None = None,
    dimensions: Sequence[str] | None = None,
    limit: int = CLAIM_LIMIT,
) -> list[Claim]:
    """Claims matching every filter (pair: either direction), newest first, at most `limit`,
    with analysts' reviews applied."""
    sides = [(subjects, objects)]
    if pair is not None:
        sides = [(pair[0], pair[1]), (pair[1], pair[0])]
    found: list[tuple[int, str]] = []
    with store.engine.connect() as conn:
        # One query per indicator and direction: each walks an index in row order and stops
        # at the limit, where one query over them all would sort every match first.
        names: list[str | None] = [*indicators] or [None]
        for name in names:
            for subject_in, object_in in sides:
                query = _claim_query(store, name, subject_in, object_in, dimensions)
                found.extend((row[1], row[0]) for row in conn.execute(query.limit(limit)))
    ids = [i for _, i in sorted(set(found), reverse=True)][:limit]
    return store.claims(ids=ids) if ids else []


def _claim_query(
    store: Store,
    indicator: str | None,
    subjects: Sequence[str] | None,
    objects: Sequence[str] | None,
    dimensions: Sequence[str] | None,
) -> Select[Any]:
    rowid = literal_column("claims.rowid") if store.engine.dialect.name == "sqlite" else _c.id
    where: list[Any] = [_c.superseded == 0]
    if indicator is not None:
        where.append(_c.indicator == indicator)
    if subjects is not None:
        where.append(_c.subject.in_(list(subjects)))
    if objects is not None:
        where.append(_c.object.in_(list(objects)))
    if dimensions is not None:
        where.append(_c.dimension.in_(list(dimensions)))
    query = select(_c.id, rowid).where(*where)
    if indicator is not None and subjects is not None:
        # Without statistics SQLite may walk the (subject, object) index of a busy dyad.
        query = query.with_hint(schema.claims, "INDEXED BY claims_indicator", "sqlite")
    elif indicator is not None and objects is not None:
        # No index leads with the object: look only among the indicator's newest rows, found
        # from the index alone before any row is read.
        window = _newest_first(store, select(rowid).where(_c.indicator == indicator), "claims")
        query = select(_c.id, rowid).where(
            rowid.in_(window.limit(OBJECT_WINDOW).scalar_subquery()), *where
        )
    return _newest_first(store, query, "claims")


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim's key fields, enough to survey a dyad without reading its evidence."""

    id: str
    indicator: str
    dimension: str | None
    subject: str | None
    object: str | None
    value: float
    unit: str
    qualifier: str
    year: int | None
    source_id: str


@dataclass(frozen=True, slots=True)
class Survey:
    """What the store holds on a dyad: the count of direct figures, and a sample of rows."""

    total: int
    rows: tuple[ClaimRow, ...]
    complete: bool  # the sample holds every row


def survey_pair(store: Store, a: Sequence[str], b: Sequence[str]) -> Survey:
    """The dyad's figures (a's ids against b's, either direction): a count of the direct ones
    (an index-only count) and light rows, newest first: up to DIRECT_SAMPLE each way between
    a[0] and b[0], up to REGION_SAMPLE each way for the regions."""
    columns = (
        _c.id,
        _c.indicator,
        _c.dimension,
        _c.subject,
        _c.object,
        _c.value,
        _c.unit,
        _c.qualifier,
        _c.year,
        _c.source_id,
    )
    rows: list[ClaimRow] = []
    total = 0
    complete = True
    with store.engine.connect() as conn:
        # One query per (subject, object): each walks its index in row order, no sorting.
        for subject, obj in [(x, y) for x in a for y in b] + [(y, x) for x in a for y in b]:
            direct = subject in (a[0], b[0]) and obj in (a[0], b[0])
            limit = DIRECT_SAMPLE if direct else REGION_SAMPLE
            where = (_c.subject == subject, _c.object == obj)
            if direct:
                total += int(conn.execute(select(func.count()).where(*where)).scalar_one())
            query = _newest_first(
                store, select(*columns).where(*where, _c.superseded == 0), "claims"
            )
            found = [ClaimRow(*row) for row in conn.execute(query.limit(limit + 1))]
            complete = complete and len(found) <= limit
            rows.extend(found[:limit])
    return Survey(total, tuple(rows), complete)


@dataclass(frozen=True, slots=True)
class EventSet:
    events: tuple[Event, ...]  # oldest first
    complete: bool  # every event of the driving side was scanned


def _actor_rows(store: Store, actor: str) -> int:
    with store.engine.connect() as conn:
        query = select(func.count()).where(_ea.actor == actor)
        return int(conn.execute(query).scalar_one())


def find_events(
    store: Store,
    actors: Sequence[str],
    *,
    with_any: Sequence[str] | None = None,
    subtypes: Sequence[str] | None = None,
    scan: int = EVENT_SCAN,
) -> EventSet:
    """Events in which one of `actors` takes part (and, if given, one of `with_any`), from the
    newest `scan` event rows of each actor; oldest first."""
    ids: list[str] = []
    complete = True
    with store.engine.connect() as conn:
        for actor in dict.fromkeys(actors):
            complete = complete and _actor_rows(store, actor) <= scan
            recent = _newest_first(
                store, select(_ea.event_id).where(_ea.actor == actor), "event_actors"
            )
            ids.extend(row[0] for row in conn.execute(recent.limit(scan)))
    ids = list(dict.fromkeys(ids))
    if with_any is not None:
        ids = _involving(store, ids, with_any)
    actors_of = _actors(store, ids)
    where: list[Any] = [_e.superseded == 0]
    if subtypes is not None:
        where.append(_e.subtype.in_(list(subtypes)))
    events: list[Event] = []
    with store.engine.connect() as conn:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in conn.execute(select(schema.events).where(_e.id.in_(chunk), *where)):
                actors = tuple(actors_of.get(row._mapping["id"], ()))
                events.append(records.event_from_row(row, actors))
    events.sort(key=lambda e: (e.date.start, e.id))
    return EventSet(tuple(events), complete)


def _involving(store: Store, ids: Sequence[str], actors: Sequence[str]) -> list[str]:
    """The events among `ids` in which one of `actors` takes part."""
    kept: set[str] = set()
    # `actor || ''` keeps SQLite on the primary key (event_id, position): on the actor index
    # it would walk every event of a busy actor for each id.
    actor = _ea.actor.concat("")
    with store.engine.connect() as conn:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            query = select(_ea.event_id).where(_ea.event_id.in_(chunk), actor.in_(list(actors)))
            kept.update(row[0] for row in conn.execute(query))
    return [i for i in ids if i in kept]


def _actors(store: Store, ids: Sequence[str]) -> dict[str, list[str]]:
    """The actors of each event, the initiator first."""
    actors: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), _CHUNK):
            query = (
                select(_ea.event_id, _ea.actor)
                .where(_ea.event_id.in_(ids[start : start + _CHUNK]))
                .order_by(_ea.event_id, _ea.position)
            )
            for event_id, actor in conn.execute(query):
                actors.setdefault(event_id, []).append(actor)
    return actors


def pair_events(store: Store, a: str, b: str, *, subtypes: Sequence[str] | None = None) -> EventSet:
    """Events with both a and b among the actors, driven from the side with fewer events."""
    first, second = sorted((a, b), key=lambda x: _actor_rows(store, x))
    return find_events(store, [first], with_any=[second], subtypes=subtypes)


_PASSAGES_SQL = (
    'SELECT p.document_id, p.start, p."end", p.text, d.source_id, d.title, d.path, '
    "bm25(passages_fts) AS score "
    "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
    "JOIN documents d ON d.id = p.document_id "
    "WHERE passages_fts MATCH ? AND d.superseded_by IS NULL "
    "ORDER BY score LIMIT ?"
)


def _match(groups: Sequence[Sequence[str]]) -> str:
    """FTS5 syntax: every group must match, any word of a group will do."""
    return " AND ".join(
        "(" + " OR ".join('"' + w.replace('"', "") + '"' for w in group) + ")" for group in groups
    )


def search_passages(
    store: Store, groups: Sequence[Sequence[str]], *, limit: int = 5
) -> list[PassageHit]:
    """Sentences that speak of every group of words (BM25, best first), dropping the last
    groups until something matches.

    On SQLite the search is bounded: a query that would rank more matches than the budget
    allows is stopped (a deterministic count of VM instructions, not a clock), and a broader
    one is not tried. Elsewhere it falls back to `Store.search` over all the words.
    """
    groups = [[w.lower() for w in g if w.strip()] for g in groups]
    groups = [g for g in groups if g]
    if not groups:
        return []
    if store.engine.dialect.name != "sqlite":
        return store.search(" ".join(w for g in groups for w in g), limit=limit)
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if not isinstance(raw, sqlite3.Connection):
            return store.search(" ".join(w for g in groups for w in g), limit=limit)
        steps = [0]

        def budget() -> int:
            steps[0] += 1
            return 1 if steps[0] > SEARCH_STEPS else 0

        raw.set_progress_handler(budget, 1000)
        try:
            for size in range(len(groups), 0, -1):  # one budget for all the tries
                try:
                    rows = conn.exec_driver_sql(_PASSAGES_SQL, (_match(groups[:size]), limit))
                    found = rows.all()
                except OperationalError:
                    return []  # too many matches to rank in budget; a broader query has more
                if found:
                    return [
                        PassageHit(Passage(r[0], r[1], r[2], r[3]), float(r[7]), r[4], r[5], r[6])
                        for r in found
                    ]
            return []
        finally:
            raw.set_progress_handler(None, 0)


def partners(store: Store, entity: str) -> list[tuple[str, int]]:
    """The counterparts of an entity's figures, most figures first (an index-only count)."""
    query = (
        select(_c.object, func.count())
        .where(_c.subject == entity, _c.object.is_not(None))
        .group_by(_c.object)
    )
    with store.engine.connect() as conn:
        counts = [(str(other), int(n)) for other, n in conn.execute(query)]
    return sorted(counts, key=lambda item: (-item[1], item[0]))
