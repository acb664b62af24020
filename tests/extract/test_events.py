"""Dated happenings recognised in sentences we wrote."""

from __future__ import annotations

import re

import pytest

from bilat.extract.events import event_patterns, literal_starts, named_verbs, verb_of
from bilat.extract.pipeline import extract_document
from bilat.model import Document, Event


def events(text: str) -> list[Event]:
    doc = Document(Document.make_id(text), "src", "t.txt", "t", text, "2020-01-01")
    return extract_document(doc).events


@pytest.mark.parametrize(
    ("sentence", "kind", "subtype", "actors", "date"),
    [
        ("Armenia joined the Eurasian Economic Union in January 2015.", "COOPERATE", "joins",
         ("ARM", "EAEU"), "2015-01"),
        ("Georgia left the CIS in 2009 after the war.", "RETREAT", "leaves", ("GEO", "CIS"),
         "2009"),
        ("In March 2016, Russia and Tajikistan held joint military exercises near the border.",
         "COOPERATE", "exercise", ("RUS", "TJK"), "2016-03"),
        ("Azerbaijan and Turkey signed a defence agreement in June 2021.", "AGREE", "signs",
         ("AZE", "TUR"), "2021-06"),
        ("In 2014, the United States imposed sanctions on Russia.", "SANCTION", "sanctions",
         ("USA", "RUS"), "2014"),
        ("Lithuania condemned Belarus over the border crisis in August 2021.", "DISAPPROVE",
         "condemns", ("LTU", "BLR"), "2021-08"),
    ],
)  # fmt: skip
def test_an_event_with_its_type_actors_and_date(
    sentence: str, kind: str, subtype: str, actors: tuple[str, ...], date: str
) -> None:
    [event] = events(sentence)
    assert (event.type, event.subtype, event.actors, str(event.date)) == (
        kind, subtype, actors, date
    )  # fmt: skip
    assert event.sentence == sentence


def test_an_undated_happening_is_not_an_event() -> None:
    assert events("Moldova joined the programme with great fanfare.") == []


def test_a_sentence_without_actors_is_not_an_event() -> None:
    assert events("The committee signed the plan in 2019.") == []


def test_patterns_are_written_in_lower_case() -> None:
    # they are matched on the lower-cased sentence, without re.IGNORECASE (it is 3x slower)
    for pattern in event_patterns():
        letters = re.sub(r"\\.", "", pattern.regex.pattern)
        assert letters == letters.lower(), pattern.subtype


def test_a_sentence_in_capitals_still_names_its_event() -> None:
    found = events("ARMENIA JOINED THE EURASIAN ECONOMIC UNION IN JANUARY 2015.")
    assert [e.subtype for e in found] == ["joins"]


@pytest.mark.parametrize(
    ("alternative", "starts"),
    [
        ("summit", {"summit"}),
        ("rejoin(ed|s)?", {"rejoin"}),
        ("re-?entered", {"re-entered", "reentered"}),
        ("withdr[ae]w(s|n)? from", {"withdraw", "withdrew"}),
        ("impos(ed|es)\\s+(\\w+\\s+){0,3}sanctions", {"impos"}),
        ("exercises?", {"exercise", "exercises"}),
    ],
)
def test_a_verb_is_looked_for_by_the_plain_letters_it_starts_with(
    alternative: str, starts: set[str]
) -> None:
    assert literal_starts(alternative) == starts


def test_every_pattern_s_verb_starts_with_plain_letters() -> None:
    # the index refuses a verb it could only find by trying the pattern everywhere
    assert named_verbs("") == []
    for pattern in event_patterns():
        assert verb_of(pattern.regex.pattern), pattern.subtype


@pytest.mark.parametrize(
    ("sentence", "subtypes"),
    [
        ("the two presidents signed a transit deal and met again in may.", {"signs", "meeting"}),
        ("the bank redesigned its logo and hosted a banquet.", set()),  # "sign", "ban" inside
        ("the embassy was closed after riots.", {"closes", "unrest"}),
        ("fishermen reentered the zone; troops withdrew from the pass.", {"rejoins", "leaves"}),
    ],
)
def test_the_verbs_a_sentence_names_are_found_whole(sentence: str, subtypes: set[str]) -> None:
    patterns = event_patterns()
    assert {patterns[n].subtype for n in named_verbs(sentence)} == subtypes
