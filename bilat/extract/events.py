"""Dated happenings between actors, recognised by the verb that names them.

A sentence yields an event when one of the patterns in `event_patterns.yaml` matches, the
actors it needs are named, and a date is written in it. Undated happenings are left out:
an event without a date cannot go on a timeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from bilat.extract.types import EntityMention, TimeMention
from bilat.model import Event
from bilat.reference import name_of

SUMMARY_CHARS = 160


@dataclass(frozen=True, slots=True)
class EventPattern:
    subtype: str
    type: str
    needs: str
    regex: re.Pattern[str]


@cache
def any_event_verb() -> re.Pattern[str]:
    """The verbs of all patterns in one expression, to skip most sentences with a single
    search. A pattern's long-range part (".{0,80} agreement") is left to the full check.
    It is matched on lower-cased text without re.I, and its word boundary is written as a
    look-behind, because Python's engine then scans about three times faster."""
    verbs = (p.regex.pattern.split(".{0,")[0].removeprefix(r"\b") for p in event_patterns())
    # group e<i> is the verb of pattern i: only the patterns whose verb is there are tried
    return re.compile(
        r"(?<![a-z0-9_])(?:" + "|".join(f"(?P<e{i}>{v})" for i, v in enumerate(verbs)) + ")"
    )


@cache
def event_patterns() -> tuple[EventPattern, ...]:
    text = resources.files(__package__).joinpath("event_patterns.yaml").read_text("utf-8")
    return tuple(
        EventPattern(p["subtype"], p["type"], p["needs"], re.compile(p["pattern"]))
        for p in yaml.safe_load(text)
    )


def _lower(text: str) -> str:
    """Lower case with every offset kept ("İ" lower-cases to two characters: left as is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _actors(mentions: Sequence[EntityMention]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for mention in mentions:
        seen.setdefault(mention.entity, None)
    return tuple(seen)


def find_event(
    text: str,
    sentence: tuple[int, int],
    mentions: Sequence[EntityMention],
    times: Sequence[TimeMention],
    *,
    source_id: str,
    document_id: str,
) -> Event | None:
    """The event a sentence reports, if it names one with its actors and date."""
    if not times or not mentions:
        return None
    start, end = sentence
    body = text[start:end]
    lowered = _lower(body)
    named = {m.lastgroup for m in any_event_verb().finditer(lowered)}
    if not named:
        return None
    for number, pattern in enumerate(event_patterns()):
        if f"e{number}" not in named:
            continue
        match = pattern.regex.search(lowered)
        if match is None:
            continue
        actors = _actors(mentions)
        kinds = {m.kind for m in mentions}
        if pattern.needs == "organisation" and ("organisation" not in kinds or len(actors) < 2):
            return None
        if pattern.needs == "two" and len(actors) < 2:
            return None
        when = min(times, key=lambda t: abs(t.start - (start + match.start()))).time
        names = [name_of(a) for a in actors]
        summary = f"{pattern.subtype}: {', '.join(names)}"
        return Event(
            type=pattern.type,
            subtype=pattern.subtype,
            actors=actors,
            date=when,
            summary=summary[:SUMMARY_CHARS],
            source_id=source_id,
            document_id=document_id,
            span=(start, end),
            sentence=body,
            method=f"pattern:{pattern.subtype}",
            confidence=0.5,
        )
    return None
