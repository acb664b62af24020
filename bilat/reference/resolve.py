"""From any common name of a country, bloc, organisation or region to its id, and back."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from bilat.errors import BilatError
from bilat.reference._text import normalise
from bilat.reference.countries import countries, pattern_matches, preferred_readings, regions
from bilat.reference.organisations import organisations

EntityKind = Literal["country", "organisation", "region", "bloc"]
TermKind = Literal["name", "alias", "demonym", "capital", "organisation", "person"]

# How strongly a form names its entity: an id beats an ISO2 code (so the Customs Union "CU"
# beats Cuba's code), a code beats a name, a name beats a demonym or a capital.
_ID, _ISO2, _NAME, _LOOSE = 0, 1, 2, 3


class UnknownEntityError(BilatError, LookupError):
    """A name that no country, bloc, organisation or region answers to (or several do)."""

    def __init__(self, text: str, suggestions: list[str], *, ambiguous: bool = False) -> None:
        self.text = text
        self.suggestions = suggestions  # entity ids, best first
        self.ambiguous = ambiguous
        if ambiguous:
            message = f"[E202] ambiguous name {text!r}; it may mean: "
        else:
            message = f"[E201] unknown country or organisation {text!r}"
            message += "; did you mean: " if suggestions else ""
        shown = ", ".join(f"{name_of(s)} ({s})" for s in suggestions)
        super().__init__(message + shown + ("?" if shown and not ambiguous else ""))

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class Term:
    """A surface form for a gazetteer: the text to find and what it stands for."""

    surface: str
    entity: str  # the entity id; for a person, the country they hold office in
    kind: TermKind
    person: str | None = None  # the person's id when kind == "person"

    @property
    def case_sensitive(self) -> bool:
        """Acronyms ("US", "EU", "PRC") must match as written, or "us" would be the US."""
        return any(c.isalpha() for c in self.surface) and not any(c.islower() for c in self.surface)


def _entity_terms() -> Iterator[Term]:
    for c in countries().values():
        yield Term(c.name, c.id, "name")
        for alias in (c.official_name, *c.aliases):
            yield Term(alias, c.id, "alias")
        for demonym in c.demonyms:
            yield Term(demonym, c.id, "demonym")
        for capital in c.capitals:
            yield Term(capital, c.id, "capital")
        for firm in c.state_firms:  # acts for its state as a capital does: a metonym
            yield Term(firm, c.id, "capital")
    for r in regions().values():
        yield Term(r.name, r.id, "name")
        for alias in r.aliases:
            yield Term(alias, r.id, "alias")
        for demonym in r.demonyms:
            yield Term(demonym, r.id, "demonym")
    for o in organisations().values():
        for name in (o.name, *o.aliases):
            yield Term(name, o.id, "organisation")


def gazetteer_terms() -> Iterator[Term]:
    """Every surface form of every entity and office holder, each (surface, entity) once."""
    from bilat.reference.leaders import people  # leaders reads this module

    seen: set[tuple[str, str]] = set()
    for term in _entity_terms():
        if (term.surface, term.entity) not in seen:
            seen.add((term.surface, term.entity))
            yield term
    for p in people().values():
        for name in (p.name, *p.aliases):
            if (name, p.id) not in seen:
                seen.add((name, p.id))
                yield Term(name, p.country, "person", person=p.id)


@cache
def _index() -> dict[str, dict[int, frozenset[str]]]:
    """Normalised form -> strength -> the ids it names."""
    found: dict[str, dict[int, set[str]]] = {}

    def add(form: str, strength: int, entity: str) -> None:
        found.setdefault(normalise(form), {}).setdefault(strength, set()).add(entity)

    for entity in (*countries(), *regions(), *organisations()):
        add(entity, _ID, entity)
    for c in countries().values():
        add(c.iso2, _ISO2, c.id)
    for term in _entity_terms():
        strong = term.kind in ("name", "alias", "organisation")
        add(term.surface, _NAME if strong else _LOOSE, term.entity)
    return {
        key: {strength: frozenset(ids) for strength, ids in levels.items()}
        for key, levels in found.items()
    }


@cache
def _preferred() -> dict[str, str]:
    return {normalise(k): v for k, v in preferred_readings().items()}


def _suggest(text: str, key: str) -> list[str]:
    if not key:
        return []
    found: list[str] = [cid for cid in pattern_matches(text) if cid in countries()]
    for close in difflib.get_close_matches(key, list(_index()), n=12, cutoff=0.6):
        levels = _index()[close]
        found.extend(sorted(levels[min(levels)]))
    return list(dict.fromkeys(found))[:3]


def resolve(text: str, *, loose: bool = False) -> str:
    """The id of the entity a name stands for: "Russian Federation" -> "RUS", "EEU" -> "EAEU".

    Case, accents, quotes, dots and a leading "the" do not matter. With loose=True a name
    that matches nothing exactly is tried against country_converter's regular expressions
    ("Korea, Rep." -> KOR). Raises UnknownEntityError (E201) with up to three suggestions,
    or (E202) when the name is shared and no reading is preferred.
    """
    key = normalise(text)
    levels = _index().get(key, {})
    for strength in sorted(levels):
        ids = levels[strength]
        if len(ids) == 1:
            return next(iter(ids))
        preferred = _preferred().get(key)
        if preferred in ids:
            return preferred
        raise UnknownEntityError(text, sorted(ids), ambiguous=True)
    if loose and key:
        matches = pattern_matches(text)
        if len(matches) == 1:
            return matches[0]
    raise UnknownEntityError(text, _suggest(text, key))


def is_known_entity(entity_id: str) -> bool:
    """Whether the text is exactly the id of a country, bloc, organisation or region."""
    return entity_id in countries() or entity_id in organisations() or entity_id in regions()


def kind_of(entity: str) -> EntityKind:
    """The kind of entity: country, bloc, organisation or region (the EU is a bloc)."""
    entity_id = resolve(entity)
    found = countries().get(entity_id)
    if found is not None:
        return found.kind
    return "region" if entity_id in regions() else "organisation"


def name_of(entity: str) -> str:
    """The display name: "Kazakhstan", "Shanghai Cooperation Organisation", "Central Asia".

    Meant for display, so it never fails: text that names nothing is returned as given.
    """
    try:
        entity_id = resolve(entity)
    except UnknownEntityError:
        return entity
    if entity_id in countries():
        return countries()[entity_id].name
    if entity_id in regions():
        return regions()[entity_id].name
    return organisations()[entity_id].name
