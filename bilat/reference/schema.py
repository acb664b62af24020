"""Structural checks of the reference YAML files, in the spirit of a JSON Schema.

Each validator takes the parsed YAML and returns a list of problems ("where: what"), empty when
the data is sound. Beyond shapes and types it checks ISO dates, that member ids are known
countries, that spells are ordered (joined before left) and that no member's spells overlap.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from bilat.errors import DataError
from bilat.reference._files import DATA_FILES, read_yaml
from bilat.reference.countries import _cc_table, countries
from bilat.reference.dates import as_date, is_iso_date, iso
from bilat.reference.leaders import ROLES
from bilat.reference.organisations import KINDS, STATUSES

DIMENSIONS = ("security", "economy", "energy", "people", "diplomacy")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
_PERSON_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class SchemaError(DataError):
    """A shipped reference file does not have the shape the loaders expect."""


class _Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def mapping(self, where: str, value: Any) -> bool:
        if not isinstance(value, dict):
            self.add(where, f"expected a mapping, got {type(value).__name__}")
            return False
        return True

    def keys(
        self, where: str, value: dict[str, Any], required: Iterable[str], optional: Iterable[str]
    ) -> None:
        required = tuple(required)
        for key in required:
            if key not in value:
                self.add(where, f"missing required key {key!r}")
        for key in value:
            if key not in required and key not in optional:
                self.add(where, f"unknown key {key!r}")

    def text(self, where: str, value: Any, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or not value.strip():
            self.add(where, f"expected non-empty text, got {value!r}")

    def texts(self, where: str, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self.add(where, f"expected a list, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            self.text(f"{where}[{i}]", item)

    def date(self, where: str, value: Any, *, optional: bool = False) -> bool:
        if value is None and optional:
            return True
        if not is_iso_date(value):
            self.add(where, f"expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
            return False
        return True

    def choice(self, where: str, value: Any, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        if value not in allowed:
            self.add(where, f"{value!r} is not one of {', '.join(allowed)}")

    def spell(
        self, where: str, start: Any, end: Any, names: tuple[str, str] = ("start", "end")
    ) -> bool:
        """Both dates valid and start before end; True if the spell can be compared."""
        valid = self.date(f"{where}.{names[0]}", start)
        valid = self.date(f"{where}.{names[1]}", end, optional=True) and valid
        if valid and end is not None and as_date(iso(end) or "") <= as_date(iso(start) or ""):
            self.add(where, f"ends ({iso(end)}) before it starts ({iso(start)})")
            return False
        return valid


def _overlaps(report: _Report, where: str, spells: list[tuple[str, str | None]]) -> None:
    """Spells (start, end) of one member or one office must follow each other."""
    ordered = sorted(spells, key=lambda s: as_date(s[0]))
    for (start, end), (next_start, _) in itertools.pairwise(ordered):
        if end is None or as_date(next_start) < as_date(end):
            report.add(where, f"spell from {start} overlaps the one from {next_start}")


def validate_countries(data: Any) -> list[str]:
    report, name = _Report(), "countries_extra.yaml"
    if not report.mapping(name, data):
        return report.problems
    report.keys(name, data, ("extra_entities", "blocs", "regions", "countries"), ("preferred",))
    table = _cc_table()
    for i, iso3 in enumerate(data.get("extra_entities") or []):
        if iso3 not in table:
            report.add(f"{name}: extra_entities[{i}]", f"{iso3!r} is not in country_converter")
    lists = ("aliases", "demonyms", "capitals", "state_firms")
    for iso3, spec in (data.get("countries") or {}).items():
        where = f"{name}: countries.{iso3}"
        if not _ALPHA3.match(str(iso3)) or iso3 not in table:
            report.add(where, "not an ISO alpha-3 code known to country_converter")
        if report.mapping(where, spec):
            report.keys(where, spec, (), ("name", "official_name", "iso2", "region", *lists))
            for key in lists:
                report.texts(f"{where}.{key}", spec.get(key))
    for bloc_id, spec in (data.get("blocs") or {}).items():
        where = f"{name}: blocs.{bloc_id}"
        if report.mapping(where, spec):
            report.keys(where, spec, ("iso2", "name", "official_name", "region"), lists)
            for key in ("iso2", "name", "official_name", "region"):
                report.text(f"{where}.{key}", spec.get(key))
    known = set(table) | set(data.get("blocs") or {})
    for region_id, spec in (data.get("regions") or {}).items():
        where = f"{name}: regions.{region_id}"
        if report.mapping(where, spec):
            report.keys(where, spec, ("name", "members"), ("aliases", "demonyms"))
            report.text(f"{where}.name", spec.get("name"))
            for member in spec.get("members") or []:
                if member not in known:
                    report.add(f"{where}.members", f"unknown country {member!r}")
    targets = known | set(data.get("regions") or {})
    for surface, target in (data.get("preferred") or {}).items():
        if target not in targets:
            report.add(f"{name}: preferred.{surface}", f"unknown entity {target!r}")
    return report.problems


def _validate_membership(report: _Report, where: str, spec: Any) -> None:
    if not report.mapping(where, spec):
        return
    report.keys(where, spec, ("member", "status", "joined"), ("left", "note"))
    if spec.get("member") not in countries():
        report.add(f"{where}.member", f"{spec.get('member')!r} is not a known country id")
    report.choice(f"{where}.status", spec.get("status"), STATUSES)
    report.text(f"{where}.note", spec.get("note"), optional=True)
    report.spell(where, spec.get("joined"), spec.get("left"), ("joined", "left"))


def validate_organisations(data: Any) -> list[str]:
    report, name = _Report(), "organisations.yaml"
    if not report.mapping(name, data):
        return report.problems
    for org_id, spec in data.items():
        where = f"{name}: {org_id}"
        if not report.mapping(where, spec):
            continue
        optional = ("aliases", "dissolved", "successor", "parent", "note")
        report.keys(where, spec, ("name", "kind", "dimension", "founded", "members"), optional)
        report.text(f"{where}.name", spec.get("name"))
        report.texts(f"{where}.aliases", spec.get("aliases"))
        report.choice(f"{where}.kind", spec.get("kind"), KINDS)
        report.choice(f"{where}.dimension", spec.get("dimension"), DIMENSIONS)
        report.date(f"{where}.founded", spec.get("founded"))
        report.date(f"{where}.dissolved", spec.get("dissolved"), optional=True)
        for key in ("successor", "parent"):
            if spec.get(key) is not None and spec.get(key) not in data:
                report.add(f"{where}.{key}", f"unknown organisation {spec.get(key)!r}")
        members = spec.get("members")
        if not isinstance(members, list):
            report.add(f"{where}.members", "expected a list")
            continue
        spells: dict[str, list[tuple[str, str | None]]] = {}
        for i, member in enumerate(members):
            at = f"{where}.members[{i}]"
            before = len(report.problems)
            _validate_membership(report, at, member)
            if len(report.problems) == before:
                joined, left = iso(member["joined"]) or "", iso(member.get("left"))
                spells.setdefault(member["member"], []).append((joined, left))
        for member_id, member_spells in spells.items():
            _overlaps(report, f"{where}.members ({member_id})", member_spells)
    return report.problems


def _validate_person(report: _Report, where: str, spec: Any) -> list[tuple[str, str, str | None]]:
    """Checks one person; returns their sound terms as (role, start, end)."""
    if not report.mapping(where, spec):
        return []
    report.keys(where, spec, ("id", "name", "country", "terms"), ("aliases",))
    if not _PERSON_ID.match(str(spec.get("id", ""))):
        report.add(f"{where}.id", f"expected a lower-case id, got {spec.get('id')!r}")
    report.text(f"{where}.name", spec.get("name"))
    report.texts(f"{where}.aliases", spec.get("aliases"))
    if spec.get("country") not in countries():
        report.add(f"{where}.country", f"{spec.get('country')!r} is not a known country id")
    terms = spec.get("terms")
    if not isinstance(terms, list) or not terms:
        report.add(f"{where}.terms", "expected a non-empty list")
        return []
    sound: list[tuple[str, str, str | None]] = []
    for i, term in enumerate(terms):
        at = f"{where}.terms[{i}]"
        if not report.mapping(at, term):
            continue
        report.keys(at, term, ("role", "start"), ("end", "note"))
        report.choice(f"{at}.role", term.get("role"), ROLES)
        if report.spell(at, term.get("start"), term.get("end")):
            sound.append((term.get("role"), iso(term["start"]) or "", iso(term.get("end"))))
    starts = [as_date(start) for _, start, _ in sound]
    if starts != sorted(starts):
        report.add(f"{where}.terms", "terms are not in the order they started")
    return sound


def validate_leaders(data: Any) -> list[str]:
    report, name = _Report(), "leaders.yaml"
    if not report.mapping(name, data):
        return report.problems
    report.keys(name, data, ("people",), ("presidential",))
    for country_id in data.get("presidential") or []:
        if country_id not in countries():
            report.add(f"{name}: presidential", f"{country_id!r} is not a known country id")
    people = data.get("people")
    if not isinstance(people, list):
        report.add(f"{name}: people", "expected a list")
        return report.problems
    offices: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    seen: set[str] = set()
    for i, spec in enumerate(people):
        where = f"{name}: people[{i}]"
        for role, start, end in _validate_person(report, where, spec):
            offices.setdefault((spec["country"], role), []).append((start, end))
        if isinstance(spec, dict) and spec.get("id") in seen:
            report.add(f"{where}.id", f"duplicate id {spec.get('id')!r}")
        seen.add(str(spec.get("id")) if isinstance(spec, dict) else "")
    for (country_id, role), spells in offices.items():
        _overlaps(report, f"{name}: {country_id} {role}", spells)
    return report.problems


VALIDATORS: dict[str, Callable[[Any], list[str]]] = {
    "countries_extra.yaml": validate_countries,
    "organisations.yaml": validate_organisations,
    "leaders.yaml": validate_leaders,
}


def validate(name: str, data: Any) -> list[str]:
    """Problems in data read from the file called name (one of DATA_FILES)."""
    return VALIDATORS[name](data)


def validate_file(path: str | Path) -> list[str]:
    """Problems in a YAML file on disk, chosen by its file name."""
    path = Path(path)
    return validate(path.name, yaml.safe_load(path.read_text(encoding="utf-8")))


def validate_shipped() -> dict[str, list[str]]:
    """Problems in each shipped file (all lists empty when the data is sound)."""
    return {name: validate(name, read_yaml(name)) for name in DATA_FILES}


def check_shipped() -> None:
    """Raise SchemaError listing every problem in the shipped files."""
    problems = [p for found in validate_shipped().values() for p in found]
    if problems:
        raise SchemaError("[E104] reference data is malformed:\n  " + "\n  ".join(problems))
