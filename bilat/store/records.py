"""Conversion between the records of `bilat.model` and rows of the store's tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from bilat.model import Claim, Event, Source, TimeRef
from bilat.ontology import dimension_of


def source_row(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "author": source.author,
        "publisher": source.publisher,
        "year": source.year,
        "grade": source.grade,
        "grade_reason": source.grade_reason,
        "url": source.url,
    }


def source_from_row(row: Row[Any]) -> Source:
    m = row._mapping
    return Source(
        id=m["id"],
        title=m["title"],
        author=m["author"],
        publisher=m["publisher"],
        year=m["year"],
        grade=m["grade"],
        grade_reason=m["grade_reason"],
        url=m["url"],
    )


def _time_columns(time: TimeRef | None) -> dict[str, Any]:
    if time is None:
        return {"time_start": None, "time_end": None, "time_precision": None, "year": None}
    return {
        "time_start": time.start,
        "time_end": time.end,
        "time_precision": time.precision,
        "year": time.year,
    }


def claim_row(claim: Claim) -> dict[str, Any]:
    span = claim.span or (None, None)
    sentence_span = claim.sentence_span or (None, None)
    return {
        "id": claim.id,
        "indicator": claim.indicator,
        "dimension": dimension_of(claim.indicator),
        "subject": claim.subject,
        "object": claim.object,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        **_time_columns(claim.time),
        "source_id": claim.source_id,
        "document_id": claim.document_id,
        "span_start": span[0],
        "span_end": span[1],
        "sentence_start": sentence_span[0],
        "sentence_end": sentence_span[1],
        "sentence": claim.sentence,
        "summary": claim.summary,
        "locator": claim.locator,
        "method": claim.method,
        "confidence": claim.confidence,
        "credibility": claim.credibility,
        "rank": claim.rank,
        "rank_reason": claim.rank_reason,
        "superseded": 0,
    }


def _pair(a: int | None, b: int | None) -> tuple[int, int] | None:
    return (a, b) if a is not None and b is not None else None


def claim_from_row(row: Row[Any]) -> Claim:
    m = row._mapping
    time = (
        TimeRef(m["time_start"], m["time_end"], m["time_precision"] or "year")
        if m["time_start"]
        else None
    )
    return Claim(
        id=m["id"],
        indicator=m["indicator"],
        subject=m["subject"],
        object=m["object"],
        value=m["value"],
        value_max=m["value_max"],
        unit=m["unit"],
        qualifier=m["qualifier"],
        time=time,
        source_id=m["source_id"],
        document_id=m["document_id"],
        span=_pair(m["span_start"], m["span_end"]),
        sentence_span=_pair(m["sentence_start"], m["sentence_end"]),
        sentence=m["sentence"],
        summary=m["summary"],
        locator=m["locator"],
        method=m["method"],
        confidence=m["confidence"],
        credibility=m["credibility"],
        rank=m["rank"],
        rank_reason=m["rank_reason"],
    )


def event_row(event: Event) -> dict[str, Any]:
    span = event.span or (None, None)
    return {
        "id": event.id,
        "type": event.type,
        "subtype": event.subtype,
        "date_start": event.date.start,
        "date_end": event.date.end,
        "precision": event.date.precision,
        "year": event.date.year,
        "summary": event.summary,
        "source_id": event.source_id,
        "document_id": event.document_id,
        "span_start": span[0],
        "span_end": span[1],
        "sentence": event.sentence,
        "locator": event.locator,
        "method": event.method,
        "confidence": event.confidence,
        "superseded": 0,
    }


def event_from_row(row: Row[Any], actors: tuple[str, ...]) -> Event:
    m = row._mapping
    return Event(
        id=m["id"],
        type=m["type"],
        subtype=m["subtype"],
        actors=actors,
        date=TimeRef(m["date_start"], m["date_end"], m["precision"]),
        summary=m["summary"],
        source_id=m["source_id"],
        document_id=m["document_id"],
        span=_pair(m["span_start"], m["span_end"]),
        sentence=m["sentence"],
        locator=m["locator"],
        method=m["method"],
        confidence=m["confidence"],
    )
