"""Dated happenings recognised in sentences we wrote."""

from __future__ import annotations

import re

import pytest

from bilat.extract.events import event_patterns
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
