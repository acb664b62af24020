"""Heads of state and government with their terms (data/leaders.yaml), and name lookup."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from bilat.reference._files import read_yaml
from bilat.reference._text import normalise
from bilat.reference.dates import DateLike, as_date, iso, within
from bilat.reference.resolve import UnknownEntityError, resolve

Role = Literal["head_of_state", "head_of_government", "paramount_leader"]
ROLES: tuple[Role, ...] = ("paramount_leader", "head_of_state", "head_of_government")


@dataclass(frozen=True, slots=True)
class Tenure:
    """One term in one office; end is the first day out of office (None: still in office)."""

    role: Role
    start: str
    end: str | None = None
    note: str = ""

    def active_at(self, at: DateLike) -> bool:
        return within(as_date(at), self.start, self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    country: str
    aliases: tuple[str, ...]
    terms: tuple[Tenure, ...]

    def in_office(self, at: DateLike, role: Role | None = None) -> bool:
        return any(t.active_at(at) and role in (None, t.role) for t in self.terms)


def _person(spec: dict[str, Any]) -> Person:
    terms = (
        Tenure(
            role=t["role"],
            start=iso(t["start"]) or "",
            end=iso(t.get("end")),
            note=t.get("note", ""),
        )
        for t in spec["terms"]
    )
    return Person(
        id=spec["id"],
        name=spec["name"],
        country=spec["country"],
        aliases=tuple(spec.get("aliases") or ()),
        terms=tuple(sorted(terms, key=lambda t: as_date(t.start))),
    )


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_yaml("leaders.yaml")
    return data


@cache
def people() -> dict[str, Person]:
    return {spec["id"]: _person(spec) for spec in _data()["people"]}


@cache
def presidential() -> frozenset[str]:
    """Countries whose head of state also heads the government (USA, TKM)."""
    return frozenset(_data().get("presidential", []))


def holders(country: str, role: Role) -> list[tuple[Person, Tenure]]:
    """Everyone who held the office, in order; a country's name or id will do."""
    country_id = resolve(country)
    if role == "head_of_government" and country_id in presidential():
        role = "head_of_state"
    found = [
        (p, t)
        for p in people().values()
        if p.country == country_id
        for t in p.terms
        if t.role == role
    ]
    if not found and role == "paramount_leader":  # where no party outranks the state
        return holders(country_id, "head_of_state")
    return sorted(found, key=lambda pt: as_date(pt[1].start))


def holder_at(country: str, role: Role, at: DateLike) -> Person | None:
    """Who held the office on that date (None where the data has a gap)."""
    when = as_date(at)
    for person, tenure in holders(country, role):
        if tenure.active_at(when):
            return person
    return None


_TITLES = re.compile(
    r"^(?:president|prime minister|premier|general secretary|chairman|acting president|"
    r"mr|mrs|ms|dr)\s+"
)
_ROLE_WORDS: dict[str, Role] = {
    "president": "head_of_state",
    "head of state": "head_of_state",
    "prime minister": "head_of_government",
    "premier": "head_of_government",
    "head of government": "head_of_government",
    "leader": "paramount_leader",
    "general secretary": "paramount_leader",
}
_OFFICE = re.compile(
    r"^(?:(?P<role1>" + "|".join(_ROLE_WORDS) + r") of (?P<place1>.+)"
    r"|(?P<place2>.+) (?P<role2>" + "|".join(_ROLE_WORDS) + r"))$"
)


@cache
def _by_name() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for p in people().values():
        for name in dict.fromkeys(normalise(n) for n in (p.name, *p.aliases)):
            found.setdefault(name, []).append(p.id)
    return {name: tuple(ids) for name, ids in found.items()}


def _distance(person: Person, when: dt.date) -> int:
    """Days between the date and the person's nearest term (0 while in office)."""
    gaps = []
    for t in person.terms:
        start, end = as_date(t.start), as_date(t.end) if t.end else dt.date.max
        gaps.append(
            0 if start <= when < end else min(abs((start - when).days), abs((when - end).days))
        )
    return min(gaps)


def _pick(candidates: list[Person], at: DateLike | None) -> Person:
    if at is None:  # the most recent office holder is the likelier reading
        return max(candidates, key=lambda p: as_date(p.terms[-1].start))
    when = as_date(at)
    rank = {role: i for i, role in enumerate(ROLES)}

    def key(p: Person) -> tuple[int, int]:
        roles = [rank[t.role] for t in p.terms if t.active_at(when)]
        return (_distance(p, when), min(roles, default=len(ROLES)))

    return min(candidates, key=key)


def _office(key: str, at: DateLike | None) -> Person | None:
    """ "president of kazakhstan" or "kazakh president" -> the holder at the date."""
    found = _OFFICE.match(key)
    if found is None or at is None:
        return None
    role = _ROLE_WORDS[found["role1"] or found["role2"]]
    place: str = found["place1"] or found["place2"]
    # "russias president": the possessive lost its apostrophe in normalising
    for candidate in (place, place[:-1] if place.endswith("s") else None):
        try:
            return holder_at(resolve(candidate), role, at) if candidate else None
        except UnknownEntityError:
            continue
    return None


def resolve_person(name: str, at: DateLike | None = None) -> tuple[Person, str] | None:
    """(person, country id) for a name ("Nazarbayev", "President Putin"), or None.

    A surname shared by several office holders (Bush, Berdimuhamedow) is read as the one in
    office at the date, or nearest to it; without a date, the most recent. With a date, an
    office ("the Kazakh president", "prime minister of Russia") gives its holder then.
    """
    key = normalise(name)
    ids = _by_name().get(key) or _by_name().get(_TITLES.sub("", key))
    if ids:
        person = _pick([people()[i] for i in ids], at)
        return person, person.country
    holder = _office(key, at)
    return (holder, holder.country) if holder is not None else None
