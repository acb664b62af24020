"""Finding countries, organisations, regions and office holders named in a text.

One Aho-Corasick automaton (pyahocorasick) holds every surface form from the reference data,
lower-cased; the text is lower-cased once and scanned in C. Python only judges the raw hits:
word boundaries, case, and which of overlapping hits is the longest.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from bilat.extract.types import Cue, EntityKind, EntityMention
from bilat.reference import Term, UnknownEntityError, gazetteer_terms, kind_of, resolve
from bilat.reference import resolve_person as _resolve_person

# Typographic variants folded to one form; each is one character for one, so offsets hold.
_FOLD = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("‐", "-"), ("‑", "-"), ("\n", " "), ("\xa0", " "))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# Where a sentence (or line) starts: there a capital letter says nothing about a name.
_SENTENCE_START = re.compile(r"(?:\A|[.!?:][\"'”’)\]]*\s+|\n\s*|[•*]\s*)[\"'“‘(\[]*\Z")
# Surface forms that are also ordinary English words; at the start of a sentence, where every
# word is capitalised, they are more likely the word than the place or person.
_COMMON_WORDS = frozenset({"male", "kiwi", "kiwis", "pole", "poles", "swede", "swedes"})


@dataclass(frozen=True, slots=True)
class _Entry:
    """What a lower-cased surface form can stand for, best reading first."""

    surface: str  # as written in the reference data
    entity: str
    kind: EntityKind
    cue: Cue
    case_sensitive: bool
    letter: int  # where the first letter of a capitalised surface is (it must be upper-case
    # in the text too: "Turkey", not "turkey"); -1 when the surface starts in lower case
    person: bool
    common_word: bool  # also an ordinary English word: not trusted at a sentence start


_NEGATED = re.compile(r"\bnon[-‐‑]$", re.I)


def _fold(text: str) -> str:
    for old, new in _FOLD:
        if old in text:
            text = text.replace(old, new)
    return text


def _lower(text: str) -> str:
    """Lower-case text without changing its length (so offsets stay aligned)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters ("İ") lower-case to two; those stay as they are.
    return _NON_ASCII.sub(_lower_one, text).translate(_ASCII_LOWER)


def _lower_one(found: re.Match[str]) -> str:
    char = found.group()
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _entity_kind(entity: str, fallback: EntityKind) -> EntityKind:
    try:
        return kind_of(entity)
    except UnknownEntityError:
        return fallback


def _entries(terms: Iterable[Term]) -> dict[str, list[_Entry]]:
    """Lower-cased surface -> readings; a surface shared by several entities keeps the one the
    reference data prefers (or none when it declines to choose)."""
    by_surface: dict[str, list[Term]] = {}
    for term in terms:
        if term.surface.strip():
            by_surface.setdefault(term.surface, []).append(term)
    found: dict[str, list[_Entry]] = {}
    for surface, group in by_surface.items():
        places = [t for t in group if t.kind != "person"]
        chosen: Term | None
        if places:
            entities = {t.entity for t in places}
            if len(entities) == 1:
                chosen = places[0]
            else:
                try:
                    preferred = resolve(surface)
                except UnknownEntityError:
                    preferred = None
                chosen = next((t for t in places if t.entity == preferred), None)
        else:
            chosen = group[0]  # a shared surname: the date decides at match time
        if chosen is None:
            continue
        if chosen.kind == "person":
            kind: EntityKind = "person"
        else:
            fallback: EntityKind = "organisation" if chosen.kind == "organisation" else "country"
            kind = _entity_kind(chosen.entity, fallback)
        letter = next((i for i, c in enumerate(surface) if c.isalpha()), -1)
        if letter >= 0 and not surface[letter].isupper():
            letter = -1
        entry = _Entry(
            surface=surface,
            entity=chosen.entity,
            kind=kind,
            cue=chosen.kind,
            case_sensitive=chosen.case_sensitive,
            letter=letter,
            person=chosen.kind == "person",
            common_word=surface.lower() in _COMMON_WORDS,
        )
        found.setdefault(_lower(_fold(surface)), []).append(entry)
    for entries in found.values():
        entries.sort(key=lambda e: not e.case_sensitive)  # an exact acronym beats a name
    return found


class Gazetteer:
    """An automaton over surface forms; build once (see default_gazetteer) and reuse."""

    def __init__(self, terms: Iterable[Term] | None = None) -> None:
        self._entries = _entries(gazetteer_terms() if terms is None else terms)
        self._automaton = ahocorasick.Automaton()
        keys = list(self._entries)
        for key, entries in self._entries.items():
            # Whether the form starts / ends with a letter or digit (only then can a hit sit
            # inside a longer word: "oman" in "woman"), and whether a shorter form lies
            # inside it (worth a second look when the long form is rejected).
            inner = any(other != key and other in key for other in keys if len(other) < len(key))
            self._automaton.add_word(
                key, (len(key), key[0].isalnum(), key[-1].isalnum(), inner, tuple(entries))
            )
        if self._entries:
            self._automaton.make_automaton()
        self._people: dict[tuple[str, str | None], str | None] = {}

    def find(
        self, text: str, start: int = 0, end: int | None = None, at: str | None = None
    ) -> list[EntityMention]:
        """Entities named in text[start:end], in order, longest match first, none overlapping.

        `at` is the document's date (ISO, as precise as known): an office holder is resolved
        to the country they served at that date (without it, the most recent holder).
        """
        length = len(text)
        end = length if end is None else max(0, min(end, length))
        start = max(0, min(start, end))
        if start >= end or not self._entries:
            return []
        window = _lower(_fold(text[start:end]))
        found: list[EntityMention] = []
        # iter_long gives the longest hits in C; only when one is rejected (inside a word, in
        # the wrong case) are the shorter forms within it looked at one by one.
        for last, (size, lead, tail, inner, entries) in self._automaton.iter_long(window):
            hit_end = start + last + 1
            hit_start = hit_end - size
            mention = None
            if not (
                (lead and hit_start > 0 and text[hit_start - 1].isalnum())
                or (tail and hit_end < length and text[hit_end].isalnum())
            ):
                mention = self._mention(text, hit_start, hit_end, entries, at)
            if mention is not None:
                found.append(mention)  # iter_long's hits never overlap one another
            elif inner:
                first = last - size + 1
                for inner_last, value in self._automaton.iter(window[first : last + 1]):
                    self._take(text, start + first, inner_last, value, found, at)
        # "non-Russian suppliers", "non-EU nationals" name everyone but that country
        return [m for m in found if not _NEGATED.search(text, max(0, m.start - 4), m.start)]

    def _take(
        self,
        text: str,
        offset: int,
        last: int,
        value: tuple[int, bool, bool, bool, tuple[_Entry, ...]],
        found: list[EntityMention],
        at: str | None,
    ) -> None:
        """Add the hit ending at `offset + last` to `found` if it is a mention there.

        Hits come in order of their end; of two that overlap, the one that starts further
        left wins, and of two that start together, the longer.
        """
        size, lead, tail, _inner, entries = value
        hit_end = offset + last + 1
        hit_start = hit_end - size
        if lead and hit_start > 0 and text[hit_start - 1].isalnum():
            return
        if tail and hit_end < len(text) and text[hit_end].isalnum():
            return
        overlapped = 0
        while overlapped < len(found) and found[-1 - overlapped].end > hit_start:
            if found[-1 - overlapped].start < hit_start:
                return
            overlapped += 1
        mention = self._mention(text, hit_start, hit_end, entries, at)
        if mention is not None:
            if overlapped:
                del found[-overlapped:]
            found.append(mention)

    def _mention(
        self, text: str, start: int, end: int, entries: tuple[_Entry, ...], at: str | None
    ) -> EntityMention | None:
        """The mention text[start:end] makes, if its case and surroundings allow one."""
        for entry in entries:
            if entry.case_sensitive:
                written = text[start:end]
                if written != entry.surface and _fold(written) != _fold(entry.surface):
                    continue
            elif entry.letter >= 0 and not text[start + entry.letter].isupper():
                continue
            if entry.common_word and _SENTENCE_START.search(text, max(0, start - 8), start):
                continue
            entity = self._person_country(entry.surface, at) if entry.person else entry.entity
            if entity is not None:
                return EntityMention(start, end, text[start:end], entity, entry.kind, entry.cue)
        return None

    def _person_country(self, surface: str, at: str | None) -> str | None:
        """The country the person named held office in at the date (cached per name, date)."""
        key = (surface, at)
        if key not in self._people:
            try:
                found = _resolve_person(surface, at)
            except (ValueError, UnknownEntityError):  # a malformed date: read it undated
                found = _resolve_person(surface, None)
            self._people[key] = found[1] if found else None
        return self._people[key]


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer over the shipped reference data, built on first use."""
    return Gazetteer()


def find_entities(
    text: str, start: int = 0, end: int | None = None, at: str | None = None
) -> list[EntityMention]:
    """Entities named in text[start:end] (see Gazetteer.find), with the default gazetteer."""
    return default_gazetteer().find(text, start, end, at)


def mentions_by_entity(mentions: Iterable[EntityMention]) -> dict[str, list[EntityMention]]:
    """Mentions grouped by the entity they name, each group in text order."""
    grouped: dict[str, list[EntityMention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.entity, []).append(mention)
    return grouped
