"""List questions ("Who has troops in Kyrgyzstan?", "Which organisations does X belong to?"):
the parties the figures name, the members of an organisation, or the events of a kind."""

from __future__ import annotations

from collections.abc import Sequence

from bilat.analyse.reconcile import ClaimGroup, values_agree
from bilat.answer.cite import Ref
from bilat.answer.closest import compose_closest, compose_passages
from bilat.answer.confidence import Basis
from bilat.answer.context import Context
from bilat.answer.dates import org_name, spell_ref
from bilat.answer.phrasing import capitalise, event_text, listing, measure, value, when
from bilat.answer.retrieve import find_claims, find_events, scope_of, with_regions
from bilat.answer.vocabulary import vocabulary
from bilat.model import Event
from bilat.reference import members_of, memberships_of, name_of, organisations, regions
from bilat.report.format import format_time

MAX_PARTIES = 6
MAX_EVENTS = 4
PER_PARTY = 3


def _group_refs(ctx: Context, group: ClaimGroup) -> list[Ref]:
    """The preferred claim and those agreeing with it."""
    lead = group.preferred
    return [ctx.cite(c) for c in group.claims if c is lead or values_agree(lead, c)]


def _claim_list(ctx: Context, entity: str) -> Basis | None:
    q, store = ctx.question, ctx.store
    names = q.indicators
    side = q.side(entity, names[0])
    scope = scope_of(entity)
    fixed = "object" if side == "object" else "subject"
    if fixed == "subject":
        claims = find_claims(store, indicators=names, subjects=scope)
        if not claims and side is None:
            fixed, claims = "object", find_claims(store, indicators=names, objects=scope)
    else:
        claims = find_claims(store, indicators=names, objects=scope)
    if not claims and fixed == "subject":  # figures on the region the country belongs to
        claims = find_claims(store, indicators=names, subjects=with_regions(entity)[1:])
    claims = [c for c in claims if c.qualifier != "change"]
    by_party: dict[str, list[ClaimGroup]] = {}
    for group in ctx.rank(ctx.groups(claims), names):
        p = group.preferred
        party = p.object if fixed == "subject" else p.subject
        if party is not None:
            by_party.setdefault(party, []).append(group)
    if not by_party:
        return None
    parties = list(by_party)[:MAX_PARTIES]
    leads = [by_party[p][0] for p in parties]
    topic = measure(names[0], entity) if fixed == "subject" else names[0].replace("_", " ")
    ctx.writer.say(
        f"The evidence names {listing([name_of(p) for p in parties])} for {topic}",
        [ctx.cite(g.preferred) for g in leads],
    )
    for party in parties:
        shown: dict[tuple[str, str | None], ClaimGroup] = {}
        for group in by_party[party]:
            shown.setdefault((group.preferred.indicator, group.preferred.subject), group)
        clauses = [
            (
                f"{measure(g.preferred.indicator, g.preferred.subject)}, {value(g.preferred)} "
                f"({when(g.preferred)})",
                _group_refs(ctx, g),
            )
            for g in list(shown.values())[:PER_PARTY]
        ]
        ctx.writer.say_clauses(f"{name_of(party)}: ", clauses)
    _related_events(ctx, entity, names[0])
    lead_claims = [g.preferred for g in leads]
    cited = {c.source_id for g in leads for c in g.claims if values_agree(g.preferred, c)}
    return Basis(
        direct=True,
        grades=tuple(ctx.grade(c) for c in lead_claims),
        sources=len(cited),
        disagreement=any(g.conflict for g in leads),
        extracted=any(c.method != "curated" for c in lead_claims),
        several=len(lead_claims) > 1,
    )


def _related_events(ctx: Context, entity: str, indicator: str) -> None:
    subtypes = vocabulary().related_events.get(indicator)
    if not subtypes:
        return
    events = find_events(ctx.store, [entity], subtypes=subtypes).events[-MAX_EVENTS:]
    ctx.writer.say_clauses(
        "Related events: ", [(event_text(e), [ctx.evidence.event(e)]) for e in reversed(events)]
    )


def _memberships(ctx: Context, entity: str) -> Basis:
    today = ctx.today.isoformat()
    current = memberships_of(entity, today)
    clauses: list[tuple[str, Sequence[Ref]]] = [
        (f"{org_name(m.org)}, {m.status} since {format_time(m.joined)}", [spell_ref(ctx, m)])
        for m in current
    ]
    count = len({m.org for m in current})
    ctx.writer.say_clauses(f"{name_of(entity)} belongs to {count} organisations: ", clauses)
    past = [m for m in memberships_of(entity) if m.left and m.left <= today]
    ctx.writer.say_clauses(
        "It has left ",
        [
            (
                f"{org_name(m.org)} ({format_time(m.joined)} to {format_time(m.left or '')})",
                [spell_ref(ctx, m)],
            )
            for m in past
        ],
    )
    return _reference_basis(ctx)


def _members(ctx: Context, org: str, within: Sequence[str]) -> Basis:
    today = ctx.today.isoformat()
    spells = members_of(org, today, status=None)
    if within:
        scope = {m for r in within for m in scope_of(r)}
        spells = [m for m in spells if m.member in scope]
    clauses: list[tuple[str, Sequence[Ref]]] = [
        (f"{name_of(m.member)} ({m.status} since {format_time(m.joined)})", [spell_ref(ctx, m)])
        for m in spells
    ]
    full = len({m.member for m in spells if m.status == "member"})
    ctx.writer.say_clauses(
        f"{capitalise(org_name(org))} has {full} full members{' among them' if within else ''}: ",
        clauses,
    )
    return _reference_basis(ctx)


def _reference_basis(ctx: Context) -> Basis:
    if ctx.writer.empty:
        return compose_closest(ctx, "membership on record for this")
    return Basis(
        direct=True,
        grades=("B",),
        sources=1,
        caveat="from bilat reference data (general knowledge), not an ingested source",
    )


def _event_list(ctx: Context, entity: str) -> Basis | None:
    q = ctx.question
    action = next((a for a in vocabulary().actions if a.name == q.action), None)
    if action is None:
        return None
    events: list[Event] = list(find_events(ctx.store, [entity], subtypes=action.subtypes).events)
    if not events:
        return None
    shown = events[-MAX_EVENTS * 2 :]
    others = [a for e in shown for a in e.actors if a != entity]
    ctx.writer.say(
        f"Counterparts of {name_of(entity)} in these events: "
        + listing([name_of(a) for a in dict.fromkeys(others)]),
        [ctx.evidence.event(e) for e in shown],
    )
    ctx.writer.say_clauses(
        "On record: ", [(event_text(e), [ctx.evidence.event(e)]) for e in reversed(shown)]
    )
    return Basis(
        direct=True,
        grades=tuple(ctx.evidence.item(ctx.evidence.event(e)).grade for e in shown),
        sources=len({e.source_id for e in shown}),
        extracted=all(e.method != "curated" for e in shown),
    )


def compose_list(ctx: Context) -> Basis:
    q = ctx.question
    places = [e for e in q.entities if e not in organisations()]
    if q.indicators and places:
        found = _claim_list(ctx, places[0])
        if found is not None:
            return found
        missing = f"figure on {measure(q.indicators[0], places[0])}"
        return compose_closest(ctx, missing, indicators=q.indicators)
    if q.asks_organisations and places:
        return _memberships(ctx, places[0])
    if q.organisations:
        return _members(ctx, q.organisations[0], [p for p in places if p in regions()] or places)
    if places:
        found = _event_list(ctx, places[0])
        if found is not None:
            return found
    return compose_passages(ctx, "figure or event that answers this directly")
