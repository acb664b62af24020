"""The claim store on SQL: SQLite by default, any SQLAlchemy URL (PostgreSQL) otherwise.

Writes go through `write(batch)`: one transaction per batch, rows keyed by content-derived
ids, so loading the same batch twice changes nothing and a failure midway changes nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    and_,
    create_engine,
    event,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from bilat.errors import StoreError
from bilat.model import Claim, Document, Event, Passage, PassageHit, Rank, Source
from bilat.store import records, schema
from bilat.store.migrations import migrate

DEFAULT_PATH = "bilat.db"
_SEARCH_WORD = re.compile(r"[^\W_]{2,}")
# Words that every passage has: searching on them only adds noise to BM25.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "than",
        "that",
        "the",
        "their",
        "there",
        "these",
        "this",
        "those",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "why",
        "will",
        "with",
    ]
)


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """`--db`, else $BILAT_DB, else ./bilat.db; a plain path means SQLite."""
    chosen = str(db) if db else os.environ.get("BILAT_DB") or DEFAULT_PATH
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser()}"


@dataclass(slots=True)
class Batch:
    """Records to write together, or not at all."""

    sources: list[Source] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)


@dataclass(slots=True)
class WriteResult:
    """How many rows each write added; records already present are not counted."""

    sources: int = 0
    documents: int = 0
    claims: int = 0
    events: int = 0


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Store:
    """Claims, events, documents and sources, behind one small interface."""

    def __init__(self, db: str | os.PathLike[str] | None = None) -> None:
        self.url = resolve_url(db)
        try:
            self.engine: Engine = create_engine(self.url)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"[E301] cannot open the store at {self.url}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _enable_sqlite_foreign_keys)
        try:
            with self.engine.begin() as conn:
                migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"[E301] cannot open the store at {self.url}: {exc}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A connection whose writes all land at the end of the block, or none do."""
        with self.engine.begin() as conn:
            yield conn

    def write(self, batch: Batch) -> WriteResult:
        try:
            with self.transaction() as conn:
                return self.write_in(conn, batch)
        except SQLAlchemyError as exc:
            raise StoreError(f"[E303] write failed, nothing was stored: {exc}") from exc

    def write_in(self, conn: Connection, batch: Batch) -> WriteResult:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        result = WriteResult()
        d = schema.documents.c
        known = {
            row[0]
            for row in conn.execute(
                select(d.id).where(d.id.in_([doc.id for doc in batch.documents]))
            )
        }
        result.sources = self._insert_new(
            conn, schema.sources, [records.source_row(s) for s in batch.sources]
        )
        result.documents = self._insert_new(
            conn,
            schema.documents,
            [_document_row(d, now) for d in batch.documents],
        )
        result.claims = self._insert_new(
            conn, schema.claims, [records.claim_row(c) for c in batch.claims]
        )
        result.events = self._insert_new(
            conn, schema.events, [records.event_row(e) for e in batch.events]
        )
        actor_rows = [
            {"event_id": e.id, "position": i, "actor": actor}
            for e in batch.events
            for i, actor in enumerate(e.actors)
        ]
        self._insert_new(conn, schema.event_actors, actor_rows)
        # Passages have no natural key: they are written with their document, once.
        passage_rows = [
            {"document_id": p.document_id, "start": p.start, "end": p.end, "text": p.text}
            for p in batch.passages
            if p.document_id not in known
        ]
        if passage_rows:
            conn.execute(schema.passages.insert(), passage_rows)
        return result

    def write_document(self, batch: Batch, document: Document) -> tuple[WriteResult, int]:
        """Write one document's records, marking older versions of the same file superseded.

        The old versions' claims and events stay in the store (evidence is never deleted);
        they are flagged so that listings and briefs read the newest version.
        """
        try:
            with self.transaction() as conn:
                superseded = self._supersede(conn, document)
                return self.write_in(conn, batch), superseded
        except SQLAlchemyError as exc:
            raise StoreError(f"[E303] write failed, nothing was stored: {exc}") from exc

    def _supersede(self, conn: Connection, document: Document) -> int:
        d = schema.documents.c
        old = [
            row[0]
            for row in conn.execute(
                select(d.id).where(
                    d.path == document.path, d.id != document.id, d.superseded_by.is_(None)
                )
            )
        ]
        if not old:
            return 0
        conn.execute(
            schema.documents.update().where(d.id.in_(old)).values(superseded_by=document.id)
        )
        for table in (schema.claims, schema.events):
            conn.execute(table.update().where(table.c.document_id.in_(old)).values(superseded=1))
        return len(old)

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            d = schema.documents.c
            return conn.execute(select(d.id).where(d.id == document_id)).first() is not None

    def documents(self) -> list[dict[str, Any]]:
        """Every document version without its text: id, path, title, superseded_by."""
        d = schema.documents.c
        query = select(d.id, d.path, d.title, d.source_id, d.published, d.superseded_by)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query.order_by(d.path, d.ingested_at))]

    def _insert_new(self, conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
        """Insert rows whose key is not there yet; returns how many were new."""
        if not rows:
            return 0
        dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
        result = conn.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))
        return max(int(result.rowcount), 0)  # drivers that cannot count report -1

    # -- reading ---------------------------------------------------------------------------

    def sources(self) -> list[Source]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.sources).order_by(schema.sources.c.id))
            return [records.source_from_row(r) for r in rows]

    def source_map(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources()}

    def claims(
        self,
        *,
        subject: str | None = None,
        object: str | None = None,
        indicator: str | None = None,
        dimension: str | None = None,
        year: int | None = None,
        pair: tuple[str, str] | None = None,
        ids: Iterable[str] | None = None,
        include_superseded: bool = False,
    ) -> list[Claim]:
        """Claims matching every filter given; `pair` matches either direction."""
        c = schema.claims.c
        where = []
        if subject:
            where.append(c.subject == subject)
        if object:
            where.append(c.object == object)
        if indicator:
            where.append(c.indicator == indicator)
        if dimension:
            where.append(c.dimension == dimension)
        if year is not None:
            where.append(c.year == year)
        if pair:
            a, b = pair
            where.append(
                or_(and_(c.subject == a, c.object == b), and_(c.subject == b, c.object == a))
            )
        if ids is not None:
            where.append(c.id.in_(list(ids)))
        if not include_superseded:
            where.append(c.superseded == 0)
        query = select(schema.claims).where(*where).order_by(c.indicator, c.year, c.id)
        with self.engine.connect() as conn:
            found = [records.claim_from_row(r) for r in conn.execute(query)]
            return self._with_reviews(conn, found)

    def _with_reviews(self, conn: Connection, claims: list[Claim]) -> list[Claim]:
        """Claims with the latest analyst review applied to their rank."""
        if not claims:
            return claims
        r = schema.reviews.c
        latest: dict[str, tuple[str, str]] = {}
        ids = [claim.id for claim in claims]
        for chunk in range(0, len(ids), 500):  # stay under SQLite's variable limit
            rows = conn.execute(
                select(r.claim_id, r.rank, r.reason)
                .where(r.claim_id.in_(ids[chunk : chunk + 500]))
                .order_by(r.id)
            )
            for claim_id, rank, reason in rows:
                latest[claim_id] = (rank, reason)
        for claim in claims:
            if claim.id in latest:
                claim.rank, claim.rank_reason = latest[claim.id]  # type: ignore[assignment]
        return claims

    def review(self, claim_id: str, rank: Rank, reason: str, reviewer: str | None = None) -> Claim:
        """Record an analyst's rank for a claim, beside the evidence; returns the claim."""
        if not reason.strip():
            raise StoreError("[E304] a review needs a reason")
        with self.transaction() as conn:
            c = schema.claims.c
            row = conn.execute(select(schema.claims).where(c.id == claim_id)).first()
            if row is None:
                raise StoreError(f"[E305] no claim with id {claim_id!r}")
            conn.execute(
                schema.reviews.insert().values(
                    claim_id=claim_id,
                    rank=rank,
                    reason=reason.strip(),
                    reviewer=reviewer,
                    created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
            return self._with_reviews(conn, [records.claim_from_row(row)])[0]

    def reviews(self, claim_id: str) -> list[dict[str, Any]]:
        """Every review of a claim, oldest first."""
        r = schema.reviews.c
        query = select(schema.reviews).where(r.claim_id == claim_id).order_by(r.id)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def events(
        self, *, actors: Iterable[str] | None = None, all_of: Iterable[str] | None = None
    ) -> list[Event]:
        """Events involving any of `actors` and, if given, every one of `all_of`, by date."""
        e, ea = schema.events.c, schema.event_actors.c
        query = select(schema.events).where(e.superseded == 0)
        if actors is not None:
            query = query.where(e.id.in_(select(ea.event_id).where(ea.actor.in_(list(actors)))))
        for actor in all_of or ():
            query = query.where(e.id.in_(select(ea.event_id).where(ea.actor == actor)))
        query = query.order_by(e.date_start, e.id)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
            ids = [r._mapping["id"] for r in rows]
            actors_by_event: dict[str, list[str]] = {i: [] for i in ids}
            if ids:
                actor_rows = conn.execute(
                    select(ea.event_id, ea.actor)
                    .where(ea.event_id.in_(ids))
                    .order_by(ea.event_id, ea.position)
                )
                for event_id, actor in actor_rows:
                    actors_by_event[event_id].append(actor)
        return [records.event_from_row(r, tuple(actors_by_event[r._mapping["id"]])) for r in rows]

    def search(self, query: str, *, limit: int = 10) -> list[PassageHit]:
        """Passages matching the words of `query`, best first (BM25 on SQLite's FTS5)."""
        words = [w for w in _SEARCH_WORD.findall(query.lower()) if w not in _STOPWORDS]
        if not words:
            return []
        p, d = schema.passages.c, schema.documents.c
        base = (
            select(p.document_id, p.start, p.end, p.text, d.source_id, d.title, d.path)
            .join(schema.documents, d.id == p.document_id)
            .where(d.superseded_by.is_(None))
        )
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                # Passages with every word first (selective, so fast on a large store), then
                # any word when that finds too few. Ranking happens inside the FTS index and
                # only the best few are joined: scoring every match through the join costs
                # ten times more.
                rows: list[Any] = []
                for joiner in (" AND ", " OR "):
                    match = joiner.join(f'"{w}"' for w in words)
                    rows = self._fts(conn, match, limit)
                    if len(rows) >= limit or len(words) == 1:
                        break
            else:  # no FTS5: match any word, unranked
                rows = list(
                    conn.execute(
                        base.where(or_(*(p.text.ilike(f"%{w}%") for w in words))).limit(limit)
                    )
                )
        return [
            PassageHit(
                Passage(r[0], r[1], r[2], r[3]),
                float(r[7]) if len(r) > 7 else 0.0,
                r[4],
                r[5],
                r[6],
            )
            for r in rows
        ]

    def _fts(self, conn: Connection, match: str, limit: int) -> list[Any]:
        return list(
            conn.execute(
                text(
                    'SELECT p.document_id, p.start, p."end", p.text, d.source_id, '
                    "d.title, d.path, f.score FROM ("
                    "  SELECT rowid, rank AS score FROM passages_fts "
                    "  WHERE passages_fts MATCH :match ORDER BY rank LIMIT :pool"
                    ") f JOIN passages p ON p.id = f.rowid "
                    "JOIN documents d ON d.id = p.document_id "
                    "WHERE d.superseded_by IS NULL ORDER BY f.score LIMIT :limit"
                ),
                {"match": match, "pool": limit * 4, "limit": limit},
            )
        )

    def counts(self) -> dict[str, int]:
        tables = {
            "sources": schema.sources,
            "documents": schema.documents,
            "claims": schema.claims,
            "events": schema.events,
        }
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for name, t in tables.items()
            }


def _document_row(document: Document, now: str) -> dict[str, Any]:
    return {
        "id": document.id,
        "source_id": document.source_id,
        "path": document.path,
        "title": document.title,
        "published": document.published,
        "media_type": document.media_type,
        "text": document.text,
        "pages": ",".join(str(p) for p in document.pages),
        "superseded_by": None,
        "ingested_at": now,
    }
