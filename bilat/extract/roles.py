"""The role a named actor plays in a figure, read from the words around its name.

"from Russia" names a counterpart, "in Tajikistan" a host, "Kyrgyzstan's GDP" the side the
figure is about, "China invested" the one acting. Each reader here looks at a few words on
either side of one name and says "subject", "object" or nothing; `attribute` weighs what
they say for all the actors of a sentence against each other.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bilat.extract.cues import WORD, CueRule
from bilat.extract.types import EntityMention, Quantity, Role

# Prepositions that tie a named actor to a figure, and the role they give it.
_OBJECT_PREPOSITIONS = {"from", "by", "with", "through", "via", "across", "against"}
_SUBJECT_PREPOSITIONS = {"in", "to", "into", "for", "of", "at", "on", "inside", "within"}
_THROUGHOUT = {"across", "throughout", "around"}  # before "the country": a place, no route
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
# People who travel count from where they come from, as migrants do (DESIGN.md): "Chinese
# tourists" in Vietnam make China the side and Vietnam the counterpart.
_TRAVELLER_NOUNS = {"tourists", "visitors", "travellers", "travelers", "pilgrims", "holidaymakers"}
_BASE_NOUNS |= _TRAVELLER_NOUNS
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
_ARTICLES = {"the", "a", "an"}
_AND = re.compile(r"['’]?s?\s+and\s+")
_ADJECTIVE_USE = re.compile(r"[ \t]+[a-z]")  # a demonym followed by a lower-case word
_BETWEEN_AND = re.compile(r"\bbetween\s+[^,;]{1,40}\s+and\s*$", re.I)
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")  # "Russia's", "Tajiks'"
_POSSESSIVE_PRONOUNS = {"its", "their"}
_PAREN_AFTER = re.compile(r"\s*\(\s*$")
# The words before a figure that is the whole a share is taken of: "41% of B's $4 billion".
WHOLE_OF = re.compile(
    r"(?:%|\bpercent|\bper cent|\d\s*(?:million|billion|trillion|bn|mn))\s+of\s+(?:the\s+)?"
    r"(?:[\w’'-]+['’]s?\s+)?"
    r"(?:(?:approximately|about|some|nearly|around|roughly|total|estimated)\s+)*$",
    re.I,
)
# A sentence that opens on the whole: "Of the country's $38 billion debt, $6.5 billion …"
WHOLE_OPENING = re.compile(
    r"\bOf\s+(?:the\s+)?(?:[\w’'-]+['’]s?\s+)?"
    r"(?:(?:approximately|about|some|nearly|around|roughly|total|estimated)\s+)*$"
)
_INSTITUTION_OF = re.compile(
    r"\b(?:bank|ministry|government|president|minister|parliament|embassy|army|navy|"
    r"member states|members|member countries)\s+of\s+(?:the\s+)?$",
    re.I,
)


_PLACE_NOUNS = {
    "border", "borders", "frontier", "side", "territory", "coast", "waters", "soil",
    "mainland", "province", "provinces", "city", "cities", "port", "ports", "steppe",
}  # fmt: skip


# "the Chinese coast guard", "Uzbek border guards": a force named after a place acts
_FORCE_AFTER_PLACE = re.compile(r"\s+\S+\s+(?:guards?|police|troops|forces|service)\b", re.I)


def names_a_place(mention: EntityMention, text: str, sentence_end: int) -> bool:
    return (
        mention.cue == "demonym"
        and _ADJECTIVE_USE.match(text, mention.end, sentence_end) is not None
        and _next_word(text, mention.end, sentence_end) in _PLACE_NOUNS
        and _FORCE_AFTER_PLACE.match(text, mention.end, sentence_end) is None
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


def names_travellers(mention: EntityMention, text: str, sentence_end: int) -> bool:
    """Whether a demonym qualifies people who travel ("Chinese tourists")."""
    return (
        mention.cue == "demonym"
        and _ADJECTIVE_USE.match(text, mention.end, sentence_end) is not None
        and _noun_after(text, mention.end, sentence_end) in _TRAVELLER_NOUNS
    )


def _singular(noun: str) -> str:
    """ "contributions" -> "contribution" where only the singular is listed."""
    if noun.endswith("s") and noun not in _HOLDER_NOUNS and noun[:-1] in _HOLDER_NOUNS:
        return noun[:-1]
    return noun


def _holder_or_base(noun: str, fallback: Role) -> Role:
    noun = _singular(noun)
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
    if (
        mention.cue == "demonym"
        and rule is not None
        and "of" in rule.prepositions
        and _previous_word(text, mention.start, sentence_start) == "of"
    ):
        return rule.prepositions["of"]  # "bought $5 billion of Brazilian goods": the seller
    if mention.cue == "demonym" and _ADJECTIVE_USE.match(text, mention.end, sentence_end):
        # "Chinese investment" reads like "China's investment"; "Kazakh exports" like
        # "Kazakhstan's exports".
        noun = _noun_after(text, mention.end, sentence_end)
        if _singular(noun) in _HOLDER_NOUNS or noun in _BASE_NOUNS:
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
    if before in _THROUGHOUT and mention.text[:1].islower():
        return "subject"  # "plants worth $5 billion across the country": where they stand
    if rule is not None and before in rule.prepositions:
        return rule.prepositions[before]
    if before in _OBJECT_PREPOSITIONS:
        return "object"
    if before in _SUBJECT_PREPOSITIONS:
        return "subject"
    return None


def pair_position(
    mention: EntityMention, mentions: Sequence[EntityMention], text: str
) -> Role | None:
    """In "A and B" (two actors joined by "and"), A leads and B is its counterpart. Only a
    neighbour can be joined to a name by "and" alone, so only the two neighbours are read
    (`mentions` in order of start), the one before first."""
    at = bisect.bisect_left([m.start for m in mentions], mention.start)
    before = mentions[at - 1] if at > 0 else None
    after = next((m for m in mentions[at:] if m.start > mention.end), None)
    if (
        before is not None
        and before.end < mention.start
        and _AND.fullmatch(text, before.end, mention.start)
    ):
        return "object"
    if after is not None and _AND.fullmatch(text, mention.end, after.start):
        return "subject"
    return None


# Verbs whose doer is the side a figure is about, whatever the indicator: the recipient.
_RECEIVING = re.compile(
    r"\s+(?:(?:has|have|had|also|thus|then|already)\s+){0,2}"
    r"(?:receiv|benefit|obtain|got\b|gets\b|attract|accept|borrow|host|took\b|takes\b|"
    r"bought\b|buys\b|purchased\b)",
    re.I,
)


def is_recipient(mention: EntityMention, text: str, sentence_end: int) -> bool:
    """ "Kyrgyzstan received $2 billion", "A has benefited from a write-off"."""
    return _RECEIVING.match(text, mention.end, sentence_end) is not None


# A lower-case word right before a name (past "the") that reads as a verb makes the name its
# object: "leads the CSTO", "joined the EAEU", "left the alliance".
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+(?:the\s+)?\Z")
_IRREGULAR_VERBS = frozenset(
    WORD.findall(
        "left led took gave sent lent kept made sold paid won lost got held built became "
        "brought put set hit met told urged quit"
    )
)
_S_WORDS = frozenset(
    WORD.findall(
        "as is was has does its his this thus plus us perhaps whereas unless towards afterwards "
        "besides years months decades weeks days times always"
    )
)


def _object_of_verb(mention: EntityMention, text: str, floor: int) -> bool:
    found = _WORD_BEFORE.search(text, max(floor, mention.start - 30), mention.start)
    if found is None:
        return False
    word = found[1]
    if word in _IRREGULAR_VERBS:
        return True
    return word.endswith(("s", "ed")) and not word.endswith("ss") and word not in _S_WORDS


def is_agent(mention: EntityMention, text: str, sentence_end: int, sentence_start: int = 0) -> bool:
    """A name right before a verb is the one acting: "China invested", "Russia keeps"; not
    one that is itself a verb's object ("leads the CSTO alliance and keeps …")."""
    if _object_of_verb(mention, text, sentence_start):
        return False
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


def indirect_object(
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


# "a pipeline that crosses Georgia and Turkey", "a route transiting Kazakhstan"
_CROSSING = re.compile(
    r"\b(?:cross(?:es|ed|ing)?|transit(?:s|ed|ing)?|traverses?|(?:runs?|passes|passing)\s+through)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def crossed_countries(mentions: Sequence[EntityMention], text: str) -> set[int]:
    """Where the countries that a route only crosses start: the one after a crossing verb and
    the others of its list ("crosses Georgia and Turkey")."""
    found: set[int] = set()
    chained = False
    previous_end = -1
    for m in mentions:
        after_list = chained and _LIST_STEP.fullmatch(text, previous_end, m.start) is not None
        if _CROSSING.search(text, max(0, m.start - 24), m.start) or after_list:
            found.add(m.start)
            chained = True
        else:
            chained = False
        previous_end = m.end
    return found


_LIST_STEP = re.compile(r",?\s+(?:and\s+)?|,\s*")


# "Turkish-speaking groups", "Russian-language schools": a language, not an actor
_LANGUAGE_USE = re.compile(r"[-‐‑](?:speaking|speakers?|language)\b")


@dataclass(frozen=True, slots=True)
class SentenceActors:
    """What a sentence's words say of each actor whatever the figure: read once for all of
    the sentence's figures."""

    actors: tuple[EntityMention, ...]  # without demonyms that name a place or a language
    crossed: frozenset[int]  # starts of countries a route only crosses
    pairs: dict[int, Role]  # start -> the part "A and B" gives it
    agents: frozenset[int]  # starts of actors right before a verb of their own
    recipients: frozenset[int]  # starts of those whose verb receives ("A received")


@lru_cache(maxsize=16)
def read_actors(
    text: str, start: int, end: int, mentions: tuple[EntityMention, ...]
) -> SentenceActors:
    actors = tuple(
        m
        for m in mentions
        if not names_a_place(m, text, end) and not _LANGUAGE_USE.match(text, m.end, end)
    )
    pairs = {m.start: role for m in actors if (role := pair_position(m, actors, text))}
    agents = frozenset(m.start for m in actors if is_agent(m, text, end, start))
    return SentenceActors(
        actors,
        frozenset(crossed_countries(actors, text)),
        pairs,
        agents,
        frozenset(m.start for m in actors if m.start in agents and is_recipient(m, text, end)),
    )
