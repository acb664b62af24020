"""What a sentence takes from its document and from the sentences before it.

A sentence seldom names everything its figures are about. The document has a topic (the
country its title names) and a region, a section has the country its heading names, and a
sentence goes on from the ones before it: "the country" and an opening "It" stand for the
country named before, "the region" and "the five states" for the document's region, "the
two countries" for the two just named, and a sentence that names no time may carry the one
before it. `Discourse` holds what one document says about itself and answers these
questions for the document walk in `pipeline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.gazetteer import Gazetteer
from bilat.extract.roles import names_an_institution, role_of
from bilat.extract.sentences import split_sentences
from bilat.extract.spans import Spans, starting_in
from bilat.extract.timex import find_times
from bilat.extract.types import EntityMention, Role, Sentence, TimeMention
from bilat.ingest.layout import Block, blocks
from bilat.model import Claim, TimeRef
from bilat.reference import Region, regions

# Phrases that stand for the region a document is about.
_REGION_WORD = re.compile(r"\b(?:[Tt]he|[Rr]egional)\b")
_REGION_REF = re.compile(
    r"\b(?:[Tt]he (?:region\b|(?P<count>two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:countries|states|republics|nations)\b)|[Rr]egional\b)"
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}  # fmt: skip
# A partner named by the part it plays in the measure the sentence before gave.
ROLE_NOUN = re.compile(
    r"\b(?:largest|biggest|main|leading|top|second|third|single|chief|principal)\s+"
    r"(?:single\s+)?(?:source|sender|supplier|buyer|market|partner|recipient|donor|lender|"
    r"investor|creditor|destination|customer|importer|exporter)s?\b",
    re.I,
)
# Phrases that stand for a country named before: the side the paragraph is about.
_COREF = re.compile(r"\b(?:[Tt]he (?:country|government|authorities))\b")
_PRONOUN_OPENER = re.compile(r"(?:It|Its)\b(?!\s+(?:is|was|has been|seems|appears)\s)")
# "Russia supplied 90 percent of the arms, and in 2024 it handed over four helicopters": an
# "it" that opens a coordinated clause goes on with the one that opened the sentence.
_CLAUSE_IT = re.compile(
    r"\b(?:and|but|while|so)\s+(?:(?:in|by|since)\s+\d{4},?\s+)?(?P<it>it)\s+"
    r"(?:also\s+|then\s+|later\s+)?[a-z]+(?:ed|s)\b"
)
# How a sentence that goes on with the one before it opens.
_CONTINUES = re.compile(
    r"\s*(?:It|Its|They|Their|This|That|These|Those|Only|Of (?:these|them|this|that)|"
    r"The (?:number|figure|same|total|rest|remainder|remaining|share)|"
    r"(?:Yet|But|However|Still|Thus|So|Meanwhile|Moreover|In turn|At the same time|"
    r"Simultaneously|In the same year|That year),?)\b"
)
_DEFINITE = re.compile(r"\s*The\s")
_BOTH = re.compile(
    r"\b(?:the two|both) (?:countries|states|sides|governments|neighbou?rs|nations|armies|"
    r"militaries|navies|leaders|presidents|capitals|economies)\b",
    re.I,
)


# A list item: a bullet, a dash or a number with a stop ("• $2 billion …", "1. cut …").
_ITEM = re.compile(r"\s*(?:[•\-*–]|\d{1,2}[.)])\s")


@dataclass(frozen=True, slots=True)
class LeadIn:
    """What the sentence introducing a list ("Chinese investment in A in 2023 included:")
    gives each of its items: actors, with the part their words give them, and a time."""

    actors: tuple[tuple[str, Role | None], ...]
    time: TimeRef | None


class Discourse:
    """The topic, region and current section of one document, and what each of its
    sentences takes from them and from the sentences before it."""

    def __init__(self, text: str, body_start: int, gazetteer: Gazetteer, date: str | None) -> None:
        self.text = text
        self.body_start = body_start
        self.gazetteer = gazetteer
        self.date = date
        self.topic = self._topic()
        self.region = self._region()
        self.section: str | None = None  # the country of the section being read, if any
        self.section_by_name = False  # whether its heading names it (not by a demonym)

    def section_focus(self, heading: Block) -> str | None:
        """The country a section is about: the one its heading names besides the document's
        topic ("Russia and Kyrgyzstan: …" in a document about Russia), if just one."""
        found = [
            m
            for m in self.gazetteer.find(self.text, heading.start, heading.end, at=self.date)
            if m.kind == "country" and m.entity != self.topic
        ]
        named = {m.entity for m in found}
        # "Russia and Kyrgyzstan": the section is about Kyrgyzstan; "The American market"
        # (a demonym) is about the report's country's dealings with America
        self.section_by_name = any(m.cue != "demonym" for m in found)
        return named.pop() if len(named) == 1 else None

    def report_country(self) -> str | None:
        """The country the passage being read is about: the section's, when its heading
        names it, else the document's."""
        if self.section is not None and self.section_by_name:
            return self.section
        return self.topic

    def carried_time(
        self,
        index: int,
        sentences: Sequence[Sentence],
        times: Spans,
        mentions: Spans,
        chained: bool = False,
    ) -> TimeRef | None:
        """The time of the sentence before, for a sentence of the same paragraph that names
        none and continues it ("It rose …", "This was …", "Only 11% …")."""
        if index <= 0 or index >= len(sentences):
            return None
        sentence = sentences[index]
        if starting_in(times, sentence.start, sentence.end):
            return None
        if not _CONTINUES.match(self.text, sentence.start, sentence.end) and not (
            # a sentence that names no one goes on about what the one before named
            _DEFINITE.match(self.text, sentence.start, sentence.end)
            and not starting_in(mentions, sentence.start, sentence.end)
        ):
            return None
        before: list[TimeMention] = starting_in(
            times, sentences[index - 1].start, sentences[index - 1].end
        )
        if before:
            return before[-1].time
        if chained:  # two sentences back at most: further, the time has gone stale
            return None
        # the sentence before named no time but may have carried one itself
        return self.carried_time(index - 1, sentences, times, mentions, chained=True)

    def coreferents(
        self, index: int, sentences: Sequence[Sentence], mentions: Spans
    ) -> Spans | None:
        """The sentence's mentions with "the country", "the government", "the authorities"
        resolved to the country the paragraph last opened a sentence with (or to the
        document's topic when this sentence names that topic itself), and an opening "It" or
        "Its" to the country that opened the sentence just before; None when the sentence has
        no such phrase."""
        sentence = sentences[index]
        own = starting_in(mentions, sentence.start, sentence.end)
        resolved: list[tuple[re.Match[str], str]] = []
        phrases = list(_COREF.finditer(self.text, sentence.start, sentence.end))
        if phrases:
            entity, _ = self._last_opener(index, sentences, mentions)
            if entity is None or any(o.entity == self.topic for o in own):
                entity = self.topic  # the document's country, named here, is the one meant
            if entity is not None:
                resolved += [(m, entity) for m in phrases]
        lead = len(self.text[sentence.start : sentence.end]) - len(
            self.text[sentence.start : sentence.end].lstrip()
        )
        opener = next(
            (o for o in own if o.kind == "country" and o.cue != "demonym"), None
        )  # fmt: skip
        for clause_it in _CLAUSE_IT.finditer(self.text, sentence.start, sentence.end):
            if opener is not None and opener.end <= clause_it.start():
                resolved.append((clause_it, opener.entity))
        pronoun = _PRONOUN_OPENER.match(self.text, sentence.start + lead, sentence.end)
        if pronoun is not None:
            entity, distance = self._last_opener(index, sentences, mentions)
            if entity is not None and distance == 1:  # a pronoun reaches one sentence back
                resolved.append((pronoun, entity))
        spans = [(m.span("it") if "it" in m.groupdict() else m.span(), e) for m, e in resolved]
        extra = [
            EntityMention(a, b, self.text[a:b], entity, "country", "alias")
            for (a, b), entity in spans
            if not any(o.start < b and a < o.end for o in own)
        ]
        if not extra:
            return None
        return Spans(sorted([*own, *extra], key=lambda m: m.start))

    def _last_opener(
        self, index: int, sentences: Sequence[Sentence], mentions: Spans
    ) -> tuple[str | None, int]:
        """The first country named (not as a demonym, not as a bank's owner) in the nearest
        sentence before `index` that names one, and how many sentences back it is."""
        for back in range(1, index + 1):
            before = sentences[index - back]
            for m in starting_in(mentions, before.start, before.end):
                if (
                    m.kind == "country"
                    and m.cue != "demonym"
                    and not names_an_institution(self.text, m, before.start)  # "Bank of China"
                ):
                    return m.entity, back
        return None, 0

    def _region(self) -> Region | None:
        """The region a document is about: the one that holds its topic country, else the one
        its title and opening name most."""
        known = regions()
        if self.topic is not None:
            holding = [r for r in known.values() if self.topic in r.members]
            if len(holding) == 1:
                return holding[0]
        opening = blocks(self.text, self.body_start)[:2]
        if not opening:
            return None
        counts: dict[str, int] = {}
        for m in self.gazetteer.find(self.text, opening[0].start, opening[-1].end):
            if m.kind == "region" and m.entity in known:
                counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return known[ranked[0][0]]

    def region_refs(self, sentence: Sentence, mentions: Sequence[EntityMention]) -> Spans | None:
        """The sentence's mentions with "the region", "regional", "the five states" … read as
        the document's region, when the sentence names no region itself; None if it has no
        such phrase."""
        region = self.region
        if region is None or not _REGION_WORD.search(self.text, sentence.start, sentence.end):
            return None
        own = starting_in(mentions, sentence.start, sentence.end)
        if any(m.kind == "region" for m in own):
            return None
        extra = [
            EntityMention(m.start(), m.end(), m.group(), region.id, "region", "alias")
            for m in _REGION_REF.finditer(self.text, sentence.start, sentence.end)
            if (m.group("count") is None or _NUMBERS.get(m.group("count").lower()) ==
                len(region.members))
            and not any(o.start < m.end() and m.start() < o.end for o in own)
        ]  # fmt: skip
        if not extra:
            return None
        return Spans(sorted([*own, *extra], key=lambda m: m.start))

    def _topic(self) -> str | None:
        """The country a document is about: the first its title names (a headline leads with
        its subject), else the one its opening names most."""
        opening = blocks(self.text, self.body_start)[:2]
        if not opening:
            return None
        if opening[0].is_heading:
            for m in self.gazetteer.find(self.text, opening[0].start, opening[0].end):
                if m.kind == "country":
                    return m.entity
        counts: dict[str, int] = {}
        for m in self.gazetteer.find(self.text, opening[0].start, opening[-1].end):
            if m.kind == "country":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None  # no single country stands out
        return ranked[0][0]

    def both(
        self, index: int, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]
    ) -> tuple[str, str, int] | None:
        """ "The border the two countries share": the two countries are the ones this sentence
        and the one before it name, nearest first; with where the phrase stands."""
        if not sentences:
            return None
        sentence = sentences[index]
        phrase = _BOTH.search(self.text, sentence.start, sentence.end)
        if phrase is None:
            return None
        spans = [sentence] + ([sentences[index - 1]] if index > 0 else [])
        found: list[str] = []
        for span in spans:
            for m in starting_in(mentions, span.start, span.end):
                if m.kind == "country" and m.entity not in found:
                    found.append(m.entity)
        return (found[0], found[1], phrase.start()) if len(found) >= 2 else None

    def lead_in(self, previous: Block | None, block: Block) -> LeadIn | None:
        """The lead-in of a list block: the last sentence of the block before it, when that
        ends with a colon and this block opens with a list item."""
        if previous is None or not self.text[previous.start : previous.end].rstrip().endswith(":"):
            return None
        if not _ITEM.match(self.text, block.start, block.end):
            return None
        sentences = split_sentences(self.text, previous.start, previous.end)
        if not sentences:
            return None
        last = sentences[-1]
        found = self.gazetteer.find(self.text, last.start, last.end, at=self.date)
        if self.region is not None:
            found = self.region_refs(last, found) or found
        # actors whose words give them a part first, the nearest to the colon first
        read = [(m, role_of(m, self.text, last.start, last.end, None)) for m in found]
        read.sort(key=lambda item: (item[1] is None, -item[0].start))
        # a year after the document's date is a goal ("our aims for 2030:"), not a date
        times = [
            t
            for t in find_times(self.text, last.start, last.end, doc_date=self.date)
            if self.date is None or t.time.start[:4] <= self.date[:4]
        ]
        return LeadIn(
            tuple((m.entity, role) for m, role in read), times[-1].time if times else None
        )

    def context(
        self,
        index: int,
        sentences: Sequence[Sentence],
        mentions: Sequence[EntityMention],
        previous: Claim | None,
        row_actor: str | None,
    ) -> list[tuple[str, Role | None]]:
        """Actors the paragraph has already named, for a sentence that names too few: the
        last figure's subject and counterpart, then the actors of the sentence before."""
        context: list[tuple[str, Role | None]] = []
        if row_actor:
            context.append((row_actor, "subject"))
        if previous is not None and previous.subject:
            context.append((previous.subject, "subject"))
        if index > 0:
            before = sentences[index - 1]
            context.extend(
                (m.entity, None) for m in starting_in(mentions, before.start, before.end)
            )
        if self.section:
            context.append((self.section, "subject"))
        if self.topic:
            context.append((self.topic, "subject"))
        return context
