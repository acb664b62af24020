"""Answers from an ingested text: figures read by rule, passages found by their words."""

from __future__ import annotations

from bilat.answer import answer
from bilat.store import Store

from .checks import assert_cited, sentences


def test_a_question_no_indicator_covers_finds_the_sentence_that_speaks_of_it(
    ingested_store: Store,
) -> None:
    result = answer(ingested_store, "Which rail crossing did Mongolia open?")
    assert_cited(result)
    assert "Gashuunsukhait" in result.text
    assert "no figure or event" in sentences(result.text)[0]  # it says what kind it is
    assert result.citations[0].evidence.startswith("Mongolia opened a new rail crossing")
    assert result.citations[0].title == "Mongolia between its neighbours"
    assert result.confidence.level == "low"


def test_an_extracted_figure_is_cited_with_its_sentence_and_weak_grade(
    ingested_store: Store,
) -> None:
    result = answer(ingested_store, "What share of Mongolia's exports goes to China?")
    assert_cited(result)
    assert "84% (2021)" in sentences(result.text)[0]
    citation = result.citations[0]
    assert citation.evidence.startswith("China took 84 percent of Mongolia's exports in 2021.")
    assert citation.grade == "F"  # an ingested file with no grade given
    assert result.confidence.level == "low"
    assert result.claims[0][0].method != "curated"


def test_an_overview_from_ingested_evidence_only(ingested_store: Store) -> None:
    result = answer(ingested_store, "tell me about mongolia and russia")
    assert_cited(result)
    assert "about 90%" in result.text  # Russia's share of Mongolia's imports
    assert "2019" in result.text and "treaty of friendship" in result.text  # the event
    assert "members of" in result.text  # reference data: shared memberships


def test_the_curated_evidence_still_answers_beside_the_ingested(ingested_store: Store) -> None:
    result = answer(ingested_store, "When did Uzbekistan leave the CSTO?")
    assert "2012" in result.text and "1999" in result.text
