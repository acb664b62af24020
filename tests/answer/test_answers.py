"""The reference questions, answered from the starter data: the key facts, cited."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.answer import Answer, answer
from bilat.store import Store

from .checks import assert_cited, sentences

TODAY = date(2025, 6, 1)


def ask(store: Store, question: str) -> Answer:
    result = answer(store, question, today=TODAY)
    assert_cited(result)
    return result


def test_overview_of_a_dyad_has_figures_events_and_memberships(starter_store: Store) -> None:
    result = ask(starter_store, "How are Kazakhstan's relations with Russia?")
    text = result.text
    assert result.kind == "overview"
    assert text.startswith("The knowledge base holds")
    assert "Kazakhstan and Russia" in text
    assert "20% (2018)" in text  # Russia's share of Kazakh trade
    assert "USD 12.9 bn (2016)" in text  # bilateral trade
    assert "Economy:" in text and "Security:" in text
    assert "dated events" in text and "cooperation" in text and "conflict" in text
    assert "Jan 2022" in text  # the latest event: the CSTO deployment
    assert "CSTO" in text and "EAEU" in text  # shared memberships
    assert "Sources disagree" in text  # oil transit: 75% against at least 90%
    assert result.confidence.level == "moderate"
    assert {c.grade for c in result.citations} >= {"B", "C"}


def test_figure_gives_the_preferred_value_its_year_source_and_other_values(
    starter_store: Store,
) -> None:
    result = ask(starter_store, "How much of Tajikistan's GDP comes from remittances?")
    first = sentences(result.text)[0]
    assert result.kind == "figure"
    # the grade B figure leads, with its year and its source
    assert "37% (2015)" in first and "Dubnov" in first and "grade B" in first
    assert result.citations[0].source == "dubnov-carnegie-2018"
    # the other sources' values are shown, cited
    assert "49% (2013)" in result.text and "33.3%" in result.text
    assert result.claims[0][0].indicator == "remittances_gdp_share"
    assert result.confidence.level in ("high", "moderate")


def test_a_disagreement_is_said_with_both_sources(starter_store: Store) -> None:
    result = ask(starter_store, "How long is the border between Kazakhstan and Russia?")
    assert "7,500 km" in sentences(result.text)[0]
    assert "Sources disagree" in result.text and "6,000 km" in result.text
    assert result.confidence.level == "moderate"
    assert "disagree" in result.confidence.reason


def test_list_names_the_stationing_power_with_its_figures(starter_store: Store) -> None:
    result = ask(starter_store, "Who has troops in Kyrgyzstan?")
    assert result.kind == "list"
    assert "Russia" in sentences(result.text)[0]
    assert "400 persons" in result.text  # the Kant contingent
    assert "military bases or facilities in Kyrgyzstan, 1" in result.text
    assert "Kant" in result.text  # the related events
    assert {c.source for c in result.citations} >= {"heinemann-grueder-bpb", "eprs-2017"}


def test_list_of_a_region_covers_its_states(starter_store: Store) -> None:
    result = ask(starter_store, "Who has troops in Central Asia?")
    assert "Russia" in result.text
    assert "7,000 persons" in result.text and "Tajikistan" in result.text


def test_date_question_gives_both_exits_from_the_reference_data_and_the_sources(
    starter_store: Store,
) -> None:
    result = ask(starter_store, "When did Uzbekistan leave the CSTO?")
    first = sentences(result.text)[0]
    assert result.kind == "date"
    assert "1999" in first and "2012" in first and "twice" in first
    assert "rejoined" in result.text and "2006" in result.text
    reference = [c for c in result.citations if c.source == "bilat-reference"]
    assert reference and all(c.grade == "B" for c in reference)
    assert "bilat reference data" in reference[0].title
    assert "reference data" in result.text  # and the answer says so
    assert {"eprs-2017", "dubnov-carnegie-2018"} <= {c.source for c in result.citations}
    assert result.confidence.level == "high"


def test_date_of_joining_and_founding(starter_store: Store) -> None:
    joined = ask(starter_store, "When did Kyrgyzstan join the EAEU?")
    assert "12 Aug 2015" in joined.text
    founded = ask(starter_store, "When was the SCO founded?")
    assert "2001" in sentences(founded.text)[0]


def test_comparison_names_the_leader_and_the_gap_like_with_like(starter_store: Store) -> None:
    result = ask(starter_store, "Is China or Russia the bigger trade partner of Turkmenistan?")
    first = sentences(result.text)[0]
    assert result.kind == "comparison"
    assert first.startswith("China leads")
    assert "44% in 2018" in first and "7% for Russia" in first
    assert "37 percentage points" in result.text
    assert "the years differ" not in first
    assert "points the same way" in result.text  # trade values in 2016 agree


def test_comparison_prefers_a_common_year(starter_store: Store) -> None:
    result = ask(starter_store, "Does Kyrgyzstan or Tajikistan depend more on remittances?")
    first = sentences(result.text)[0]
    assert first.startswith("Tajikistan leads")
    assert "49% (2013)" in first and "32% (2013)" in first


def test_missing_evidence_is_said_plainly_with_the_closest_evidence(starter_store: Store) -> None:
    result = ask(starter_store, "How many troops does Chile keep in Mongolia?")
    assert result.text.startswith(
        "The knowledge base has no figure on Chile's troops stationed in Mongolia"
    )
    assert "closest evidence" in result.text and "7,000 persons" in result.text
    assert result.citations  # the closest evidence is cited, not invented
    assert result.confidence.level == "low"


def test_an_empty_store_answers_with_a_plain_statement_and_low_confidence(tmp_path: object) -> None:
    with Store(f"{tmp_path}/empty.db") as store:
        result = answer(store, "How many troops does Chile keep in Mongolia?")
    assert result.citations == [] and result.claims == []
    assert "no figure" in result.text and result.confidence.level == "low"


def test_memberships_list(starter_store: Store) -> None:
    result = ask(starter_store, "Which organisations does Kyrgyzstan belong to?")
    assert "Collective Security Treaty Organization (CSTO)" in result.text
    assert "Eurasian Economic Union (EAEU), member since 12 Aug 2015" in result.text
    members = ask(starter_store, "Which countries are members of the CSTO?")
    assert "Tajikistan" in members.text and "Uzbekistan" not in members.text


@pytest.mark.parametrize(
    "question",
    [
        "How are Kazakhstan's relations with Russia?",
        "Tell me about Tajikistan",
        "How much of Tajikistan's GDP comes from remittances?",
        "What was trade between Uzbekistan and China in 2016?",
        "Who has troops in Kyrgyzstan?",
        "Where does Russia have military bases?",
        "When did Uzbekistan leave the CSTO?",
        "When did Putin visit Turkmenistan?",
        "Is China or Russia the bigger trade partner of Turkmenistan?",
        "Who are Kazakhstan's main trade partners?",
        "How many troops does Chile keep in Mongolia?",
        "What is the weather in Paris?",
        "",
    ],
)
def test_every_sentence_is_cited_and_every_marker_resolves(
    starter_store: Store, question: str
) -> None:
    result = answer(starter_store, question, today=TODAY)
    if result.citations:
        assert_cited(result)
    else:  # nothing found: one plain statement, no markers
        assert len(sentences(result.text)) == 1 and "[" not in result.text
    assert result.confidence.level in ("high", "moderate", "low") and result.confidence.reason


def test_the_year_asked_for_is_preferred(starter_store: Store) -> None:
    result = ask(starter_store, "What was trade between Uzbekistan and Russia in 2016?")
    assert "USD 2.7 bn (2016)" in sentences(result.text)[0]
    nearest = ask(starter_store, "What was trade between Uzbekistan and Russia in 2019?")
    assert "no figure for 2019" in sentences(nearest.text)[0]
