"""What the recognisers find in a text. All offsets are character offsets into the text given.

The stages of extraction pass these small records along; none of them touches a store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bilat.model import Qualifier, TimeRef

QuantityKind = Literal[
    "money", "percent", "persons", "count", "distance", "volume", "mass", "duration", "rank"
]
EntityKind = Literal["country", "organisation", "region", "bloc", "person"]
Cue = Literal["name", "alias", "demonym", "capital", "organisation", "person"]
# The part a named actor plays in a figure: the side it is about, or its counterpart.
Role = Literal["subject", "object"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    """A measure written in the text: "$12.9 billion", "30.4 percent", "7,000 troops".

    value is in base units (12.9e9 for "$12.9 billion"; 30.4 for "30.4%"); value_max is the
    top of a range ("between 500,000 and 1 million"). unit is an ISO 4217 code for money,
    else one of: percent, persons, count, km, bcm, tonnes, years, months, days.
    noun is the counted thing for persons/count ("troops", "agreements"), lower-case.
    A change ("fell by 28%") has qualifier "change" and a signed value (-28.0).
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: QuantityKind
    value_max: float | None = None
    qualifier: Qualifier = "exact"
    noun: str | None = None


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A country, organisation, region or person named in the text, resolved to an id.

    For a person, entity is the country they held office in at the document's date.
    """

    start: int
    end: int
    text: str
    entity: str
    kind: EntityKind
    cue: Cue


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time written in the text ("in 2016", "as of August 2017", "between 2013 and 2016")."""

    start: int
    end: int
    text: str
    time: TimeRef
    relation: Literal["point", "interval", "since", "until", "as_of"] = "point"
