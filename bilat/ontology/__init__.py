"""The domain declared as data: indicators, dimensions and event types (YAML beside this file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

DIMENSIONS: tuple[str, ...] = ("security", "economy", "energy", "people", "diplomacy")
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    dimension: str | None
    unit: str  # "money" (any ISO 4217 code), "percent", "persons", "count", "km", "bcm", "any"
    label: str
    dependence: int = 0
    symmetric: bool = False
    wdi: str | None = None
    counterpart: bool = True  # False: a measure of the subject alone (population, GDP growth)

    def accepts_unit(self, unit: str) -> bool:
        if self.unit == "any":
            return True
        if self.unit == "money":
            return len(unit) == 3 and unit.isupper()
        return unit == self.unit


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: int
    label: str

    @property
    def quad_label(self) -> str:
        return QUAD_CLASSES[self.quad]


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def indicators() -> dict[str, Indicator]:
    return {name: Indicator(name=name, **spec) for name, spec in _load("indicators.yaml").items()}


@cache
def event_types() -> dict[str, EventType]:
    return {name: EventType(name=name, **spec) for name, spec in _load("event_types.yaml").items()}


def indicator(name: str) -> Indicator:
    try:
        return indicators()[name]
    except KeyError:
        raise KeyError(f"[E101] unknown indicator {name!r}") from None


def dimension_of(name: str) -> str | None:
    found = indicators().get(name)
    return found.dimension if found else None
