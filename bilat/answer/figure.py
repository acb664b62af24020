"""Figure questions ("How much of Tajikistan's GDP comes from remittances?"): the preferred
figure with its time and source, the sources that agree or disagree, and other figures."""

from __future__ import annotations

from collections.abc import Sequence

from bilat.analyse.reconcile import ClaimGroup, values_agree
from bilat.answer.closest import compose_closest, compose_passages
from bilat.answer.confidence import Basis
from bilat.answer.context import Context
from bilat.answer.phrasing import capitalise, claim_text, figure, source_name, value, when
from bilat.answer.question import Question
from bilat.answer.retrieve import find_claims
from bilat.model import Claim
from bilat.ontology import indicators as all_indicators
from bilat.report.format import format_time

OTHER_FIGURES = 3


def _oriented(ctx: Context, claims: list[Claim], a: str, b: str, indicator: str) -> list[Claim]:
    """Keep the direction the question's words ask for (a in b, a from b), if any has it."""
    q = ctx.question
    spec = all_indicators().get(indicator)
    if spec is not None and spec.symmetric:
        return claims
    side_a, side_b = q.side(a, indicator), q.side(b, indicator)
    want = None
    if side_a == "subject" or side_b == "object":
        want = (a, b)
    elif side_a == "object" or side_b == "subject":
        want = (b, a)
    kept = [c for c in claims if (c.subject, c.object) == want]
    return kept or claims


def lookup(ctx: Context, indicators: Sequence[str]) -> tuple[list[Claim], str | None, str | None]:
    """Claims on the indicators for the entities named, and who the question takes for the
    subject and the object (for saying what is missing)."""
    q, store = ctx.question, ctx.store
    entities = q.entities
    if not entities or not indicators:
        return [], None, None
    first = indicators[0]
    if len(entities) == 1:
        x = entities[0]
        side = q.side(x, first)
        claims = [] if side == "object" else find_claims(store, indicators=indicators, subjects=[x])
        if not claims and side != "subject":
            claims = find_claims(store, indicators=indicators, objects=[x])
            return claims, None, x
        return claims, x, None
    a, b = entities[0], entities[1]
    claims = find_claims(store, indicators=indicators, pair=([a], [b]))
    claims = _oriented(ctx, claims, a, b, first)
    side_a, side_b = q.side(a, first), q.side(b, first)
    subject, obj = (b, a) if side_a == "object" or side_b == "subject" else (a, b)
    return claims, subject, obj


def _source(ctx: Context, claim: Claim) -> str:
    return source_name(ctx.book.get(claim.source_id))


def asked_time(q: Question) -> str:
    """ "for 2016", "since 2014", "until 2010", "for 2013–2016"."""
    time = format_time(str(q.time)) if q.time else ""
    if q.time_relation in ("since", "until"):
        return f"{q.time_relation} {time}"
    return f"for {time}"


def _lead(ctx: Context, lead: Claim) -> None:
    q = ctx.question
    text = f"{claim_text(lead)}, according to {_source(ctx, lead)}, grade {ctx.grade(lead)}"
    if q.time is not None and not ctx.time_fits(lead):
        text = f"The knowledge base has no figure {asked_time(q)}; the nearest: {text}"
    ctx.writer.say(capitalise(text), [ctx.cite(lead)])


def _within_group(ctx: Context, group: ClaimGroup) -> None:
    lead = group.preferred
    same = [c for c in group.claims[1:] if values_agree(lead, c)]
    differ = [c for c in group.claims[1:] if not values_agree(lead, c)]
    ctx.writer.say_clauses(
        "Also given by ", [(f"{_source(ctx, c)}, {value(c)}", [ctx.cite(c)]) for c in same]
    )
    ctx.writer.say_clauses(
        "Sources disagree: ",
        [(f"{_source(ctx, c)} gives {value(c)}", [ctx.cite(c)]) for c in differ],
    )


def _others(ctx: Context, groups: Sequence[ClaimGroup]) -> None:
    clauses = [
        (f"{claim_text(g.preferred)}, from {_source(ctx, g.preferred)}", [ctx.cite(g.preferred)])
        for g in groups[:OTHER_FIGURES]
    ]
    ctx.writer.say_clauses("Other figures: ", clauses)


def compose_figure(ctx: Context) -> Basis:
    q = ctx.question
    if not q.indicators:
        return compose_passages(ctx, "figure or event that answers this directly")
    claims, subject, obj = lookup(ctx, q.indicators)
    if not claims:
        missing = "figure on " + figure(q.indicators[0], subject, obj)
        return compose_closest(ctx, missing, indicators=q.indicators)
    groups = ctx.rank(ctx.groups(claims), q.indicators)
    lead_group = groups[0]
    lead = lead_group.preferred
    _lead(ctx, lead)
    _within_group(ctx, lead_group)
    others = [g for g in groups[1:] if g.preferred.indicator == lead.indicator]
    others += [g for g in groups[1:] if g.preferred.indicator != lead.indicator]
    if ctx.time_fits(lead):  # the time asked for bounds the other figures too
        others = [g for g in others if ctx.time_fits(g.preferred)]
    _others(
        ctx, [g for g in others if g.preferred.qualifier != "change" or lead.qualifier == "change"]
    )
    agreeing, disagree = ctx.support(lead, groups)
    caveat = ""
    if q.time is not None and not ctx.time_fits(lead):
        caveat = f"no figure {asked_time(q)}; the nearest is {when(lead)}"
    return Basis(
        direct=True,
        grades=(ctx.grade(lead),),
        sources=len(agreeing),
        disagreement=disagree or lead_group.conflict,
        extracted=lead.method != "curated",
        caveat=caveat,
    )
