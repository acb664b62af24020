"""What the influence index reads: its weights file, and the evidence for each dyad.

The weights file (weights.yaml beside this module, documented there) is validated key by key
into typed records, so a bad file fails at once with the key named. Evidence is gathered from
claims only (plus memberships from the reference data): for each input, the dyad's claims are
reconciled, each group's preferred claim is kept, and the most recent of those is used.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from bilat.analyse.reconcile import preference_key, reconcile
from bilat.errors import DataError
from bilat.model import Claim, Source
from bilat.ontology import DIMENSIONS, indicators
from bilat.reference import (
    DateLike,
    Membership,
    as_date,
    memberships_of,
    organisation,
    regions,
)

Component = Literal["bandwidth", "dependence"]
Method = Literal["percent", "log", "count", "presence"]
COMPONENTS: tuple[Component, ...] = ("bandwidth", "dependence")
METHODS: tuple[Method, ...] = ("percent", "log", "count", "presence")
NORMALISATIONS = ("fixed", "minmax")
AGGREGATIONS = ("geometric", "arithmetic")
TIES = "ties"
ORGANISATIONS = "shared_organisations"


class WeightsError(DataError):
    """The weights file is missing, not YAML, or has a bad key."""


# -- the weights file ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scale:
    """How an input maps to 0..1: transform it, then divide by a full value and cap at 1."""

    method: Method
    ref: float = 1.0
    floor: float = 1.0

    def transform(self, value: float) -> float:
        """The value on the scale's own axis (log for sizes), before any reference."""
        value = max(value, 0.0)  # a negative level is a data error; it cannot add leverage
        if self.method == "presence":
            return 1.0 if value > 0 else 0.0
        if self.method == "log":
            return math.log10(1.0 + value / self.floor)
        return value

    @property
    def full(self) -> float:
        """The transformed value that counts fully on the fixed reference scale."""
        if self.method == "percent":
            return 100.0
        if self.method == "log":
            return math.log10(1.0 + self.ref / self.floor)
        if self.method == "count":
            return self.ref
        return 1.0

    def fixed(self, value: float) -> float:
        return min(self.transform(value) / self.full, 1.0)


@dataclass(frozen=True, slots=True)
class Slot:
    """One input of one component of one dimension."""

    dimension: str
    component: Component
    indicator: str
    weight: float
    scale: Scale
    unit: str | None  # the unit claims must be in; None for the two pseudo-inputs


@dataclass(frozen=True, slots=True)
class DimensionSpec:
    name: str
    weight: float
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class Derivation:
    """A share computed as 100 × numerator (S from P) / denominator (S's own total)."""

    indicator: str
    numerator: str
    denominator: str
    max_year_gap: int


@dataclass(frozen=True, slots=True)
class MonteCarlo:
    weight_factor: tuple[float, float]
    regional_discount: tuple[float, float]
    normalisation: Mapping[str, float]  # probabilities by name, summing to 1
    aggregation: Mapping[str, float]
    band: tuple[float, float]  # percentiles
    robust_share: float


@dataclass(frozen=True, slots=True)
class Weights:
    """The whole weights file, validated."""

    origin: str  # the file's path, or "default"
    aggregation: str
    regional_discount: float
    organisation_kinds: Mapping[str, float]
    derived: tuple[Derivation, ...]
    dimensions: tuple[DimensionSpec, ...]
    monte_carlo: MonteCarlo


class _Checker:
    """Reads values out of the parsed file, naming the full key in every error."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, key: str, problem: str) -> WeightsError:
        return WeightsError(f"[E120] weights file {self.origin}: {key}: {problem}")

    def mapping(
        self, value: object, key: str, allowed: Iterable[str] | None = None
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, "expected a mapping")
        if allowed is not None:
            known = set(allowed)
            for name in value:
                if name not in known:
                    raise self.fail(f"{key}.{name}" if key else str(name), "unknown key")
        return value

    def get(self, data: Mapping[str, Any], name: str, key: str) -> Any:
        if name not in data:
            raise self.fail(f"{key}.{name}" if key else name, "missing")
        return data[name]

    def number(self, value: object, key: str, low: float = 0.0, high: float = math.inf) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"expected a number, got {value!r}")
        if not low <= float(value) <= high or math.isnan(float(value)):
            raise self.fail(key, f"{value} is outside {low}..{high}")
        return float(value)

    def choice(self, value: object, key: str, options: Sequence[str]) -> str:
        if value not in options:
            raise self.fail(key, f"expected one of {', '.join(options)}, got {value!r}")
        return str(value)

    def pair(self, value: object, key: str, low: float, high: float) -> tuple[float, float]:
        if not isinstance(value, list) or len(value) != 2:
            raise self.fail(key, "expected [low, high]")
        a, b = (self.number(v, f"{key}[{i}]", low, high) for i, v in enumerate(value))
        if a > b:
            raise self.fail(key, f"low {a} is above high {b}")
        return a, b

    def probabilities(self, value: object, key: str, options: Sequence[str]) -> dict[str, float]:
        data = self.mapping(value, key, options)
        found = {name: self.number(p, f"{key}.{name}") for name, p in data.items()}
        total = sum(found.values())
        if total <= 0:
            raise self.fail(key, "the probabilities must not all be zero")
        return {name: found.get(name, 0.0) / total for name in options}


def _default_text() -> str:
    return resources.files(__package__).joinpath("weights.yaml").read_text(encoding="utf-8")


def load_weights(path: str | Path | None = None) -> Weights:
    """The weights file at `path`, or the default one shipped beside this module."""
    origin = "default" if path is None else str(path)
    try:
        text = _default_text() if path is None else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise WeightsError(f"[E120] weights file {origin}: cannot be read: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise WeightsError(f"[E120] weights file {origin}: not valid YAML: {exc}") from exc
    return parse_weights(data, origin)


_TOP_KEYS = (
    "aggregation",
    "regional_discount",
    "organisation_kinds",
    "derived",
    "dimensions",
    "monte_carlo",
)


def parse_weights(data: object, origin: str = "default") -> Weights:
    """Validate a parsed weights file; raises WeightsError naming the first bad key."""
    check = _Checker(origin)
    top = check.mapping(data, "", _TOP_KEYS)
    kinds = check.mapping(check.get(top, "organisation_kinds", ""), "organisation_kinds")
    return Weights(
        origin=origin,
        aggregation=check.choice(check.get(top, "aggregation", ""), "aggregation", AGGREGATIONS),
        regional_discount=check.number(
            check.get(top, "regional_discount", ""), "regional_discount", 0.0, 1.0
        ),
        organisation_kinds={
            str(k): check.number(v, f"organisation_kinds.{k}") for k, v in kinds.items()
        },
        derived=_derivations(check, check.get(top, "derived", "")),
        dimensions=_dimensions(check, check.get(top, "dimensions", "")),
        monte_carlo=_monte_carlo(check, check.get(top, "monte_carlo", "")),
    )


def _derivations(check: _Checker, value: object) -> tuple[Derivation, ...]:
    if value is None:
        return ()
    out = []
    for name, spec in check.mapping(value, "derived").items():
        key = f"derived.{name}"
        data = check.mapping(spec, key, ("numerator", "denominator", "max_year_gap"))
        _known_indicator(check, name, key)
        numerator = str(check.get(data, "numerator", key))
        _known_indicator(check, numerator, f"{key}.numerator")
        gap = check.number(check.get(data, "max_year_gap", key), f"{key}.max_year_gap", 0, 100)
        # The denominator may name an indicator the vocabulary does not have yet (gdp): then
        # no claim carries it and nothing is derived.
        denominator = str(check.get(data, "denominator", key))
        out.append(Derivation(str(name), numerator, denominator, int(gap)))
    return tuple(out)


def _known_indicator(check: _Checker, name: object, key: str) -> None:
    if name not in indicators():
        raise check.fail(key, f"{name!r} is not an indicator of the vocabulary")


def _dimensions(check: _Checker, value: object) -> tuple[DimensionSpec, ...]:
    data = check.mapping(value, "dimensions", DIMENSIONS)
    out = []
    for name in DIMENSIONS:
        key = f"dimensions.{name}"
        spec = check.mapping(check.get(data, name, "dimensions"), key, ("weight", *COMPONENTS))
        slots = [
            _slot(check, name, component, indicator, slot_spec)
            for component in COMPONENTS
            for indicator, slot_spec in check.mapping(
                check.get(spec, component, key), f"{key}.{component}"
            ).items()
        ]
        weight = check.number(check.get(spec, "weight", key), f"{key}.weight")
        out.append(DimensionSpec(name, weight, tuple(slots)))
    return tuple(out)


def _slot(
    check: _Checker, dimension: str, component: Component, name: object, spec: object
) -> Slot:
    key = f"dimensions.{dimension}.{component}.{name}"
    data = check.mapping(spec, key, ("weight", "scale", "ref", "floor", "unit"))
    indicator = str(name)
    unit = _slot_unit(check, dimension, component, indicator, data.get("unit"), key)
    method = cast(Method, check.choice(check.get(data, "scale", key), f"{key}.scale", METHODS))
    needs_ref = method in ("log", "count")
    if needs_ref and "ref" not in data:
        raise check.fail(f"{key}.ref", f"missing (a {method} scale needs a reference size)")
    ref = check.number(data.get("ref", 1.0), f"{key}.ref", 1e-12)
    floor = check.number(data.get("floor", 1.0), f"{key}.floor", 1e-12)
    weight = check.number(check.get(data, "weight", key), f"{key}.weight")
    return Slot(dimension, component, indicator, weight, Scale(method, ref, floor), unit)


def _slot_unit(
    check: _Checker,
    dimension: str,
    component: Component,
    indicator: str,
    given: object,
    key: str,
) -> str | None:
    """The unit claims must have for this input, after checking the input belongs here."""
    if indicator == TIES:
        if component != "bandwidth":
            raise check.fail(key, "ties is a bandwidth input")
        return None
    if indicator == ORGANISATIONS:
        return None
    spec = indicators().get(indicator)
    if spec is None:
        raise check.fail(key, "not an indicator of the vocabulary (nor ties, shared_organisations)")
    if spec.dimension != dimension:
        raise check.fail(
            key, f"the vocabulary puts {indicator} in {spec.dimension}, not {dimension}"
        )
    if spec.dependence != 1:
        # The scales read a larger value as more reliance; neutral or inverse figures do not.
        raise check.fail(key, f"{indicator} has dependence direction {spec.dependence}, not +1")
    if given is not None:
        if not isinstance(given, str) or not spec.accepts_unit(given):
            raise check.fail(f"{key}.unit", f"{given!r} is not a unit {indicator} is measured in")
        return given
    return "USD" if spec.unit == "money" else spec.unit


def _monte_carlo(check: _Checker, value: object) -> MonteCarlo:
    keys = ("weight_factor", "regional_discount", "normalisation", "aggregation", "band")
    data = check.mapping(value, "monte_carlo", (*keys, "robust_share"))

    def item(name: str) -> Any:
        return check.get(data, name, "monte_carlo")

    return MonteCarlo(
        weight_factor=check.pair(item("weight_factor"), "monte_carlo.weight_factor", 0, 100),
        regional_discount=check.pair(
            item("regional_discount"), "monte_carlo.regional_discount", 0, 1
        ),
        normalisation=check.probabilities(
            item("normalisation"), "monte_carlo.normalisation", NORMALISATIONS
        ),
        aggregation=check.probabilities(
            item("aggregation"), "monte_carlo.aggregation", AGGREGATIONS
        ),
        band=check.pair(item("band"), "monte_carlo.band", 0, 100),
        robust_share=check.number(item("robust_share"), "monte_carlo.robust_share", 0.0, 1.0),
    )


# -- evidence --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """One input for a dyad, with where it came from."""

    indicator: str
    value: float
    unit: str
    time: str | None
    qualifier: str
    source: str | None
    claim: str | None
    regional: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class DimensionEvidence:
    """What the store says about one dimension of one dyad."""

    inputs: Mapping[str, Evidence]  # by indicator (shared by both components)
    ties_direct: float  # distinct indicators with a non-zero figure about S itself
    ties_regional: float  # ... known only from a figure about S's region
    tie_names: tuple[str, ...]
    present: bool  # any evidence at all, even of zero ties


@dataclass(slots=True)
class _Claims:
    """The claims bearing on one subject, indexed by (power, indicator)."""

    direct: dict[tuple[str, str], list[Claim]] = field(default_factory=lambda: defaultdict(list))
    regional: dict[tuple[str, str], list[Claim]] = field(default_factory=lambda: defaultdict(list))
    own: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))


def regions_of(subject: str) -> tuple[str, ...]:
    """Ids of the regions the subject is a member of, e.g. ("C5",) for KAZ."""
    return tuple(sorted(r.id for r in regions().values() if subject in r.members))


def claim_year(claim: Claim, sources: Mapping[str, Source]) -> int | None:
    """The year a figure refers to; an undated figure is dated by its source's year."""
    if claim.time is not None:
        return claim.time.year
    source = sources.get(claim.source_id)
    return source.year if source else None


def _recency(claim: Claim, sources: Mapping[str, Source]) -> tuple[int, int]:
    """(year, month) the figure reaches; a whole year reaches December."""
    if claim.time is None:
        return (claim_year(claim, sources) or 0, 0)
    end = claim.time.end or claim.time.start
    month = int(end[5:7]) if len(end) >= 7 else 12
    return (int(end[:4]), month)


def index_claims(
    claims: Iterable[Claim],
    sources: Mapping[str, Source],
    subject: str,
    powers: Sequence[str],
    at: DateLike | None = None,
) -> _Claims:
    """Sort the claims into those about the dyads, their regions, and the subject alone."""
    wanted, areas = set(powers), set(regions_of(subject))
    limit = as_date(at).year if at is not None else None
    spec = indicators()
    out = _Claims()
    for claim in claims:
        year = claim_year(claim, sources)
        if limit is not None and (year is None or year > limit):
            continue  # after the date of the analysis, or undatable: cannot be placed before it
        symmetric = claim.indicator in spec and spec[claim.indicator].symmetric
        if claim.subject == subject and claim.object in wanted:
            out.direct[(str(claim.object), claim.indicator)].append(claim)
        elif symmetric and claim.object == subject and claim.subject in wanted:
            out.direct[(str(claim.subject), claim.indicator)].append(claim)
        elif claim.subject in areas and claim.object in wanted:
            out.regional[(str(claim.object), claim.indicator)].append(claim)
        elif symmetric and claim.object in areas and claim.subject in wanted:
            out.regional[(str(claim.subject), claim.indicator)].append(claim)
        elif claim.subject == subject and claim.object is None:
            out.own[claim.indicator].append(claim)
    return out


def pick(
    claims: Iterable[Claim], sources: Mapping[str, Source], unit: str | None = None
) -> Claim | None:
    """The claim to use: each reconciled group's preferred level, then the most recent."""
    spec = indicators()
    levels = [
        c
        for c in claims
        if c.qualifier != "change"  # a change is not a level
        and c.rank != "deprecated"  # an analyst ruled it out
        and (unit is None or c.unit == unit)
        and (c.indicator not in spec or spec[c.indicator].accepts_unit(c.unit))
    ]
    if not levels:
        return None
    preferred = [group.preferred for group in reconcile(levels, sources)]

    def order(c: Claim) -> tuple[Any, ...]:
        year, month = _recency(c, sources)
        return (-year, -month, preference_key(c, sources), c.id)

    return min(preferred, key=order)


def level(claim: Claim) -> float:
    """The figure a claim states: the middle of a range."""
    if claim.value_max is not None:
        return (claim.value + claim.value_max) / 2
    return claim.value


def _evidence(claim: Claim, regional: bool, note: str = "") -> Evidence:
    return Evidence(
        indicator=claim.indicator,
        value=level(claim),
        unit=claim.unit,
        time=str(claim.time) if claim.time else None,
        qualifier=claim.qualifier,
        source=claim.source_id,
        claim=claim.id,
        regional=regional,
        note=note or (f"figure about {claim.subject}" if regional else ""),
    )


class DyadReader:
    """Finds the evidence for the inputs of one dyad (subject, power)."""

    def __init__(
        self,
        index: _Claims,
        sources: Mapping[str, Source],
        subject: str,
        power: str,
        weights: Weights,
        at: DateLike | None,
    ) -> None:
        self.index, self.sources, self.weights = index, sources, weights
        self.subject, self.power, self.at = subject, power, at

    def find(self, indicator: str, unit: str | None) -> Evidence | None:
        """A figure about S itself, else about S's region, else one derived from two claims."""
        key = (self.power, indicator)
        claim = pick(self.index.direct.get(key, ()), self.sources, unit)
        if claim is not None:
            return _evidence(claim, regional=False)
        claim = pick(self.index.regional.get(key, ()), self.sources, unit)
        if claim is not None:
            return _evidence(claim, regional=True)
        return self._derive(indicator)

    def _derive(self, indicator: str) -> Evidence | None:
        for rule in self.weights.derived:
            if rule.indicator != indicator:
                continue
            top = pick(self.index.direct.get((self.power, rule.numerator), ()), self.sources)
            if top is None:
                continue
            bottom = self._denominator(rule, top)
            if bottom is None or level(bottom) <= 0:
                continue
            value = 100.0 * level(top) / level(bottom)
            note = f"derived: {top.indicator} {top.id} / {bottom.indicator} {bottom.id}"
            return replace(
                _evidence(top, False, note), indicator=indicator, value=value, unit="percent"
            )
        return None

    def _denominator(self, rule: Derivation, top: Claim) -> Claim | None:
        year = claim_year(top, self.sources)
        near = [
            c
            for c in self.index.own.get(rule.denominator, ())
            if c.unit == top.unit
            and year is not None
            and (other := claim_year(c, self.sources)) is not None
            and abs(other - year) <= rule.max_year_gap
        ]
        return pick(near, self.sources)

    def organisations(self, dimension: str) -> Evidence | None:
        """Organisations of this dimension that S and P both fully belong to (or P itself)."""
        when = self.at if self.at is not None else dt.date.today()
        mine = {m.org for m in _memberships(self.subject, when)}
        theirs = {m.org for m in _memberships(self.power, when)} | {self.power}
        shared = sorted(org for org in mine & theirs if organisation(org).dimension == dimension)
        if not shared:
            return None
        kinds = self.weights.organisation_kinds
        value = sum(kinds.get(organisation(org).kind, 0.0) for org in shared)
        note = ", ".join(f"{org} ({organisation(org).kind})" for org in shared)
        when_text = str(when)
        return Evidence(
            ORGANISATIONS, value, "kind weight", when_text, "exact", "reference", None, note=note
        )

    def dimension(self, spec: DimensionSpec) -> DimensionEvidence:
        inputs: dict[str, Evidence] = {}
        for slot in spec.slots:
            if slot.indicator in inputs or slot.indicator == TIES:
                continue
            found = (
                self.organisations(spec.name)
                if slot.indicator == ORGANISATIONS
                else self.find(slot.indicator, slot.unit)
            )
            if found is not None:
                inputs[slot.indicator] = found
        direct, regional, names, present = self._ties(spec.name)
        orgs = inputs.get(ORGANISATIONS) or self.organisations(spec.name)
        if orgs is not None:
            direct, names, present = direct + 1, (*names, ORGANISATIONS), True
        present = present or bool(inputs)
        return DimensionEvidence(inputs, direct, regional, names, present)

    def _ties(self, dimension: str) -> tuple[float, float, tuple[str, ...], bool]:
        """Distinct indicators of the dimension with a non-zero figure (any unit)."""
        direct = regional = 0.0
        names: list[str] = []
        present = False
        for name, spec in sorted(indicators().items()):
            if spec.dimension != dimension or spec.dependence == 0:
                continue
            mine = pick(self.index.direct.get((self.power, name), ()), self.sources)
            area = pick(self.index.regional.get((self.power, name), ()), self.sources)
            present = present or mine is not None or area is not None
            if mine is not None and level(mine) > 0:
                direct += 1
                names.append(name)
            elif area is not None and level(area) > 0:
                regional += 1
                names.append(f"{name} (regional)")
        return direct, regional, tuple(names), present


def _memberships(entity: str, when: DateLike) -> list[Membership]:
    """Full memberships; an entity the reference data cannot place has none."""
    try:
        return [m for m in memberships_of(entity, when) if m.status == "member"]
    except LookupError:
        return []
