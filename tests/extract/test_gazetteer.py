"""The gazetteer: names, short forms, demonyms, capitals, organisations and office holders."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.extract.gazetteer import (
    Gazetteer,
    default_gazetteer,
    find_entities,
    mentions_by_entity,
)
from bilat.extract.types import EntityMention
from bilat.reference import Term


def found(text: str, at: str | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in find_entities(text, at=at)]


def one(text: str, at: str | None = None) -> EntityMention:
    mentions = find_entities(text, at=at)
    assert len(mentions) == 1, mentions
    return mentions[0]


def test_default_gazetteer_is_built_once() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_country_names_with_exact_offsets() -> None:
    text = "Talks between Kazakhstan and the Russian Federation resumed."
    mentions = find_entities(text)
    assert [(m.start, m.end, m.entity, m.kind, m.cue) for m in mentions] == [
        (14, 24, "KAZ", "country", "name"),
        (33, 51, "RUS", "country", "alias"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Aid from the US arrived.", "USA"),
        ("Aid from the U.S. arrived.", "USA"),
        ("Aid from the USA arrived.", "USA"),
        ("Aid from the UK arrived.", "GBR"),
        ("Aid from the United States arrived.", "USA"),
    ],
)
def test_short_forms(text: str, entity: str) -> None:
    assert one(text).entity == entity


@pytest.mark.parametrize(
    ("word", "entity"),
    [
        ("Kazakh", "KAZ"),
        ("Tajik", "TJK"),
        ("Kyrgyz", "KGZ"),
        ("Uzbek", "UZB"),
        ("Turkmen", "TKM"),
        ("Iranian", "IRN"),
        ("Chinese", "CHN"),
    ],
)
def test_demonyms(word: str, entity: str) -> None:
    mention = one(f"The {word} delegation left early.")
    assert (mention.text, mention.entity, mention.cue) == (word, entity, "demonym")


@pytest.mark.parametrize(
    ("city", "entity"),
    [
        ("Moscow", "RUS"),
        ("Beijing", "CHN"),
        ("Astana", "KAZ"),
        ("Nur-Sultan", "KAZ"),
        ("Tashkent", "UZB"),
        ("Dushanbe", "TJK"),
        ("Bishkek", "KGZ"),
        ("Ashgabat", "TKM"),
        ("Washington", "USA"),
    ],
)
def test_capitals_stand_for_their_country(city: str, entity: str) -> None:
    mention = one(f"Officials in {city} declined to comment.")
    assert (mention.text, mention.entity, mention.kind, mention.cue) == (
        city,
        entity,
        "country",
        "capital",
    )


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("the CSTO", "CSTO"),
        ("the EAEU", "EAEU"),
        ("the EEU", "EAEU"),
        ("the SCO", "SCO"),
        ("the CIS", "CIS"),
        ("NATO", "NATO"),
        ("the Eurasian Economic Union", "EAEU"),
        ("the Shanghai Cooperation Organisation", "SCO"),
        ("the Shanghai Cooperation Organization", "SCO"),
        ("the Collective Security Treaty Organization", "CSTO"),
    ],
)
def test_organisations_by_name_and_acronym(text: str, entity: str) -> None:
    mention = one(f"A statement from {text} followed.")
    assert (mention.entity, mention.kind, mention.cue) == (entity, "organisation", "organisation")


def test_kinds_of_bloc_and_region() -> None:
    assert one("The European Union objected.").kind == "bloc"
    region = one("Water is scarce across Central Asia.")
    assert (region.entity, region.kind) == ("C5", "region")


def test_office_holders_resolve_to_their_country_at_the_date() -> None:
    mention = one("Nazarbayev opened the forum.", at="2015-06-01")
    assert (mention.entity, mention.kind, mention.cue) == ("KAZ", "person", "person")
    assert one("Medvedev hosted the summit.", at="2010").entity == "RUS"
    assert one("Medvedev hosted the summit.").entity == "RUS"
    assert one("President Putin spoke.", at="2016-03-01").text == "Putin"


def test_malformed_date_is_read_as_undated() -> None:
    assert one("Nazarbayev spoke.", at="not a date").entity == "KAZ"


def test_possessives() -> None:
    assert found("Russia's exports and Russia’s imports; China's share") == [
        ("Russia", "RUS"),
        ("Russia", "RUS"),
        ("China", "CHN"),
    ]


def test_hyphenated_compounds_yield_both_entities() -> None:
    assert found("Russian-Chinese ties") == [("Russian", "RUS"), ("Chinese", "CHN")]
    assert found("the Kazakh-Kyrgyz border") == [("Kazakh", "KAZ"), ("Kyrgyz", "KGZ")]
    assert found("the Tajik-Afghan frontier") == [("Tajik", "TJK"), ("Afghan", "AFG")]
    assert found("a Russia-led bloc") == [("Russia", "RUS")]


def test_hyphenated_names_stay_whole() -> None:
    assert found("Ties with Guinea-Bissau improved.") == [("Guinea-Bissau", "GNB")]


def test_longest_match_wins() -> None:
    assert found("Papua New Guinea and Guinea") == [
        ("Papua New Guinea", "PNG"),
        ("Guinea", "GIN"),
    ]
    assert found("the Eurasian Economic Union") == [("Eurasian Economic Union", "EAEU")]


def test_no_match_inside_words() -> None:
    assert found("A woman from Romania") == [("Romania", "ROU")]
    assert found("thus the status of USB sticks") == []
    assert found("Kazakhstani officials") == [("Kazakhstani", "KAZ")]


def test_acronyms_are_case_sensitive() -> None:
    assert found("let us go; tell us more") == []
    assert found("Us and them") == []


def test_lower_case_common_words_do_not_fire() -> None:
    assert found("They served turkey on china plates in the chad region.") == []
    assert found("He ate Turkey") == [("Turkey", "TUR")]


def test_common_word_at_sentence_start_does_not_fire() -> None:
    assert found("Male workers left. The talks in Male ended.") == [("Male", "MDV")]


def test_sentence_initial_country_names_still_match() -> None:
    assert found("Turkey objected. China agreed.") == [("Turkey", "TUR"), ("China", "CHN")]


def test_all_caps_heading() -> None:
    assert found("RELATIONS WITH RUSSIA") == [("RUSSIA", "RUS")]


def test_names_across_a_line_break_and_typographic_apostrophes() -> None:
    assert found("the Russian\nFederation") == [("Russian\nFederation", "RUS")]
    assert found("Côte d’Ivoire") == [("Côte d’Ivoire", "CIV")]


def test_offsets_survive_characters_that_lower_case_to_two() -> None:
    text = "İİİ and Russia"
    mention = one(text)
    assert (mention.start, mention.end, mention.text) == (8, 14, "Russia")


def test_start_and_end_bound_the_search() -> None:
    text = "China and Russia and Japan"
    mentions = find_entities(text, 5, 16)
    assert [(m.start, m.end, m.entity) for m in mentions] == [(10, 16, "RUS")]
    assert find_entities(text, 20, 10) == []


def test_ambiguous_surface_prefers_the_reference_reading() -> None:
    gazetteer = Gazetteer(
        [
            Term("Springfield", "AAA", "capital"),
            Term("Springfield", "BBB", "capital"),
            Term("Northland", "CCC", "name"),
        ]
    )
    # Neither fictional id is known to the reference data, so the shared name is dropped.
    assert [m.entity for m in gazetteer.find("Springfield and Northland")] == ["CCC"]


def test_custom_terms_and_empty_gazetteer() -> None:
    assert Gazetteer([]).find("Russia") == []
    custom = Gazetteer([Term("Northland", "NRL", "name"), Term("NL", "NRL", "alias")])
    mentions = custom.find("Northland (NL) and nl")
    assert [(m.text, m.entity, m.kind) for m in mentions] == [
        ("Northland", "NRL", "country"),
        ("NL", "NRL", "country"),
    ]


def test_mentions_by_entity() -> None:
    mentions = find_entities("Moscow and Beijing; Russia and China; Russians")
    grouped = mentions_by_entity(mentions)
    assert [m.text for m in grouped["RUS"]] == ["Moscow", "Russia", "Russians"]
    assert [m.text for m in grouped["CHN"]] == ["Beijing", "China"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Russia", "US", "us", "-", " ", "'s", "Kazakh", "stan", "İ", "\n", "x"]),
        max_size=30,
    ).map("".join)
)
def test_mentions_are_ordered_disjoint_and_exact(text: str) -> None:
    previous_end = 0
    for m in find_entities(text):
        assert previous_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        previous_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_text_never_raises(text: str) -> None:
    for m in find_entities(text, at="2018-04-01"):
        assert text[m.start : m.end] == m.text
