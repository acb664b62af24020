"""Reading a question: who it names, what it asks (kind, dimension, indicator, action), when.

The reader is rules over the gazetteer and the vocabulary (vocabulary.yaml); nothing in it is
specific to a country, organisation or year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from bilat.answer.vocabulary import vocabulary
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.timex import find_times
from bilat.extract.types import EntityMention
from bilat.model import TimeRef
from bilat.ontology import dimension_of
from bilat.reference import UnknownEntityError, countries, resolve
from bilat.report.format import parties

Kind = Literal["overview", "figure", "comparison", "date", "list"]
KINDS: tuple[Kind, ...] = ("overview", "figure", "comparison", "date", "list")
TimeRelation = Literal["point", "since", "until", "interval", "latest"]
Role = Literal["in", "from", "of", "with", "to", "poss"]
Side = Literal["subject", "object"]
_DEFAULT_SIDE: dict[Role, Side] = {
    "in": "subject",
    "of": "subject",
    "poss": "subject",
    "to": "subject",  # "remittances to X": X receives; "{s} to {o}" indicators say otherwise
    "from": "object",
    "with": "object",
}

_DATE = re.compile(
    r"^\W*(?:since\s+when|when|(?:in\s+)?(?:what|which)\s+year|(?:on\s+)?what\s+date|"
    r"how\s+long\s+ago)\b",
    re.IGNORECASE,
)
_COMPARE_ALWAYS = re.compile(r"\b(?:compare[sd]?|comparison|comparing|versus|vs)\b", re.I)
_COMPARATIVE = re.compile(
    r"\b(?:bigger|biggest|larger|largest|greater|greatest|more|most|less|fewer|higher|highest|"
    r"lower|lowest|smaller|smallest|leads?|leading|ahead|dominant|dominates?|main|top)\b",
    re.IGNORECASE,
)
_WHO_WHICH = re.compile(r"^\W*(?:who|which|what\s+(?:country|state|power|partner))\b", re.I)
_LIST = re.compile(
    r"^\W*(?:(?:who|which|what)\s+(?:countries|states|nations|powers|partners|members|"
    r"organi[sz]ations|blocs|alliances|groups|bodies|unions|institutions|ones)\b|"
    r"who\b|list\b|name\b|where\b|which\b)",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"\b(?:how\s+(?:much|many|large|big|high|long|far|important|dependent|reliant)|"
    r"what\s+(?:share|percentage|percent|proportion|part|portion|fraction|amount|number|"
    r"level|value|volume|size|figure)|what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+the)\b",
    re.IGNORECASE,
)
_OVERVIEW = re.compile(
    r"\b(?:relations?|relationship|ties|tell\s+(?:me|us)\s+about|overview|brief|"
    r"what\s+do\s+(?:we|you)\s+know|situation|how\s+(?:are|is|do|does)\s+\w+(?:'s)?\s+"
    r"(?:\w+\s+)?(?:get(?:ting)?\s+along|relat\w*))\b",
    re.IGNORECASE,
)
_LATEST = re.compile(r"\b(?:latest|most\s+recent|newest|current(?:ly)?|now|today)\b", re.I)
_ROLE_WORDS: dict[str, Role] = {
    "in": "in",
    "inside": "in",
    "into": "in",
    "within": "in",
    "on": "in",
    "at": "in",
    "from": "from",
    "by": "from",
    "of": "of",
    "with": "with",
    "to": "to",
    "towards": "to",
}
_WORD_BEFORE = re.compile(r"(\w+)\W*\Z")
_POSSESSIVE = re.compile(r"\A(?:'s|’s|'|’)(?!\w)")
_OR = re.compile(r"\A\s*,?\s*(?:or|versus|vs\.?)\s*(?:the\s+)?\Z", re.IGNORECASE)
_AND = re.compile(r"\A\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?\Z", re.IGNORECASE)
# Comparative words that do not weigh one entity against another.
_NOT_COMPARING = re.compile(r"\b(?:more|most|less|fewer)\s+(?:recent(?:ly)?|than)\b", re.I)
_CODE = re.compile(r"\b[A-Z]{3}\b")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_FIRST_LETTER = re.compile(r"\b[a-z]")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity the question names, resolved to an id (a person to their country)."""

    id: str
    kind: str  # country, bloc, organisation, region, person
    text: str
    cue: str  # name, alias, demonym, capital, organisation, person, code
    start: int
    end: int
    role: Role | None = None  # the word before it ("in", "from" ...) or "poss" for X's


@dataclass(frozen=True, slots=True)
class Question:
    """What a question asks, as far as rules can read it."""

    text: str
    kind: Kind
    mentions: tuple[Mention, ...] = ()
    dimension: str | None = None
    indicators: tuple[str, ...] = ()
    time: TimeRef | None = None
    time_relation: TimeRelation | None = None
    action: str | None = None
    words: tuple[str, ...] = ()  # content words, for the passage search
    asks_organisations: bool = False
    alternatives: tuple[str, ...] = ()  # "China or Russia": the entities weighed
    people: tuple[str, ...] = ()  # people named, as written

    @property
    def entities(self) -> tuple[str, ...]:
        """Ids named, in order of first mention, each once."""
        return tuple(dict.fromkeys(m.id for m in self.mentions))

    def of_kind(self, *kinds: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.id for m in self.mentions if m.kind in kinds))

    @property
    def countries(self) -> tuple[str, ...]:
        """Countries and blocs named, people read as their country."""
        return self.of_kind("country", "bloc", "person")

    @property
    def organisations(self) -> tuple[str, ...]:
        return self.of_kind("organisation")

    @property
    def regions(self) -> tuple[str, ...]:
        return self.of_kind("region")

    def roles(self, entity: str) -> set[Role]:
        return {m.role for m in self.mentions if m.id == entity and m.role is not None}

    def side(self, entity: str, indicator: str) -> Side | None:
        """Which side of a figure the question puts the entity on, if its words say."""
        sides = {side_of(role, indicator) for role in self.roles(entity)} - {None}
        return sides.pop() if len(sides) == 1 else None


def side_of(role: Role, indicator: str) -> Side | None:
    """The side a preposition puts an entity on, read from how the indicator's parties are
    written ("{s} to {o}" for exports, "{s} in {o}" for migrants); otherwise "in X", "of X"
    and "X's" name the subject (host, recipient) and "from X", "with X" the counterpart."""
    if role in ("in", "to", "from", "with"):
        template = parties({"indicator": indicator, "subject": "SUBJ", "object": "OBJ"}, {})
        found = re.search(rf"\b{role} (SUBJ|OBJ)\b", template)
        if found:
            return "subject" if found.group(1) == "SUBJ" else "object"
        if role == "to" and re.search(r"\b(?:in|via) OBJ\b", template):
            return "object"  # "migrants to X" go where "migrants in X" are
    return _DEFAULT_SIDE.get(role)


def _role(text: str, start: int, end: int) -> Role | None:
    if _POSSESSIVE.match(text[end:]):
        return "poss"
    before = _WORD_BEFORE.search(text, 0, start)
    if before is None:
        return None
    word = before.group(1).lower()
    if word == "the":  # "in the CSTO": look one word further back
        before = _WORD_BEFORE.search(text, 0, before.start())
        word = before.group(1).lower() if before else ""
    return _ROLE_WORDS.get(word)


def _capitalised(text: str) -> str:
    """The text with every word capitalised, offsets unchanged (for questions in lower case)."""
    return _FIRST_LETTER.sub(lambda m: m.group().upper(), text)


def _overlaps(found: list[EntityMention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in found)


def find_mentions(text: str) -> list[EntityMention]:
    """Countries, organisations, regions and people named: as written, in lower case (a
    question typed in lower case is read again with capitals), or as ISO codes ("KAZ")."""
    gazetteer = default_gazetteer()
    found = gazetteer.find(text)
    for extra in gazetteer.find(_capitalised(text)):
        written = text[extra.start : extra.end]
        if (
            written.islower()
            and written not in vocabulary().ordinary_words
            and not _overlaps(found, extra.start, extra.end)
        ):
            found.append(replace(extra, text=written))
    for code in _CODE.finditer(text):
        if _overlaps(found, code.start(), code.end()):
            continue
        try:
            entity = resolve(code.group())
        except UnknownEntityError:
            continue
        if entity in countries():
            found.append(
                EntityMention(code.start(), code.end(), code.group(), entity, "country", "name")
            )
    return sorted(found, key=lambda m: m.start)


def _alternatives(text: str, mentions: list[Mention]) -> tuple[str, ...]:
    """The longest run of entities joined by "or" ("China or Russia"); by "and" too after
    "compare" ("compare China and Russia"), where "and" does not just name a pair."""
    joiners = [_OR, _AND] if _COMPARE_ALWAYS.search(text) else [_OR]
    best: list[str] = []
    run: list[str] = []
    for previous, current in zip([None, *mentions], mentions, strict=False):
        between = text[previous.end : current.start] if previous is not None else ""
        joined = previous is not None and any(j.match(between) for j in joiners)
        run = [*run, current.id] if joined else [current.id]
        if len(set(run)) > len(set(best)):
            best = list(run)
    return tuple(dict.fromkeys(best)) if len(set(best)) > 1 else ()


def _kind(text: str, indicators: tuple[str, ...], alternatives: tuple[str, ...]) -> Kind:
    if _DATE.search(text):
        return "date"
    if _COMPARE_ALWAYS.search(text):
        return "comparison"
    comparative = _COMPARATIVE.search(_NOT_COMPARING.sub(" ", text)) is not None
    if comparative and (alternatives or _WHO_WHICH.search(text)):
        return "comparison"
    if _LIST.search(text):
        return "list"
    if _OVERVIEW.search(text) and not indicators:
        return "overview"
    if _FIGURE.search(text) or indicators:
        return "figure"
    return "overview"


def _time(text: str) -> tuple[TimeRef | None, TimeRelation | None]:
    times = find_times(text)
    if times:
        mention = times[0]
        relation: TimeRelation = "point"
        if mention.relation == "since":
            relation = "since"
        elif mention.relation == "until":
            relation = "until"
        elif mention.time.end is not None:
            relation = "interval"
        return mention.time, relation
    if _LATEST.search(text):
        return None, "latest"
    return None, None


def _words(text: str, mentions: list[Mention]) -> tuple[str, ...]:
    """Content words, without the names (the entities are searched for on their own)."""
    stop = vocabulary().stopwords
    words: list[str] = []
    for token in _TOKEN.finditer(text):
        if _overlaps_any(mentions, token.start(), token.end()):
            continue
        word = re.sub(r"['’]s?$", "", token.group().lower())
        if len(word) > 1 and word not in stop and not word.isdigit():
            words.append(word)
    return tuple(dict.fromkeys(words))


def _overlaps_any(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def parse_question(text: str) -> Question:
    """Read a question in plain English (see the module docstring)."""
    text = " ".join(text.split())
    vocab = vocabulary()
    mentions = [
        Mention(m.entity, m.kind, m.text, m.cue, m.start, m.end, _role(text, m.start, m.end))
        for m in find_mentions(text)
    ]
    chosen = next((r.indicators for r in vocab.indicator_rules if r.matches(text)), ())
    dimension = next((d for d, p in vocab.dimensions.items() if p.search(text)), None)
    if chosen:
        dimension = dimension_of(chosen[0]) or dimension
    alternatives = _alternatives(text, mentions)
    time, relation = _time(text)
    action = next((a.name for a in vocab.actions if a.pattern.search(text)), None)
    kind = _kind(text, chosen, alternatives)
    return Question(
        text=text,
        kind=kind,
        mentions=tuple(mentions),
        dimension=dimension,
        indicators=chosen,
        time=time,
        time_relation=relation,
        action=action,
        words=_words(text, mentions),
        asks_organisations=bool(vocab.organisation_words.search(text)),
        alternatives=alternatives if kind == "comparison" else (),
        people=tuple(m.text for m in mentions if m.kind == "person"),
    )
