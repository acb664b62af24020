"""Countries, blocs and regions: names and codes from country_converter and pycountry, the rest
(demonyms, capitals, extra aliases, extra entities) from data/countries_extra.yaml.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pycountry

from bilat.reference._files import read_yaml

CountryKind = Literal["country", "bloc"]


@dataclass(frozen=True, slots=True)
class Country:
    """A state (or a bloc such as the EU) that claims can be about."""

    id: str  # ISO 3166-1 alpha-3; "EU" for the European Union
    iso2: str
    name: str  # short common name: "Russia", "United States"
    official_name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]  # current and former names of the capital, seats of power
    region: str  # UN geoscheme subregion, e.g. "Central Asia"
    un_member: bool
    kind: CountryKind = "country"
    state_firms: tuple[str, ...] = ()  # state companies and banks that act for the state


@dataclass(frozen=True, slots=True)
class Region:
    """A group of countries spoken of as one actor, e.g. C5 for Central Asia."""

    id: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    members: tuple[str, ...]


@cache
def _extra() -> dict[str, Any]:
    data: dict[str, Any] = read_yaml("countries_extra.yaml")
    return data


@cache
def _cc_table() -> dict[str, dict[str, str]]:
    """country_converter's bundled table, read directly: importing the package loads pandas."""
    spec = importlib.util.find_spec("country_converter")
    if spec is None or spec.origin is None:
        raise RuntimeError("country_converter is not installed")
    text = (Path(spec.origin).parent / "country_data.tsv").read_text(encoding="utf-8")
    return {row["ISO3"]: row for row in csv.DictReader(text.splitlines(), delimiter="\t")}


def _unique(names: list[str], skip: str) -> tuple[str, ...]:
    seen = {skip.casefold()}
    kept: list[str] = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return tuple(kept)


def _from_libraries(iso3: str, row: dict[str, str], extra: dict[str, Any]) -> Country:
    found = pycountry.countries.get(alpha_3=iso3)
    lib_names = [row["name_short"], row["name_official"]]
    if found is not None:
        lib_names += [getattr(found, key, "") for key in ("name", "official_name", "common_name")]
    # cc's ISO2 column holds a regex for a few rows (GB/UK, GR/EL): prefer pycountry
    iso2 = found.alpha_2 if found is not None else row["ISO2"]
    official = getattr(found, "official_name", "") or row["name_official"]
    name = extra.get("name") or row["name_short"]
    return Country(
        id=iso3,
        iso2=extra.get("iso2") or iso2,
        name=name,
        official_name=extra.get("official_name") or official,
        aliases=_unique([*lib_names, *extra.get("aliases", [])], skip=name),
        demonyms=tuple(extra.get("demonyms", [])),
        capitals=tuple(extra.get("capitals", [])),
        region=extra.get("region") or row["UNregion"],
        un_member=bool(row["UNmember"].strip()),
        state_firms=tuple(extra.get("state_firms", [])),
    )


def _bloc(bloc_id: str, spec: dict[str, Any]) -> Country:
    return Country(
        id=bloc_id,
        iso2=spec["iso2"],
        name=spec["name"],
        official_name=spec["official_name"],
        aliases=_unique(list(spec.get("aliases", [])), skip=spec["name"]),
        demonyms=tuple(spec.get("demonyms", [])),
        capitals=tuple(spec.get("capitals", [])),
        region=spec["region"],
        un_member=False,
        kind="bloc",
    )


@cache
def countries() -> dict[str, Country]:
    """Every UN member state, the extra entities (TWN, XKX, PSE, VAT) and blocs, by id."""
    extra = _extra()
    wanted = set(extra["extra_entities"])
    per_country: dict[str, dict[str, Any]] = extra["countries"]
    found: dict[str, Country] = {}
    for iso3, row in sorted(_cc_table().items()):
        if row["UNmember"].strip() or iso3 in wanted:
            found[iso3] = _from_libraries(iso3, row, per_country.get(iso3, {}))
    for bloc_id, spec in extra["blocs"].items():
        found[bloc_id] = _bloc(bloc_id, spec)
    return found


def country(country_id: str) -> Country:
    try:
        return countries()[country_id.upper()]
    except KeyError:
        raise KeyError(f"[E201] unknown country id {country_id!r}") from None


@cache
def regions() -> dict[str, Region]:
    return {
        region_id: Region(
            id=region_id,
            name=spec["name"],
            aliases=tuple(spec.get("aliases", [])),
            demonyms=tuple(spec.get("demonyms", [])),
            members=tuple(spec["members"]),
        )
        for region_id, spec in _extra()["regions"].items()
    }


def region(region_id: str) -> Region:
    try:
        return regions()[region_id.upper()]
    except KeyError:
        raise KeyError(f"[E201] unknown region id {region_id!r}") from None


@cache
def preferred_readings() -> dict[str, str]:
    """Surface forms several entities share ("Brussels"), mapped to the one usually meant."""
    return dict(_extra().get("preferred", {}))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _cc_table()
    return {
        cid: re.compile(table[cid]["regex"], re.IGNORECASE) for cid in countries() if cid in table
    }


def pattern_matches(text: str) -> list[str]:
    """Ids of the countries whose country_converter regex finds text (loose matching)."""
    return [cid for cid, pattern in _patterns().items() if pattern.search(text)]
