"""Date questions ("When did Uzbekistan leave the CSTO?"): from the membership spells and
founding dates of the reference data, and from the dated events in the store."""

from __future__ import annotations

from collections.abc import Sequence

from bilat.answer.cite import Ref
from bilat.answer.closest import compose_closest
from bilat.answer.confidence import Basis
from bilat.answer.context import Context
from bilat.answer.phrasing import capitalise, event_text, listing
from bilat.answer.retrieve import find_events, pair_events
from bilat.answer.vocabulary import Action, vocabulary
from bilat.model import Event
from bilat.reference import Membership, memberships_of, name_of, organisation, organisations
from bilat.report.format import format_time

MAX_EVENTS = 4
_ORDINALS = ("", "again ", "a third time ", "a fourth time ")


def org_name(org: str) -> str:
    """ "the Collective Security Treaty Organization (CSTO)"."""
    return f"the {organisation(org).name} ({org})"


def spell_ref(ctx: Context, spell: Membership) -> Ref:
    """A membership spell of the reference data as evidence."""
    left = f" until {spell.left}" if spell.left else ""
    note = f" ({spell.note})" if spell.note else ""
    text = (
        f"{name_of(spell.member)}: {spell.status} of {organisation(spell.org).name} "
        f"from {spell.joined}{left}{note}"
    )
    return ctx.evidence.reference(f"{spell.org}:{spell.member}:{spell.joined}", text)


def _on(day: str) -> str:
    text = format_time(day)
    return f"on {text}" if len(day) == 10 else f"in {text}"


def _membership_sentence(ctx: Context, action: Action, member: str, org: str) -> set[int]:
    """ "X left the Y twice: on … and again on … [1][2]."; the years it dates."""
    spells = [m for m in memberships_of(member) if m.org == org]
    what = "left" if action.membership == "left" else "joined"
    today = ctx.today.isoformat()
    dated: list[tuple[Membership, str]] = []
    for m in spells:
        day = m.left if what == "left" else m.joined
        if day and day <= today:
            dated.append((m, day))
    if not dated:
        if spells and what == "left":
            since = min(m.joined for m in spells)
            text = f"{name_of(member)} has not left {org_name(org)}: it has been in it since "
            ctx.writer.say(text + format_time(since), [spell_ref(ctx, m) for m in spells])
        return set()
    times = ["twice" if len(dated) == 2 else f"{len(dated)} times"] if len(dated) > 1 else []
    dates = [f"{_ORDINALS[min(i, 3)]}{_on(d)}" for i, (_, d) in enumerate(dated)]
    head = f"{name_of(member)} {what} {org_name(org)}" + (f" {times[0]}:" if times else "")
    ctx.writer.say(f"{head} {listing(dates)}", [spell_ref(ctx, m) for m, _ in dated])
    rejoined = [m for m in spells[1:] if what == "left"]
    if rejoined:
        text = "It rejoined " + listing([_on(m.joined) for m in rejoined])
        ctx.writer.say(text, [spell_ref(ctx, m) for m in rejoined])
    return {int(d[:4]) for _, d in dated}


def _founded_sentence(ctx: Context, org: str) -> set[int]:
    found = organisation(org)
    text = f"{found.name} ({org}): founded {found.founded}. {found.note}".strip()
    ref = ctx.evidence.reference(f"{org}:founded", text)
    ctx.writer.say(f"{capitalise(org_name(org))} was founded {_on(found.founded)}", [ref])
    return {int(found.founded[:4])}


def _events(ctx: Context, subtypes: Sequence[str] | None) -> list[Event]:
    q = ctx.question
    entities = q.entities
    if not entities:
        return []
    if len(entities) >= 2:
        found = pair_events(ctx.store, entities[0], entities[1], subtypes=subtypes).events
    else:
        found = find_events(ctx.store, [entities[0]], subtypes=subtypes).events
    events = [e for e in found if _time_fits(ctx, e)]
    if q.people:  # "When did Putin visit …": the events that name the person, if any
        named = [e for e in events if any(_names(e, p) for p in q.people)]
        events = named or events
    # The events that share most words with the question ("military treaty") come first.
    scores = {e.id: _overlap(e, q.words) for e in events}
    best = max(scores.values(), default=0)
    return [e for e in events if scores[e.id] == best] if best else events


def _overlap(event: Event, words: Sequence[str]) -> int:
    text = f"{event.summary} {event.sentence or ''}".lower()
    # a shared stem of five letters will do: "militar" in "military", "sign" in "signed"
    return sum(1 for w in words if len(w) > 3 and w[:5] in text)


def _names(event: Event, person: str) -> bool:
    text = f"{event.summary} {event.sentence or ''}".lower()
    return person.lower().split()[-1] in text


def _time_fits(ctx: Context, event: Event) -> bool:
    q = ctx.question
    if q.time is None or q.time_relation in (None, "latest"):
        return True
    year, asked = event.date.year, q.time
    if q.time_relation == "since":
        return year >= int(asked.start[:4])
    if q.time_relation == "until":
        return year <= asked.year
    return int(asked.start[:4]) <= year <= asked.year


def compose_date(ctx: Context) -> Basis:
    q = ctx.question
    action = next((a for a in vocabulary().actions if a.name == q.action), None)
    members = [e for e in q.entities if e not in organisations()]
    dated: set[int] = set()
    if action is not None and action.membership:
        for org in q.organisations:
            for member in members:
                dated |= _membership_sentence(ctx, action, member, org)
    if action is not None and action.founded and not members:
        for org in q.organisations:
            dated |= _founded_sentence(ctx, org)
    from_reference = not ctx.writer.empty
    events = _events(ctx, action.subtypes if action else None)
    if from_reference:
        events = [e for e in events if e.date.year in dated] or events
    shown = events[:MAX_EVENTS] if from_reference else events[-MAX_EVENTS:]
    unnamed = bool(q.people) and not any(_names(e, p) for e in shown for p in q.people)
    lead = "The sources record it: " if from_reference else "Dated events on record: "
    if unnamed:
        lead = f"No recorded event names {listing(list(q.people))}; the events on record: "
    ctx.writer.say_clauses(lead, [(event_text(e), [ctx.evidence.event(e)]) for e in shown])
    if from_reference:
        ctx.writer.say(
            "Membership dates are bilat reference data (general knowledge, graded B), not a "
            "figure from an ingested source",
            [r for r in ctx.writer.cited() if ctx.evidence.item(r).kind == "reference"][:1],
        )
    if ctx.writer.empty:
        what = f"date for this ({q.action or 'event'})" if q.action else "dated event on this"
        return compose_closest(ctx, what, indicators=q.indicators)
    sources = {ctx.evidence.item(r).source for r in ctx.writer.cited()}
    grades = tuple(ctx.evidence.item(r).grade for r in ctx.writer.cited()[:1])
    matched = [e for e in shown if e.date.year in dated] if from_reference else shown
    return Basis(
        direct=not unnamed,
        grades=grades,
        sources=len(sources) if matched or not from_reference else 1,
        extracted=not from_reference and all(e.method != "curated" for e in shown),
        missing=f"no recorded event names {listing(list(q.people))}" if unnamed else "",
    )
