"""Comparisons ("Is China or Russia the bigger trade partner of Turkmenistan?"): who leads and
by how much, like with like (one indicator, the same year where the evidence allows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.analyse.reconcile import ClaimGroup
from bilat.answer.closest import compose_closest
from bilat.answer.confidence import Basis
from bilat.answer.context import Context
from bilat.answer.phrasing import capitalise, claim_text, listing, measure, value, when
from bilat.answer.retrieve import find_claims, scope_of
from bilat.answer.vocabulary import vocabulary
from bilat.model import Claim
from bilat.reference import name_of
from bilat.report.format import format_number

MAX_PARTNERS = 4
PER_SIDE = 3
_DEFAULT = ("trade_share", "trade_volume")


@dataclass(frozen=True, slots=True)
class Match:
    """One indicator's figures for the sides weighed, leader first."""

    indicator: str
    anchor: str | None
    figures: tuple[tuple[str, ClaimGroup], ...]  # (side, group), leader first
    same_year: bool

    @property
    def leader(self) -> str:
        return self.figures[0][0]

    def claims(self) -> list[Claim]:
        return [g.preferred for _, g in self.figures]


def _party(claim: Claim, anchor: str | None) -> str | None:
    if anchor is None:
        return claim.subject
    return claim.object if claim.subject == anchor else claim.subject


def _claims(ctx: Context, indicator: str, sides: Sequence[str], anchor: str | None) -> list[Claim]:
    store, q = ctx.store, ctx.question
    if anchor is None:
        return find_claims(store, indicators=[indicator], subjects=sides)
    if not sides:  # every partner of the anchor, on the side its words give
        if q.side(anchor, indicator) == "object":
            return find_claims(store, indicators=[indicator], objects=[anchor])
        return find_claims(store, indicators=[indicator], subjects=[anchor])
    claims = find_claims(store, indicators=[indicator], pair=([anchor], sides))
    want = "object" if q.side(anchor, indicator) == "object" else "subject"
    kept = [c for c in claims if (c.subject if want == "subject" else c.object) == anchor]
    return kept or claims


def _match(ctx: Context, indicator: str, sides: Sequence[str], anchor: str | None) -> Match | None:
    claims = [c for c in _claims(ctx, indicator, sides, anchor) if c.qualifier != "change"]
    by_side: dict[str, list[ClaimGroup]] = {}
    for group in ctx.rank(ctx.groups(claims), [indicator]):
        party = _party(group.preferred, anchor)
        if party and (not sides or party in sides):
            by_side.setdefault(party, []).append(group)
    present = list(by_side)
    if len(present) < 2:
        return None
    # Like with like: the same time where every side has one (a year, not a quarter against a
    # year), else the same year, else each side's best figure.
    times = set.intersection(*[{str(g.preferred.time) for g in by_side[s]} for s in present])
    times.discard("None")
    years = set.intersection(
        *[{g.preferred.time.year for g in by_side[s] if g.preferred.time} for s in present]
    )
    chosen: dict[str, ClaimGroup] = {}
    for side in present:
        groups = by_side[side]
        if times:
            time = _common_time(ctx, times)
            groups = [g for g in groups if str(g.preferred.time) == time]
        elif years:
            year = _common_year(ctx, years)
            groups = [g for g in groups if g.preferred.time and g.preferred.time.year == year]
        chosen[side] = groups[0]
    units = {g.preferred.unit for g in chosen.values()}
    if len(units) > 1:
        return None
    lower_leads = units == {"rank"}
    ordered = sorted(
        chosen.items(),
        key=lambda item: item[1].preferred.value if lower_leads else -item[1].preferred.value,
    )[:MAX_PARTNERS]
    same_year = len({when(g.preferred) for _, g in ordered}) == 1
    return Match(indicator, anchor, tuple(ordered), same_year)


def _common_time(ctx: Context, times: set[str]) -> str:
    by_year = {str(t): int(str(t).split("/")[-1][:4]) for t in times}
    year = _common_year(ctx, set(by_year.values()))
    return min(t for t, y in by_year.items() if y == year)


def _common_year(ctx: Context, years: set[int]) -> int:
    q = ctx.question
    if q.time is not None and q.time_relation == "point":
        return min(years, key=lambda y: (abs(y - q.time.year) if q.time else 0, -y))
    return max(years)


def _lead_sentence(ctx: Context, match: Match) -> None:
    (leader, top), *rest = match.figures
    lead = top.preferred
    if match.anchor is None:
        head = f"{name_of(leader)} leads: {claim_text(lead)}"
        against = [claim_text(g.preferred) for _, g in rest]
    else:
        head = f"{name_of(leader)} leads on {measure(match.indicator, match.anchor)}: "
        head += f"{value(lead)} in {when(lead)}"
        against = [
            f"{value(g.preferred)} for {name_of(side)}"
            + ("" if match.same_year else f" in {when(g.preferred)}")
            for side, g in rest
        ]
    text = f"{head} against {listing(against)}"
    if not match.same_year:
        text += " (the years differ)"
    ctx.writer.say(text, [ctx.cite(c) for c in match.claims()])


def _gap_sentence(ctx: Context, match: Match) -> None:
    if len(match.figures) != 2:
        return
    first, second = (g.preferred for _, g in match.figures)
    if first.unit == "rank" or {first.qualifier, second.qualifier} - {"exact", "approx"}:
        return
    parts = []
    if first.unit == "percent":
        parts.append(f"{format_number(first.value - second.value)} percentage points")
    if second.value > 0:
        ratio = first.value / second.value
        parts.append(f"{format_number(round(ratio, 1))} times {name_of(match.figures[1][0])}'s")
    if parts:
        text = f"The gap: {name_of(match.leader)}'s figure is " + ", or ".join(
            p if "times" in p else f"{p} higher" for p in parts
        )
        ctx.writer.say(text, [ctx.cite(c) for c in match.claims()])


def _second_opinion(ctx: Context, match: Match, other: Match) -> bool:
    """Another indicator on the same sides: does it point the same way?"""
    same = other.leader == match.leader
    figures = [f"{value(g.preferred)} for {name_of(s)}" for s, g in other.figures]
    years = {when(g.preferred) for _, g in other.figures}
    span = f" ({years.pop()})" if len(years) == 1 else ""
    head = capitalise(measure(other.indicator, other.anchor)) if other.anchor else "Another figure"
    text = f"{head} points {'the same way' if same else 'the other way'}: "
    text += listing(figures) + span
    ctx.writer.say(text, [ctx.cite(c) for c in other.claims()])
    return same


def _partial(ctx: Context, names: Sequence[str], sides: Sequence[str], anchor: str) -> Basis | None:
    """No like-for-like figures: show what there is (one side only, or figures for single
    states of a region), and say so."""
    scope = scope_of(anchor)
    for name in names:
        claims = find_claims(ctx.store, indicators=[name], pair=(scope, sides))
        by_side: dict[str, list[ClaimGroup]] = {}
        for group in ctx.rank(ctx.groups(c for c in claims if c.qualifier != "change"), [name]):
            p = group.preferred
            party = p.object if p.subject in scope else p.subject
            if party is not None and party in sides:
                by_side.setdefault(party, []).append(group)
        if not by_side:
            continue
        found = [s for s in sides if s in by_side]
        clauses = [
            (claim_text(g.preferred), [ctx.cite(g.preferred)])
            for side in found
            for g in by_side[side][:PER_SIDE]
        ]
        what = measure(name, anchor)
        if len(found) < len(sides):
            why = f"figures on {what} exist for {listing([name_of(s) for s in found])} only"
        else:
            why = f"the figures on {what} are for single states, not for {name_of(anchor)}"
        ctx.writer.say_clauses(f"No like-for-like comparison is possible: {why}: ", clauses)
        return Basis(direct=False, missing=why)
    return None


def compose_comparison(ctx: Context) -> Basis:
    q = ctx.question
    names = q.indicators or vocabulary().key_indicators.get(q.dimension or "", ()) or _DEFAULT
    sides = list(q.alternatives)
    anchors = [e for e in q.entities if e not in sides]
    anchor = anchors[0] if anchors else None
    if anchor is None and len(sides) < 2:
        return compose_closest(ctx, "figures to compare", indicators=names)
    matches = [m for m in (_match(ctx, n, sides, anchor) for n in names) if m is not None]
    if not matches and anchor is not None and sides:
        partial = _partial(ctx, names, sides, anchor)
        if partial is not None:
            return partial
    if not matches:
        who = (
            listing([name_of(s) for s in sides])
            if sides
            else f"the partners of {name_of(anchor or '')}"
        )
        what = measure(names[0], anchor) if anchor else names[0].replace("_", " ")
        return compose_closest(ctx, f"comparable figures on {what} for {who}", indicators=names)
    lead = matches[0]
    _lead_sentence(ctx, lead)
    _gap_sentence(ctx, lead)
    agreeing = {c.source_id for c in lead.claims()}
    caveats = [] if lead.same_year else ["the figures compared are from different years"]
    for other in matches[1:2]:
        if _second_opinion(ctx, lead, other):
            agreeing |= {c.source_id for c in other.claims()}
        else:
            caveats.append("another indicator points the other way")
    return Basis(
        direct=True,
        grades=tuple(ctx.grade(c) for c in lead.claims()),
        sources=len(agreeing),
        disagreement=any(g.conflict for _, g in lead.figures),
        extracted=any(c.method != "curated" for c in lead.claims()),
        caveat="; ".join(caveats),
    )
