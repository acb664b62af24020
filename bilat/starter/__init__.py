"""The bundled starter dataset: curated claims and events about a region, with their sources.

The data lives in YAML under `data/`: `sources.yaml`, then `claims_*.yaml` and
`events_*.yaml`. Each record is checked strictly as it is read (zavod's "strict
interpretation"): a malformed record stops the load with its file and position, rather than
entering the store half-understood.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml

from bilat.errors import DataError
from bilat.model import GRADES, Claim, Event, Source, TimeRef
from bilat.ontology import event_types, indicators
from bilat.reference import is_known_entity
from bilat.store import Batch

QUALIFIERS = {"exact", "approx", "at_least", "at_most", "change"}
CLAIM_KEYS = {
    "indicator", "subject", "object", "value", "value_max", "unit", "time", "qualifier",
    "source", "section", "paragraph", "mention", "summary",
}  # fmt: skip
EVENT_KEYS = {
    "type", "subtype", "actors", "date", "source", "section", "paragraph", "mention", "summary",
}  # fmt: skip


def data_dir() -> Traversable:
    return resources.files(__package__).joinpath("data")


def _read_yaml(file: Traversable) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"[E102] {file.name}: not valid YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError(f"[E102] {file.name}: expected a list of records")
    return data


def locator(record: dict[str, Any]) -> str:
    section = record.get("section")
    where = f"section '{section}', " if section else ""
    return f"{where}paragraph {record['paragraph']}"


class _Checker:
    """Collects the position of a record so every complaint says where it is."""

    def __init__(self, file: str, index: int, record: Any, keys: set[str]) -> None:
        self.where = f"{file} record {index + 1}"
        if not isinstance(record, dict):
            self.fail("expected a mapping")
        unknown = set(record) - keys
        missing = keys - set(record)
        if unknown or missing:
            self.fail(f"unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")

    def fail(self, message: str) -> None:
        raise DataError(f"[E103] {self.where}: {message}")

    def entity(self, value: Any, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not is_known_entity(value):
            self.fail(f"unknown country or organisation id {value!r}")
        return str(value)

    def time(self, value: Any, *, optional: bool = False) -> TimeRef | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.fail(f'time must be a quoted string such as "2016", got {value!r}')
        parsed = TimeRef.parse(value)
        if parsed is None or not parsed.start[:4].isdigit():
            self.fail(f"unreadable time {value!r}")
        return parsed


def _claim(record: dict[str, Any], check: _Checker, sources: dict[str, Source]) -> Claim:
    name = record["indicator"]
    spec = indicators().get(name)
    if spec is None:
        check.fail(f"unknown indicator {name!r}")
        raise AssertionError  # unreachable: fail() raises
    unit = record["unit"]
    if not (spec.accepts_unit(unit) or (record["qualifier"] == "change" and unit == "percent")):
        check.fail(f"indicator {name} is measured in {spec.unit}, not {unit!r}")
    if record["qualifier"] not in QUALIFIERS:
        check.fail(f"unknown qualifier {record['qualifier']!r}")
    if record["source"] not in sources:
        check.fail(f"unknown source {record['source']!r}")
    value_max = record["value_max"]
    if not isinstance(record["value"], int | float) or (
        value_max is not None and not isinstance(value_max, int | float)
    ):
        check.fail("value and value_max must be numbers")
    return Claim(
        indicator=name,
        subject=check.entity(record["subject"]),
        object=check.entity(record["object"], optional=True),
        value=float(record["value"]),
        value_max=None if value_max is None else float(value_max),
        unit=unit,
        time=check.time(record["time"], optional=True),
        qualifier=record["qualifier"],
        source_id=record["source"],
        summary=record["summary"],
        locator=locator(record),
        method="curated",
        confidence=1.0,
        credibility=6,
    )


def _event(record: dict[str, Any], check: _Checker, sources: dict[str, Source]) -> Event:
    if record["type"] not in event_types():
        check.fail(f"unknown PLOVER event type {record['type']!r}")
    if record["source"] not in sources:
        check.fail(f"unknown source {record['source']!r}")
    actors = record["actors"]
    if not isinstance(actors, list) or not actors:
        check.fail("actors must be a non-empty list")
    date = check.time(record["date"])
    assert date is not None
    return Event(
        type=record["type"],
        subtype=record["subtype"],
        actors=tuple(str(check.entity(a)) for a in actors),
        date=date,
        summary=record["summary"],
        source_id=record["source"],
        locator=locator(record),
        method="curated",
    )


def load_sources() -> dict[str, Source]:
    found: dict[str, Source] = {}
    for index, record in enumerate(_read_yaml(data_dir().joinpath("sources.yaml"))):
        record = dict(record)
        record.pop("seed", None)
        if record.get("grade") not in tuple(GRADES):
            raise DataError(f"[E103] sources.yaml record {index + 1}: grade must be one of A-F")
        found[record["id"]] = Source(**record)
    return found


def seed_files() -> dict[str, str]:
    """Source id -> the file name of the analysis it was curated from (for benchmarks)."""
    records = _read_yaml(data_dir().joinpath("sources.yaml"))
    return {r["id"]: r["seed"] for r in records if r.get("seed")}


def load_starter() -> Batch:
    """Read and check the whole starter dataset."""
    sources = load_sources()
    batch = Batch(sources=list(sources.values()))
    files = sorted((f for f in data_dir().iterdir() if f.name.endswith(".yaml")), key=_name)
    for file in files:
        if file.name.startswith("claims_"):
            for i, record in enumerate(_read_yaml(file)):
                check = _Checker(file.name, i, record, CLAIM_KEYS)
                batch.claims.append(_claim(record, check, sources))
        elif file.name.startswith("events_"):
            for i, record in enumerate(_read_yaml(file)):
                check = _Checker(file.name, i, record, EVENT_KEYS)
                batch.events.append(_event(record, check, sources))
    return batch


def _name(file: Traversable) -> str:
    return file.name


def raw_records(prefix: str) -> list[tuple[str, dict[str, Any]]]:
    """Every record of the files starting with `prefix`, with its file name (for checks)."""
    out: list[tuple[str, dict[str, Any]]] = []
    for file in sorted(data_dir().iterdir(), key=_name):
        if file.name.startswith(prefix) and file.name.endswith(".yaml"):
            out.extend((file.name, r) for r in _read_yaml(file))
    return out
