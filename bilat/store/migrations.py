"""Schema versions and the steps between them.

Each migration takes a store from version N to N+1 inside the caller's transaction, so a
failed upgrade leaves the store at the version it had.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select

from bilat.errors import StoreError
from bilat.store import schema


def _v1_base_tables(conn: Connection) -> None:
    tables = [
        schema.meta,
        schema.sources,
        schema.documents,
        schema.claims,
        schema.events,
        schema.event_actors,
    ]
    schema.metadata.create_all(conn, tables=tables)


def _v2_reviews(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.reviews])


def _v3_passages(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.passages])
    if conn.dialect.name == "sqlite":
        # An external-content FTS5 index over passages.text, kept in step by triggers.
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE passages_fts USING fts5("
            "text, content='passages', content_rowid='id', tokenize='porter unicode61')"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN "
            "INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN "
            "INSERT INTO passages_fts(passages_fts, rowid, text) "
            "VALUES('delete', old.id, old.text); END"
        )


def _v4_lookup_indexes(conn: Connection) -> None:
    # "Who has troops in X" looks claims up by their counterpart; events by actor then id.
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS claims_object ON claims (object, indicator, subject)"
    )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS event_actors_lookup ON event_actors (actor, event_id)"
    )


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_base_tables,
    _v2_reviews,
    _v3_passages,
    _v4_lookup_indexes,
]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        return 0
    row = conn.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
    ).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Bring the store up to SCHEMA_VERSION; returns the version it was at."""
    found = current_version(conn)
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"[E302] the store is at schema version {found}, newer than this bilat "
            f"({SCHEMA_VERSION}); upgrade bilat"
        )
    for version in range(found, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
    if found != SCHEMA_VERSION:
        conn.execute(schema.meta.delete().where(schema.meta.c.key == "schema_version"))
        conn.execute(schema.meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    return found
