"""From a document's text to its records: sentences, claims and events.

`extract_document` is a pure function of the document: it reads nothing else and writes
nothing, so it can run anywhere (a process pool, a cluster) and its results be written to the
store afterwards, one transaction per document.

This module walks the document: its blocks, lines, tables and sentences. What one figure is
about is read in `attribute`, what a sentence takes from its document and the sentences
before it in `discourse`, and lists of countries that pair with figures in `lists`.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bilat.extract import tables
from bilat.extract.attribute import attribute
from bilat.extract.clauses import NEW_CLAUSE, figure_clause
from bilat.extract.confidence import route_counts
from bilat.extract.cues import cue_rules
from bilat.extract.currencies import localise
from bilat.extract.discourse import ROLE_NOUN, Discourse, LeadIn
from bilat.extract.ellipsis import (
    counted_by_phrase,
    elliptic_figures,
    partitive_figures,
    persons_continued,
    promote_persons,
)
from bilat.extract.events import find_event, named_verbs
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.lists import (
    gapped,
    lists_as_regions,
    long_lists,
    respective_measures,
    respectively,
)
from bilat.extract.quantities import find_quantities
from bilat.extract.roles import role_of
from bilat.extract.sentences import split_sentences
from bilat.extract.sides import ReportSide
from bilat.extract.singles import single_bases
from bilat.extract.spans import Spans, starting_in
from bilat.extract.timex import find_times
from bilat.extract.types import EntityMention, Quantity, Role, Sentence, TimeMention
from bilat.ingest.layout import Block, blocks, paragraph_at, paragraphs
from bilat.model import Claim, Document, Event, TimeRef

_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"\s*[•\-*–]\s")


class _Table:
    """A table found in a block: its year columns, its caption, and the side it is about."""

    def __init__(self, columns: list[tables.Column], caption: str) -> None:
        self.columns = columns
        self.caption = caption
        found = default_gazetteer().find(caption)
        # the actors of the caption, with the part its words give them
        self.actors = [(m.entity, role_of(m, caption, 0, len(caption), None)) for m in found]
        sides = [entity for entity, role in self.actors if role]
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


# "YEREVAN, 2 February 2024 —", "BRASÍLIA, 27 March 2024 —", "SÃO PAULO (Reuters), 4 May —"
_DATELINE = re.compile(
    r"[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’()a-z-]{2,40},[ \t]+([^\n—–]{4,40}?)[ \t]*[—–-]"
)


def dateline(text: str, start: int = 0) -> TimeMention | None:
    """The date of a news dateline near the top of a text: "YEREVAN, 2 February 2024 —"."""
    for line in _LINE.finditer(text, start, min(len(text), start + 600)):
        match = _DATELINE.match(text, line.start(), line.end())
        if match:
            found = find_times(text, match.start(1), match.end(1))
            if found:
                return found[0]
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
        stamp = dateline(self.text, body_start)
        self.date = document.published or (stamp.time.start if stamp is not None else None)
        # the dateline says when the report was filed, not when anything in it happened
        self.filed = (stamp.start, stamp.end) if stamp is not None else None
        self.discourse = Discourse(self.text, body_start, self.gazetteer, self.date)
        self.side = ReportSide()

    def run(self) -> Extraction:
        caption = ""
        previous: Block | None = None
        for number, block in enumerate(blocks(self.text, self.body_start)):
            if block.is_heading and number > 0:  # the title gives the topic, not a section
                self.discourse.section = self.discourse.section_focus(block)
            self._block(block, caption, self.discourse.lead_in(previous, block))
            caption = self.text[block.start : block.end]
            previous = block
        self.result.claims = self.side.settle(self.result.claims)
        return self.result

    def _block(self, block: Block, caption: str, lead_in: LeadIn | None = None) -> None:
        """The claims and events of one block; `caption` is the block before it, which
        introduces a table ("… in millions of euros"), and `lead_in` what the sentence that
        introduces a list gives its items."""
        text, doc, discourse = self.text, self.document, self.discourse
        block_span = (block.start, block.end)
        found = find_quantities(text, *block_span)
        if not found and _only_prose(text, block, lead_in):
            # no figure, no table, no event verb: nothing to read but its sentences
            self.result.sentences.extend(split_sentences(text, block.start, block.end))
            return
        quantities = Spans(promote_persons(q, text) for q in found)
        # A name inside a figure is part of its notation ("US$333 million"), not an actor.
        mentions = Spans(
            _outside(self.gazetteer.find(text, block.start, block.end, at=self.date), quantities)
        )
        # "423 billion rupees" in a report on Pakistan are Pakistani rupees
        quantities = Spans(localise(q, mentions, discourse.topic) for q in quantities)
        base = lead_in.time.year if lead_in is not None and lead_in.time is not None else None
        times = Spans(
            t
            for t in find_times(text, block.start, block.end, self.date, base)
            if self.filed is None or not self.filed[0] <= t.start < self.filed[1]
        )
        sentences = split_sentences(text, block.start, block.end)
        extra = [
            q
            for s in sentences
            for find in (elliptic_figures, counted_by_phrase, partitive_figures, single_bases)
            for q in find(text, s.start, s.end, quantities, times)
        ]
        unique = {(q.start, q.end): q for q in extra}  # two readers may find the same figure
        merged = sorted([*quantities, *unique.values()], key=lambda q: q.start)
        quantities = Spans(persons_continued(merged, [s.start for s in sentences]))
        self.result.sentences.extend(sentences)
        table: _Table | None = None
        by_year: tuple[_Table, list[tuple[int, int]]] | None = None  # rows per year
        row_actor: str | None = None
        previous: Claim | None = None
        last: Claim | None = None
        sentence_starts = [s.start for s in sentences]
        carried: dict[int, tuple[Spans | None, TimeRef | None, tuple[str, str, int] | None]] = {}
        latest: dict[tuple[int, str], Claim] = {}  # (sentence, unit) -> its last claim
        pairings: dict[tuple[int, int], dict[int, str]] = {}  # a sentence's "respectively"
        measured: dict[tuple[int, int], dict[int, tuple[int, int]]] = {}  # and its measures
        for line_match in _LINE.finditer(text, block.start, block.end):
            line = (line_match.start(), line_match.end())
            line_quantities = starting_in(quantities, *line)
            line_mentions = starting_in(mentions, *line)
            if table is None and by_year is None and not line_quantities:
                columns = tables.header_columns(text, *line)
                if columns:
                    table = _Table(columns, caption + "\n" + text[block.start : line[0]])
                    continue
                labels = tables.measure_columns(text, *line)
                if labels:
                    by_year = (_Table([], caption + "\n" + text[block.start : line[0]]), labels)
                    continue
            year = tables.year_row(text, *line) if by_year is not None else None
            if by_year is not None and year is not None:
                self._year_row(*by_year, line, year, line_quantities, discourse.report_country())
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
                whole = sentences[index] if sentences else Sentence(*line)
                sentence = _figure_window(text, whole, quantity)
                context = discourse.context(index, sentences, mentions, previous, row_actor)
                if lead_in is not None:
                    context = [*lead_in.actors, *context]
                if (sentence.start, sentence.end) not in pairings:
                    pairings[(sentence.start, sentence.end)] = respectively(
                        text, sentence, quantities, mentions
                    )
                hints = pairings[(sentence.start, sentence.end)]
                if (sentence.start, sentence.end) not in measured:
                    measured[(sentence.start, sentence.end)] = respective_measures(
                        text, sentence, quantities
                    )
                phrase = measured[(sentence.start, sentence.end)].get(quantity.start)
                hint = hints.get(quantity.start)
                lead = (
                    (last.subject, last.indicator)
                    if last is not None
                    and last.sentence_span == (sentence.start, sentence.end)
                    and last.unit == quantity.unit
                    else None
                )
                before = latest.get((index - 1, quantity.unit))
                another_share = _OTHER_SHARE.search(
                    text, max(sentence.start, quantity.start - 40), quantity.start
                )
                if (
                    lead is None
                    and before is not None
                    and (
                        another_share
                        or quantity.kind == "percent"  # a bare share goes on with the one before
                        or ROLE_NOUN.search(text, sentence.start, sentence.end)
                        or _MORE_OF.search(text, max(sentence.start, quantity.start - 24),
                                           quantity.start)
                    )
                ):  # fmt: skip
                    # "Remittances hit $4.9 billion. The US remained the largest source,
                    # sending $2.6 billion": the measure goes on from the sentence before
                    lead = (None, before.indicator)
                if index not in carried:  # what the sentence takes from those before it
                    refs = discourse.coreferents(index, sentences, mentions) if sentences else None
                    own = starting_in(refs or mentions, whole.start, whole.end)
                    carried[index] = (
                        lists_as_regions(text, own) or refs,
                        discourse.carried_time(index, sentences, times, mentions),
                        discourse.both(index, sentences, mentions),
                    )
                refs, carried_time, both = carried[index]
                # "…, and the two armies held 14 exercises": the two only for their own clause
                pair = (
                    _topic_first(both[0], both[1], discourse.topic)
                    if both is not None
                    and not NEW_CLAUSE.search(
                        text, min(both[2], quantity.start), max(both[2], quantity.start)
                    )
                    else None
                )
                if carried_time is None and lead_in is not None:
                    carried_time = lead_in.time  # the list's lead-in dates its items
                if sentences and discourse.region is not None:
                    refs = discourse.region_refs(sentence, refs or mentions) or refs
                actors = refs or mentions
                if hint is not None:  # the other countries of the list go with other figures
                    paired = set(hints.values()) - {hint}
                    actors = Spans(
                        m for m in starting_in(actors, sentence.start, sentence.end)
                        if m.entity not in paired
                    )  # fmt: skip
                listed: set[int] = set()
                if hint is None:  # "Ukrainians, Germans, Tatars and Uzbeks": no one of them
                    listed = long_lists(text, starting_in(actors, sentence.start, sentence.end))
                    if listed:
                        actors = Spans(
                            m for m in starting_in(actors, sentence.start, sentence.end)
                            if m.start not in listed
                        )  # fmt: skip
                if phrase is not None:  # the actors of the other phrases are theirs
                    phrases = measured[(sentence.start, sentence.end)].values()
                    actors = Spans(
                        m for m in starting_in(actors, sentence.start, sentence.end)
                        if phrase[0] <= m.start < phrase[1]
                        or not any(a <= m.start < b for a, b in phrases)
                    )  # fmt: skip
                claim = self._claim(
                    quantity, sentence, quantities, actors, times, context, carried_time,
                    near=phrase, cue=text[phrase[0] : phrase[1]] if phrase else None,
                    hint=pair[0] if pair else hint, object_hint=pair[1] if pair else None,
                    lead=None if phrase else lead,  # a measure named in its place
                    lead_first=bool(another_share) and lead is not None,
                    previous_counterpart=(
                        (previous.object, previous.indicator)
                        if previous is not None and previous.object and not listed
                        else None
                    ),  # a long list is the counterpart, so none is borrowed
                    listed_counterparts=bool(listed),
                )  # fmt: skip
                if last is not None and last.sentence_span == (sentence.start, sentence.end):
                    claim = _gapped_claim(claim, last, quantity, text, mentions)
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
        lead_first: bool = False,
        previous_counterpart: tuple[str, str] | None = None,
        listed_counterparts: bool = False,
    ) -> Claim:
        if clause is None:
            clause = figure_clause(self.text, quantity, quantities, sentence)
        sentence_mentions = starting_in(mentions, sentence.start, sentence.end)
        sentence_times = starting_in(times, sentence.start, sentence.end)
        topic = self.discourse.report_country()
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
            lead_first=lead_first,
            previous_counterpart=previous_counterpart,
            topic=topic,
            listed_counterparts=listed_counterparts,
            later_figures=[
                q.start
                for q in starting_in(quantities, quantity.end, sentence.end)
                if q is not quantity
            ],
            earlier_ends=[q.end for q in starting_in(quantities, sentence.start, quantity.start)],
        )
        para = paragraph_at(self.paragraphs, quantity.start)
        claim = Claim(
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
            method=f"rules[{found.route.keys()[0]}]: {found.how}".rstrip(": "),
            confidence=found.confidence,
        )
        self.side.note(claim, found, topic)
        return claim

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
            quantity = tables.cell_quantity(self.text, value, header_words, caption_unit)
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

    def _year_row(
        self,
        table: _Table,
        labels: list[tuple[int, int]],
        line: tuple[int, int],
        year: tuple[int, int],
        quantities: Sequence[Quantity],
        topic: str | None,
    ) -> None:
        """The claims of a row of a table by year ("2022   118   150" under "Year  Grants
        Loans"): its k-th value is the measure its k-th column names, in the year the row
        opens with; the caption's actors are its sides, else the report's country."""
        caption_unit = tables.caption_unit(table.caption)
        values = tables.row_values(self.text, line[0], line[1], quantities, year[1])
        context = list(table.actors)
        if topic is not None and all(entity != topic for entity, _ in context):
            context.append((topic, None))
        for (start, end), value in zip(labels, values, strict=False):
            header_words = self.text[start:end]
            quantity = tables.cell_quantity(self.text, value, header_words, caption_unit)
            if quantity is None:
                continue
            claim = self._claim(
                quantity, Sentence(*line), [quantity], [], [], context, TimeRef(str(year[0])),
                line, (start, end), header_words,
            )  # fmt: skip
            self.result.claims.append(claim)


def _topic_first(a: str, b: str, topic: str | None) -> tuple[str, str]:
    """The two countries of "the two sides", the document's own first: it is the side."""
    return (b, a) if b == topic else (a, b)


# "Turkey took another 9.5 bcm": more of the measure the sentence before gave.
_MORE_OF = re.compile(r"\b(?:another|a further|an additional|the remaining)\s+(?:\w+\s+)?$", re.I)
# "The EU took a larger share, 19 percent": a share of the measure the sentence before gave.
_OTHER_SHARE = re.compile(
    r"\b(?:a|the)\s+(?:larger|bigger|smaller|greater|largest|biggest|smallest)\s+share\b", re.I
)

# A "sentence" longer than this is no sentence (a list without stops, a table flattened
# into one line): a figure is then read within a window around it, so that the work per
# figure stays bounded and a long run of figures costs time in proportion to its length.
MAX_SENTENCE = 1500
_WINDOW = 500


def _gapped_claim(
    claim: Claim, last: Claim, quantity: Quantity, text: str, mentions: Sequence[EntityMention]
) -> Claim:
    """ "China took 30.7% of Brazil's exports and the United States 10.9%": the second figure
    keeps the first one's measure and sides, with the actor named before it in place of the
    side that was named before the first figure."""
    if (
        last.span is None
        or last.sentence_span is None
        or last.unit != quantity.unit
        or last.subject is None
    ):
        return claim
    actor = gapped(text, last.span[1], quantity, mentions)
    if actor is None or actor.entity in (last.subject, last.object):
        return claim
    before = {m.entity for m in starting_in(mentions, last.sentence_span[0], last.span[0])}
    subject: str | None = last.subject
    obj: str | None = last.object
    if obj is not None and obj in before and subject not in before:
        obj = actor.entity
    elif subject in before:
        subject = actor.entity
    else:
        return claim
    method = f"{claim.method}; gapped"
    return replace(claim, indicator=last.indicator, subject=subject, object=obj, method=method)


_DIGIT = re.compile(r"\d")


def _only_prose(text: str, block: Block, lead_in: LeadIn | None) -> bool:
    """Whether a block without a figure can hold no claim and no event either: a single
    line (no table), no digit (which the ellipsis readers could make a count of), no "base"
    (which may be one), no list lead-in, and no verb that names an event."""
    body = text[block.start : block.end]
    return (
        lead_in is None
        and "\n" not in body
        and _DIGIT.search(body) is None
        and "base" not in body
        and not named_verbs(body.lower())
    )


def _figure_window(text: str, sentence: Sentence, quantity: Quantity) -> Sentence:
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return sentence
    start = max(sentence.start, quantity.start - _WINDOW)
    end = min(sentence.end, quantity.end + _WINDOW)
    # start and end at a space, so that no word is cut in two
    space = text.find(" ", start, quantity.start)
    start = space + 1 if space >= 0 and start > sentence.start else start
    space = text.rfind(" ", quantity.end, end)
    end = space if space >= 0 and end < sentence.end else end
    return Sentence(start, end)


def prepare_for_batch() -> None:
    """Ready this process to extract many documents: load the reference data and rules now,
    then move them out of the garbage collector's way. A batch makes many short-lived
    objects; without this, each full collection walks the large gazetteer again (about 10%
    of the time on the bench corpus). Memory stays flat: nearly all garbage is freed by
    reference counting, and the collector still runs, only less often."""
    default_gazetteer()
    cue_rules()
    named_verbs("")  # builds the event patterns' automaton
    route_counts()
    gc.freeze()
    gc.set_threshold(50_000, 50, 50)


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
