"""Who and what a figure is about: its indicator, subject, object and time.

The indicator comes from cue words around the figure (`cues.yaml`). Subject and object come
from the countries and organisations named in the same sentence, read by the words that tie
them to the figure: "from Russia" names a counterpart, "in Tajikistan" a host, "Kyrgyzstan's
GDP" the side the figure is about. Where the sentence names no one, the caller passes the
context of its paragraph or table. Where bilat cannot tell, the field stays null rather than
guessed. Confidence follows the route the attribution took (a cue word or not; each side from
the sentence, from the context, or none) and is the share of labelled figures that route got
right (`confidence.py`).

Each reading has a module of its own: `cues` chooses the indicator, `roles` says what the
words around a name make it, `clauses` bounds the words that belong to the figure, and
`figure_time` picks its time. This module weighs what they say against each other and
against the context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bilat.extract.clauses import (
    CLAUSE_END,
    NEW_CLAUSE,
    bracketed_asides,
    main_clause_start,
    own_clause,
    sources,
)
from bilat.extract.confidence import Route, Source, confidence_for
from bilat.extract.cues import CAPITAL_OF, choose, is_headcount, rules_by_indicator
from bilat.extract.figure_time import time_for
from bilat.extract.roles import (
    WHOLE_OF,
    WHOLE_OPENING,
    indirect_object,
    names_travellers,
    read_actors,
    role_of,
)
from bilat.extract.types import EntityMention, Quantity, Role, TimeMention
from bilat.model import TimeRef
from bilat.ontology import indicators


@dataclass(frozen=True, slots=True)
class Attribution:
    indicator: str
    subject: str | None
    object: str | None
    time: TimeRef | None
    confidence: float
    how: str  # a short trace of the rules used, for review
    route: Route
    # names no measure, and no word of its own chose its side: the side the report takes
    # may turn it round (sides.py)
    turnable: bool = False


@dataclass(slots=True)
class _Sides:
    """The two sides of a figure as they are filled in: each is taken once, by the first
    reading that names it, with where it came from and why (the trace)."""

    subject: str | None
    obj: str | None
    one_sided: bool = False  # a population has no partner
    symmetric: bool = False  # trade: either side may lead
    stage: Source = "sentence"  # where the actors now offered come from
    subject_from: Source = "none"
    object_from: Source = "none"
    how: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.subject_from = "none" if self.subject is None else "sentence"
        self.object_from = "none" if self.obj is None else "sentence"

    def take(self, entity: str, role: Role | None, why: str) -> None:
        if role != "object" and self.subject is None and entity != self.obj:
            self.subject, self.subject_from = entity, self.stage
            self.how.append(f"subject {why}")
        elif (
            (role != "subject" or self.symmetric)
            and self.obj is None
            and entity != self.subject
            and not self.one_sided
        ):
            self.obj, self.object_from = entity, self.stage
            self.how.append(f"object {why}")

    def count_from(self, topic: str, travellers: set[str]) -> None:
        """A figure that names no measure is counted from the report's country: with one
        other actor ("Russia withdrew its troops four years early", in a report on
        Azerbaijan) or the country itself taken as the counterpart ("Russia hosted 300
        Azerbaijani officers"), the country is the side and the other its counterpart."""
        if self.subject in (None, topic):
            return
        if self.subject in travellers:
            if self.obj is None:  # "Chinese tourists came": the report's country is their host
                self.obj, self.object_from = topic, "context"
                self.how.append(f"the document's country {topic} as the counterpart")
        elif self.obj is None or self.obj == topic:
            named = self.obj == topic
            self.subject, self.obj = topic, self.subject
            self.subject_from, self.object_from = (
                self.object_from if named else "context",
                self.subject_from,
            )
            self.how.append(f"the document's country {topic} as the side")


def _place(
    m: EntityMention,
    quantity: Quantity,
    asides: Sequence[tuple[int, int]],
    semi: int,
    crossed: frozenset[int],
    clause: tuple[int, int],
) -> tuple[int, int]:
    """Where an actor stands to the figure, nearest first: 0 in the figure's own clause, 1
    before it in the sentence, 2 after it, 3 in an aside (brackets, a source) or before a
    semicolon or a country a route only crosses; then how far away."""
    a_start, c_end = clause
    if any(a <= m.start < b for a, b in asides) or m.start < semi or m.start in crossed:
        return (3, abs(quantity.start - m.start))
    if a_start <= m.start < c_end:
        gap = quantity.start - m.end if m.end <= quantity.start else m.start - quantity.end
        return (0, gap)
    if m.end <= quantity.start:
        return (1, quantity.start - m.end)
    return (2, m.start - quantity.end)


def attribute(
    quantity: Quantity,
    text: str,
    sentence: tuple[int, int],
    mentions: Sequence[EntityMention],
    times: Sequence[TimeMention],
    clause: tuple[int, int],
    context: Sequence[tuple[str, Role | None]] = (),
    context_time: TimeRef | None = None,
    near: tuple[int, int] | None = None,
    cue: str | None = None,
    subject_hint: str | None = None,
    object_hint: str | None = None,
    lead: tuple[str | None, str] | None = None,
    lead_first: bool = False,
    later_figures: Sequence[int] = (),
    earlier_ends: Sequence[int] = (),
    previous_counterpart: tuple[str, str] | None = None,
    topic: str | None = None,
    listed_counterparts: bool = False,
) -> Attribution:
    """Attribute one figure from its sentence, falling back on its paragraph's context.

    `clause` bounds the words that belong to this figure rather than its neighbours in a
    list ("13 percent (China) to 20 percent (Russia)"); `context` gives actors known from the
    paragraph or table with the role they play there; `near` overrides the words read as the
    figure's own (a table cell's column header); `lead` is the subject of the figure of the
    same unit before this one in the sentence and its indicator, which an elliptical figure
    that names no cue and no actor of its own before it shares ("52,000 students from A
    …, against 14,000 from B"); `later_figures` are where the sentence's later figures start,
    `earlier_ends` where its earlier ones end; `lead_first` makes `lead` the indicator even
    where the figure's own words name another ("a larger share, 19 percent");
    `previous_counterpart` is the counterpart of the paragraph's last figure and its
    indicator, taken only for a figure of that indicator; `topic` is the country the section
    or the document is about; `listed_counterparts` says the sentence lists several countries
    as the counterpart ("Ukrainians, Germans, Tatars and Uzbeks"), so none is borrowed.
    """
    s_start, s_end = sentence
    c_start, c_end = clause
    if near is None:
        # the figure's own main clause: the words of an earlier one with a verb of its own
        # ("… hold the Indra exercise, and 2,000 officers have trained …") or of a later one
        # ("…, and the bank lent 90 percent of it") are about their own figures
        own_start = main_clause_start(text, s_start, quantity.start, c_end)
        near_text = text[
            max(c_start, own_start, quantity.start - 60) : min(c_end, quantity.end + 60)
        ]
        later = NEW_CLAUSE.search(text, c_end, s_end)
        cue_text = text[own_start : later.start() if later else s_end]
    else:
        near_text = text[near[0] : near[1]] + " " + text[quantity.start : quantity.end + 30]
        cue_text = near_text if cue is None else cue
    lead_subject, lead_indicator = lead if lead else (None, None)
    if is_headcount(quantity, text, s_start):
        indicator, cued, rule = "population", True, rules_by_indicator().get("population")
    elif CAPITAL_OF.search(text, max(s_start, quantity.start - 40), quantity.start):
        indicator, cued, rule = "other", False, None  # a fund's or bank's own capital
    elif lead_first and lead_indicator is not None:
        # "A took a larger share, 19 percent": a share of the measure named before
        indicator, cued, rule = lead_indicator, True, rules_by_indicator().get(lead_indicator)
    else:
        indicator, cued, rule = choose(quantity, cue_text, near_text, lead_indicator)

    spec = indicators().get(indicator)
    one_sided = spec is not None and not spec.counterpart  # a population has no partner
    sides = _Sides(
        subject_hint,
        None if one_sided else object_hint,
        one_sided=one_sided,
        symmetric=spec is not None and spec.symmetric,  # trade: either side may lead
    )
    if subject_hint:
        sides.how.append("named by 'respectively' or 'the two countries'")
    take = sides.take

    asides = bracketed_asides(quantity, text, s_start, s_end) + sources(text, s_start, s_end)
    # "toward the Chinese border": a demonym that names a place is no actor
    read = read_actors(text, s_start, s_end, tuple(mentions))
    mentions = list(read.actors)

    # Actors in the figure's own clause first, nearest first; then the rest of the sentence,
    # where an actor named before the figure (the topic) beats one named after it; actors of
    # an aside in brackets last.
    # The words before the figure in its clause begin after the last comma or dash: "…
    # integration with A, with one survey showing 81 %": A is the sentence's, not the figure's.
    a_start = c_start
    for boundary in CLAUSE_END.finditer(text, c_start, quantity.start):
        a_start = boundary.end()

    # A semicolon ends a statement, and what comes before it is context rather than this
    # figure's, unless it only separates the figures of a list ("5,000 troops; 60 aircraft").
    semi = text.rfind(";", s_start, c_start) + 1 or s_start
    if any(semi - 30 <= end < semi for end in earlier_ends):
        semi = s_start

    # A country a pipeline or route only crosses is neither side of what flows through it,
    # unless the figure measures that transit.
    crossed = frozenset() if indicator == "oil_transit_share" else read.crossed

    ranks = {  # asked several times per actor below
        id(m): _place(m, quantity, asides, semi, crossed, (a_start, c_end)) for m in mentions
    }

    roles: list[tuple[EntityMention, Role | None, Role | None]] = []
    for mention in sorted(mentions, key=lambda m: ranks[id(m)]):
        counted = quantity.start <= mention.start < quantity.end
        role = role_of(mention, text, s_start, s_end, rule, counted)
        # The actor before a verb only leans to a role: "China took 92% of Mongolia's
        # exports" names Mongolia's side outright, and China takes what is left.
        leaning: Role | None = None
        pair = read.pairs.get(mention.start)
        if role is None and pair is not None:
            leaning = pair  # "Uzbekistan and China signed ...": the first named leads
        elif role is None and mention.end <= quantity.start and mention.start in read.agents:
            leaning = rule.agent if rule else "subject"
            if mention.start in read.recipients:
                leaning = rule.receiver if rule else "subject"
        roles.append((mention, role, leaning))
    if quantity.kind == "money" and rule is not None and rule.agent == "object":
        giving = indirect_object(quantity, mentions, text, s_start)
        if giving is not None:  # "A lends B $N": B receives, A gives
            take(giving[1].entity, "subject", f"receiving {giving[1].text!r}")
            take(giving[0].entity, "object", f"giving {giving[0].text!r}")
    # "A holds 41% of B's $4 billion debt": the whole a share is taken of belongs to B alone;
    # A holds the share, not the whole.
    window = max(s_start, quantity.start - 60)
    whole_of = WHOLE_OF.search(text, window, quantity.start) or WHOLE_OPENING.search(
        text, window, quantity.start
    )
    whole = whole_of is not None
    share_holder_before = whole_of.start() if whole_of is not None else -1

    for mention, role, _ in roles:  # actors whose role the words say
        if role is not None and ranks[id(mention)][0] == 0 and mention.start >= share_holder_before:
            take(mention.entity, role, repr(mention.text))
    # "Chinese tourists": people who travel name their side whatever else the text says
    travellers = {m.entity for m in mentions if names_travellers(m, text, s_end)}
    if (
        sides.subject is None
        and lead_subject is not None
        and not any(c_start <= m.start and m.end <= quantity.start for m in mentions)
    ):
        take(lead_subject, "subject", f"of the figure before ({lead_subject})")

    # Then any actor of the clause, then of the sentence; within each, those whose words give
    # a role (a preposition), then those whose place leans to one (the doer of the verb, the
    # first of "A and B"), then those that say nothing.
    by_say = sorted(  # stable: nearest first within
        roles,
        key=lambda item: (
            ranks[id(item[0])][0],
            0 if item[1] is not None else 1 if item[2] is not None else 2,
        ),
    )
    for mention, role, leaning in by_say:
        where = ranks[id(mention)][0]
        if where == 3 or (whole and (role is None or mention.start < share_holder_before)):
            continue  # an aside's actor: only after the paragraph's context
        if where == 2 and NEW_CLAUSE.search(text, c_end, mention.start):
            continue  # an actor of a later main clause ("…, and A …") is about its figure
        if where == 2 and whole and any(quantity.end < at < mention.start for at in later_figures):
            continue  # "Of the $38 billion debt, $6.5 billion is owed to A": the part's
        if where == 1 and own_clause(text, mention.end, quantity.start):
            # "… work in A, and remittances to B hit $5 billion": an actor of an earlier main
            # clause may be the side the sentence is about, never the figure's counterpart
            if role == "subject" or (role is None and sides.subject is None):
                take(mention.entity, "subject", f"earlier clause {mention.text!r}")
            continue
        if role is not None:
            take(mention.entity, role, f"nearest {mention.text!r}")
        elif leaning is not None and (sides.subject if leaning == "subject" else sides.obj) is None:
            take(mention.entity, leaning, f"agent {mention.text!r}")
        else:
            take(mention.entity, None, f"nearest {mention.text!r}")
    sides.stage = "context"
    if previous_counterpart is not None and not whole:
        # the paragraph's last figure of the same kind of measure names its counterpart
        partner, measure = previous_counterpart
        if _related(measure, indicator):
            take(partner, "object", f"from the figure before {partner}")
    for entity, role in context:
        if (whole or listed_counterparts) and sides.subject is not None:
            break  # the whole has no counterpart to borrow; a long list is the counterpart
        if role is None and sides.subject is not None and not cued:
            continue  # a figure that names no measure borrows no partner from around it
        take(entity, role, f"from context {entity}")
    for mention, _, _ in roles:
        if ranks[id(mention)][0] == 3:
            take(mention.entity, None, f"aside {mention.text!r}")

    if rule is None and topic is not None and not subject_hint:
        sides.count_from(topic, travellers)
    own_times = [
        t for t in times if t.start >= semi and not any(a <= t.start < b for a, b in asides)
    ]
    time = time_for(quantity, text, own_times, clause, later_figures)
    if time is None and context_time is not None:
        time = context_time
        sides.how.append("time from context")

    route = Route(cued, sides.subject_from, sides.object_from)
    return Attribution(
        indicator,
        sides.subject,
        sides.obj,
        time,
        confidence_for(route),
        "; ".join(sides.how),
        route,
        rule is None and not subject_hint and sides.subject not in travellers,
    )


def _related(a: str, b: str) -> bool:
    """The same measure, or two of one kind (imports and exports: a dimension and a unit)."""
    if a == b:
        return True
    known = indicators()
    x, y = known.get(a), known.get(b)
    return x is not None and y is not None and (x.dimension, x.unit) == (y.dimension, y.unit)
