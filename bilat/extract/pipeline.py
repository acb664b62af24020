"""From a document's text to its records: sentences, claims and events.

`extract_document` is a pure function of the document: it reads nothing else and writes
nothing, so it can run anywhere (a process pool, a cluster) and its results be written to the
store afterwards, one transaction per document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilat.extract import tables
from bilat.extract.attribute import attribute
from bilat.extract.clauses import figure_clause
from bilat.extract.ellipsis import (
    counted_by_phrase,
    elliptic_figures,
    persons_continued,
    promote_persons,
)
from bilat.extract.events import find_event
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.lists import lists_as_regions, long_lists, respectively
from bilat.extract.quantities import find_quantities
from bilat.extract.roles import names_an_institution, role_of
from bilat.extract.sentences import split_sentences
from bilat.extract.spans import Spans, starting_in
from bilat.extract.timex import find_times
from bilat.extract.types import EntityMention, Quantity, Role, Sentence, TimeMention
from bilat.ingest.layout import Block, blocks, paragraph_at, paragraphs
from bilat.model import Claim, Document, Event, TimeRef
from bilat.reference import Region, regions

_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"\s*[•\-*–]\s")


class _Table:
    """A table found in a block: its year columns, its caption, and the side it is about."""

    def __init__(self, columns: list[tables.Column], caption: str) -> None:
        self.columns = columns
        self.caption = caption
        found = default_gazetteer().find(caption)
        sides = [m.entity for m in found if role_of(m, caption, 0, len(caption), None)]
        self.subject: str | None = sides[0] if sides else None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def _outside(
    mentions: Sequence[EntityMention], quantities: Sequence[Quantity]
) -> list[EntityMention]:
    """The mentions that lie outside every figure (both lists sorted by start), and the
    demonyms of a figure's noun ("10,000 Mongolian students"), which name its side."""
    kept: list[EntityMention] = []
    index = 0
    for mention in mentions:
        while index < len(quantities) and quantities[index].end <= mention.start:
            index += 1
        if (
            index < len(quantities)
            and quantities[index].start < mention.end
            and (mention.cue != "demonym" or mention.start == quantities[index].start)
        ):
            continue
        kept.append(mention)
    return kept


_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z .'’-]{2,40},[ \t]+([^\n—–]{4,40}?)[ \t]*[—–-]")


def dateline(text: str, start: int = 0) -> str | None:
    """The date of a news dateline near the top of a text: "YEREVAN, 2 February 2024 —"."""
    for line in _LINE.finditer(text, start, min(len(text), start + 600)):
        match = _DATELINE.match(text, line.start(), line.end())
        if match:
            found = find_times(text, match.start(1), match.end(1))
            if found:
                return found[0].time.start
    return None


class _DocumentExtractor:
    def __init__(self, document: Document, body_start: int) -> None:
        self.document = document
        self.text = document.text
        self.body_start = body_start
        self.gazetteer = default_gazetteer()
        self.result = Extraction(document)
        self.paragraphs = paragraphs(self.text, body_start)
        # The document's date resolves "last year" and office holders; a dateline
        # ("ASTANA, 14 March 2024 —") stands in when the metadata has none.
        self.date = document.published or dateline(self.text, body_start)
        self.topic = self._topic()
        self.region = self._region()

    def run(self) -> Extraction:
        caption = ""
        self.section: str | None = None
        for number, block in enumerate(blocks(self.text, self.body_start)):
            if block.is_heading and number > 0:  # the title gives the topic, not a section
                self.section = self._section_focus(block)
            self._block(block, caption)
            caption = self.text[block.start : block.end]
        return self.result

    def _section_focus(self, heading: Block) -> str | None:
        """The country a section is about: the one its heading names besides the document's
        topic ("Russia and Kyrgyzstan: …" in a document about Russia), if just one."""
        named = {
            m.entity
            for m in self.gazetteer.find(self.text, heading.start, heading.end, at=self.date)
            if m.kind == "country" and m.entity != self.topic
        }
        return named.pop() if len(named) == 1 else None

    def _block(self, block: Block, caption: str) -> None:
        """The claims and events of one block; `caption` is the block before it, which
        introduces a table ("… in millions of euros")."""
        text, doc = self.text, self.document
        block_span = (block.start, block.end)
        quantities = [promote_persons(q, text) for q in find_quantities(text, *block_span)]
        # A name inside a figure is part of its notation ("US$333 million"), not an actor.
        mentions = Spans(
            _outside(self.gazetteer.find(text, block.start, block.end, at=self.date), quantities)
        )
        times = Spans(find_times(text, block.start, block.end, doc_date=self.date))
        sentences = split_sentences(text, block.start, block.end)
        extra = [
            q
            for s in sentences
            for find in (elliptic_figures, counted_by_phrase)
            for q in find(text, s.start, s.end, quantities, times)
        ]
        unique = {(q.start, q.end): q for q in extra}  # two readers may find the same figure
        merged = sorted([*quantities, *unique.values()], key=lambda q: q.start)
        quantities = Spans(persons_continued(merged, [s.start for s in sentences]))
        self.result.sentences.extend(sentences)
        table: _Table | None = None
        row_actor: str | None = None
        previous: Claim | None = None
        last: Claim | None = None
        sentence_starts = [s.start for s in sentences]
        carried: dict[int, tuple[Spans | None, TimeRef | None]] = {}
        latest: dict[tuple[int, str], Claim] = {}  # (sentence, unit) -> its last claim
        for line_match in _LINE.finditer(text, block.start, block.end):
            line = (line_match.start(), line_match.end())
            line_quantities = starting_in(quantities, *line)
            line_mentions = starting_in(mentions, *line)
            if table is None and not line_quantities:
                columns = tables.header_columns(text, *line)
                if columns:
                    table = _Table(columns, caption + "\n" + text[block.start : line[0]])
                    continue
            if (
                table is not None
                and line_mentions
                and line_mentions[0].start - line[0] <= 2
                and not _BULLET.match(text, line[0])
            ):
                row_actor = line_mentions[0].entity
                self._table_row(table, line, line_quantities, line_mentions[0], mentions)
                continue
            for quantity in line_quantities:
                index = max(bisect.bisect_right(sentence_starts, quantity.start) - 1, 0)
                sentence = sentences[index] if sentences else Sentence(*line)
                context = self._context(index, sentences, mentions, previous, row_actor)
                pair = self._both(index, sentences, mentions)
                hints = respectively(text, sentence, quantities, mentions)
                hint = hints.get(quantity.start)
                lead = (
                    (last.subject, last.indicator)
                    if last is not None
                    and last.sentence_span == (sentence.start, sentence.end)
                    and last.unit == quantity.unit
                    else None
                )
                before = latest.get((index - 1, quantity.unit))
                if (
                    lead is None
                    and before is not None
                    and _ROLE_NOUN.search(text, sentence.start, sentence.end)
                ):
                    # "Remittances hit $4.9 billion. The US remained the largest source,
                    # sending $2.6 billion": the measure goes on from the sentence before
                    lead = (None, before.indicator)
                if index not in carried:  # what the sentence takes from those before it
                    refs = self._coreferents(index, sentences, mentions) if sentences else None
                    own = starting_in(refs or mentions, sentence.start, sentence.end)
                    carried[index] = (
                        lists_as_regions(text, own) or refs,
                        self._carried_time(index, sentences, times, mentions),
                    )
                refs, carried_time = carried[index]
                if sentences and self.region is not None:
                    refs = self._region_refs(sentence, refs or mentions) or refs
                actors = refs or mentions
                if hint is not None:  # the other countries of the list go with other figures
                    paired = set(hints.values()) - {hint}
                    actors = Spans(
                        m for m in starting_in(actors, sentence.start, sentence.end)
                        if m.entity not in paired
                    )  # fmt: skip
                else:  # "Ukrainians, Germans, Tatars and Uzbeks": no one of them is the side
                    listed = long_lists(text, starting_in(actors, sentence.start, sentence.end))
                    if listed:
                        actors = Spans(
                            m for m in starting_in(actors, sentence.start, sentence.end)
                            if m.start not in listed
                        )  # fmt: skip
                claim = self._claim(
                    quantity, sentence, quantities, actors, times, context, carried_time,
                    hint=pair[0] if pair else hint, object_hint=pair[1] if pair else None,
                    lead=lead,
                    previous_counterpart=(
                        (previous.object, previous.indicator)
                        if previous is not None and previous.object
                        else None
                    ),
                )  # fmt: skip
                if claim.subject:
                    previous = claim
                last = latest[(index, claim.unit)] = claim
                self.result.claims.append(claim)
        for sentence in sentences:
            event = find_event(
                text,
                (sentence.start, sentence.end),
                starting_in(mentions, sentence.start, sentence.end),
                starting_in(times, sentence.start, sentence.end),
                source_id=doc.source_id,
                document_id=doc.id,
            )
            if event is not None:
                self.result.events.append(event)

    def _carried_time(
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
        return self._carried_time(index - 1, sentences, times, mentions, chained=True)

    def _coreferents(
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
        pronoun = _PRONOUN_OPENER.match(self.text, sentence.start + lead, sentence.end)
        if pronoun is not None:
            entity, distance = self._last_opener(index, sentences, mentions)
            if entity is not None and distance == 1:  # a pronoun reaches one sentence back
                resolved.append((pronoun, entity))
        extra = [
            EntityMention(m.start(), m.end(), m.group(), entity, "country", "alias")
            for m, entity in resolved
            if not any(o.start < m.end() and m.start() < o.end for o in own)
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

    def _region_refs(self, sentence: Sentence, mentions: Sequence[EntityMention]) -> Spans | None:
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

    def _both(
        self, index: int, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]
    ) -> tuple[str, str] | None:
        """ "The border the two countries share": the two countries are the ones this sentence
        and the one before it name, nearest first."""
        if not sentences:
            return None
        sentence = sentences[index]
        if not _BOTH.search(self.text, sentence.start, sentence.end):
            return None
        spans = [sentence] + ([sentences[index - 1]] if index > 0 else [])
        found: list[str] = []
        for span in spans:
            for m in starting_in(mentions, span.start, span.end):
                if m.kind == "country" and m.entity not in found:
                    found.append(m.entity)
        return (found[0], found[1]) if len(found) >= 2 else None

    def _context(
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

    def _claim(
        self,
        quantity: Quantity,
        sentence: Sentence,
        quantities: Sequence[Quantity],
        mentions: Sequence[EntityMention],
        times: Sequence[TimeMention],
        context: Sequence[tuple[str, Role | None]],
        context_time: TimeRef | None,
        clause: tuple[int, int] | None = None,
        near: tuple[int, int] | None = None,
        cue: str | None = None,
        *,
        hint: str | None = None,
        object_hint: str | None = None,
        lead: tuple[str | None, str] | None = None,
        previous_counterpart: tuple[str, str] | None = None,
    ) -> Claim:
        if clause is None:
            clause = figure_clause(self.text, quantity, quantities, sentence)
        sentence_mentions = starting_in(mentions, sentence.start, sentence.end)
        sentence_times = starting_in(times, sentence.start, sentence.end)
        found = attribute(
            quantity,
            self.text,
            (sentence.start, sentence.end),
            sentence_mentions,
            sentence_times,
            clause,
            context,
            context_time,
            near=near,
            cue=cue,
            subject_hint=hint,
            object_hint=object_hint,
            lead=lead,
            previous_counterpart=previous_counterpart,
            later_figures=[
                q.start
                for q in starting_in(quantities, quantity.end, sentence.end)
                if q is not quantity
            ],
            earlier_ends=[q.end for q in starting_in(quantities, sentence.start, quantity.start)],
        )
        para = paragraph_at(self.paragraphs, quantity.start)
        return Claim(
            indicator=found.indicator,
            subject=found.subject,
            object=found.object,
            value=quantity.value,
            value_max=quantity.value_max,
            unit=quantity.unit,
            qualifier=quantity.qualifier,
            time=found.time,
            source_id=self.document.source_id,
            document_id=self.document.id,
            span=(quantity.start, quantity.end),
            sentence_span=(sentence.start, sentence.end),
            sentence=self.text[sentence.start : sentence.end],
            locator=para.locator() if para else None,
            method=f"rules:{found.how}" if found.how else "rules",
            confidence=found.confidence,
        )

    def _table_row(
        self,
        table: _Table,
        line: tuple[int, int],
        quantities: Sequence[Quantity],
        label: EntityMention,
        mentions: Sequence[EntityMention],
    ) -> None:
        """The claims of a table row: its k-th value sits in the header's k-th column, which
        gives the year and, where it names one ("Trade With Russia"), the counterpart; the
        caption names the other side when the rows list partners ("Serbia's trade")."""
        caption_unit = tables.caption_unit(table.caption)
        values = tables.row_values(self.text, line[0], line[1], quantities, label.end)
        for column, value in zip(table.columns, values, strict=False):
            header_words = self.text[column.start : column.end]
            if isinstance(value, Quantity):
                quantity: Quantity | None = value
            else:
                unit = tables.column_unit(header_words) or caption_unit
                quantity = tables.bare_quantity(self.text, value, unit) if unit else None
            if quantity is None:
                continue
            header_actors = starting_in(mentions, column.start, column.end)
            context: list[tuple[str, Role | None]] = [(m.entity, "object") for m in header_actors]
            if header_actors or table.subject is None:
                context.append((label.entity, "subject"))
            else:
                context += [(table.subject, "subject"), (label.entity, "object")]
            near = (column.start, column.end)
            cue = header_words + " " + table.caption
            row = Sentence(*line)
            claim = self._claim(
                quantity, row, [quantity], [], [], context, TimeRef(str(column.year)), line,
                near, cue,
            )  # fmt: skip
            self.result.claims.append(claim)


# Phrases that stand for the region a document is about.
_REGION_WORD = re.compile(r"\b(?:[Tt]he|[Rr]egional)\b")
_REGION_REF = re.compile(
    r"\b(?:[Tt]he (?:region\b|(?P<count>two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:countries|states|republics|nations)\b)|[Rr]egional\b)"
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}  # fmt: skip
# A partner named by the part it plays in the measure the sentence before gave.
_ROLE_NOUN = re.compile(
    r"\b(?:largest|biggest|main|leading|top|second|third|single|chief|principal)\s+"
    r"(?:single\s+)?(?:source|sender|supplier|buyer|market|partner|recipient|donor|lender|"
    r"investor|creditor|destination|customer|importer|exporter)s?\b",
    re.I,
)
# Phrases that stand for a country named before: the side the paragraph is about.
_COREF = re.compile(r"\b(?:[Tt]he (?:country|government|authorities))\b")
_PRONOUN_OPENER = re.compile(r"(?:It|Its)\b(?!\s+(?:is|was|has been|seems|appears)\s)")
# How a sentence that goes on with the one before it opens.
_CONTINUES = re.compile(
    r"\s*(?:It|Its|They|Their|This|That|These|Those|Only|Of (?:these|them|this|that)|"
    r"The (?:number|figure|same|total|rest|remainder|remaining|share)|"
    r"(?:Yet|But|However|Still|Thus|So|Meanwhile|Moreover|In turn|At the same time|"
    r"Simultaneously|In the same year|That year),?)\b"
)
_DEFINITE = re.compile(r"\s*The\s")
_BOTH = re.compile(
    r"\b(?:the two|both) (?:countries|states|sides|governments|neighbou?rs|nations)\b", re.I
)


def extract_document(document: Document, body_start: int = 0) -> Extraction:
    """Every sentence, claim and event in a document. Pure: no I/O."""
    return _DocumentExtractor(document, body_start).run()


def contract_row(claim: Claim, doc: str, text: str) -> dict[str, Any]:
    """A claim as `bilat extract --format jsonl` prints it (the contract in DESIGN.md)."""
    start, end = claim.span or (0, 0)
    return {
        "doc": doc,
        "start": start,
        "end": end,
        "text": text[start:end],
        "sentence": claim.sentence,
        "indicator": claim.indicator,
        "subject": claim.subject,
        "object": claim.object,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "time": str(claim.time) if claim.time else None,
        "confidence": claim.confidence,
    }


def extract_text(
    text: str, *, doc: str = "<text>", published: str | None = None
) -> Iterator[dict[str, Any]]:
    """The contract rows of a text already in memory (no file, no store)."""
    document = Document(Document.make_id(text), "text", doc, doc, text, published)
    for claim in extract_document(document).claims:
        yield contract_row(claim, doc, text)


def extract_file(path: str | Path) -> Iterator[dict[str, Any]]:
    """The contract rows of one file; raises InputError if it cannot be read."""
    from bilat.ingest.documents import load

    document, _source, body_start = load(Path(path))
    extraction = extract_document(document, body_start)
    for claim in extraction.claims:
        yield contract_row(claim, str(path), document.text)
