"""The writer emits only cited sentences; the check catches any that slip through."""

from __future__ import annotations

import pytest

from bilat.answer import Citation, check_cited, split_sentences
from bilat.answer.cite import Evidence, Writer
from bilat.answer.retrieve import SourceBook
from bilat.model import Claim, Source
from bilat.store import Batch, Store


@pytest.fixture
def writer(tmp_path: object) -> Writer:
    store = Store(f"{tmp_path}/w.db")
    store.write(Batch(sources=[Source("s1", "A report", "An Author", None, 2020, "B")]))
    return Writer(Evidence(SourceBook(store)))


def claim(value: float) -> Claim:
    return Claim("trade_share", "KAZ", "RUS", value, "percent", "s1", summary=f"{value}%")


def test_clauses_without_evidence_are_dropped_and_markers_numbered_in_order(
    writer: Writer,
) -> None:
    first, second = writer.evidence.claim(claim(20)), writer.evidence.claim(claim(13))
    assert writer.say_clauses("Figures: ", [("a", [second]), ("b", []), ("c", [first])])
    assert not writer.say("nothing supports this", [])
    writer.say("again", [second])
    text, citations = writer.finish()
    assert (
        text == "Figures: a [1]; c [2]. Again [1]." or text == "Figures: a [1]; c [2]. again [1]."
    )
    assert [(c.n, c.evidence) for c in citations] == [(1, "13%"), (2, "20%")]
    assert citations[0].title == "A report" and citations[0].grade == "B"


def test_markers_inside_quoted_text_do_not_count_as_citations(writer: Writer) -> None:
    ref = writer.evidence.claim(claim(20))
    writer.say("a passage with a footnote [7] in it", [ref])
    text, citations = writer.finish()
    check_cited(text, citations)
    assert "[7]" not in text


def test_an_answer_with_nothing_to_cite_is_one_plain_statement(writer: Writer) -> None:
    writer.absence("The knowledge base has no figure on this")
    text, citations = writer.finish()
    assert text == "The knowledge base has no figure on this." and citations == []


def test_the_check_rejects_uncited_sentences_and_dangling_markers() -> None:
    cite = [Citation(1, "s1", "A report", "B", "evidence")]
    check_cited("One [1]. Two [1].", cite)
    with pytest.raises(AssertionError):
        check_cited("One [1]. Two without a marker. Three [1].", cite)
    with pytest.raises(AssertionError):
        check_cited("One [2].", cite)
    assert split_sentences("One [1]. Two [2][3].") == ["One [1].", "Two [2][3]."]
