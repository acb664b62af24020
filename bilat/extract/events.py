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
from typing import Any

import ahocorasick
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


# What a pattern's verb can start with: letters, spaces, hyphens and apostrophes
_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz '-")
_SHORTEST_START = 3  # a shorter one would be found inside too many words to be worth it


def verb_of(pattern: str) -> str:
    """The verb that opens a pattern, without its long-range part (".{0,80} agreement")."""
    return pattern.split(".{0,")[0].removeprefix(r"\b").removesuffix(r"\b")


def _alternatives(verb: str) -> list[str]:
    """The top-level alternatives of a verb: "(signed|inked)" gives "signed" and "inked"."""
    depth, closes = 0, -1
    for i, char in enumerate(verb):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            closes = i
            break
    if verb.startswith("(") and closes == len(verb) - 1:
        verb = verb[1:-1]
    parts: list[str] = []
    depth, begun = 0, 0
    for i, char in enumerate(verb):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(verb[begun:i])
            begun = i + 1
    return [*parts, verb[begun:]]


def literal_starts(alternative: str) -> set[str]:
    """The literal text every match of one alternative begins with, read up to its first
    group, escape or repeat: "withdr[ae]w(s|n)? from" begins "withdraw" or "withdrew", and
    a letter made optional gives both forms ("re-?entered": "re-entered", "reentered")."""
    starts = {""}
    i = 0
    while i < len(alternative):
        char = alternative[i]
        if char == "[" and "]" in alternative[i:]:
            close = alternative.index("]", i)
            options = set(alternative[i + 1 : close])
            i = close + 1
        elif char in _LITERAL:
            options, i = {char}, i + 1
        else:
            break
        if not options <= _LITERAL or alternative[i : i + 1] in ("*", "+", "{"):
            break
        optional = alternative[i : i + 1] == "?"
        i += optional
        starts = {s + o for s in starts for o in options} | (starts if optional else set())
    return starts


@dataclass(frozen=True, slots=True)
class _VerbIndex:
    automaton: Any  # ahocorasick.Automaton: literal start -> the patterns it may open
    verbs: tuple[re.Pattern[str], ...]  # each pattern's verb, at the start of a word


@cache
def _verb_index() -> _VerbIndex:
    """One automaton over the literal starts of every pattern's verb: a sentence is read once
    for all of them, and only the patterns whose verb may be there are tried. Their verbs are
    matched on lower-cased text without re.I, with the word boundary as a look-behind, which
    Python's engine scans about three times faster."""
    openers: dict[str, set[int]] = {}
    verbs: list[re.Pattern[str]] = []
    for number, pattern in enumerate(event_patterns()):
        verb = verb_of(pattern.regex.pattern)
        verbs.append(re.compile(r"(?<![a-z0-9_])(?:" + verb + ")"))
        for alternative in _alternatives(verb):
            starts = literal_starts(alternative)
            if min(map(len, starts)) < _SHORTEST_START:
                raise ValueError(
                    f"event_patterns.yaml, {pattern.subtype}: the verb {alternative!r} must "
                    f"begin with at least {_SHORTEST_START} plain letters"
                )
            for start in starts:
                openers.setdefault(start, set()).add(number)
    automaton = ahocorasick.Automaton()
    for start, numbers in openers.items():
        automaton.add_word(start, tuple(sorted(numbers)))
    automaton.make_automaton()
    return _VerbIndex(automaton, tuple(verbs))


def named_verbs(lowered: str) -> list[int]:
    """The numbers of the patterns whose verb the lower-cased text holds, in order."""
    index = _verb_index()
    candidates = {n for _, numbers in index.automaton.iter(lowered) for n in numbers}
    return sorted(n for n in candidates if index.verbs[n].search(lowered))


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
    patterns = event_patterns()
    for number in named_verbs(lowered):
        pattern = patterns[number]
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
