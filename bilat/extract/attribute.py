"""Who and what a figure is about: its indicator, subject, object and time.

The indicator comes from cue words around the figure (`cues.yaml`). Subject and object come
from the countries and organisations named in the same sentence, read by the words that tie
them to the figure: "from Russia" names a counterpart, "in Tajikistan" a host, "Kyrgyzstan's
GDP" the side the figure is about. Where the sentence names no one, the caller passes the
context of its paragraph or table. Confidence says how the attribution was made, and where
bilat cannot tell, the field stays null rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.cues import (
    CAPITAL_OF,
    WORD,
    CueRule,
    choose,
    is_headcount,
    rules_by_indicator,
)
from bilat.extract.types import EntityMention, Quantity, Role, TimeMention
from bilat.model import TimeRef
from bilat.ontology import indicators

# Prepositions that tie a named actor to a figure, and the role they give it.
_OBJECT_PREPOSITIONS = {"from", "by", "with", "through", "via", "across", "against"}
_SUBJECT_PREPOSITIONS = {"in", "to", "into", "for", "of", "at", "on", "inside", "within"}
# What "X's" makes X depends on the noun that follows: a holder's stake or a base's measure.
_HOLDER_NOUNS = {
    "share", "stake", "troops", "forces", "base", "bases", "investment", "investments",
    "companies", "firms", "army", "division", "aid", "loans", "lending", "soldiers",
    "contribution", "banks", "deliveries", "universities", "lenders", "creditors", "investors",
    "suppliers", "supplies", "weapons", "arms", "servicemen", "personnel", "contingent",
}  # fmt: skip
_BASE_NOUNS = {
    "gdp", "economy", "debt", "external", "trade", "population", "imports", "budget", "oil",
    "gas", "territory", "citizens", "workers", "migrants", "migrant", "gross", "labour",
    "labor", "working", "people", "nationals", "remittances", "students", "exports", "crude",
    "production", "output", "extraction", "uranium", "coal", "copper", "economic",
}  # fmt: skip
# Words between an actor and the noun it qualifies: "China's total foreign direct investment".
_MODIFIERS = {
    "total", "direct", "foreign", "state", "own", "overall", "annual", "official", "public",
    "private", "net", "bilateral", "new", "largest", "main", "current", "combined", "outward",
    "inward", "cumulative", "accumulated", "estimated", "government", "national", "federal",
    "central", "registered", "military", "the", "its", "their",
}  # fmt: skip
# Words of a figure between a possessive and its noun: "A's approximately $4 billion in debt".
_FIGURE_WORDS = {
    "about", "approximately", "around", "roughly", "some", "nearly", "almost", "over",
    "million", "billion", "trillion", "thousand", "usd", "us", "in", "of", "bn", "mln",
}  # fmt: skip
# Nouns for the whole a share is taken of: a demonym before them names the country itself.
_WHOLE_NOUNS = {"population", "economy", "gdp", "budget", "territory", "electorate"}
_COMMA = re.compile(r"[,;:–—]\s|\s-\s")
_AND_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s")
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s")
_ARTICLES = {"the", "a", "an"}
_AND = re.compile(r"['’]?s?\s+and\s+")
_ADJECTIVE_USE = re.compile(r"[ \t]+[a-z]")  # a demonym followed by a lower-case word
_BETWEEN_AND = re.compile(r"\bbetween\s+[^,;]{1,40}\s+and\s*$", re.I)
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")  # "Russia's", "Tajiks'"
_POSSESSIVE_PRONOUNS = {"its", "their"}
_PAREN_AFTER = re.compile(r"\s*\(\s*$")
_WHOLE_OF = re.compile(
    r"(?:%|\bpercent|\bper cent)\s+of\s+(?:the\s+)?(?:[\w’'-]+['’]s?\s+)?"
    r"(?:(?:approximately|about|some|nearly|around|roughly|total|estimated)\s+)*$",
    re.I,
)
_INSTITUTION_OF = re.compile(
    r"\b(?:bank|ministry|government|president|minister|parliament|embassy|army|navy|"
    r"member states|members|member countries)\s+of\s+(?:the\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    indicator: str
    subject: str | None
    object: str | None
    time: TimeRef | None
    confidence: float
    how: str  # a short trace of the rules used, for review


_PLACE_NOUNS = {
    "border", "borders", "frontier", "side", "territory", "coast", "waters", "soil",
    "mainland", "province", "provinces", "city", "cities", "port", "ports", "steppe",
}  # fmt: skip


def _names_a_place(mention: EntityMention, text: str, sentence_end: int) -> bool:
    return (
        mention.cue == "demonym"
        and _ADJECTIVE_USE.match(text, mention.end, sentence_end) is not None
        and _next_word(text, mention.end, sentence_end) in _PLACE_NOUNS
    )


# "A is the largest source", "B remained its main buyer": the part a partner plays.
_PARTNER_ROLE = re.compile(
    r"\s+(?:is|was|remained|remains|became|has\s+become|has\s+been|stayed)\s+(?:also\s+)?"
    r"(?:the|its|their)\s+(?:[\w-]+\s+){0,2}(?:source|sender|supplier|lender|donor|investor|"
    r"creditor|exporter|buyer|market|customer|importer|destination|partner)s?\b",
    re.I,
)


def names_an_institution(text: str, mention: EntityMention, floor: int) -> bool:
    """Whether a country is named as the owner of an institution: "the Bank of China"."""
    return _INSTITUTION_OF.search(text, max(floor, mention.start - 40), mention.start) is not None


def _previous_word(text: str, start: int, floor: int) -> str:
    """The word before an actor's name, past any article: "from the United States"."""
    window = text[max(floor, start - 32) : start]
    words = [w for w in WORD.findall(window.lower()) if w not in _ARTICLES]
    return words[-1] if words else ""


def _next_word(text: str, end: int, ceiling: int) -> str:
    words = WORD.findall(text[end : min(ceiling, end + 24)].lower())
    return words[0] if words else ""


def _noun_after(text: str, position: int, ceiling: int) -> str:
    """The first word after `position` that is not a common modifier."""
    words: list[str] = WORD.findall(text[position : min(ceiling, position + 48)].lower())
    if words and (words[0] in _FIGURE_WORDS or words[0][0].isdigit()):
        # a figure between the possessive and its noun: read past it
        words = [w for w in words if w not in _FIGURE_WORDS and not w[0].isdigit()]
    return next((word for word in words if word not in _MODIFIERS), "")


_COMPOUND_END = {
    "of", "in", "to", "from", "for", "with", "by", "at", "on", "and", "or", "is", "was",
    "were", "are", "has", "have", "had", "that", "which", "as", "than", "stood", "reached",
}  # fmt: skip


def _compound_head(text: str, position: int, ceiling: int) -> str:
    """The noun a possessive owns: the last holder or base noun of the compound after it
    ("Vietnam's major arms imports" -> "imports"), else the first word that is not a common
    modifier."""
    words: list[str] = WORD.findall(text[position : min(ceiling, position + 48)].lower())
    if words and (words[0] in _FIGURE_WORDS or words[0][0].isdigit()):
        words = [w for w in words if w not in _FIGURE_WORDS and not w[0].isdigit()]
    compound: list[str] = []
    for word in words[:4]:
        if word in _COMPOUND_END:
            break
        compound.append(word)
    known = [w for w in compound if w in _HOLDER_NOUNS or w in _BASE_NOUNS]
    return known[-1] if known else _noun_after(text, position, ceiling)


def _holder_or_base(noun: str, fallback: Role) -> Role:
    if noun in _HOLDER_NOUNS:
        return "object"
    if noun in _BASE_NOUNS:
        return "subject"
    return fallback


def role_of(
    mention: EntityMention,
    text: str,
    sentence_start: int,
    sentence_end: int,
    rule: CueRule | None,
    counted: bool = False,
) -> Role | None:
    """The role the words around a named actor give it, or None if they say nothing.
    `counted` says the actor is a demonym in the figure's own noun ("15,000 Kazakh soldiers
    were trained", "7,000 Russian troops"), which reads like a possessive of the indicator."""
    if counted and rule is not None:
        return rule.possessive
    if _PARTNER_ROLE.match(text, mention.end, sentence_end):
        return "object"  # "the United States remained the largest source": a counterpart
    possessive = _POSSESSIVE.match(text, mention.end, sentence_end)
    if possessive or mention.text.lower() in _POSSESSIVE_PRONOUNS:
        # "Russia's", "the country's", and "its"/"their" standing for a country named before
        position = possessive.end() if possessive else mention.end
        noun = _compound_head(text, position, sentence_end)
        return _holder_or_base(noun, rule.possessive if rule else "subject")
    adjective = mention.cue == "demonym" and _ADJECTIVE_USE.match(text, mention.end, sentence_end)
    if adjective and _noun_after(text, mention.end, sentence_end) in _WHOLE_NOUNS:
        return "subject"  # "a quarter of the Kazakh population": the whole is the side
    if mention.cue == "demonym" and rule is not None and rule.demonym is not None:
        return rule.demonym  # "37.8% ethnic Russians": the people named are the kin side
    if mention.cue == "demonym" and _ADJECTIVE_USE.match(text, mention.end, sentence_end):
        # "Chinese investment" reads like "China's investment"; "Kazakh exports" like
        # "Kazakhstan's exports".
        noun = _noun_after(text, mention.end, sentence_end)
        if noun in _HOLDER_NOUNS or noun in _BASE_NOUNS:
            return _holder_or_base(noun, "subject")
    if _PAREN_AFTER.search(text[max(sentence_start, mention.start - 3) : mention.start]):
        return "object"  # "13 percent (China)": the partner named after a figure
    before = _previous_word(text, mention.start, sentence_start)
    if before == "of" and names_an_institution(text, mention, sentence_start):
        return None  # "the Bank of China extended …": the institution acts for its country
    if before == "between":
        return "subject"  # "trade between A and B": A first, B as its partner
    if before == "and" and _BETWEEN_AND.search(text, max(sentence_start, mention.start - 48),
                                               mention.start):  # fmt: skip
        return "object"
    if rule is not None and before in rule.prepositions:
        return rule.prepositions[before]
    if before in _OBJECT_PREPOSITIONS:
        return "object"
    if before in _SUBJECT_PREPOSITIONS:
        return "subject"
    return None


def _pair_position(
    mention: EntityMention, mentions: Sequence[EntityMention], text: str
) -> Role | None:
    """In "A and B" (two actors joined by "and"), A leads and B is its counterpart."""
    for other in mentions:
        if other.start > mention.end and _AND.fullmatch(text, mention.end, other.start):
            return "subject"
        if other.end < mention.start and _AND.fullmatch(text, other.end, mention.start):
            return "object"
    return None


# Verbs whose doer is the side a figure is about, whatever the indicator: the recipient.
_RECEIVING = re.compile(
    r"\s+(?:(?:has|have|had|also|thus|then|already)\s+){0,2}"
    r"(?:receiv|benefit|obtain|got\b|gets\b|attract|accept|borrow|host)",
    re.I,
)


def _is_recipient(mention: EntityMention, text: str, sentence_end: int) -> bool:
    """ "Kyrgyzstan received $2 billion", "A has benefited from a write-off"."""
    return _RECEIVING.match(text, mention.end, sentence_end) is not None


def _is_agent(mention: EntityMention, text: str, sentence_end: int) -> bool:
    """A name right before a verb is the one acting: "China invested", "Russia keeps"."""
    following = _next_word(text, mention.end, sentence_end)
    return bool(following) and following not in _OBJECT_PREPOSITIONS | _SUBJECT_PREPOSITIONS | {
        "and", "or", "the", "a", "an", "as", "is", "are", "was", "were", "than",
    }  # fmt: skip


# "A extends B $500 million", "A has granted B a $2 billion loan": a giving verb with two
# objects, the first of which (B) receives the figure.
_GIVING_VERB = re.compile(
    r"(?:extend|give|gave|grant|offer|lend|lent|award|pledg|promis)\w*\s+(?:the\s+)?$", re.I
)
_GIVER_GAP = re.compile(r"\s+(?:(?:has|have|had|will|would|also|to|now)\s+)*", re.I)
_RECEIVER_GAP = re.compile(r"[\s,]*(?:(?:a|an|some|about|nearly|over|more than)\s+)*", re.I)


def _indirect_object(
    quantity: Quantity, mentions: Sequence[EntityMention], text: str, floor: int
) -> tuple[EntityMention, EntityMention] | None:
    """The giver and the receiver of "A extends B $N" (a money figure right after B)."""
    for receiver in mentions:
        if receiver.end > quantity.start or not _RECEIVER_GAP.fullmatch(
            text, receiver.end, quantity.start
        ):
            continue
        verb = _GIVING_VERB.search(text, max(floor, receiver.start - 40), receiver.start)
        if verb is None:
            continue
        for giver in mentions:
            if giver.end <= verb.start() and _GIVER_GAP.fullmatch(text, giver.end, verb.start()):
                return giver, receiver
    return None


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
    later_figures: Sequence[int] = (),
    earlier_ends: Sequence[int] = (),
    previous_counterpart: tuple[str, str] | None = None,
) -> Attribution:
    """Attribute one figure from its sentence, falling back on its paragraph's context.

    `clause` bounds the words that belong to this figure rather than its neighbours in a
    list ("13 percent (China) to 20 percent (Russia)"); `context` gives actors known from the
    paragraph or table with the role they play there; `near` overrides the words read as the
    figure's own (a table cell's column header); `lead` is the subject of the figure of the
    same unit before this one in the sentence and its indicator, which an elliptical figure
    that names no cue and no actor of its own before it shares ("52,000 students from A
    …, against 14,000 from B"); `later_figures` are where the sentence's later figures start,
    `earlier_ends` where its earlier ones end; `previous_counterpart` is the counterpart of
    the paragraph's last figure and its indicator, taken only for a figure of that indicator.
    """
    s_start, s_end = sentence
    c_start, c_end = clause
    if near is None:
        near_text = text[max(c_start, quantity.start - 60) : min(c_end, quantity.end + 60)]
        # the sentence as far as the figure's own main clause reaches: the words of a later
        # one ("…, and the bank lent 90 percent of it") are about its own figures
        later = _NEW_CLAUSE.search(text, c_end, s_end)
        cue_text = text[s_start : later.start() if later else s_end]
    else:
        near_text = text[near[0] : near[1]] + " " + text[quantity.start : quantity.end + 30]
        cue_text = near_text if cue is None else cue
    lead_subject, lead_indicator = lead if lead else (None, None)
    if is_headcount(quantity, text, s_start):
        indicator, cued, rule = "population", True, rules_by_indicator().get("population")
    elif CAPITAL_OF.search(text, max(s_start, quantity.start - 40), quantity.start):
        indicator, cued, rule = "other", False, None  # a fund's or bank's own capital
    else:
        indicator, cued, rule = choose(quantity, cue_text, near_text, lead_indicator)

    spec = indicators().get(indicator)
    one_sided = spec is not None and not spec.counterpart  # a population has no partner
    subject: str | None = subject_hint
    obj: str | None = None if one_sided else object_hint
    how: list[str] = ["named by 'respectively' or 'the two countries'"] if subject_hint else []

    def take(entity: str, role: Role | None, why: str) -> None:
        nonlocal subject, obj
        if role != "object" and subject is None and entity != obj:
            subject = entity
            how.append(f"subject {why}")
        elif role != "subject" and obj is None and entity != subject and not one_sided:
            obj = entity
            how.append(f"object {why}")

    asides = _asides(quantity, text, s_start, s_end)
    # "toward the Chinese border": a demonym that names a place is no actor
    mentions = [m for m in mentions if not _names_a_place(m, text, s_end)]

    # Actors in the figure's own clause first, nearest first; then the rest of the sentence,
    # where an actor named before the figure (the topic) beats one named after it; actors of
    # an aside in brackets last.
    # The words before the figure in its clause begin after the last comma or dash: "…
    # integration with A, with one survey showing 81 %": A is the sentence's, not the figure's.
    a_start = c_start
    for boundary in _COMMA.finditer(text, c_start, quantity.start):
        a_start = boundary.end()

    # A semicolon ends a statement, and what comes before it is context rather than this
    # figure's, unless it only separates the figures of a list ("5,000 troops; 60 aircraft").
    semi = text.rfind(";", s_start, c_start) + 1 or s_start
    if any(semi - 30 <= end < semi for end in earlier_ends):
        semi = s_start

    def rank(m: EntityMention) -> tuple[int, int]:
        if any(a <= m.start < b for a, b in asides) or m.start < semi:
            return (3, abs(quantity.start - m.start))
        if a_start <= m.start < c_end:
            gap = quantity.start - m.end if m.end <= quantity.start else m.start - quantity.end
            return (0, gap)
        if m.end <= quantity.start:
            return (1, quantity.start - m.end)
        return (2, m.start - quantity.end)

    roles: list[tuple[EntityMention, Role | None, Role | None]] = []
    for mention in sorted(mentions, key=rank):
        counted = quantity.start <= mention.start < quantity.end
        role = role_of(mention, text, s_start, s_end, rule, counted)
        # The actor before a verb only leans to a role: "China took 92% of Mongolia's
        # exports" names Mongolia's side outright, and China takes what is left.
        leaning: Role | None = None
        pair = _pair_position(mention, mentions, text)
        if role is None and pair is not None:
            leaning = pair  # "Uzbekistan and China signed ...": the first named leads
        elif role is None and mention.end <= quantity.start and _is_agent(mention, text, s_end):
            leaning = rule.agent if rule else "subject"
            if _is_recipient(mention, text, s_end):
                leaning = "subject"
        roles.append((mention, role, leaning))
    if quantity.kind == "money" and rule is not None and rule.agent == "object":
        giving = _indirect_object(quantity, mentions, text, s_start)
        if giving is not None:  # "A lends B $N": B receives, A gives
            take(giving[1].entity, "subject", f"receiving {giving[1].text!r}")
            take(giving[0].entity, "object", f"giving {giving[0].text!r}")
    for mention, role, _ in roles:  # actors whose role the words say
        if role is not None and rank(mention)[0] == 0:
            take(mention.entity, role, repr(mention.text))
    if (
        subject is None
        and lead_subject is not None
        and not any(c_start <= m.start and m.end <= quantity.start for m in mentions)
    ):
        take(lead_subject, "subject", f"of the figure before ({lead_subject})")

    # Then any actor of the clause, then of the sentence; within each, those whose words give
    # a role (a preposition), then those whose place leans to one (the doer of the verb, the
    # first of "A and B"), then those that say nothing.
    def says(item: tuple[EntityMention, Role | None, Role | None]) -> tuple[int, int]:
        _, role, leaning = item
        return rank(item[0])[0], 0 if role is not None else 1 if leaning is not None else 2

    # "A holds 41% of B's $4 billion debt": the whole a share is taken of belongs to B alone;
    # A holds the share, not the whole.
    whole = _WHOLE_OF.search(text, max(s_start, quantity.start - 60), quantity.start) is not None
    for mention, role, leaning in sorted(roles, key=says):  # stable: nearest first within
        where = rank(mention)[0]
        if where == 3 or (whole and role is None):
            continue  # an aside's actor: only after the paragraph's context
        if where == 2 and _NEW_CLAUSE.search(text, c_end, mention.start):
            continue  # an actor of a later main clause ("…, and A …") is about its figure
        if where == 1 and _own_clause(text, mention.end, quantity.start):
            # "… work in A, and remittances to B hit $5 billion": an actor of an earlier main
            # clause may be the side the sentence is about, never the figure's counterpart
            if role == "subject" or (role is None and subject is None):
                take(mention.entity, "subject", f"earlier clause {mention.text!r}")
            continue
        if role is not None:
            take(mention.entity, role, f"nearest {mention.text!r}")
        elif leaning is not None and (subject if leaning == "subject" else obj) is None:
            take(mention.entity, leaning, f"agent {mention.text!r}")
        else:
            take(mention.entity, None, f"nearest {mention.text!r}")
    from_sentence = subject is not None
    if previous_counterpart is not None and not whole:
        # the paragraph's last figure of the same kind of measure names its counterpart
        partner, measure = previous_counterpart
        if _related(measure, indicator):
            take(partner, "object", f"from the figure before {partner}")
    for entity, role in context:
        if whole and subject is not None:
            break  # the whole has no counterpart to borrow from the share's
        if role is None and subject is not None and not cued:
            continue  # a figure that names no measure borrows no partner from around it
        take(entity, role, f"from context {entity}")
    for mention, _, _ in roles:
        if rank(mention)[0] == 3:
            take(mention.entity, None, f"aside {mention.text!r}")

    own_times = [
        t for t in times if t.start >= semi and not any(a <= t.start < b for a, b in asides)
    ]
    time = _time_for(quantity, text, own_times, clause, later_figures)
    if time is None and context_time is not None:
        time = context_time
        how.append("time from context")

    confidence = 0.3
    if cued:
        confidence = 0.5
        if subject and from_sentence:
            confidence = 0.8 if obj else 0.65
        elif subject:
            confidence = 0.55
    return Attribution(indicator, subject, obj, time, confidence, "; ".join(how))


# A bracketed aside of three words or more: "(for example, two projects in A were cancelled
# in 2016)". What it names is not what the figure outside it is about, unless the brackets
# follow a figure and annotate it: "16 percent (B - all figures for 2018)".
_ASIDE = re.compile(r"\((?=(?:[^()]*?\s){2})[^()]{1,400}\)")
_FIGURE_BEFORE = re.compile(r"(?:\d|%|percent|per cent)\s*$")


def _asides(quantity: Quantity, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in _ASIDE.finditer(text, start, end)
        if not m.start() <= quantity.start < m.end()
        and not _FIGURE_BEFORE.search(text, max(start, m.start() - 12), m.start())
    ]


# A word that is most likely a finite verb: a clause that has one says its own thing.
_VERB = re.compile(
    r"\b(?:\w+ed|is|are|was|were|has|have|had|hit|rose|fell|grew|came|stood|made|paid|sent|"
    r"took|gave|keeps?|holds?|gets?|got|runs?|ran|remains?|became|sold|bought|lent|spent|"
    r"built|won|lost|cut|set|put|reach(?:es)?|climbs?|falls?|rises?|grows?)\b",
    re.I,
)


def _own_clause(text: str, start: int, figure: int) -> bool:
    """Whether a main clause with a verb of its own begins between `start` and the figure:
    "… in Germany and Austria, and remittances to Serbia reached €4.2 billion"."""
    boundaries = list(_AND_CLAUSE.finditer(text, start, figure))
    return bool(boundaries) and _VERB.search(text, boundaries[-1].end(), figure) is not None


def _related(a: str, b: str) -> bool:
    """The same measure, or two of one kind (imports and exports: a dimension and a unit)."""
    if a == b:
        return True
    known = indicators()
    x, y = known.get(a), known.get(b)
    return x is not None and y is not None and (x.dimension, x.unit) == (y.dimension, y.unit)


def _is_target(text: str, time: TimeMention) -> bool:
    """ "by 2030": the year a goal is set for, not when anything was measured."""
    return _TARGET.match(text, time.start, time.end) is not None


_TARGET = re.compile(r"by\s+\d", re.I)
_BASE = re.compile(
    r"\b(?:on|over|from|than|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?$",
    re.I,
)
# "all figures for 2018", "the data are from 2016": a time that dates every figure around it.
_FOR_ALL = re.compile(
    r"\b(?:all|the|these|both)\s+(?:figures|data|numbers|values|shares)\s+"
    r"(?:are\s+|refer\s+to\s+)?(?:for|from|in|as\s+of)\s+$",
    re.I,
)


def _time_for(
    quantity: Quantity,
    text: str,
    times: Sequence[TimeMention],
    clause: tuple[int, int],
    later_figures: Sequence[int] = (),
) -> TimeRef | None:
    """The time written nearest the figure, preferring its own clause. A target year ("to
    25% by 2030") belongs to the figure of its own clause only; a time after the figure's
    clause that another figure stands nearer to (`later_figures`: where the sentence's later
    figures start), or one in a later main clause ("…, and in 2023 B …"), is not this
    figure's, unless the text says it holds for all ("all figures for 2018")."""
    c_start, c_end = clause
    cited = _cited_date(quantity, text, times)
    if cited is not None:
        return cited

    def belongs(t: TimeMention) -> bool:
        if quantity.qualifier == "change" and _BASE.search(text, max(0, t.start - 16), t.start):
            return False  # "up 18 percent on 2023": the year compared with, not the figure's
        if c_start <= t.start < c_end:
            return True
        if _is_target(text, t):
            return False
        if t.start < quantity.start or _FOR_ALL.search(text, max(0, t.start - 30), t.start):
            return True
        stands_between = any(c_end <= at < t.start for at in later_figures)
        return not stands_between and not _NEW_CLAUSE.search(text, quantity.end, t.start)

    times = [t for t in times if belongs(t)]
    if not times:
        return None

    def distance(t: TimeMention) -> tuple[int, int]:
        inside = c_start <= t.start < c_end
        gap = quantity.start - t.end if t.end <= quantity.start else t.start - quantity.end
        return (0 if inside else 1, gap)

    return min(times, key=distance).time


# A footnote reference: "12 A. Author, “Title …,” Outlet, May 10, 2017, url".
_CITATION = re.compile(r"[ \t]*\d{1,3}[ \t]+[^\n]*?[“\"]")


def _cited_date(quantity: Quantity, text: str, times: Sequence[TimeMention]) -> TimeRef | None:
    """The time of a figure in the title of a cited article: the article's date, which
    follows its title, cut to the month. The day is when the article appeared, not when
    what it reports happened, which is only known to fall in about the same month."""
    line_start = text.rfind("\n", 0, quantity.start) + 1
    if not _CITATION.match(text, line_start, quantity.start):
        return None
    line_end = text.find("\n", quantity.end)
    line_end = len(text) if line_end < 0 else line_end
    for t in times:
        if quantity.end <= t.start < line_end and t.time.end is None:
            if t.time.precision != "day":
                return None
            return TimeRef(t.time.start[:7], None, "month")
    return None
