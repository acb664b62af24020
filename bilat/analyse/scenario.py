"""What-if scenarios: a shock to a tie with a partner, carried through the claims to each
affected country's exposure.

A scenario (YAML) states shocks such as "remittances from RUS fall by 50%". Each tie is
measured by indicators (remittances: the amount received and its share of GDP); the impact
on a country is the level in the evidence times the relative change, e.g. a remittance share
of GDP of 30.4% times −50% is −15.2 points of GDP. Every impact names the claims it used
and the assumptions made; where the evidence disagrees (conflicting sources, neighbouring
years, undated figures) the impact carries a low–high range across it. A country without
evidence is reported as missing, never as a zero impact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from bilat.analyse.reconcile import ClaimGroup, reconcile
from bilat.errors import DataError
from bilat.model import Claim, Source
from bilat.ontology import indicators
from bilat.reference import UnknownEntityError, countries, name_of, resolve
from bilat.report.format import MINUS, format_time, format_value
from bilat.store import Store

TIES = ("remittances", "trade", "oil_transit", "gas_exports", "investment", "aid", "sanctions")
SANCTION_TIES: tuple[str, ...] = ("trade", "remittances", "oil_transit")  # the default union
RANGE_YEARS = 2  # figures up to this many years before the chosen one widen the range
BUILTIN_PACKAGE = "bilat.analyse"
BUILTIN_DIR = "scenarios"

SCENARIO_KEYS = {"name", "description", "shocks"}
SHOCK_KEYS = {"tie", "from", "to", "change", "year", "ties"}


class ScenarioError(DataError):
    """A scenario file that cannot be read or says something bilat cannot apply."""


@dataclass(frozen=True, slots=True)
class Measure:
    """How a tie shows in the claims: one indicator and what a change in it means."""

    tie: str
    indicator: str
    measure: str  # what the impact's number is
    unit: str | None  # the impact's unit; None: the claim's own (a currency, bcm)
    flow: bool  # a yearly amount: only figures for one calendar year compare


MEASURES: tuple[Measure, ...] = (
    Measure("remittances", "remittances", "remittances received", None, True),
    Measure("remittances", "remittances_gdp_share", "share of GDP", "percent of GDP", False),
    Measure("trade", "trade_share", "share of total trade", "percent of total trade", False),
    Measure("trade", "trade_volume", "bilateral trade", None, True),
    Measure(
        "oil_transit", "oil_transit_share", "share of oil exports", "percent of oil exports", False
    ),
    Measure("gas_exports", "gas_exports", "gas exports", None, True),
    Measure("investment", "investment", "investment received", None, True),
    Measure(
        "investment",
        "investment_share",
        "share of foreign investment",
        "percent of foreign investment",
        False,
    ),
    Measure("aid", "aid", "aid received", None, True),
)


# How a shock to each tie reads in a sentence.
TIE_PHRASES = {
    "remittances": "Remittances from {p}",
    "trade": "Trade with {p}",
    "oil_transit": "Oil transit through {p}",
    "gas_exports": "Gas exports to {p}",
    "investment": "Investment from {p}",
    "aid": "Aid from {p}",
}


def measures_of(tie: str) -> list[Measure]:
    return [m for m in MEASURES if m.tie == tie]


# -- the scenario -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shock:
    tie: str
    partner: str  # the object of the claims: sender, partner, transit country
    subjects: tuple[str, ...] | None  # None: every subject with evidence
    change: float  # relative: -0.5 is a fall by half
    year: int | None = None  # use the evidence nearest this year; None: the latest
    cause: str | None = None  # "sanctions" for a tie shocked as part of sanctions

    def describe(self) -> str:
        who = "every country with evidence" if self.subjects is None else _names(self.subjects)
        when = f", applied to the levels nearest {self.year}" if self.year else ""
        why = f" (part of {self.cause})" if self.cause else ""
        what = TIE_PHRASES.get(self.tie, self.tie).format(p=name_of(self.partner))
        size = f"{self.change * 100:+g}%".replace("-", MINUS)
        how = f"stops ({size})" if self.change == -1 else size
        return f"{what}: {how}, for {who}{when}{why}."


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    description: str
    shocks: tuple[Shock, ...]


def _names(ids: Iterable[str]) -> str:
    return ", ".join(name_of(i) for i in ids)


class _Reader:
    """Reads a parsed scenario, naming the file and key in every complaint."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, key: str, message: str) -> ScenarioError:
        return ScenarioError(f"[E110] scenario {self.origin}: {key}: {message}")

    def keys(self, data: object, allowed: set[str], required: set[str], key: str) -> None:
        if not isinstance(data, Mapping):
            raise self.fail(key, f"expected a mapping, got {type(data).__name__}")
        unknown = sorted(set(map(str, data)) - allowed)
        if unknown:
            raise self.fail(key, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
        absent = sorted(required - set(data))
        if absent:
            raise self.fail(key, f"missing required key(s) {absent}")

    def text(self, value: object, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "expected a non-empty text")
        return " ".join(value.split())

    def entity(self, value: object, key: str) -> str:
        if not isinstance(value, str):
            raise self.fail(key, f"expected a country code or name, got {value!r}")
        try:
            return resolve(value)
        except UnknownEntityError as exc:
            raise self.fail(key, str(exc)) from None

    def change(self, value: object, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"expected a relative change such as -0.5, got {value!r}")
        if value < -1:
            raise self.fail(key, f"{value} would fall by more than 100%; -1 means it stops")
        return float(value)

    def year(self, value: object, key: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1800 <= value <= 2200:
            raise self.fail(key, f"expected a year such as 2015, got {value!r}")
        return value

    def subjects(self, value: object, key: str) -> tuple[str, ...] | None:
        if value is None or value == "all":
            return None
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise self.fail(key, f'expected "all" or a list of countries, got {value!r}')
        return tuple(dict.fromkeys(self.entity(v, f"{key}[{i}]") for i, v in enumerate(items)))

    def tie(self, value: object, key: str, *, allow_sanctions: bool = True) -> str:
        allowed = TIES if allow_sanctions else tuple(t for t in TIES if t != "sanctions")
        if value not in allowed:
            raise self.fail(key, f"unknown tie {value!r}; expected one of {', '.join(allowed)}")
        return str(value)

    def shock(self, data: object, key: str) -> list[Shock]:
        self.keys(data, SHOCK_KEYS, {"tie", "from"}, key)
        assert isinstance(data, Mapping)
        tie = self.tie(data["tie"], f"{key}.tie")
        if "ties" in data and tie != "sanctions":
            raise self.fail(f"{key}.ties", "only a sanctions shock lists the ties it cuts")
        base = Shock(
            tie=tie,
            partner=self.entity(data["from"], f"{key}.from"),
            subjects=self.subjects(data.get("to"), f"{key}.to"),
            change=0.0,
            year=self.year(data.get("year"), f"{key}.year"),
        )
        if tie != "sanctions":
            if "change" not in data:
                raise self.fail(key, "missing required key(s) ['change']")
            return [replace(base, change=self.change(data["change"], f"{key}.change"))]
        return self.sanctions(data, base, key)

    def sanctions(self, data: Mapping[Any, Any], base: Shock, key: str) -> list[Shock]:
        """Sanctions are the union of the ties they cut: `ties` lists them (all with the one
        `change`) or maps each to its own change."""
        ties = data.get("ties", list(SANCTION_TIES))
        if isinstance(ties, Mapping):
            changes = {
                self.tie(t, f"{key}.ties", allow_sanctions=False): self.change(c, f"{key}.ties.{t}")
                for t, c in ties.items()
            }
        elif isinstance(ties, list) and ties:
            if "change" not in data:
                raise self.fail(key, "missing required key(s) ['change']")
            change = self.change(data["change"], f"{key}.change")
            changes = {
                self.tie(t, f"{key}.ties[{i}]", allow_sanctions=False): change
                for i, t in enumerate(ties)
            }
        else:
            raise self.fail(f"{key}.ties", f"expected a list or mapping of ties, got {ties!r}")
        return [replace(base, tie=t, change=c, cause="sanctions") for t, c in changes.items()]

    def scenario(self, data: object) -> Scenario:
        self.keys(data, SCENARIO_KEYS, {"name", "shocks"}, "top level")
        assert isinstance(data, Mapping)
        shocks = data["shocks"]
        if not isinstance(shocks, list) or not shocks:
            raise self.fail("shocks", "expected a non-empty list of shocks")
        description = data.get("description")
        return Scenario(
            name=self.text(data["name"], "name"),
            description="" if description is None else self.text(description, "description"),
            shocks=tuple(
                s for i, item in enumerate(shocks) for s in self.shock(item, f"shocks[{i}]")
            ),
        )


def parse_scenario(data: object, origin: str = "<scenario>") -> Scenario:
    """A scenario from parsed YAML; ScenarioError (E110) names the key that is wrong."""
    return _Reader(origin).scenario(data)


def _parse_text(text: str, origin: str) -> Scenario:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ScenarioError(f"[E110] scenario {origin}: not valid YAML: {exc}") from exc
    return parse_scenario(data, origin)


def load_scenario(path: str | Path) -> Scenario:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"[E110] scenario {file}: cannot be read: {exc.strerror}") from exc
    return _parse_text(text, str(file))


def _builtin_files() -> dict[str, Traversable]:
    folder = resources.files(BUILTIN_PACKAGE).joinpath(BUILTIN_DIR)
    return {
        f.name.removesuffix(".yaml"): f
        for f in sorted(folder.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".yaml")
    }


def builtin_names() -> list[str]:
    return list(_builtin_files())


def load_builtin(name: str) -> Scenario:
    files = _builtin_files()
    if name not in files:
        raise ScenarioError(
            f"[E111] no built-in scenario {name!r}; built-ins: {', '.join(files) or 'none'}"
        )
    return _parse_text(files[name].read_text(encoding="utf-8"), f"built-in {name}")


def builtin_scenarios() -> list[Scenario]:
    return [load_builtin(name) for name in builtin_names()]


# -- the result -------------------------------------------------------------------------------


@dataclass(slots=True)
class Impact:
    country: str
    tie: str
    partner: str
    measure: str
    indicator: str
    change: float
    value: float
    low: float
    high: float
    unit: str
    evidence: list[dict[str, Any]]
    assumptions: list[str]
    cause: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "tie": self.tie,
            "partner": self.partner,
            "measure": self.measure,
            "indicator": self.indicator,
            "change": self.change,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "cause": self.cause,
            "evidence": self.evidence,
            "assumptions": self.assumptions,
        }


@dataclass(frozen=True, slots=True)
class Missing:
    country: str | None  # None: no country at all has evidence for the tie
    tie: str
    partner: str
    measure: str
    indicator: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "tie": self.tie,
            "partner": self.partner,
            "measure": self.measure,
            "indicator": self.indicator,
            "reason": self.reason,
        }


@dataclass(slots=True)
class ScenarioResult:
    scenario: Scenario
    assumptions: list[str]
    impacts: list[Impact]
    missing: list[Missing]
    sources: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.name,
            "description": self.scenario.description,
            "shocks": [s.describe() for s in self.scenario.shocks],
            "assumptions": self.assumptions,
            "impacts": [i.to_dict() for i in self.impacts],
            "missing": [m.to_dict() for m in self.missing],
            "sources": self.sources,
        }


# -- choosing the evidence --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Selection:
    """The claims behind one impact: the preferred one, and those that span its range."""

    preferred: Claim
    pool: tuple[Claim, ...]  # preferred first
    notes: tuple[str, ...]


def _is_annual(claim: Claim) -> bool:
    return claim.time is not None and claim.time.end is None and claim.time.precision == "year"


def level_claims(store: Store, indicator: str, subject: str, partner: str) -> list[Claim]:
    """Levels (not changes) of the indicator for subject from partner; analyst-rejected
    claims left out. A symmetric indicator is read from either side."""
    spec = indicators().get(indicator)
    if spec is not None and spec.symmetric:
        found = store.claims(pair=(subject, partner), indicator=indicator)
    else:
        found = store.claims(subject=subject, object=partner, indicator=indicator)
    return [c for c in found if c.qualifier != "change" and c.rank != "deprecated"]


def _comparable(claims: list[Claim], measure: Measure) -> tuple[list[Claim], list[str]]:
    """For yearly amounts, only figures for one calendar year: a quarter or a multi-year sum
    is not a year's flow. With no yearly figure at all, the others are used and said so."""
    if not measure.flow:
        return claims, []
    annual = [c for c in claims if _is_annual(c)]
    others = [c for c in claims if not _is_annual(c)]
    if not annual:
        times = ", ".join(sorted({format_time(str(c.time) if c.time else None) for c in others}))
        return others, [f"no figure for a single year; the figure for {times} is used as is"]
    if others:
        times = ", ".join(sorted({format_time(str(c.time) if c.time else None) for c in others}))
        return annual, [f"figures for other periods ({times}) left out"]
    return annual, []


def _group_year(group: ClaimGroup) -> int | None:
    time = group.preferred.time
    return time.year if time is not None else None


def _choose(dated: list[ClaimGroup], year: int | None) -> ClaimGroup:
    """The latest figure, or the one nearest the year asked (the earlier one on a tie: the
    level before a shock is the baseline it acts on)."""
    if year is None:
        return max(dated, key=lambda g: (_group_year(g) or 0, -len(g.key[3] or "")))
    return min(dated, key=lambda g: (abs((_group_year(g) or 0) - year), _group_year(g) or 0))


def select_evidence(
    claims: list[Claim], measure: Measure, sources: Mapping[str, Source], year: int | None
) -> Selection | None:
    usable, notes = _comparable(claims, measure)
    if not usable:
        return None
    groups = reconcile(usable, sources)
    dated = [g for g in groups if g.key[3] is not None]
    undated = [g for g in groups if g.key[3] is None]
    chosen = _choose(dated, year) if dated else undated[0]
    chosen_year = _group_year(chosen)
    pool = list(chosen.claims)
    for group in dated:
        group_year = _group_year(group)
        if group is chosen or chosen_year is None or group_year is None:
            continue
        if chosen_year - RANGE_YEARS <= group_year <= chosen_year:
            pool.extend(group.claims)
    if dated and undated:
        pool.extend(c for g in undated for c in g.claims)  # an undated figure may be current
        notes.append("undated figures widen the range")
    unit = chosen.preferred.unit
    kept = [c for c in pool if c.unit == unit]
    if len(kept) < len(pool):
        notes.append(f"figures in units other than {unit} left out of the range")
    return Selection(chosen.preferred, tuple(kept), tuple(notes))


# -- computing an impact ----------------------------------------------------------------------


def _tidy(value: float) -> float:
    """Six significant digits: enough for a scenario, and free of float noise."""
    return float(f"{value:.6g}")


def _central(claim: Claim) -> float:
    """A range claim ("1–2 million") counts at its midpoint."""
    return claim.value if claim.value_max is None else (claim.value + claim.value_max) / 2


def _evidence_row(claim: Claim, role: str) -> dict[str, Any]:
    return {
        "claim": claim.id,
        "indicator": claim.indicator,
        "subject": claim.subject,
        "object": claim.object,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "time": str(claim.time) if claim.time else None,
        "source": claim.source_id,
        "role": role,
        "summary": claim.summary,
        "sentence": claim.sentence,
    }


_QUALIFIER_NOTES = {
    "at_least": "is a lower bound",
    "at_most": "is an upper bound",
}


def _assumptions(shock: Shock, measure: Measure, selection: Selection) -> list[str]:
    best = selection.preferred
    spec = indicators().get(measure.indicator)
    label = spec.label.replace("the partner", name_of(shock.partner)) if spec else ""
    figure = format_value(best.value, best.unit, best.value_max, best.qualifier)
    when = f"the {format_time(str(best.time))}" if best.time else "an undated"
    out = [f"{label or measure.indicator} taken as {when} figure ({figure}, {best.source_id})"]
    if shock.year is not None and best.time is not None and best.time.year != shock.year:
        off = abs(best.time.year - shock.year)
        out[0] += f", the nearest to {shock.year} ({off} year{'s' if off > 1 else ''} off)"
    for claim in selection.pool:
        note = _QUALIFIER_NOTES.get(claim.qualifier)
        if note:
            shown = format_value(claim.value, claim.unit, claim.value_max, claim.qualifier)
            out.append(f"the figure {shown} ({claim.source_id}) {note}")
    if best.value_max is not None:
        out.append("a range figure counts at its midpoint")
    if measure.unit is not None:
        whole = measure.unit.removeprefix("percent of ")
        out.append(
            f"the size of {whole} held fixed: the impact is the share times the change, "
            "in percentage points"
        )
    out.extend(selection.notes)
    return out


def impact_of(shock: Shock, measure: Measure, country: str, selection: Selection) -> Impact:
    values = [v for c in selection.pool for v in (c.value, c.value_max) if v is not None]
    scaled = sorted(v * shock.change for v in values)
    value = _central(selection.preferred) * shock.change
    evidence = [
        _evidence_row(c, "preferred" if i == 0 else "range") for i, c in enumerate(selection.pool)
    ]
    return Impact(
        country=country,
        tie=shock.tie,
        partner=shock.partner,
        measure=measure.measure,
        indicator=measure.indicator,
        change=shock.change,
        value=_tidy(value),
        low=_tidy(min(scaled[0], value)),
        high=_tidy(max(scaled[-1], value)),
        unit=measure.unit or selection.preferred.unit,
        evidence=evidence,
        assumptions=_assumptions(shock, measure, selection),
        cause=shock.cause,
    )


def _is_country(entity: str | None) -> bool:
    """Regions and organisations are left out of "all": a regional total cannot be split
    among its members, and would count them twice."""
    return entity is not None and entity in countries()


def subjects_with_evidence(store: Store, shock: Shock) -> tuple[list[str], list[str]]:
    """The countries with any level of the tie's indicators from the partner, and the
    regions or organisations skipped."""
    found: set[str] = set()
    for m in measures_of(shock.tie):
        found |= _subjects_from(store, m.indicator, shock.partner)
    countries_found = sorted(x for x in found if _is_country(x) and x != shock.partner)
    skipped = sorted(x for x in found if not _is_country(x))
    return countries_found, skipped


def _subjects_from(store: Store, indicator: str, partner: str) -> set[str]:
    """Who has a level of the indicator from the partner (either side if symmetric)."""
    spec = indicators().get(indicator)
    found = {
        c.subject
        for c in store.claims(object=partner, indicator=indicator)
        if c.qualifier != "change" and c.subject
    }
    if spec is not None and spec.symmetric:
        found |= {
            c.object
            for c in store.claims(subject=partner, indicator=indicator)
            if c.qualifier != "change" and c.object
        }
    return found


def _targets(store: Store, shock: Shock) -> tuple[list[str], list[str]]:
    """The countries a shock reaches, and notes on what "all" left out."""
    if shock.subjects is not None:
        return list(shock.subjects), []
    subjects, skipped = subjects_with_evidence(store, shock)
    if not skipped:
        return subjects, []
    return subjects, [
        f"figures for {_names(skipped)} as a whole are not split among members and are "
        f"left out of the {shock.tie.replace('_', ' ')} shock"
    ]


def _missing(shock: Shock, measure: Measure, country: str | None) -> Missing:
    whom = f"for {country}" if country else "for any country"
    reason = f"no {measure.indicator} figure {whom} from {shock.partner}"
    return Missing(country, shock.tie, shock.partner, measure.measure, measure.indicator, reason)


def _run_shock(
    store: Store, shock: Shock, sources: Mapping[str, Source]
) -> tuple[list[Impact], list[Missing], list[str]]:
    subjects, notes = _targets(store, shock)
    impacts: list[Impact] = []
    missing: list[Missing] = []
    for measure in measures_of(shock.tie):
        if not subjects:
            missing.append(_missing(shock, measure, None))
        for country in subjects:
            claims = level_claims(store, measure.indicator, country, shock.partner)
            selection = select_evidence(claims, measure, sources, shock.year)
            if selection is None:
                missing.append(_missing(shock, measure, country))
            else:
                impacts.append(impact_of(shock, measure, country, selection))
    return impacts, missing, notes


def _sources(impacts: Iterable[Impact], known: Mapping[str, Source]) -> list[dict[str, Any]]:
    cited = dict.fromkeys(e["source"] for i in impacts for e in i.evidence)
    out = []
    for source_id in cited:
        s = known.get(source_id)
        out.append(
            {
                "id": source_id,
                "title": s.title if s else source_id,
                "year": s.year if s else None,
                "grade": s.grade if s else "F",
                "citation": s.citation() if s else source_id,
            }
        )
    return out


GENERAL_ASSUMPTIONS = (
    "Each change is applied to the level in the evidence, one tie at a time; no second-round "
    "effects (on GDP, exchange rates, prices, re-routing or other partners stepping in) are "
    "modelled.",
    "Money is in the currency of the evidence, at current prices of the year cited.",
    "Where the evidence disagrees, low and high span every figure considered; the value is "
    "computed from the preferred figure.",
)


def run_scenario(store: Store, spec: Scenario | Mapping[str, Any]) -> ScenarioResult:
    """Carry the scenario's shocks through the claims in the store."""
    scenario = spec if isinstance(spec, Scenario) else parse_scenario(spec)
    sources = store.source_map()
    assumptions = [s.describe() for s in scenario.shocks] + list(GENERAL_ASSUMPTIONS)
    impacts: list[Impact] = []
    missing: list[Missing] = []
    for shock in scenario.shocks:
        found, lacking, notes = _run_shock(store, shock, sources)
        impacts += found
        missing += lacking
        assumptions += [n[0].upper() + n[1:] + "." for n in notes]
    return ScenarioResult(scenario, assumptions, impacts, missing, _sources(impacts, sources))


def names_in(result: ScenarioResult) -> dict[str, str]:
    ids = {i.country for i in result.impacts} | {i.partner for i in result.impacts}
    ids |= {m.country for m in result.missing if m.country} | {m.partner for m in result.missing}
    return {i: name_of(i) for i in sorted(ids)}
