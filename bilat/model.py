"""The records bilat keeps: sources, documents, claims and events.

A *claim* is one statement with its provenance (see docs/glossary.md). Every record's id is
derived from what it says, so extracting or loading the same thing twice yields the same row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Rank = Literal["preferred", "normal", "deprecated"]
Precision = Literal["year", "month", "day"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "change"]

RANKS: tuple[Rank, ...] = ("preferred", "normal", "deprecated")
GRADES = "ABCDEF"  # Admiralty reliability of a source: A completely reliable .. F cannot be judged


# one encoder for every id: json.dumps would build a new one per call with these options
_ID_ENCODER = json.JSONEncoder(sort_keys=True, default=str, ensure_ascii=False)


def content_id(prefix: str, *parts: object) -> str:
    """A short, stable id from the parts of a record that say what it is."""
    payload = _ID_ENCODER.encode(parts)
    return prefix + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Source:
    """A publication that documents come from, with its Admiralty reliability grade."""

    id: str
    title: str
    author: str | None
    publisher: str | None
    year: int | None
    grade: str = "F"
    grade_reason: str = ""
    url: str | None = None

    def citation(self) -> str:
        who = self.author or self.publisher or "unknown author"
        year = self.year if self.year is not None else "n.d."
        where = f", {self.publisher}" if self.publisher and self.author else ""
        return f"{who} ({year}). {self.title}{where}."


def source_entry(source_id: str, source: Source | None) -> dict[str, Any]:
    """How reports list a source; a source missing from the store is listed by its id,
    ungraded, rather than dropped."""
    return {
        "id": source_id,
        "title": source.title if source else source_id,
        "author": source.author if source else None,
        "publisher": source.publisher if source else None,
        "year": source.year if source else None,
        "grade": source.grade if source else "F",
        "grade_reason": source.grade_reason if source else "source not in the store",
        "citation": source.citation() if source else source_id,
    }


@dataclass(frozen=True, slots=True)
class Document:
    """One version of a text read from a file; its id is the hash of its normalised text."""

    id: str
    source_id: str
    path: str
    title: str
    text: str
    published: str | None = None  # ISO date as precise as known: "2018", "2018-04-12"
    media_type: str = "text/plain"
    pages: tuple[int, ...] = ()  # char offset where each PDF page starts

    @staticmethod
    def make_id(normalised_text: str) -> str:
        return "doc_" + hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A point or interval in time with its precision: "2016", "2017-08", "2013/2016"."""

    start: str
    end: str | None = None
    precision: Precision = "year"

    def __str__(self) -> str:
        return self.start if self.end is None else f"{self.start}/{self.end}"

    @property
    def year(self) -> int:
        """The year the figure is best attached to: the end of an interval."""
        return int((self.end or self.start)[:4])

    @classmethod
    def parse(cls, text: str | int | None) -> TimeRef | None:
        if text is None or text == "":
            return None
        text = str(text)
        start, _, end = text.partition("/")
        precision: Precision = {4: "year", 7: "month", 10: "day"}.get(len(start), "year")  # type: ignore[assignment]
        return cls(start, end or None, precision)


@dataclass(slots=True)
class Claim:
    """A figure said about a subject (and its counterpart) at a time, with its provenance."""

    indicator: str
    subject: str | None
    object: str | None
    value: float
    unit: str
    source_id: str
    time: TimeRef | None = None
    value_max: float | None = None
    qualifier: Qualifier = "exact"
    document_id: str | None = None
    span: tuple[int, int] | None = None  # char offsets of the mention in the document
    sentence_span: tuple[int, int] | None = None
    sentence: str | None = None  # the supporting sentence (ingested) or None (curated)
    summary: str | None = None  # a short statement in our own words (curated claims)
    locator: str | None = None  # where in the source: "section 'X', paragraph 3" or "page 4"
    method: str = "curated"
    confidence: float = 1.0
    credibility: int = 6  # 1 confirmed by an independent source .. 6 cannot be judged
    rank: Rank = "normal"
    rank_reason: str = ""
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(
                "clm_",
                self.source_id,
                self.document_id,
                self.indicator,
                self.subject,
                self.object,
                self.value,
                self.value_max,
                self.unit,
                str(self.time) if self.time else None,
                self.qualifier,
                self.span,
                self.locator,
            )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["time"] = str(self.time) if self.time else None
        return data


@dataclass(slots=True)
class Event:
    """A dated happening between actors, typed with the PLOVER ontology."""

    type: str  # PLOVER event type, e.g. AGREE, COOPERATE, MOBILIZE
    actors: tuple[str, ...]  # ids of countries or organisations; the initiator first
    date: TimeRef
    summary: str
    source_id: str
    subtype: str | None = None  # finer action: joins, leaves, signs, exercise, visit ...
    document_id: str | None = None
    span: tuple[int, int] | None = None
    sentence: str | None = None
    locator: str | None = None
    method: str = "curated"
    confidence: float = 1.0
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(
                "evt_",
                self.source_id,
                self.document_id,
                self.type,
                self.subtype,
                list(self.actors),
                str(self.date),
                self.span,
                self.locator,
            )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = str(self.date)
        data["actors"] = list(self.actors)
        return data


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of an ingested document, kept for full-text search."""

    document_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PassageHit:
    """A passage found by search, with its document and its BM25 rank (lower is better)."""

    passage: Passage
    score: float
    source_id: str
    title: str
    path: str
