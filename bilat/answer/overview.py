"""Overviews ("How are Kazakhstan's relations with Russia?"): a short brief of the dyad.

It says what `bilat brief` says (headline, key figures per dimension, the direction of events,
shared memberships, disagreements), but from bounded reads: `build_brief` reads every claim
and event of the dyad, which takes seconds on a large store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bilat.analyse.reconcile import ClaimGroup
from bilat.answer.closest import compose_closest, compose_passages
from bilat.answer.confidence import Basis
from bilat.answer.context import Context
from bilat.answer.dates import org_name, spell_ref
from bilat.answer.phrasing import (
    capitalise,
    claim_text,
    event_text,
    figure,
    listing,
    name,
    source_name,
    value,
)
from bilat.answer.retrieve import (
    ClaimRow,
    EventSet,
    Survey,
    pair_events,
    partners,
    survey_pair,
    with_regions,
)
from bilat.answer.vocabulary import vocabulary
from bilat.model import Claim, Event
from bilat.ontology import DIMENSIONS, event_types, indicators
from bilat.reference import memberships_of, name_of, organisations
from bilat.report.format import format_time

PER_DIMENSION = 2
GROUP_ROWS = 40  # newest rows of one indicator read in full
STRONGEST_CANDIDATES = 6
RECENT_EVENTS = 5


def _chosen_indicators(rows: Sequence[ClaimRow], a: str, b: str, dimension: str) -> list[str]:
    """The dimension's figures to lead with: direct ones before regional, the vocabulary's key
    indicators first, then the most frequent; levels before changes."""
    mine = [r for r in rows if r.dimension == dimension and r.indicator != "other"]
    order = vocabulary().key_indicators.get(dimension, ())
    frequency = Counter(r.indicator for r in mine)

    def key(name: str) -> tuple[int, int, int, int]:
        of = [r for r in mine if r.indicator == name]
        direct = any({r.subject, r.object} == {a, b} for r in of)
        levels = any(r.qualifier != "change" for r in of)
        position = order.index(name) if name in order else len(order)
        return (int(not direct), int(not levels), position, -frequency[name])

    return sorted(frequency, key=key)[:PER_DIMENSION]


def _rows_for(rows: Sequence[ClaimRow], name: str, a: str, b: str) -> list[ClaimRow]:
    of = [r for r in rows if r.indicator == name]
    direct = [r for r in of if {r.subject, r.object} == {a, b}] or of
    levels = [r for r in direct if r.qualifier != "change"] or direct
    return levels[:GROUP_ROWS]


def _strongest_rows(rows: Sequence[ClaimRow], a: str, b: str) -> list[ClaimRow]:
    """Shares that measure one side's dependence on the other, highest first."""
    specs = indicators()
    shares = [
        r
        for r in rows
        if r.unit == "percent"
        and r.qualifier != "change"
        and r.indicator in specs
        and specs[r.indicator].dependence > 0
        and {r.subject, r.object} == {a, b}
    ]
    top = sorted(shares, key=lambda r: -r.value)[:STRONGEST_CANDIDATES]
    keys = {(r.indicator, r.subject, r.object, r.year) for r in top}
    return [r for r in shares if (r.indicator, r.subject, r.object, r.year) in keys]


def _best(ctx: Context, claims: list[Claim], name: str) -> ClaimGroup | None:
    ranked = ctx.rank(ctx.groups(c for c in claims if c.indicator == name), [name])
    return ranked[0] if ranked else None


def _headline(ctx: Context, survey: Survey, events: EventSet, a: str, b: str) -> str:
    count = f"{survey.total} figure{'s' if survey.total != 1 else ''}"
    regional = [r for r in survey.rows if {r.subject, r.object} != {a, b}]
    if regional:
        places = {x for r in regional for x in (r.subject, r.object) if x not in (a, b, None)}
        more = len(regional) if survey.complete else f"{len(regional)} or more"
        count += f" (and {more} on {listing(sorted(name_of(p) for p in places))} as a whole)"
    n = len(events.events)
    dated = f"{n} dated event{'s' if n != 1 else ''}" if events.complete else f"at least {n} events"
    return f"the knowledge base holds {count} and {dated} on {name(a)} and {name(b)}"


def _events(ctx: Context, events: Sequence[Event]) -> None:
    types = event_types()
    typed = [e for e in events if e.type in types]
    if not typed:
        return
    cooperative = [e for e in typed if types[e.type].quad <= 2]
    conflictual = [e for e in typed if types[e.type].quad >= 3]
    last = typed[-1].date.year
    # The latest third of the record (at least a few events) shows where it is heading.
    recent = typed[-max(RECENT_EVENTS, len(typed) // 3) :]
    text = (
        f"Of {_count(len(typed), 'dated event')} between them, {len(cooperative)} "
        f"{_be(len(cooperative))} cooperation and {len(conflictual)} conflict"
    )
    if len(typed) == 1:
        text = f"The one dated event between them is {'cooperation' if cooperative else 'conflict'}"
    if len(recent) < len(typed):
        warm = sum(1 for e in recent if types[e.type].quad <= 2)
        share, overall = warm / len(recent), len(cooperative) / len(typed)
        turn = "much as over the whole record"
        if share < overall - 0.1:
            turn = "a cooler turn than the record as a whole"
        elif share > overall + 0.1:
            turn = "a warmer turn than the record as a whole"
        first = recent[0].date.year
        period = str(last) if first == last else f"{first}–{last}"
        text += f"; of the latest {len(recent)} ({period}), {warm} {_be(warm, past=True)} "
        text += f"cooperation, {turn}"
    examples = [x for x in (cooperative[-1:] + conflictual[-1:])]
    ctx.writer.say(text, [ctx.evidence.event(e) for e in examples])
    latest = list(reversed(typed[-2:]))
    ctx.writer.say_clauses("Latest: ", [(event_text(e), [ctx.evidence.event(e)]) for e in latest])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _be(n: int, *, past: bool = False) -> str:
    if past:
        return "was" if n == 1 else "were"
    return "is" if n == 1 else "are"


def _memberships(ctx: Context, a: str, b: str) -> None:
    today = ctx.today.isoformat()
    orgs = organisations()
    if b in orgs or a in orgs:
        member, org = (a, b) if b in orgs else (b, a)
        spells = [m for m in memberships_of(member) if m.org == org]
        clauses = [
            (
                f"{m.status} {format_time(m.joined)}"
                + (f" to {format_time(m.left)}" if m.left else " to date"),
                [spell_ref(ctx, m)],
            )
            for m in spells
        ]
        ctx.writer.say_clauses(f"{name_of(member)} in {org_name(org)}: ", clauses)
        return
    current = {
        x: {m.org: m for m in memberships_of(x, today) if m.status == "member"} for x in (a, b)
    }
    shared = sorted(set(current[a]) & set(current[b]))
    if shared:
        in_force = "; ".join(
            f"{org}: {name_of(a)} since {current[a][org].joined}, {name_of(b)} since "
            f"{current[b][org].joined}"
            for org in shared
        )
        ref = ctx.evidence.reference(f"shared:{a}:{b}", f"Memberships in force: {in_force}")
        ctx.writer.say(f"Both are members of {listing(shared)}", [ref])
    left = [
        m
        for x, y in ((a, b), (b, a))
        for m in memberships_of(x)
        if m.left and m.left <= today and m.org in current[y] and m.org not in current[x]
    ]
    ctx.writer.say_clauses(
        "Memberships ended: ",
        [
            (f"{name_of(m.member)} left the {m.org} on {format_time(m.left)}", [spell_ref(ctx, m)])
            for m in left
        ],
    )


def _conflicts(ctx: Context, groups: Sequence[ClaimGroup]) -> None:
    for group in [g for g in groups if g.conflict][:2]:
        lead = group.preferred
        clauses = [
            (f"{value(c)} from {source_name(ctx.book.get(c.source_id))}", [ctx.cite(c)])
            for c in group.claims[:3]
        ]
        head = f"Sources disagree on {figure(lead.indicator, lead.subject, lead.object)}: "
        ctx.writer.say_clauses(head, clauses, joiner=" against ")


def compose_overview(ctx: Context) -> Basis:
    q = ctx.question
    entities = list(q.entities)
    if not entities:
        return compose_passages(ctx, "country or organisation named to describe")
    lead = ""
    if len(entities) == 1:
        found = partners(ctx.store, entities[0])
        if not found:
            return compose_closest(ctx, f"figures on the relations of {name_of(entities[0])}")
        entities.append(found[0][0])
        lead = (
            f"{name_of(entities[1])} is the partner of {name_of(entities[0])} with most figures: "
        )
    a, b = entities[0], entities[1]
    survey = survey_pair(ctx.store, with_regions(a), with_regions(b))
    events = pair_events(ctx.store, a, b)
    chosen = {d: _chosen_indicators(survey.rows, a, b, d) for d in DIMENSIONS}
    wanted = {
        r.id for d, names in chosen.items() for n in names for r in _rows_for(survey.rows, n, a, b)
    }
    strong_rows = _strongest_rows(survey.rows, a, b)
    wanted |= {r.id for r in strong_rows}
    claims = ctx.store.claims(ids=sorted(wanted)) if wanted else []
    key: dict[str, list[ClaimGroup]] = {}
    strong_claims = [c for c in claims if c.id in {r.id for r in strong_rows}]
    strongest = max(ctx.groups(strong_claims), key=lambda g: g.preferred.value, default=None)
    for dimension, names in chosen.items():
        best = [_best(ctx, claims, n) for n in names]
        # the strongest tie leads the answer; it is not repeated under its dimension
        key[dimension] = [
            g for g in best if g is not None and g.key != getattr(strongest, "key", None)
        ]
    if not any(key.values()) and strongest is None and not events.events:
        return compose_closest(ctx, f"evidence on relations between {name_of(a)} and {name_of(b)}")
    headline = capitalise(lead + _headline(ctx, survey, events, a, b))
    if strongest is not None:
        ctx.writer.say(
            f"{headline}; the strongest tie in shares: {claim_text(strongest.preferred)}",
            [ctx.cite(strongest.preferred)],
        )
        headline = ""
    for dimension in DIMENSIONS:
        clauses = [(claim_text(g.preferred), [ctx.cite(g.preferred)]) for g in key[dimension]]
        if clauses:
            head = f"{headline}; {dimension}: " if headline else f"{capitalise(dimension)}: "
            ctx.writer.say_clauses(head, clauses)
            headline = ""
    _events(ctx, events.events)
    _memberships(ctx, a, b)
    all_groups = [g for gs in key.values() for g in gs]
    if strongest is not None:
        all_groups.append(strongest)
    _conflicts(ctx, list({g.key: g for g in all_groups}.values()))
    leads = [g.preferred for g in all_groups]
    return Basis(
        direct=True,
        grades=tuple(ctx.grade(c) for c in leads) or ("B",),
        sources=len({ctx.evidence.item(r).source for r in ctx.writer.cited()}),
        disagreement=any(g.conflict for g in all_groups),
        extracted=bool(leads) and all(c.method != "curated" for c in leads),
        several=True,
    )
