"""Organisations and who belonged to them when (data/organisations.yaml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from bilat.reference._files import read_yaml
from bilat.reference.dates import DateLike, as_date, iso, within

Status = Literal["member", "observer", "partner", "participant", "associate"]
STATUSES: tuple[Status, ...] = ("member", "observer", "partner", "participant", "associate")
KINDS = (
    "alliance",
    "economic union",
    "customs union",
    "union",
    "regional organisation",
    "forum",
    "partnership programme",
    "development bank",
    "initiative",
)


@dataclass(frozen=True, slots=True)
class Membership:
    """One spell of one entity's status in an organisation; left is the first day without it."""

    org: str
    member: str
    status: Status
    joined: str  # ISO date, as precise as known
    left: str | None = None
    note: str = ""

    def active_at(self, at: DateLike) -> bool:
        return within(as_date(at), self.joined, self.left)


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str  # the acronym: CSTO, EAEU, SCO ...
    name: str
    aliases: tuple[str, ...]
    kind: str
    dimension: str  # the dimension it mostly concerns: security, economy, diplomacy, energy
    founded: str
    memberships: tuple[Membership, ...]
    dissolved: str | None = None
    successor: str | None = None
    parent: str | None = None  # e.g. NATO for its Partnership for Peace
    note: str = ""


def _membership(org_id: str, spec: dict[str, Any]) -> Membership:
    return Membership(
        org=org_id,
        member=spec["member"],
        status=spec["status"],
        joined=iso(spec["joined"]) or "",
        left=iso(spec.get("left")),
        note=spec.get("note", ""),
    )


@cache
def organisations() -> dict[str, Organisation]:
    data: dict[str, dict[str, Any]] = read_yaml("organisations.yaml")
    return {
        org_id: Organisation(
            id=org_id,
            name=spec["name"],
            aliases=tuple(spec.get("aliases", [])),
            kind=spec["kind"],
            dimension=spec["dimension"],
            founded=iso(spec["founded"]) or "",
            memberships=tuple(
                sorted(
                    (_membership(org_id, m) for m in spec.get("members", [])),
                    key=lambda m: (as_date(m.joined), m.member),
                )
            ),
            dissolved=iso(spec.get("dissolved")),
            successor=spec.get("successor"),
            parent=spec.get("parent"),
            note=" ".join(str(spec.get("note", "")).split()),
        )
        for org_id, spec in data.items()
    }


def _id(text: str) -> str:
    """An id from an id or any name; resolve is imported late because it reads this module."""
    upper = text.strip().upper()
    if upper in organisations():
        return upper
    from bilat.reference.resolve import resolve

    return resolve(text)


def organisation(org: str) -> Organisation:
    """The organisation with this id or name ("SCO", "Shanghai Cooperation Organisation")."""
    found = organisations().get(_id(org))
    if found is None:
        raise KeyError(f"[E201] {org!r} is not an organisation")
    return found


def _when(at: DateLike | None) -> dt.date | None:
    return None if at is None else as_date(at)


def memberships_of(entity: str, at: DateLike | None = None) -> list[Membership]:
    """Every spell of the entity in any organisation, or only those valid at the date."""
    entity_id, when = _id(entity), _when(at)
    return [
        m
        for org in organisations().values()
        for m in org.memberships
        if m.member == entity_id and (when is None or m.active_at(when))
    ]


def members_of(
    org: str, at: DateLike | None = None, *, status: Status | None = "member"
) -> list[Membership]:
    """The spells of an organisation (full members by default; status=None for any status)."""
    when = _when(at)
    return [
        m
        for m in organisation(org).memberships
        if (status is None or m.status == status) and (when is None or m.active_at(when))
    ]


def status_in(entity: str, org: str, at: DateLike | None = None) -> Status | None:
    """The entity's status in the organisation at the date (today if None), or None."""
    entity_id = _id(entity)
    when = as_date(at) if at is not None else dt.date.today()
    for m in organisation(org).memberships:
        if m.member == entity_id and m.active_at(when):
            return m.status
    return None


def is_member(entity: str, org: str, at: DateLike | None = None) -> bool:
    """Whether the entity was a full member at the date (today if None)."""
    return status_in(entity, org, at) == "member"
