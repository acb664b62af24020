"""Reading questions: who is named, what kind of answer is asked for, which figure, when."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.answer import KINDS, parse_question


@pytest.mark.parametrize(
    ("text", "kind", "entities"),
    [
        ("How are Kazakhstan's relations with Russia?", "overview", ("KAZ", "RUS")),
        ("Tell me about the relations between Moscow and Astana", "overview", ("RUS", "KAZ")),
        ("tell me about mongolia and china", "overview", ("MNG", "CHN")),
        ("How much of Tajikistan's GDP comes from remittances?", "figure", ("TJK",)),
        ("How many troops does Chile keep in Mongolia?", "figure", ("CHL", "MNG")),
        ("What share of Kazakh trade is with Beijing?", "figure", ("KAZ", "CHN")),
        ("how much do tajik migrants send home from russia", "figure", ("TJK", "RUS")),
        ("Who has troops in Kyrgyzstan?", "list", ("KGZ",)),
        ("Who has troops in Central Asia?", "list", ("C5",)),
        ("Which organisations does Kyrgyzstan belong to?", "list", ("KGZ",)),
        ("Which countries are members of the CSTO?", "list", ("CSTO",)),
        ("When did Uzbekistan leave the CSTO?", "date", ("UZB", "CSTO")),
        ("When did Putin visit Turkmenistan?", "date", ("RUS", "TKM")),
        ("When was the Eurasian Economic Union founded?", "date", ("EAEU",)),
        ("Is China or Russia the bigger trade partner of Turkmenistan?", "comparison",
         ("CHN", "RUS", "TKM")),
        ("Compare Russian and Chinese investment in Tajikistan", "comparison",
         ("RUS", "CHN", "TJK")),
        ("Who leads in trade with Kazakhstan?", "comparison", ("KAZ",)),
    ],
)  # fmt: skip
def test_kind_and_entities(text: str, kind: str, entities: tuple[str, ...]) -> None:
    question = parse_question(text)
    assert question.kind == kind
    assert question.entities == entities


def test_demonyms_capitals_people_and_regions_are_recognised_with_their_cue() -> None:
    q = parse_question("Did the Kazakh president meet Putin in Tashkent about Central Asia?")
    cues = {m.id: (m.kind, m.cue) for m in q.mentions}
    assert cues["KAZ"] == ("country", "demonym")
    assert cues["RUS"] == ("person", "person")
    assert cues["UZB"] == ("country", "capital")
    assert cues["C5"] == ("region", "name")
    assert q.people == ("Putin",)
    assert q.countries == ("KAZ", "RUS", "UZB") and q.regions == ("C5",)


def test_iso_codes_are_read_as_countries() -> None:
    assert parse_question("Trade between KAZ and CHN?").entities == ("KAZ", "CHN")


def test_lower_case_words_that_are_also_ordinary_words_are_not_countries() -> None:
    q = parse_question("how much turkey does china buy, and may it buy more?")
    assert q.entities == ("CHN",)


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("How much of Tajikistan's GDP comes from remittances?", ("remittances_gdp_share",)),
        ("How many troops does Russia keep in Tajikistan?", ("troops_stationed",)),
        ("Is China or Russia the bigger trade partner of Turkmenistan?", ("trade_share",)),
        ("How much does Kyrgyzstan owe China in debt?", ("external_debt_share",)),
        ("How long is the border between Kazakhstan and Russia?", ("border_length",)),
        ("How much gas does Turkmenistan sell to China?", ("gas_exports",)),
    ],
)
def test_the_indicator_asked_for_leads(text: str, indicators: tuple[str, ...]) -> None:
    assert parse_question(text).indicators[: len(indicators)] == indicators


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("Where does Russia have military bases?", "security"),
        ("How much did China invest in Kyrgyzstan?", "economy"),
        ("Which pipelines carry Kazakh oil?", "energy"),
        ("How many Uzbek students study in Russia?", "people"),
        ("When did Mirziyoyev visit Moscow?", "diplomacy"),
    ],
)
def test_dimension_from_keywords(text: str, dimension: str) -> None:
    assert parse_question(text).dimension == dimension


def test_times_and_their_relation() -> None:
    q = parse_question("What was trade between Uzbekistan and China in 2016?")
    assert str(q.time) == "2016" and q.time_relation == "point"
    q = parse_question("How have remittances to Kyrgyzstan changed since 2014?")
    assert str(q.time) == "2014" and q.time_relation == "since"
    assert parse_question("What is the latest figure on trade with Kazakhstan?").time_relation == (
        "latest"
    )


def test_prepositions_put_entities_on_a_side_of_the_figure() -> None:
    q = parse_question("How many Russian troops are stationed in Tajikistan?")
    assert q.side("TJK", "troops_stationed") == "subject"  # the host
    q = parse_question("How many Tajik migrants work in Russia?")
    assert q.side("RUS", "migrants") == "object"  # migrants are counted from their origin
    q = parse_question("How much gas does Turkmenistan export to China?")
    assert q.side("CHN", "gas_exports") == "object"


def test_alternatives_are_the_entities_weighed() -> None:
    q = parse_question("Is China or Russia the bigger trade partner of Turkmenistan?")
    assert q.alternatives == ("CHN", "RUS")
    # "between X and Y" names a pair, not alternatives
    assert (
        parse_question("What is the latest trade between Kazakhstan and China?").alternatives == ()
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_text_is_read_without_error(text: str) -> None:
    q = parse_question(text)
    assert q.kind in KINDS
    for mention in q.mentions:
        assert 0 <= mention.start < mention.end <= len(q.text)
