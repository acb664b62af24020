"""Reference data: countries, blocs, regions, organisations with their memberships over time,
office holders with their terms, and name resolution from any common form to an id.

Data lives in YAML beside this package (data/), is read on first use and cached; importing
this package reads nothing.
"""

from __future__ import annotations

from bilat.reference.countries import Country, Region, countries, country, region, regions
from bilat.reference.dates import DateLike, as_date
from bilat.reference.leaders import (
    Person,
    Role,
    Tenure,
    holder_at,
    holders,
    people,
    resolve_person,
)
from bilat.reference.organisations import (
    Membership,
    Organisation,
    Status,
    is_member,
    members_of,
    memberships_of,
    organisation,
    organisations,
    status_in,
)
from bilat.reference.resolve import (
    EntityKind,
    Term,
    TermKind,
    UnknownEntityError,
    gazetteer_terms,
    is_known_entity,
    kind_of,
    name_of,
    resolve,
)
from bilat.reference.schema import SchemaError, check_shipped, validate, validate_shipped

__all__ = [
    "Country",
    "DateLike",
    "EntityKind",
    "Membership",
    "Organisation",
    "Person",
    "Region",
    "Role",
    "SchemaError",
    "Status",
    "Tenure",
    "Term",
    "TermKind",
    "UnknownEntityError",
    "as_date",
    "check_shipped",
    "countries",
    "country",
    "gazetteer_terms",
    "holder_at",
    "holders",
    "is_known_entity",
    "is_member",
    "kind_of",
    "members_of",
    "memberships_of",
    "name_of",
    "organisation",
    "organisations",
    "people",
    "region",
    "regions",
    "resolve",
    "resolve_person",
    "status_in",
    "validate",
    "validate_shipped",
]
