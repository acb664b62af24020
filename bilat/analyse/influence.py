"""The influence index: the leverage of each power over a subject country, with its uncertainty.

After the FBIC index (Pardee Center) and the OECD/JRC handbook on composite indicators: for
every directed dyad (power P over subject S) and dimension, a *bandwidth* component (how many
ties, how big) and a *dependence* component (how much S relies on P) are built from the claims
in the store and the reference memberships, then combined so that no ties or no reliance means
no leverage. A Monte Carlo over the weights, the normalisation and the aggregation gives every
score a band and says whether the ranking of the powers holds. weights.yaml documents every
choice; `--weights FILE` replaces it.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from html import escape
from typing import Any

from bilat.analyse.influence_inputs import (
    ORGANISATIONS,
    TIES,
    DimensionEvidence,
    DyadReader,
    Evidence,
    Slot,
    Weights,
    WeightsError,
    index_claims,
    load_weights,
    parse_weights,
    regions_of,
)
from bilat.model import Claim, Source
from bilat.reference import DateLike
from bilat.report.charts import PALETTE, nice_ticks
from bilat.report.format import display_name
from bilat.store import Store

__all__ = [
    "DimensionScore",
    "InfluenceResult",
    "InputRow",
    "Missing",
    "PowerScore",
    "Weights",
    "WeightsError",
    "influence",
    "influence_chart_svg",
    "influence_of_claims",
    "load_weights",
    "parse_weights",
]


# -- results ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DimensionScore:
    score: float
    low: float
    high: float
    bandwidth: float
    dependence: float


@dataclass(frozen=True, slots=True)
class PowerScore:
    power: str
    total: float
    low: float
    high: float
    dimensions: Mapping[str, DimensionScore | None]  # None: no evidence in the dimension


@dataclass(frozen=True, slots=True)
class Missing:
    """An input of a dimension for which the store has no evidence for the dyad."""

    power: str
    dimension: str
    indicator: str


@dataclass(frozen=True, slots=True)
class InputRow:
    """One input as used for a point score: the explain output."""

    power: str
    dimension: str
    component: str
    indicator: str
    value: float
    unit: str
    time: str | None
    qualifier: str
    source: str | None
    claim: str | None
    regional: bool
    note: str
    normalised: float  # on the fixed scale, after the regional discount
    weight: float
    contribution: float  # what it adds to its component (weight × normalised / Σ weights)


@dataclass(frozen=True, slots=True)
class InfluenceResult:
    subject: str
    ranking: tuple[str, ...]  # powers by total, highest first
    scores: Mapping[str, PowerScore]
    robust: bool
    robust_share: float  # share of runs giving the same order as the point scores
    top_by_dimension: Mapping[str, tuple[str, float]]  # top power, share of runs it stays top
    missing: tuple[Missing, ...]
    inputs: tuple[InputRow, ...]
    weights: str  # the weights file's path, or "default"
    runs: int
    seed: int
    band: tuple[float, float]  # the percentiles of the runs that low and high stand for

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "scores": {p: _power_dict(self.scores[p]) for p in self.ranking},
            "robust": self.robust,
            "robust_share": round(self.robust_share, 4),
            "missing": [asdict(m) for m in self.missing],
            "inputs": [_row_dict(r) for r in self.inputs],
            "weights": self.weights,
        }


def _r(value: float) -> float:
    return round(value, 4)


def _power_dict(score: PowerScore) -> dict[str, Any]:
    dims: dict[str, Any] = {}
    for name, dim in score.dimensions.items():
        dims[name] = None if dim is None else {k: _r(v) for k, v in asdict(dim).items()}
    return {
        "total": _r(score.total),
        "low": _r(score.low),
        "high": _r(score.high),
        "dimensions": dims,
    }


def _row_dict(row: InputRow) -> dict[str, Any]:
    data = asdict(row)
    for key in ("normalised", "weight", "contribution"):
        data[key] = _r(data[key])
    return data


# -- one evaluation of the index --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Draw:
    """The choices of one evaluation: the point scores or one Monte Carlo run."""

    slot_weights: Sequence[float]  # aligned with _Table.entries
    dimension_weights: Mapping[str, float]
    minmax: bool
    geometric: bool
    discount: float


@dataclass(frozen=True, slots=True)
class _Entry:
    """One input slot with each power's transformed value (direct, regional); None = missing."""

    slot: Slot
    cells: tuple[tuple[float, float] | None, ...]  # aligned with _Table.powers
    peak: float  # the largest transformed value among the powers, for min-max


@dataclass(frozen=True, slots=True)
class _Table:
    powers: tuple[str, ...]
    dimensions: tuple[str, ...]
    entries: tuple[_Entry, ...]
    present: Mapping[tuple[str, str], bool]  # (power, dimension) has any evidence


def _entry(slot: Slot, evidence: Sequence[DimensionEvidence]) -> _Entry:
    cells: list[tuple[float, float] | None] = []
    for dim in evidence:
        if slot.indicator == TIES:
            cells.append((dim.ties_direct, dim.ties_regional))
            continue
        found = dim.inputs.get(slot.indicator)
        if found is None:
            cells.append(None)
            continue
        amount = slot.scale.transform(found.value)
        cells.append((0.0, amount) if found.regional else (amount, 0.0))
    peak = max((max(c) for c in cells if c is not None), default=0.0)
    return _Entry(slot, tuple(cells), peak)


def _build_table(
    weights: Weights, powers: Sequence[str], evidence: Mapping[str, Mapping[str, DimensionEvidence]]
) -> _Table:
    entries: list[_Entry] = []
    for spec in weights.dimensions:
        per_power = [evidence[p][spec.name] for p in powers]
        entries.extend(_entry(slot, per_power) for slot in spec.slots)
    present = {(p, d.name): evidence[p][d.name].present for p in powers for d in weights.dimensions}
    names = tuple(d.name for d in weights.dimensions)
    return _Table(tuple(powers), names, tuple(entries), present)


def _normalised(entry: _Entry, cell: tuple[float, float], draw: _Draw, peak: float) -> float:
    """An input on 0..1; a regional figure is discounted (for ties: the count, before scaling)."""
    direct, regional = cell
    full = peak if draw.minmax else entry.slot.scale.full
    if full <= 0:
        return 0.0
    if entry.slot.indicator == TIES:
        return min((direct + draw.discount * regional) / full, 1.0)
    return min(direct / full, 1.0) + draw.discount * min(regional / full, 1.0)


def _ties_peak(entry: _Entry, draw: _Draw) -> float:
    counts = [d + draw.discount * r for d, r in (c for c in entry.cells if c is not None)]
    return max(counts, default=0.0)


Evaluation = dict[str, tuple[float, dict[str, tuple[float, float, float] | None]]]


def _evaluate(table: _Table, draw: _Draw) -> Evaluation:
    """Total and per dimension (score, bandwidth, dependence) for every power."""
    n = len(table.powers)
    sums = {(d, c): [0.0] * n for d in table.dimensions for c in ("bandwidth", "dependence")}
    norms = dict.fromkeys(sums, 0.0)
    for entry, weight in zip(table.entries, draw.slot_weights, strict=True):
        key = (entry.slot.dimension, entry.slot.component)
        norms[key] += weight
        peak = _ties_peak(entry, draw) if entry.slot.indicator == TIES else entry.peak
        row = sums[key]
        for i, cell in enumerate(entry.cells):
            if cell is not None:
                row[i] += weight * _normalised(entry, cell, draw, peak)
    out: Evaluation = {}
    for i, power in enumerate(table.powers):
        dims: dict[str, tuple[float, float, float] | None] = {}
        for d in table.dimensions:
            if not table.present[(power, d)]:
                dims[d] = None
                continue
            b = _mean(sums[(d, "bandwidth")][i], norms[(d, "bandwidth")])
            e = _mean(sums[(d, "dependence")][i], norms[(d, "dependence")])
            dims[d] = (math.sqrt(b * e) if draw.geometric else (b + e) / 2, b, e)
        out[power] = (_total(dims, draw.dimension_weights), dims)
    return out


def _mean(total: float, weight: float) -> float:
    return total / weight if weight > 0 else 0.0


def _total(
    dims: Mapping[str, tuple[float, float, float] | None], weights: Mapping[str, float]
) -> float:
    """Weighted mean over every dimension; one without evidence adds nothing (reported)."""
    norm = sum(weights.values())
    if norm <= 0:
        return 0.0
    return sum(weights[d] * v[0] for d, v in dims.items() if v is not None) / norm


# -- Monte Carlo ------------------------------------------------------------------------------


def _point_draw(weights: Weights, table: _Table) -> _Draw:
    return _Draw(
        slot_weights=[e.slot.weight for e in table.entries],
        dimension_weights={d.name: d.weight for d in weights.dimensions},
        minmax=False,
        geometric=weights.aggregation == "geometric",
        discount=weights.regional_discount,
    )


def _random_draw(weights: Weights, point: _Draw, rng: random.Random) -> _Draw:
    mc = weights.monte_carlo
    low, high = mc.weight_factor
    return _Draw(
        slot_weights=[w * rng.uniform(low, high) for w in point.slot_weights],
        dimension_weights={
            d: w * rng.uniform(low, high) for d, w in point.dimension_weights.items()
        },
        minmax=rng.random() < mc.normalisation["minmax"],
        geometric=rng.random() < mc.aggregation["geometric"],
        discount=rng.uniform(*mc.regional_discount),
    )


def _rank(values: Mapping[str, float]) -> tuple[str, ...]:
    """Highest first; ties broken by id so the order never depends on input order."""
    return tuple(sorted(values, key=lambda p: (-values[p], p)))


def _top(evaluation: Evaluation, dimension: str) -> str | None:
    scored = {p: v[1][dimension] for p, v in evaluation.items()}
    values = {p: s[0] for p, s in scored.items() if s is not None}
    if not values or max(values.values()) <= 0:
        return None
    return _rank(values)[0]


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (q in 0..100)."""
    if not sorted_values:
        return math.nan
    position = (len(sorted_values) - 1) * q / 100.0
    lower = math.floor(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    fraction = position - lower
    return sorted_values[lower] * (1 - fraction) + sorted_values[upper] * fraction


@dataclass(slots=True)
class _Runs:
    """What the Monte Carlo runs gave."""

    totals: dict[str, list[float]]
    dimensions: dict[tuple[str, str], list[float]]
    same_order: int
    same_top: Counter[str]


def _simulate(weights: Weights, table: _Table, point: Evaluation, runs: int, seed: int) -> _Runs:
    rng = random.Random(seed)
    base = _point_draw(weights, table)
    order = _rank({p: v[0] for p, v in point.items()})
    tops = {d: _top(point, d) for d in table.dimensions}
    out = _Runs({p: [] for p in table.powers}, {}, 0, Counter())
    for _ in range(runs):
        result = _evaluate(table, _random_draw(weights, base, rng))
        out.same_order += _rank({p: v[0] for p, v in result.items()}) == order
        for power, (total, dims) in result.items():
            out.totals[power].append(total)
            for d, value in dims.items():
                if value is not None:
                    out.dimensions.setdefault((power, d), []).append(value[0])
        for d, top in tops.items():
            if top is not None and _top(result, d) == top:
                out.same_top[d] += 1
    return out


def _band(point: float, values: list[float], band: tuple[float, float]) -> tuple[float, float]:
    """The band percentiles of the runs, widened to hold the point score."""
    if not values:
        return point, point
    values.sort()
    low, high = _percentile(values, band[0]), _percentile(values, band[1])
    return min(low, point), max(high, point)


# -- putting it together ----------------------------------------------------------------------


def influence(
    store: Store,
    subject: str,
    powers: Sequence[str],
    *,
    weights: Weights | None = None,
    runs: int = 1000,
    seed: int = 7,
    at: DateLike | None = None,
) -> InfluenceResult:
    """The influence index of each power over `subject` from the claims in the store.

    Subject and powers are ids (KAZ, RUS, EU). `at` dates the memberships (default: today)
    and leaves out figures about later years.
    """
    claims: dict[str, Claim] = {c.id: c for c in store.claims(subject=subject)}
    for power in powers:
        for claim in store.claims(subject=power, object=subject):  # symmetric figures
            claims[claim.id] = claim
        for area in regions_of(subject):
            claims.update((c.id, c) for c in store.claims(pair=(area, power)))
    sources = store.source_map()
    return influence_of_claims(
        claims.values(), sources, subject, powers, weights=weights, runs=runs, seed=seed, at=at
    )


def influence_of_claims(
    claims: Iterable[Claim],
    sources: Mapping[str, Source],
    subject: str,
    powers: Sequence[str],
    *,
    weights: Weights | None = None,
    runs: int = 1000,
    seed: int = 7,
    at: DateLike | None = None,
) -> InfluenceResult:
    """The index from claims already in hand (what `influence` does after reading the store)."""
    chosen = weights or load_weights()
    powers = _check_powers(subject, powers)
    if runs < 1:
        raise ValueError("runs must be at least 1")
    index = index_claims(claims, sources, subject, powers, at)
    evidence = {
        p: {
            d.name: DyadReader(index, sources, subject, p, chosen, at).dimension(d)
            for d in chosen.dimensions
        }
        for p in powers
    }
    table = _build_table(chosen, powers, evidence)
    point = _evaluate(table, _point_draw(chosen, table))
    simulated = _simulate(chosen, table, point, runs, seed)
    ranking = _rank({p: v[0] for p, v in point.items()})
    share = simulated.same_order / runs
    tops = {
        d: (top, simulated.same_top[d] / runs)
        for d in table.dimensions
        if (top := _top(point, d)) is not None
    }
    return InfluenceResult(
        subject=subject,
        ranking=ranking,
        scores={p: _power_score(p, point[p], simulated, chosen) for p in ranking},
        robust=share >= chosen.monte_carlo.robust_share,
        robust_share=share,
        top_by_dimension=tops,
        missing=_missing(chosen, ranking, evidence),
        inputs=_explain(chosen, table, ranking, evidence),
        weights=chosen.origin,
        runs=runs,
        seed=seed,
        band=chosen.monte_carlo.band,
    )


def _check_powers(subject: str, powers: Sequence[str]) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(powers))
    if not unique:
        raise ValueError("give at least one power to compare")
    if subject in unique:
        raise ValueError(f"{subject} cannot be both the subject and a power")
    return unique


def _power_score(
    power: str,
    point: tuple[float, dict[str, tuple[float, float, float] | None]],
    runs: _Runs,
    weights: Weights,
) -> PowerScore:
    band = weights.monte_carlo.band
    total, dims = point
    low, high = _band(total, runs.totals[power], band)
    scored: dict[str, DimensionScore | None] = {}
    for name, value in dims.items():
        if value is None:
            scored[name] = None
            continue
        d_low, d_high = _band(value[0], runs.dimensions.get((power, name), []), band)
        scored[name] = DimensionScore(value[0], d_low, d_high, value[1], value[2])
    return PowerScore(power, total, low, high, scored)


def _missing(
    weights: Weights,
    ranking: Sequence[str],
    evidence: Mapping[str, Mapping[str, DimensionEvidence]],
) -> tuple[Missing, ...]:
    out: list[Missing] = []
    for power in ranking:
        for spec in weights.dimensions:
            found = evidence[power][spec.name].inputs
            names = dict.fromkeys(
                s.indicator for s in spec.slots if s.indicator not in (TIES, ORGANISATIONS)
            )
            out.extend(Missing(power, spec.name, n) for n in names if n not in found)
    return tuple(out)


def _explain(
    weights: Weights,
    table: _Table,
    ranking: Sequence[str],
    evidence: Mapping[str, Mapping[str, DimensionEvidence]],
) -> tuple[InputRow, ...]:
    draw = _point_draw(weights, table)
    norms: dict[tuple[str, str], float] = defaultdict(float)
    for entry in table.entries:
        norms[(entry.slot.dimension, entry.slot.component)] += entry.slot.weight
    rows: list[InputRow] = []
    for power in ranking:
        i = table.powers.index(power)
        for entry in table.entries:
            cell = entry.cells[i]
            if cell is None or (entry.slot.indicator == TIES and sum(cell) == 0):
                continue
            value = _normalised(entry, cell, draw, entry.peak)
            norm = norms[(entry.slot.dimension, entry.slot.component)]
            rows.append(_row(power, entry.slot, evidence[power][entry.slot.dimension], value, norm))
    return tuple(rows)


def _row(power: str, slot: Slot, dim: DimensionEvidence, value: float, norm: float) -> InputRow:
    found = _ties_evidence(dim) if slot.indicator == TIES else dim.inputs[slot.indicator]
    return InputRow(
        power=power,
        dimension=slot.dimension,
        component=slot.component,
        indicator=slot.indicator,
        value=found.value,
        unit=found.unit,
        time=found.time,
        qualifier=found.qualifier,
        source=found.source,
        claim=found.claim,
        regional=found.regional,
        note=found.note,
        normalised=value,
        weight=slot.weight,
        contribution=slot.weight * value / norm if norm > 0 else 0.0,
    )


def _ties_evidence(dim: DimensionEvidence) -> Evidence:
    """The tie count as an input row: which indicators it counted, none with a single source."""
    count = dim.ties_direct + dim.ties_regional
    note = ", ".join(dim.tie_names)
    return Evidence(TIES, count, "count", None, "exact", None, None, dim.ties_regional > 0, note)


# -- chart ------------------------------------------------------------------------------------

_WIDTH, _LEFT_MIN, _RIGHT, _BAR, _GAP, _TOP = 640, 80, 90, 18, 10, 40
_FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""


def _x(value: float, left: float, right: float, high: float) -> str:
    return f"{left + value / high * (right - left):.1f}"


def influence_chart_svg(result: InfluenceResult, names: Mapping[str, str]) -> str:
    """Horizontal bars of the total scores, with the Monte Carlo band as a whisker.

    The axis runs from 0 to at least 1 (the scale's maximum) so charts of different subjects
    compare at a glance. Deterministic output, inline SVG like bilat.report.charts.
    """
    subject = display_name(result.subject, names)
    title = f"Influence over {subject}: total score with its {_band_label(result)} band"
    labels = {p: display_name(p, names) for p in result.ranking}
    left = max(_LEFT_MIN, max((len(t) for t in labels.values()), default=0) * 7 + 16)
    right = _WIDTH - _RIGHT
    ticks = nice_ticks(0.0, max([1.0, *(s.high for s in result.scores.values())]))
    high = ticks[-1]
    bottom = _TOP + len(result.ranking) * (_BAR + _GAP)
    height = bottom + 30
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(title)}" {_FONT} font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="{left}" y="18" font-size="14" font-weight="600" fill="#1f2933">'
        f"{escape(title)}</text>",
    ]
    for tick in ticks:
        x = _x(tick, left, right, high)
        parts.append(
            f'<line x1="{x}" y1="{_TOP - 4}" x2="{x}" y2="{bottom}" stroke="#e5e7eb"/>'
            f'<text x="{x}" y="{bottom + 16}" text-anchor="middle" fill="#4b5563">{tick:g}</text>'
        )
    for index, power in enumerate(result.ranking):
        parts.append(_bar(result.scores[power], labels[power], index, left, right, high))
    parts.append("</svg>")
    return "\n".join(parts)


def _band_label(result: InfluenceResult) -> str:
    low, high = result.band
    return f"{low:g}–{high:g}%"


def _bar(score: PowerScore, label: str, index: int, left: float, right: float, high: float) -> str:
    y = _TOP + index * (_BAR + _GAP)
    mid = y + _BAR / 2
    colour = PALETTE[index % len(PALETTE)]
    width = max(float(_x(score.total, left, right, high)) - left, 1.0)
    lo, hi = _x(score.low, left, right, high), _x(score.high, left, right, high)
    tip = f"{label}: {score.total:.2f} ({score.low:.2f}–{score.high:.2f})"
    return (
        f'<g class="bar" data-key="{escape(score.power)}">'
        f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" fill="#1f2933">{escape(label)}</text>'
        f'<rect x="{left}" y="{y}" width="{width:.1f}" height="{_BAR}" rx="2" fill="{colour}">'
        f"<title>{escape(tip)}</title></rect>"
        f'<line class="band" x1="{lo}" y1="{mid:.1f}" x2="{hi}" y2="{mid:.1f}" stroke="#1f2933" '
        f'stroke-width="1.5"/>'
        f'<line x1="{lo}" y1="{y + 4}" x2="{lo}" y2="{y + _BAR - 4}" stroke="#1f2933"/>'
        f'<line x1="{hi}" y1="{y + 4}" x2="{hi}" y2="{y + _BAR - 4}" stroke="#1f2933"/>'
        f'<text x="{float(hi) + 6:.1f}" y="{y + 13}" fill="#4b5563">{score.total:.2f}</text>'
        "</g>"
    )
