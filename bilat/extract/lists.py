"""Lists of countries, and the figures they go with.

"81 %, 74 % and 68 % … in A, B and C respectively" and "migration from A and B has fallen
by 19 % and 16 %" pair the k-th figure with the k-th country; a list that names every
member of a region stands for that region; and in a long list of countries no one of them
is the side a figure is about.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from bilat.extract.clauses import BARE_LIST
from bilat.extract.cues import choose
from bilat.extract.spans import Spans, starting_in
from bilat.extract.types import EntityMention, Quantity, Sentence
from bilat.reference import regions


def respectively(
    text: str, sentence: Sentence, quantities: Sequence[Quantity], mentions: Sequence[Any]
) -> dict[int, str]:
    """ "81 %, 74 % and 68 % … in Kyrgyzstan, Kazakhstan and Tajikistan respectively", "for A
    and B, … rose by 12 % and 6 % respectively": the k-th figure goes with the k-th country of
    a list of as many countries. Maps figure starts to countries."""
    word = _RESPECTIVELY.search(text, sentence.start, sentence.end)
    if word is None:
        return _paired_lists(text, sentence, quantities, mentions)
    figures = starting_in(quantities, sentence.start, word.start())
    if len(figures) < 2:
        return {}
    countries = [
        m for m in starting_in(mentions, sentence.start, word.start()) if m.kind == "country"
    ]
    lists = _country_lists(text, countries)
    after = [c for c in lists if c[0].start > figures[-1].end]
    before = [c for c in lists if c[-1].end < figures[0].start]
    for names in after[-1:] + before:  # the list nearest 'respectively' first
        entities = [m.entity for m in names]
        if len(entities) == len(figures) and len(set(entities)) == len(entities):
            return {q.start: name for q, name in zip(figures, entities, strict=True)}
    return {}


def respective_measures(
    text: str, sentence: Sentence, quantities: Sequence[Quantity]
) -> dict[int, tuple[int, int]]:
    """ "A's exports to B and its imports from B were $3.4 billion and $3.9 billion
    respectively": the k-th figure measures what the k-th phrase of a list before the
    figures names. Maps figure starts to their phrase, when the phrases name as many
    different measures as there are figures."""
    word = _RESPECTIVELY.search(text, sentence.start, sentence.end)
    if word is None:
        return {}
    figures = starting_in(quantities, sentence.start, word.start())
    # the figures of the list right before the word ("$3.4 billion and $3.9 billion")
    while len(figures) > 2 and not BARE_LIST.fullmatch(text, figures[0].end, figures[1].start):
        figures = figures[1:]
    if len(figures) < 2:
        return {}
    cut = max(text.rfind(";", sentence.start, figures[0].start) + 1, sentence.start)
    phrases: list[tuple[int, int]] = []
    begun = cut
    for joint in _PHRASE_JOINT.finditer(text, cut, figures[0].start):
        phrases.append((begun, joint.start()))
        begun = joint.end()
    phrases.append((begun, figures[0].start))
    phrases = phrases[-len(figures) :]  # the phrases nearest the figures
    if len(phrases) != len(figures):
        return {}
    measures = [choose(figures[0], text[a:b], text[a:b])[0] for a, b in phrases]
    if "other" in measures or len(set(measures)) < len(measures):
        return {}
    return {q.start: phrase for q, phrase in zip(figures, phrases, strict=True)}


_PHRASE_JOINT = re.compile(r",?\s+and\s+|,\s+")


def _paired_lists(
    text: str, sentence: Sentence, quantities: Sequence[Quantity], mentions: Sequence[Any]
) -> dict[int, str]:
    """ "migration from A and B has fallen by 19 % and 16 %": a list of countries right before
    a bare list of as many figures pairs them in order, as "respectively" would."""
    figures = starting_in(quantities, sentence.start, sentence.end)
    countries = [
        m for m in starting_in(mentions, sentence.start, sentence.end) if m.kind == "country"
    ]
    pairs: dict[int, str] = {}
    for names in _country_lists(text, countries):
        if len(names) < 2:
            continue
        after = [q for q in figures if q.start > names[-1].end]
        run = after[: len(names)]
        if len(run) < len(names) or not _TIGHT.fullmatch(text, names[-1].end, run[0].start):
            continue
        if not all(BARE_LIST.fullmatch(text, a.end, b.start) for a, b in itertools.pairwise(run)):
            continue
        entities = [m.entity for m in names]
        if len(set(entities)) == len(entities):
            pairs.update({q.start: e for q, e in zip(run, entities, strict=True)})
    return pairs


# Between a list of countries and the figures it pairs with: a few words, no clause break.
_TIGHT = re.compile(r"[^,;:()\[\]]{1,40}")
_RESPECTIVELY = re.compile(r"\brespectively\b")
# What may stand between the countries of one list: "A, B and C", "A and particularly B".
# What may stand between two countries of one list: a comma, a conjunction, and other items
# that are not countries ("Ukrainians, Germans, Byelorussians, Tatars, Uzbeks").
_LIST_GAP = re.compile(
    r"\s*(?:,\s*[A-Z][A-Za-z’'-]+(?:\s+[A-Z][A-Za-z’'-]+)?\s*){0,3}"
    r"(?:,\s*)?(?:(?:and|or|as well as)\s+)?(?:\w+ly\s+)?"
)


def lists_as_regions(text: str, mentions: Sequence[EntityMention]) -> Spans | None:
    """The mentions with a list that names every member of a region ("Kazakhstan, Kyrgyzstan,
    Tajikistan, Turkmenistan and Uzbekistan") read as that region; None if there is none."""
    countries = [m for m in mentions if m.kind == "country"]
    if len(countries) < 3:
        return None
    by_members = {frozenset(r.members): r.id for r in regions().values() if len(r.members) >= 3}
    replaced: dict[int, EntityMention] = {}
    dropped: set[int] = set()
    for run in _country_lists(text, countries):
        region = by_members.get(frozenset(m.entity for m in run))
        if region is not None and len(run) == len({m.entity for m in run}):
            first, last = run[0], run[-1]
            replaced[first.start] = EntityMention(
                first.start, last.end, text[first.start : last.end], region, "region", "alias"
            )
            dropped.update(m.start for m in run[1:])
    if not replaced:
        return None
    kept = [replaced.get(m.start, m) for m in mentions if m.start not in dropped]
    return Spans(kept)


def long_lists(text: str, mentions: Sequence[EntityMention]) -> set[int]:
    """Where the members of lists of three or more different countries start."""
    countries = [m for m in mentions if m.kind == "country"]
    return {
        m.start
        for run in _country_lists(text, countries)
        if len({m.entity for m in run}) >= 3
        for m in run
    }


def _country_lists(text: str, countries: Sequence[EntityMention]) -> list[list[EntityMention]]:
    """Runs of countries joined only by commas and conjunctions, in order."""
    runs: list[list[EntityMention]] = []
    for mention in countries:
        if runs and _LIST_GAP.fullmatch(text, runs[-1][-1].end, mention.start):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs


# "China took 30.7% of the exports and the United States 10.9%": the verb and the measure
# are left out, and only the actor that changes is named before the second figure.
_GAP = re.compile(r"(?:,\s*|\s+)(?:and|while|but)\s+(?:the\s+)?\Z")


def gapped(
    text: str,
    previous_end: int,
    figure: Quantity,
    mentions: Sequence[EntityMention],
) -> EntityMention | None:
    """The actor named alone right after "and" before the second of two figures of a gapped
    clause ("… 30.7% … and the United States 10.9%"), or None. `previous_end` is where the
    first figure ends."""
    between = starting_in(mentions, previous_end, figure.start)
    if not between:
        return None
    actor: EntityMention = between[-1]
    if text[actor.end : figure.start].strip():
        return None
    if not _GAP.search(text, max(previous_end, actor.start - 16), actor.start):
        return None
    return actor
