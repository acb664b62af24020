"""The `bilat ask` benchmark: its questions, its scorer and its synthetic store."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bench.ask.evaluate import (
    KINDS,
    FactSpec,
    Question,
    citation_problems,
    evaluate,
    fact_present,
    load_questions,
    markers,
    refuses,
    score,
    sentences,
)
from bench.ask.synthetic import batches, build, ensure_store
from bilat.model import Document
from bilat.store import Store

CITATION = {"n": 1, "source": "eprs-2017", "title": "Russia's role in Central Asia",
            "grade": "B", "evidence": "Tajikistan hosts 7,000 Russian soldiers."}  # fmt: skip


def _word(fact: FactSpec) -> str:
    first = fact[0] if isinstance(fact, tuple) else fact
    return f"{first:,.10g}" if isinstance(first, float) else first


def reply(q: Question, text: str | None = None, **changes: Any) -> dict[str, Any]:
    """A perfect answer to `q` (a cited statement of its facts, or a refusal)."""
    if q.refusal:
        base: dict[str, Any] = {
            "kind": "none",
            "answer": "There is no evidence in the knowledge base to answer this.",
            "citations": [],
            "confidence": {"level": "low", "reason": "no claim matches"},
        }
    else:
        facts = ", ".join(_word(f) for f in q.facts)
        base = {
            "kind": q.kind,
            "answer": text or f"The knowledge base says: {facts} [1]. It is one source [1].",
            "citations": [CITATION],
            "confidence": {"level": "high", "reason": "a B-graded source"},
        }
    return {"question": q.question, "claims": [], **base, **changes}


@dataclass
class FakeAnswer:
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data


QUESTIONS = load_questions()
BY_TEXT = {q.question: q for q in QUESTIONS}
FIGURE = Question("How many Russian troops are in Tajikistan?", "figure", ("7000",))


def test_questions_file_covers_the_brief() -> None:
    assert len(QUESTIONS) >= 45
    assert len(BY_TEXT) == len(QUESTIONS), "questions are unique"
    assert {q.kind for q in QUESTIONS} == set(KINDS)
    refusals = [q for q in QUESTIONS if q.refusal]
    assert len(refusals) >= 5
    assert all(q.kind == "none" and not q.facts for q in refusals)
    assert all(q.facts for q in QUESTIONS if not q.refusal)
    dimensions = {q.dimension for q in QUESTIONS}
    assert {"security", "economy", "energy", "people", "diplomacy"} <= dimensions
    text = " ".join(q.question for q in QUESTIONS)
    for stem in ("Kazakh", "Kyrgyz", "Tajik", "Turkmen", "Uzbek", "Central Asia", "Moscow"):
        assert stem in text


def test_perfect_answers_are_correct_and_cited(starter_store: Store) -> None:
    report = evaluate(lambda _store, q: FakeAnswer(reply(BY_TEXT[q])), starter_store)
    assert report.correct_share == 1.0 and report.cited_share == 1.0
    assert report.kind_share == 1.0 and not report.failures
    assert set(report.per_kind()) == set(KINDS)
    assert report.lines()[0].startswith(f"questions: {len(QUESTIONS)}; correct 100%")


def test_evaluate_builds_the_starter_store_itself() -> None:
    seen: list[int] = []

    def fake(store: Store, q: str) -> dict[str, Any]:
        seen.append(store.counts()["claims"])
        return reply(FIGURE)

    report = evaluate(fake, questions=[FIGURE])
    assert seen and seen[0] > 100
    assert report.correct_share == 1.0


def test_missing_fact_is_incorrect_and_listed() -> None:
    outcome = score(FIGURE, reply(FIGURE, "Russia keeps troops in Tajikistan [1]."))
    assert not outcome.correct and outcome.missing == ["7000"]
    assert outcome.cited  # cited, but wrong
    with Store("sqlite://") as store:
        report = evaluate(lambda _s, _q: reply(FIGURE, "None [1]."), store, [FIGURE])
    assert report.failures and "missing: 7000" in "\n".join(report.lines())


def test_answer_raising_is_a_failure() -> None:
    def broken(_store: Store, _q: str) -> dict[str, Any]:
        raise RuntimeError("boom")

    with Store("sqlite://") as store:
        report = evaluate(broken, store, [FIGURE])
    assert report.correct_share == 0.0 and "RuntimeError: boom" in "\n".join(report.lines())


def test_uncited_sentence_is_not_fully_cited() -> None:
    text = "Russia keeps 7,000 troops in Tajikistan [1]. That is its largest deployment abroad."
    outcome = score(FIGURE, reply(FIGURE, text))
    assert outcome.correct and outcome.cited is False
    assert any("uncited sentence" in p for p in outcome.problems)


def test_marker_without_citation_is_not_fully_cited() -> None:
    outcome = score(FIGURE, reply(FIGURE, "Russia keeps 7,000 troops there [2]."))
    assert outcome.cited is False and outcome.problems == ["marker [2] has no citation"]
    empty = dict(CITATION, evidence="  ")
    problems = citation_problems(reply(FIGURE, "7,000 troops [1].", citations=[empty]))
    assert problems == ["citation [1] has no evidence"]
    no_source = dict(CITATION, source="")
    problems = citation_problems(reply(FIGURE, "7,000 troops [1].", citations=[no_source]))
    assert problems == ["citation [1] has no source"]


@pytest.mark.parametrize(
    ("fact", "text", "present"),
    [
        ("7000", "Russia keeps 7,000 troops", True),
        ("7,000", "Russia keeps 7000 troops", True),
        ("7000", "Russia keeps 7\u202f000 troops", True),
        ("7000", "about 7 thousand troops", True),
        ("30.4", "remittances were 30.4% of GDP", True),
        ("30.4%", "remittances were 30.4 percent of GDP", True),
        ("8000000", "a population of 8 million", True),
        ("2.2", "$2.2 billion in 2017", True),
        ("44", "144 agreements", False),
        ("30.4", "30.45%", False),
        ("Kyrgyz", "Kyrgyzstan's trade", True),
        ("china", "CHINA leads", True),
        ("Russia", "Belarussian", False),
        (("EAEU", "Eurasian Economic Union"), "the Eurasian Economic Union", True),
    ],
)
def test_fact_matching(fact: FactSpec, text: str, present: bool) -> None:
    assert fact_present(fact, text) is present


def test_refusals() -> None:
    refusal = next(q for q in QUESTIONS if q.refusal)
    assert score(refusal, reply(refusal)).correct
    said = reply(refusal, kind="figure", answer="No data on that in the store.")
    assert refuses(said)
    sure = reply(refusal, confidence={"level": "high", "reason": "?"})
    assert not score(refusal, sure).correct
    answered = reply(FIGURE, kind="figure", confidence={"level": "low", "reason": "one source"})
    assert not refuses(answered)
    assert not score(FIGURE, reply(FIGURE, kind="none")).correct


def test_sentences_and_markers() -> None:
    text = (
        "## Security\nRussia keeps 7,000 troops in Tajikistan.[1] The U.S. has none [2].\n"
        "- Trade: $12.9 billion in 2016 [1][3]\n- Bases: 2 [1-3]"
    )
    assert sentences(text) == [
        "Russia keeps 7,000 troops in Tajikistan.[1]",
        "The U.S. has none [2].",
        "Trade: $12.9 billion in 2016 [1][3]",
        "Bases: 2 [1-3]",
    ]
    assert markers(text) == [1, 2, 1, 3, 1, 2, 3]
    assert markers("[1, 4]") == [1, 4]


_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _figure_of(span: str, unit: str) -> float:
    """The figure a span states, in the claim's base units ("billion cubic metres" is bcm)."""
    number = re.search(r"\d[\d,]*(?:\.\d+)?", span)
    assert number, span
    scale = None if unit == "bcm" else re.search(r"thousand|million|billion", span)
    return float(number.group().replace(",", "")) * (_SCALE[scale.group()] if scale else 1.0)


def test_synthetic_claims_point_at_their_figures(tmp_path: Path) -> None:
    texts: dict[str, str] = {}
    with Store(tmp_path / "synthetic.db") as store:
        for _, batch in batches(20, size=8, seed=7):
            store.write(batch)
            texts |= {d.id: d.text for d in batch.documents}
        assert {d["id"] for d in store.documents()} == set(texts) and len(texts) == 20
        assert all(Document.make_id(text) == doc_id for doc_id, text in texts.items())
        claims = store.claims()
        assert len(claims) >= 20
        for claim in claims:
            assert claim.document_id and claim.span and claim.sentence_span
            text = texts[claim.document_id]
            span = text[claim.span[0] : claim.span[1]]
            figure = _figure_of(span, claim.unit)
            assert math.isclose(figure, abs(claim.value), rel_tol=1e-9), (span, claim)
            assert text[slice(*claim.sentence_span)] == claim.sentence


def test_synthetic_passages_are_the_sentences() -> None:
    (_, batch), *_ = batches(20, size=20, seed=3)
    texts = {d.id: d.text for d in batch.documents}
    per_doc: dict[str, int] = {}
    for p in batch.passages:
        assert texts[p.document_id][p.start : p.end] == p.text
        per_doc[p.document_id] = per_doc.get(p.document_id, 0) + 1
    assert all(2 <= n <= 6 for n in per_doc.values()) and len(per_doc) == 20
    for event in batch.events:
        assert event.document_id in texts and event.span


def test_ensure_store_reuses_a_finished_build(tmp_path: Path) -> None:
    path = tmp_path / "ask.db"
    first = build(path, 30, size=10)
    assert not first.reused
    again = ensure_store(path, 30)
    assert again.reused and again.seconds == pytest.approx(first.seconds, abs=1.0)
    with Store(path) as store:
        counts = store.counts()
        assert counts["documents"] == 30 and counts["events"] > 50  # the starter's are on top
        assert store.search("Kyrgyzstan") or store.search("trade")
    assert not ensure_store(path, 40).reused  # another size: rebuilt
