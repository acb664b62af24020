"""`answer(store, question)`: read the question, gather the evidence, compose a cited answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bilat.answer.cite import Citation
from bilat.answer.comparison import compose_comparison
from bilat.answer.confidence import Basis, Confidence, assess
from bilat.answer.context import Context
from bilat.answer.dates import compose_date
from bilat.answer.figure import compose_figure
from bilat.answer.lists import compose_list
from bilat.answer.overview import compose_overview
from bilat.answer.question import Kind, Question, parse_question
from bilat.model import Claim
from bilat.store import Store

Composer = Callable[[Context], Basis]
COMPOSERS: dict[Kind, Composer] = {
    "overview": compose_overview,
    "figure": compose_figure,
    "comparison": compose_comparison,
    "date": compose_date,
    "list": compose_list,
}


def claim_summary(claim: Claim, cite: int | None) -> dict[str, Any]:
    """The fields of a claim an answer's reader checks."""
    return {
        "id": claim.id,
        "indicator": claim.indicator,
        "subject": claim.subject,
        "object": claim.object,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "time": str(claim.time) if claim.time else None,
        "source": claim.source_id,
        "cite": cite,
    }


@dataclass(slots=True)
class Answer:
    """A question's answer: text with markers [n], the citations, the claims cited, and how
    far it can be trusted."""

    question: Question
    text: str
    citations: list[Citation]
    claims: list[tuple[Claim, int]] = field(default_factory=list)  # (claim, citation number)
    confidence: Confidence = field(default_factory=lambda: Confidence("low", ""))

    @property
    def kind(self) -> Kind:
        return self.question.kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question.text,
            "kind": self.kind,
            "answer": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "claims": [claim_summary(claim, n) for claim, n in self.claims],
            "confidence": self.confidence.to_dict(),
        }

    def to_text(self) -> str:
        """The answer, its numbered sources with grades, and the confidence line."""
        lines = [self.text, ""]
        if self.citations:
            lines.append("Sources:")
            for c in self.citations:
                lines.append(f"[{c.n}] {c.title} (grade {c.grade}; {c.source})")
                lines.append(f"    {c.evidence}")
            lines.append("")
        lines.append(f"Confidence: {self.confidence.level} — {self.confidence.reason}")
        return "\n".join(lines)


def answer(store: Store, question: str, *, today: date | None = None) -> Answer:
    """Answer a question in plain English from the store's evidence, every sentence cited."""
    parsed = parse_question(question)
    ctx = Context.start(store, parsed, today or date.today())
    basis = COMPOSERS[parsed.kind](ctx)
    text, citations = ctx.writer.finish()
    cited = [
        (item.claim, n)
        for n, ref in enumerate(ctx.writer.cited(), start=1)
        if (item := ctx.evidence.item(ref)).claim is not None
    ]
    return Answer(parsed, text, citations, cited, assess(basis))
