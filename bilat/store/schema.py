"""The tables of the claim store, declared once with SQLAlchemy Core.

SQLite is the default; the same declarations run on PostgreSQL, so moving a team to a server
is a change of URL. The schema is versioned: `migrations.py` brings any older store up to
`SCHEMA_VERSION` before it is used.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("title", Text, nullable=False),
    Column("author", Text),
    Column("publisher", Text),
    Column("year", Integer),
    Column("grade", String(1), nullable=False),
    Column("grade_reason", Text, nullable=False, default=""),
    Column("url", Text),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source_id", String(128), ForeignKey("sources.id"), nullable=False),
    Column("path", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("published", String(10)),
    Column("media_type", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("pages", Text, nullable=False, default=""),  # comma-separated page start offsets
    Column("superseded_by", String(64)),  # a newer version of the same file
    Column("ingested_at", String(32), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("indicator", String(64), nullable=False),
    Column("dimension", String(16)),
    Column("subject", String(16)),
    Column("object", String(16)),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("unit", String(16), nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("time_precision", String(8)),
    Column("year", Integer),  # the year the figure is attached to, for filtering
    Column("source_id", String(128), ForeignKey("sources.id"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id")),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("sentence", Text),
    Column("summary", Text),
    Column("locator", Text),
    Column("method", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("credibility", Integer, nullable=False),
    Column("rank", String(16), nullable=False),
    Column("rank_reason", Text, nullable=False, default=""),
    Column("superseded", Integer, nullable=False, default=0),
)
Index("claims_pair", claims.c.subject, claims.c.object)
Index("claims_indicator", claims.c.indicator, claims.c.subject)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("subtype", String(32)),
    Column("date_start", String(10), nullable=False),
    Column("date_end", String(10)),
    Column("precision", String(8), nullable=False),
    Column("year", Integer, nullable=False),
    Column("summary", Text, nullable=False),
    Column("source_id", String(128), ForeignKey("sources.id"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id")),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("sentence", Text),
    Column("locator", Text),
    Column("method", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("superseded", Integer, nullable=False, default=0),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("position", Integer, primary_key=True),  # 0 = the initiator
    Column("actor", String(16), nullable=False),
)
Index("event_actors_actor", event_actors.c.actor)

# Analyst reviews: a rank set beside the evidence, never over it. Keyed by the claim's
# content-derived id, so a review survives re-ingesting the same document.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), nullable=False, index=True),
    Column("rank", String(16), nullable=False),  # preferred | deprecated | normal (cleared)
    Column("reason", Text, nullable=False),
    Column("reviewer", String(128)),
    Column("created_at", String(32), nullable=False),
)

# The sentences of ingested documents, for full-text search (SQLite FTS5 over `text`).
passages = Table(
    "passages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
