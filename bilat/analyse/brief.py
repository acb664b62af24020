"""The brief of a dyad: what the store knows about how two countries relate.

`build_brief` returns a plain, JSON-able dict (the contract in docs/brief.md) that every
renderer in `bilat.report` draws from, so the terminal, Markdown, HTML and JSON outputs
always say the same thing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from bilat.analyse.reconcile import ClaimGroup, reconcile
from bilat.model import Claim, Event, Source, source_entry
from bilat.ontology import DIMENSIONS, event_types, indicators
from bilat.reference import memberships_of, name_of, organisation, regions
from bilat.report.format import describe_claim, format_time
from bilat.store import Store

# Figures that make a good chart: how a country's ties split between partners over time.
SERIES_INDICATORS = (
    "trade_share",
    "trade_volume",
    "remittances",
    "remittances_gdp_share",
    "investment",
    "external_debt_share",
)
MAX_SERIES = 2
MAX_LINES = 4


class _Citations:
    """Numbers sources in the order the brief first cites them."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self._sources = sources
        self.order: list[str] = []

    def cite(self, source_id: str) -> int:
        if source_id not in self.order:
            self.order.append(source_id)
        return self.order.index(source_id) + 1

    def listing(self) -> list[dict[str, Any]]:
        return [
            {"n": n, **source_entry(source_id, self._sources.get(source_id))}
            for n, source_id in enumerate(self.order, start=1)
        ]


def claim_dict(claim: Claim, cite: int) -> dict[str, Any]:
    spec = indicators().get(claim.indicator)
    return {
        "id": claim.id,
        "indicator": claim.indicator,
        "label": spec.label if spec else claim.indicator,
        "dimension": spec.dimension if spec else None,
        "subject": claim.subject,
        "object": claim.object,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "time": str(claim.time) if claim.time else None,
        "source": claim.source_id,
        "cite": cite,
        "summary": claim.summary,
        "sentence": claim.sentence,
        "locator": claim.locator,
        "method": claim.method,
        "rank": claim.rank,
        "rank_reason": claim.rank_reason,
        "confidence": claim.confidence,
    }


def event_dict(event: Event, cite: int) -> dict[str, Any]:
    kind = event_types().get(event.type)
    return {
        "id": event.id,
        "date": str(event.date),
        "type": event.type,
        "quad": kind.quad if kind else None,
        "quad_label": kind.quad_label if kind else None,
        "subtype": event.subtype,
        "actors": list(event.actors),
        "summary": event.summary,
        "sentence": event.sentence,
        "locator": event.locator,
        "source": event.source_id,
        "cite": cite,
    }


def _ranked(groups: Iterable[ClaimGroup]) -> list[Claim]:
    """The claims of every group with the rank reconciliation gives them."""
    out: list[Claim] = []
    for group in groups:
        for position, claim in enumerate(group.claims):
            if claim.rank == "deprecated":
                pass  # an analyst's word stands
            elif position == 0 and len(group.claims) > 1:
                claim.rank, claim.rank_reason = "preferred", group.reason
            elif position > 0 and group.conflict:
                claim.rank = "normal"
                claim.rank_reason = f"disagrees with the preferred figure ({group.reason})"
            out.append(claim)
    return out


def _indicator_order(claim: Claim) -> tuple[int, str, str, str]:
    names = list(indicators())
    index = names.index(claim.indicator) if claim.indicator in names else len(names)
    return (index, claim.subject or "", claim.object or "", str(claim.time or ""))


def _org_ids(entity: str, at: str | None) -> set[str]:
    return {m.org for m in memberships_of(entity, at)}


def _regions_of(entity: str) -> list[str]:
    return [r.id for r in regions().values() if entity in r.members]


def _pair_claims(store: Store, a: str, b: str) -> list[Claim]:
    """Claims between the two, and claims about a region one belongs to (Central Asia's arms
    imports from Russia speak of Kazakhstan too); the regional ones keep their region id."""
    found = store.claims(pair=(a, b))
    for one, other in ((a, b), (b, a)):
        for region_id in _regions_of(one):
            found.extend(store.claims(pair=(region_id, other)))
    return found


def _pair_events(store: Store, a: str, b: str) -> list[Event]:
    """Events between the two, and events where one deals with a body the other belongs to
    (Kyrgyzstan joining a union Russia leads); a crowded event needs both sides named."""
    direct = {e.id: e for e in store.events(all_of=[a, b])}
    for one, other in ((a, b), (b, a)):
        for event in store.events(actors=[one, *_regions_of(one)]):
            if event.id in direct or len(event.actors) != 2:
                continue
            if (_org_ids(other, event.date.start) | {other}) & set(event.actors):
                direct[event.id] = event
    return sorted(direct.values(), key=lambda e: (e.date.start, e.id))


def _memberships(a: str, b: str, today: str) -> dict[str, Any]:
    current = {x: {m.org: m for m in memberships_of(x, today)} for x in (a, b)}
    shared = [
        {
            "org": org,
            "name": organisation(org).name,
            "since": {x: current[x][org].joined for x in (a, b)},
        }
        for org in sorted(set(current[a]) & set(current[b]))
    ]
    only = {
        x: [
            {
                "org": org,
                "name": organisation(org).name,
                "since": current[x][org].joined,
                "status": current[x][org].status,
            }
            for org in sorted(set(current[x]) - set(current[y]))
        ]
        for x, y in ((a, b), (b, a))
    }
    past = [
        {
            "org": m.org,
            "name": organisation(m.org).name,
            "member": x,
            "joined": m.joined,
            "left": m.left,
        }
        for x in (a, b)
        for m in memberships_of(x)
        if m.left and m.left <= today
    ]
    return {"shared": shared, "only": only, "past": sorted(past, key=lambda p: p["left"])}


def _series(store: Store, a: str, b: str, sources: Mapping[str, Source]) -> list[dict[str, Any]]:
    """Charts of how a side's ties split between the partner and its rivals."""
    out: list[dict[str, Any]] = []
    for subject, partner in ((a, b), (b, a)):
        for name in SERIES_INDICATORS:
            claims = [
                c
                for c in store.claims(subject=subject, indicator=name)
                if c.object and c.time and c.qualifier != "change"
            ]
            if not any(c.object == partner for c in claims):
                continue
            points: dict[str, dict[int, Claim]] = defaultdict(dict)
            for group in reconcile(claims, sources):
                best = group.preferred
                assert best.object is not None and best.time is not None
                points[best.object].setdefault(best.time.year, best)
            partners = sorted(points, key=lambda o: (o != partner, -len(points[o]), o))
            lines = {
                o: [[year, points[o][year].value] for year in sorted(points[o])]
                for o in partners[:MAX_LINES]
            }
            if sum(len(v) for v in lines.values()) < 2:
                continue
            unit = claims[0].unit
            label = indicators()[name].label
            out.append({"title": f"{label}: {name_of(subject)}", "unit": unit, "lines": lines})
            if len(out) == MAX_SERIES:
                return out
    return out


def _headline(
    a: str,
    b: str,
    claims: list[Claim],
    events: list[Event],
    conflict_count: int,
    sources: Mapping[str, Source],
    cites: _Citations,
) -> list[str]:
    names = {x: name_of(x) for c in claims for x in (c.subject, c.object) if x}
    used = {c.source_id for c in claims} | {e.source_id for e in events}
    years = sorted(sources[s].year or 0 for s in used if s in sources and sources[s].year)
    span = f", published {years[0]}–{years[-1]}" if years and years[0] != years[-1] else ""
    plural = "s" if len(used) != 1 else ""
    lines = [
        f"The knowledge base holds {len(claims)} figures and {len(events)} dated events on "
        f"{name_of(a)} and {name_of(b)} from {len(used)} source{plural}{span}."
    ]
    per_dimension = Counter(indicators()[c.indicator].dimension for c in claims)
    ranked = [(d, n) for d, n in per_dimension.most_common() if d]
    if ranked:
        parts = ", ".join(f"{d} ({n})" for d, n in ranked[:3])
        lines.append(f"Most figures concern {parts}.")
    dependence = [
        c
        for c in claims
        if c.unit == "percent"
        and c.qualifier != "change"
        and c.rank != "deprecated"
        and indicators()[c.indicator].dependence > 0
        and c.object is not None
    ]
    dependence.sort(key=lambda c: (-c.value, str(c.time)))
    seen: set[tuple[str, str | None]] = set()
    strongest = []
    for claim in dependence:
        if (claim.indicator, claim.subject) in seen:
            continue
        seen.add((claim.indicator, claim.subject))
        strongest.append(describe_claim(claim_dict(claim, cites.cite(claim.source_id)), names))
        if len(strongest) == 3:
            break
    if strongest:
        lines.append("The strongest ties in shares: " + "; ".join(strongest) + ".")
    if events:
        quads = Counter(event_types()[e.type].quad for e in events if e.type in event_types())
        cooperative, conflictual = quads[1] + quads[2], quads[3] + quads[4]
        latest = events[-1]
        lines.append(
            f"Of the dated events, {cooperative} are cooperation and {conflictual} conflict; "
            f"the latest ({format_time(str(latest.date))}): {latest.summary.rstrip('.')} "
            f"[{cites.cite(latest.source_id)}]."
        )
    if conflict_count:
        lines.append(
            f"{conflict_count} figure{'s' if conflict_count > 1 else ''} disagree between "
            "sources; both sides are shown under Conflicts."
        )
    return lines


def build_brief(store: Store, a: str, b: str, *, today: date | None = None) -> dict[str, Any]:
    """Everything the store knows about the dyad (a, b), as the brief contract."""
    day = (today or date.today()).isoformat()
    sources = store.source_map()
    cites = _Citations(sources)
    groups = reconcile(_pair_claims(store, a, b), sources)
    claims = sorted(_ranked(groups), key=_indicator_order)
    events = _pair_events(store, a, b)
    conflict_groups = [g for g in groups if g.conflict]

    headline = (
        _headline(a, b, claims, events, len(conflict_groups), sources, cites)
        if claims or events
        else [f"No evidence in the knowledge base about relations between {name_of(a)} and "
              f"{name_of(b)}."]
    )  # fmt: skip
    dimensions: dict[str, list[dict[str, Any]]] = {d: [] for d in DIMENSIONS}
    for claim in claims:
        dimension = indicators()[claim.indicator].dimension
        if dimension in dimensions:
            dimensions[dimension].append(claim_dict(claim, cites.cite(claim.source_id)))
    event_rows = [event_dict(e, cites.cite(e.source_id)) for e in events]
    conflict_rows = [
        {
            "indicator": g.key[0],
            "label": indicators()[g.key[0]].label,
            "subject": g.key[1],
            "object": g.key[2],
            "time": g.key[3],
            "claims": [claim_dict(c, cites.cite(c.source_id)) for c in g.claims],
            "spread": round(g.spread, 3),
            "reason": g.reason,
        }
        for g in conflict_groups
    ]
    series = _series(store, a, b, sources)
    ids = {a, b} | {c.subject for c in claims if c.subject} | {c.object for c in claims if c.object}
    ids |= {actor for e in events for actor in e.actors}
    for s in series:
        ids |= set(s["lines"])
    return {
        "pair": [a, b],
        "names": {i: name_of(i) for i in sorted(ids)},
        "generated": day,
        "evidence": bool(claims or events),
        "headline": headline,
        "dimensions": dimensions,
        "events": event_rows,
        "memberships": _memberships(a, b, day),
        "conflicts": conflict_rows,
        "sources": cites.listing(),
        "series": series,
    }
