"""Citations: the evidence an answer rests on, and a writer that emits only cited sentences.

Evidence is registered as it is found (a claim, an event, a passage, a line of reference
data); a sentence is written with the evidence for each of its clauses. A clause without
evidence is dropped, and a sentence left with no clause is not emitted, so every sentence of
an answer ends with markers, and every marker points to a citation. Numbers are given in the
order the answer first cites them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bilat.answer.retrieve import SourceBook
from bilat.model import Claim, Event, PassageHit, Source

EvidenceKind = Literal["claim", "event", "passage", "reference"]

# Membership spells, founding dates and office holders come with bilat, compiled from the
# organisations' own texts: general knowledge, not an ingested source, graded B.
REFERENCE = Source(
    id="bilat-reference",
    title="bilat reference data (general knowledge: organisations, memberships, office holders)",
    author=None,
    publisher="bilat",
    year=None,
    grade="B",
    grade_reason="Compiled from treaties and organisations' records; not an ingested source.",
)
_MARKERS = re.compile(r"\[(\d+)\]")
# A reader's sentence boundary: . ! or ? then a space and a capital or an opening quote.
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_QUOTED = re.compile(r"“[^”]*”")


@dataclass(frozen=True, slots=True)
class Citation:
    """One numbered piece of evidence: its source, and the sentence or summary it rests on."""

    n: int
    source: str
    title: str
    grade: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "source": self.source,
            "title": self.title,
            "grade": self.grade,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Ref:
    """A piece of evidence registered but not yet numbered."""

    key: str


@dataclass(frozen=True, slots=True)
class Item:
    kind: EvidenceKind
    source: str
    grade: str
    title: str
    evidence: str
    claim: Claim | None = None
    extracted: bool = False  # read from text by rule, not curated by an analyst


def _with_locator(text: str, locator: str | None) -> str:
    text = " ".join(text.split())
    return f"{text} ({locator})" if locator else text


class Evidence:
    """The evidence found for one answer, by key."""

    def __init__(self, book: SourceBook) -> None:
        self.book = book
        self.items: dict[str, Item] = {}
        book.add(REFERENCE)

    def _add(self, key: str, kind: EvidenceKind, source_id: str, text: str, **extra: Any) -> Ref:
        if key not in self.items:
            source = self.book.get(source_id)
            self.items[key] = Item(
                kind=kind,
                source=source_id,
                grade=source.grade if source else "F",
                title=source.title if source else source_id,
                evidence=text,
                **extra,
            )
        return Ref(key)

    def claim(self, claim: Claim) -> Ref:
        text = claim.sentence or claim.summary or f"{claim.indicator}: {claim.value} {claim.unit}"
        return self._add(
            claim.id,
            "claim",
            claim.source_id,
            _with_locator(text, claim.locator),
            claim=claim,
            extracted=claim.method != "curated",
        )

    def event(self, event: Event) -> Ref:
        text = event.sentence or event.summary
        return self._add(
            event.id,
            "event",
            event.source_id,
            _with_locator(text, event.locator),
            extracted=event.method != "curated",
        )

    def passage(self, hit: PassageHit) -> Ref:
        p = hit.passage
        key = f"psg:{p.document_id}:{p.start}"
        return self._add(key, "passage", hit.source_id, p.text, extracted=True)

    def reference(self, key: str, text: str) -> Ref:
        return self._add(f"ref:{key}", "reference", REFERENCE.id, text)

    def item(self, ref: Ref) -> Item:
        return self.items[ref.key]


Segment = str | tuple[Ref, ...]


class Writer:
    """Sentences of an answer, each clause with its evidence."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self._sentences: list[list[Segment]] = []
        self._absence: str | None = None

    @property
    def empty(self) -> bool:
        return not self._sentences

    def say(self, text: str, refs: Sequence[Ref]) -> bool:
        """One sentence resting on `refs`; without evidence it is not emitted."""
        return self.say_clauses("", [(text, refs)])

    def say_clauses(
        self, lead: str, clauses: Sequence[tuple[str, Sequence[Ref]]], joiner: str = "; "
    ) -> bool:
        """ "lead clause [1]; clause [2]." — clauses without evidence are left out."""
        # a marker inside quoted evidence ("a footnote [7]") would read as a citation
        kept = [
            (" ".join(_MARKERS.sub("", text).split()).rstrip(" .;"), tuple(dict.fromkeys(refs)))
            for text, refs in clauses
            if refs
        ]
        if not kept:
            return False
        segments: list[Segment] = []
        for i, (text, refs) in enumerate(kept):
            segments.append((lead if i == 0 else joiner) + text)
            segments.append(refs)
        self._sentences.append(segments)
        return True

    def absence(self, text: str) -> None:
        """What is missing, said plainly; emitted only when nothing at all can be cited."""
        self._absence = text.rstrip(" .") + "."

    def cited(self) -> list[Ref]:
        """The evidence cited so far, in order of first citation."""
        seen: dict[str, Ref] = {}
        for sentence in self._sentences:
            for segment in sentence:
                if isinstance(segment, tuple):
                    for ref in segment:
                        seen.setdefault(ref.key, ref)
        return list(seen.values())

    def finish(self) -> tuple[str, list[Citation]]:
        """The answer's text and its numbered citations."""
        order = self.cited()
        number = {ref.key: n for n, ref in enumerate(order, start=1)}
        sentences = []
        for sentence in self._sentences:
            text = ""
            for segment in sentence:
                if isinstance(segment, tuple):
                    text += " " + "".join(f"[{number[r.key]}]" for r in segment)
                else:
                    text += segment
            sentences.append(text + ".")
        if not sentences and self._absence:
            sentences.append(self._absence)
        citations = []
        for ref in order:
            item = self.evidence.item(ref)
            citations.append(
                Citation(number[ref.key], item.source, item.title, item.grade, item.evidence)
            )
        return " ".join(sentences), citations


def split_sentences(text: str) -> list[str]:
    """An answer's sentences as a reader splits them (quoted passages are not split)."""
    quotes = [m.span() for m in _QUOTED.finditer(text)]
    pieces, start = [], 0
    for boundary in _BOUNDARY.finditer(text):
        if any(a < boundary.start() < b for a, b in quotes):
            continue
        pieces.append(text[start : boundary.start()].strip())
        start = boundary.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def check_cited(text: str, citations: Sequence[Citation]) -> None:
    """Raise AssertionError if a sentence lacks a marker or a marker has no citation (an
    answer that only says what is missing, with nothing to cite, is the one exception)."""
    numbers = {c.n for c in citations}
    sentences = split_sentences(text)
    if not citations and len(sentences) <= 1 and not _MARKERS.search(text):
        return
    for sentence in sentences:
        markers = {int(n) for n in _MARKERS.findall(_QUOTED.sub("", sentence))}
        if not markers or not markers <= numbers:
            raise AssertionError(f"uncited or dangling sentence in an answer: {sentence!r}")
