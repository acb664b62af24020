"""Who and what a figure is about: its indicator, subject, object and time.

The indicator comes from cue words around the figure (`cues.yaml`). Subject and object come
from the countries and organisations named in the same sentence, read by the words that tie
them to the figure: "from Russia" names a counterpart, "in Tajikistan" a host, "Kyrgyzstan's
GDP" the side the figure is about. Where the sentence names no one, the caller passes the
context of its paragraph or table. Confidence says how the attribution was made, and where
bilat cannot tell, the field stays null rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from bilat.extract.types import EntityMention, Quantity, TimeMention
from bilat.model import TimeRef

Role = Literal["subject", "object"]

# Prepositions that tie a named actor to a figure, and the role they give it.
_OBJECT_PREPOSITIONS = {"from", "by", "with", "through", "via", "across", "against"}
_SUBJECT_PREPOSITIONS = {"in", "to", "into", "for", "of", "at", "on", "inside", "within"}
# What "X's" makes X depends on the noun that follows: a holder's stake or a base's measure.
_HOLDER_NOUNS = {
    "share", "stake", "troops", "forces", "base", "bases", "investment", "investments",
    "companies", "firms", "army", "military", "division", "aid", "loans", "lending", "soldiers",
    "contribution", "banks", "exports", "deliveries",
}  # fmt: skip
_BASE_NOUNS = {
    "gdp", "economy", "debt", "external", "trade", "population", "imports", "budget", "oil",
    "gas", "territory", "citizens", "workers", "migrants", "gross", "foreign", "total",
    "labour", "labor", "working", "arms", "people", "nationals", "remittances",
}  # fmt: skip
_WORD = re.compile(r"[\w’'-]+")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")  # "Russia's", "Tajiks'"
_PAREN_AFTER = re.compile(r"\s*\(\s*$")


@dataclass(frozen=True, slots=True)
class CueRule:
    indicator: str
    kinds: frozenset[str]
    all: tuple[tuple[str, ...], ...]
    near: tuple[tuple[str, ...], ...]
    none: tuple[tuple[str, ...], ...]
    possessive: Role
    agent: Role


@dataclass(frozen=True, slots=True)
class Attribution:
    indicator: str
    subject: str | None
    object: str | None
    time: TimeRef | None
    confidence: float
    how: str  # a short trace of the rules used, for review


@cache
def cue_rules() -> tuple[CueRule, ...]:
    text = resources.files(__package__).joinpath("cues.yaml").read_text(encoding="utf-8")
    rules: list[CueRule] = []
    for spec in yaml.safe_load(text):
        roles: dict[str, Any] = spec.get("roles", {})
        rules.append(
            CueRule(
                indicator=spec["indicator"],
                kinds=frozenset(spec["kinds"]),
                all=tuple(tuple(g) for g in spec.get("all", [])),
                near=tuple(tuple(g) for g in spec.get("near", [])),
                none=tuple(tuple(g) for g in spec.get("none", [])),
                possessive=roles.get("possessive", "subject"),
                agent=roles.get("agent", "subject"),
            )
        )
    return tuple(rules)


@cache
def _rules_by_indicator() -> dict[str, CueRule]:
    return {r.indicator: r for r in cue_rules()}


def _has_any(words: str, group: Sequence[str]) -> bool:
    # `words` is " " + lower-case text; a stem matches at the start of a word.
    return any((" " + stem) in words for stem in group)


def _words(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def choose_indicator(quantity: Quantity, sentence: str, near_text: str) -> tuple[str, bool]:
    """The indicator of a figure and whether a cue rule fired."""
    sentence_words = _words(sentence)
    near_words = _words(near_text)
    for rule in cue_rules():
        if quantity.kind not in rule.kinds:
            continue
        if not all(_has_any(sentence_words, g) for g in rule.all):
            continue
        if not all(_has_any(near_words, g) for g in rule.near):
            continue
        if any(_has_any(sentence_words, g) for g in rule.none):
            continue
        return rule.indicator, True
    return "other", False


def _previous_word(text: str, start: int, floor: int) -> str:
    window = text[max(floor, start - 24) : start]
    words = _WORD.findall(window.lower())
    return words[-1] if words else ""


def _next_word(text: str, end: int, ceiling: int) -> str:
    words = _WORD.findall(text[end : min(ceiling, end + 24)].lower())
    return words[0] if words else ""


def role_of(
    mention: EntityMention, text: str, sentence_start: int, sentence_end: int, rule: CueRule | None
) -> Role | None:
    """The role the words around a named actor give it, or None if they say nothing."""
    possessive = _POSSESSIVE.match(text, mention.end, sentence_end)
    if possessive:
        following = _next_word(text, possessive.end(), sentence_end)
        if following in _HOLDER_NOUNS:
            return "object"
        if following in _BASE_NOUNS:
            return "subject"
        return rule.possessive if rule else "subject"
    if _PAREN_AFTER.search(text[max(sentence_start, mention.start - 3) : mention.start]):
        return "object"  # "13 percent (China)": the partner named after a figure
    before = _previous_word(text, mention.start, sentence_start)
    if before in _OBJECT_PREPOSITIONS:
        return "object"
    if before in _SUBJECT_PREPOSITIONS:
        return "subject"
    return None


def _is_agent(mention: EntityMention, text: str, sentence_end: int) -> bool:
    """A name right before a verb is the one acting: "China invested", "Russia keeps"."""
    following = _next_word(text, mention.end, sentence_end)
    return bool(following) and following not in _OBJECT_PREPOSITIONS | _SUBJECT_PREPOSITIONS | {
        "and", "or", "the", "a", "an", "as", "is", "are", "was", "were",
    }  # fmt: skip


def attribute(
    quantity: Quantity,
    text: str,
    sentence: tuple[int, int],
    mentions: Sequence[EntityMention],
    times: Sequence[TimeMention],
    clause: tuple[int, int],
    context: Sequence[tuple[str, Role | None]] = (),
    context_time: TimeRef | None = None,
    near: tuple[int, int] | None = None,
) -> Attribution:
    """Attribute one figure from its sentence, falling back on its paragraph's context.

    `clause` bounds the words that belong to this figure rather than its neighbours in a
    list ("13 percent (China) to 20 percent (Russia)"); `context` gives actors known from the
    paragraph or table with the role they play there; `near` overrides the words read as the
    figure's own (a table cell's column header).
    """
    s_start, s_end = sentence
    c_start, c_end = clause
    if near is None:
        near_text = text[max(c_start, quantity.start - 60) : min(c_end, quantity.end + 60)]
        cue_text = text[s_start:s_end]
    else:
        near_text = text[near[0] : near[1]] + " " + text[quantity.start : quantity.end + 30]
        cue_text = near_text
    indicator, cued = choose_indicator(quantity, cue_text, near_text)
    rule = _rules_by_indicator().get(indicator)

    subject: str | None = None
    obj: str | None = None
    how: list[str] = []
    actors = [m for m in mentions if m.kind != "person" or m.entity]

    def distance(m: EntityMention) -> tuple[int, int]:
        inside = c_start <= m.start < c_end
        gap = quantity.start - m.end if m.end <= quantity.start else m.start - quantity.end
        return (0 if inside else 1, gap)

    bare: list[EntityMention] = []
    for mention in sorted(actors, key=distance):
        role = role_of(mention, text, s_start, s_end, rule)
        if role is None and _is_agent(mention, text, s_end) and mention.end <= quantity.start:
            role = rule.agent if rule else "subject"
        if role == "subject" and subject is None and mention.entity != obj:
            subject = mention.entity
            how.append(f"subject {mention.text!r}")
        elif role == "object" and obj is None and mention.entity != subject:
            obj = mention.entity
            how.append(f"object {mention.text!r}")
        elif role is None:
            bare.append(mention)
    for mention in bare:
        if subject is None and mention.entity != obj:
            subject = mention.entity
            how.append(f"subject nearest {mention.text!r}")
        elif obj is None and mention.entity != subject:
            obj = mention.entity
            how.append(f"object nearest {mention.text!r}")
    from_sentence = subject is not None
    for entity, role in context:
        if role != "object" and subject is None and entity != obj:
            subject = entity
            how.append(f"subject from context {entity}")
        elif role != "subject" and obj is None and entity != subject:
            obj = entity
            how.append(f"object from context {entity}")

    time = _time_for(quantity, times, clause)
    if time is None and context_time is not None:
        time = context_time
        how.append("time from context")

    confidence = 0.3
    if cued:
        confidence = 0.5
        if subject and from_sentence:
            confidence = 0.8 if obj else 0.65
        elif subject:
            confidence = 0.55
    return Attribution(indicator, subject, obj, time, confidence, "; ".join(how))


def _time_for(
    quantity: Quantity, times: Sequence[TimeMention], clause: tuple[int, int]
) -> TimeRef | None:
    """The time written nearest the figure, preferring its own clause."""
    if not times:
        return None
    c_start, c_end = clause

    def distance(t: TimeMention) -> tuple[int, int]:
        inside = c_start <= t.start < c_end
        gap = quantity.start - t.end if t.end <= quantity.start else t.start - quantity.end
        return (0 if inside else 1, gap)

    return min(times, key=distance).time
