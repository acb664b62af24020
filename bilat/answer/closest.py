"""When the evidence does not answer: say so plainly, and show the closest evidence found."""

from __future__ import annotations

from collections.abc import Sequence

from bilat.answer.cite import Ref
from bilat.answer.confidence import Basis
from bilat.answer.context import Context
from bilat.answer.phrasing import claim_text
from bilat.answer.question import Question
from bilat.answer.retrieve import find_claims, search_passages
from bilat.answer.vocabulary import vocabulary
from bilat.model import Claim, PassageHit
from bilat.reference import name_of

NEAREST_CLAIMS = 2
NEAREST_PASSAGES = 2
NEAREST_READ = 40  # claims read for each lookup of the nearest figures
_QUOTE_CHARS = 240


def search_groups(question: Question) -> list[list[str]]:
    """The question's words for a passage search: each entity (as written, or by its name)
    must appear, then the content words, most of them if possible."""
    groups: list[list[str]] = []
    for entity in question.entities:
        written = [m.text for m in question.mentions if m.id == entity]
        groups.append(list(dict.fromkeys(w.lower() for w in [*written, name_of(entity)])))
    groups.extend([word] for word in question.words)
    return groups


def passages(ctx: Context, limit: int) -> list[PassageHit]:
    hits = search_passages(ctx.store, search_groups(ctx.question), limit=limit)
    ctx.book.load(h.source_id for h in hits)
    return hits


def quote(hit: PassageHit) -> str:
    text = " ".join(hit.passage.text.split())
    if len(text) > _QUOTE_CHARS:
        text = text[: _QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f"“{text}” ({hit.title})"


def nearest_claims(
    ctx: Context, indicators: Sequence[str], entities: Sequence[str], dimension: str | None
) -> list[Claim]:
    """Figures nearest to the one asked: the indicator for the entities on either side, else
    the entities' figures in the dimension, else the indicator for anyone."""
    store = ctx.store
    found: list[Claim] = []
    if indicators and entities:
        found = find_claims(store, indicators=indicators, subjects=entities, limit=NEAREST_READ)
        found = found or find_claims(
            store, indicators=indicators, objects=entities, limit=NEAREST_READ
        )
    if not found and entities and dimension:
        # the dimension's key indicators: each lookup walks the (indicator, subject) index
        keys = vocabulary().key_indicators.get(dimension, ())
        found = find_claims(store, indicators=keys, subjects=entities, limit=NEAREST_READ)
    if not found and indicators:
        found = find_claims(store, indicators=indicators, limit=NEAREST_READ)
    groups = ctx.rank(ctx.groups(found), indicators)
    return [g.preferred for g in groups if g.preferred.qualifier != "change"][:NEAREST_CLAIMS]


def compose_closest(ctx: Context, missing: str, *, indicators: Sequence[str] = ()) -> Basis:
    """ "The knowledge base has no figure on …; the closest evidence: … [1]; … [2]." """
    q = ctx.question
    clauses: list[tuple[str, Sequence[Ref]]] = [
        (claim_text(c), [ctx.cite(c)])
        for c in nearest_claims(ctx, indicators, q.entities, q.dimension)
    ]
    clauses += [(quote(h), [ctx.evidence.passage(h)]) for h in passages(ctx, NEAREST_PASSAGES)]
    lead = f"The knowledge base has no {missing}; the closest evidence: "
    if not ctx.writer.say_clauses(lead, clauses):
        ctx.writer.absence(f"The knowledge base has no {missing}, and no evidence close to it")
        return Basis(direct=False, missing=f"no {missing}, and no evidence close to it")
    return Basis(direct=False, missing=f"no {missing}; only the closest evidence is shown")


def compose_passages(ctx: Context, what: str) -> Basis:
    """An answer from passages alone, for questions no figure or event covers."""
    hits = passages(ctx, 3)
    if not hits:
        return compose_closest(ctx, what, indicators=ctx.question.indicators)
    lead = f"The knowledge base has no {what}; passages that speak of it: "
    ctx.writer.say_clauses(lead, [(quote(h), [ctx.evidence.passage(h)]) for h in hits])
    return Basis(
        direct=False,
        missing="only passages matched by their words; no structured figure or event answers it",
    )
