"""Timelines: event order, quad classes, the yearly balance worked by hand, the periods around
break years, and events that count for a country through its region or an organisation."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bilat.analyse.timeline import (
    QUAD_WEIGHTS,
    balance,
    timeline,
    timeline_chart_svg,
)
from bilat.model import Event, Source, TimeRef
from bilat.ontology import event_types
from bilat.store import Batch, Store

SOURCES = [
    Source("s1", "First report", "Author One", "Press", 2018, "B"),
    Source("s2", "Second report", "Author Two", "Press", 2020, "C"),
]


def event(
    kind: str, date: str, *actors: str, source: str = "s1", subtype: str | None = None
) -> Event:
    return Event(
        type=kind,
        actors=actors,
        date=TimeRef.parse(date) or TimeRef(date),
        summary=f"{kind} between {', '.join(actors)} in {date}.",
        source_id=source,
        subtype=subtype,
    )


MakeStore = Callable[..., Store]


@pytest.fixture()
def make_store(tmp_path: Path) -> Iterator[MakeStore]:
    stores: list[Store] = []

    def build(*events: Event) -> Store:
        store = Store(tmp_path / f"t{len(stores)}.db")
        store.write(Batch(sources=list(SOURCES), events=list(events)))
        stores.append(store)
        return store

    yield build
    for store in stores:
        store.close()


# -- on the starter data ----------------------------------------------------------------------


def test_events_come_in_date_order_with_their_quad_class(starter_store: Store) -> None:
    tl = timeline(starter_store, "KAZ", "RUS")
    dates = [t.event.date.start for t in tl.events]
    assert dates == sorted(dates)
    assert len(tl.events) > 10
    for row in tl.to_dict()["events"]:
        assert row["quad"] == event_types()[row["type"]].quad
        assert row["source"] and row["actor_names"]
    kinds = {(t.event.date.start[:4], t.event.type, t.quad) for t in tl.events}
    assert ("2014", "DISAPPROVE", 3) in kinds  # the Crimea-era criticism
    assert ("2022", "MOBILIZE", 4) in kinds  # troops sent in January 2022


def test_kazakhstan_russia_cools_after_2014(starter_store: Store) -> None:
    tl = timeline(starter_store, "KAZ", "RUS")
    before, between, after = tl.periods
    assert (before.label, before.start, before.end) == ("before 2014", None, 2013)
    assert (between.label, between.start, between.end) == ("2014–2021", 2014, 2021)
    assert (after.label, after.start, after.end) == ("2022 on", 2022, None)
    assert before.balance is not None and between.balance is not None
    assert before.balance > between.balance
    assert tl.comparisons[0].startswith("After 2014 the balance moved from +1.00 to ")
    assert "towards conflict" in tl.comparisons[0]
    assert sum(p.events for p in tl.periods) == len(tl.events)


def test_the_same_happening_reported_twice_counts_once(starter_store: Store) -> None:
    tl = timeline(starter_store, "KAZ", "RUS")
    statehood = [t for t in tl.events if "never been a state" in t.event.summary]
    assert len(statehood) == 1 and len(statehood[0].also) == 1
    reporters = {statehood[0].event.source_id, statehood[0].also[0].source_id}
    assert reporters == {"heinemann-grueder-bpb", "eprs-2017"}
    assert {"heinemann-grueder-bpb", "eprs-2017"} <= {s["id"] for s in tl.sources}


def test_json_shape(starter_store: Store) -> None:
    data = json.loads(json.dumps(timeline(starter_store, "KGZ", "RUS").to_dict()))
    assert data["pair"] == ["KGZ", "RUS"]
    assert set(data) >= {"events", "years", "periods", "comparisons", "sources", "gaps"}
    year = data["years"][0]
    assert set(year["counts"]) == {"1", "2", "3", "4"} and "balance" in year
    assert {"label", "from", "to", "events", "balance", "top_types"} <= set(data["periods"][0])
    # Kyrgyzstan joining the union Russia belongs to counts for the pair.
    joins = [e for e in data["events"] if e["link"] == "organisation" and e["via"] == "EAEU"]
    assert joins and joins[0]["actors"] == ["KGZ", "EAEU"]


# -- on small synthetic stores ----------------------------------------------------------------


def test_yearly_balance_worked_by_hand(make_store: MakeStore) -> None:
    store = make_store(
        event("AGREE", "2010", "AAA", "BBB"),  # verbal cooperation, weight 1
        event("COOPERATE", "2010-05", "BBB", "AAA"),  # material cooperation, weight 2
        event("DISAPPROVE", "2010-09", "AAA", "BBB"),  # verbal conflict, weight 1
        event("SANCTION", "2012", "BBB", "AAA"),  # material conflict, weight 2
        event("CONSULT", "2012-03-01", "AAA", "BBB"),  # verbal cooperation, weight 1
    )
    tl = timeline(store, "AAA", "BBB")
    years = {y.year: y for y in tl.years}
    assert years[2010].counts == {1: 1, 2: 1, 3: 1, 4: 0}
    # cooperation 1 + 2 = 3, conflict 1: (3 - 1) / (3 + 1)
    assert years[2010].balance == pytest.approx(0.5)
    # cooperation 1, conflict 2: (1 - 2) / (1 + 2)
    assert years[2012].balance == pytest.approx(-1 / 3)
    # 2011 had no event: a gap, not a year with a balance of zero
    assert 2011 not in years and tl.gaps == [2011]
    assert QUAD_WEIGHTS == {1: 1.0, 2: 2.0, 3: 1.0, 4: 2.0}
    assert balance({1: 0, 2: 0, 3: 0, 4: 0}) is None


def test_before_and_after_a_break(make_store: MakeStore) -> None:
    store = make_store(
        event("AGREE", "2010", "AAA", "BBB"),
        event("COOPERATE", "2012", "AAA", "BBB"),
        event("CONSULT", "2013", "BBB", "AAA"),
        event("DISAPPROVE", "2014", "BBB", "AAA"),
        event("AGREE", "2015", "AAA", "BBB"),
        event("MOBILIZE", "2022-02", "BBB", "AAA"),
    )
    tl = timeline(store, "AAA", "BBB")
    assert [(p.label, p.events) for p in tl.periods] == [
        ("before 2014", 3),
        ("2014–2021", 2),
        ("2022 on", 1),
    ]
    assert [p.balance for p in tl.periods] == [1.0, 0.0, -1.0]
    assert tl.periods[0].top_types == ["AGREE", "CONSULT", "COOPERATE"]
    assert tl.comparisons == [
        "After 2014 the balance moved from +1.00 to +0.00, towards conflict (3 → 2 events).",
        "After 2022 the balance moved from +0.00 to −1.00, towards conflict (2 → 1 events).",
    ]
    one_break = timeline(store, "AAA", "BBB", breaks=[2015])
    assert [p.label for p in one_break.periods] == ["before 2015", "2015 on"]
    # before 2015: cooperation 1 + 2 + 1 = 4, conflict 1 → 3/5; after: (1 - 2) / 3
    assert one_break.comparisons == [
        "After 2015 the balance moved from +0.60 to −0.33, towards conflict (4 → 2 events)."
    ]


def test_a_regional_event_counts_for_a_member(make_store: MakeStore) -> None:
    store = make_store(
        event("AID", "2016", "RUS", "C5"),  # Russia and Central Asia as a whole
        event("SUPPORT", "2016", "EU", "C5"),  # nothing to do with Russia
        event("AGREE", "2017", "KAZ", "RUS"),
    )
    pair = timeline(store, "KAZ", "RUS")
    links = [(t.event.type, t.link, t.via) for t in pair.events]
    assert links == [("AID", "regional", "C5"), ("AGREE", "direct", None)]
    assert pair.to_dict()["events"][0]["regional"] is True
    alone = timeline(store, "KAZ")
    assert {t.event.type for t in alone.events} == {"AID", "SUPPORT", "AGREE"}
    # A country outside the region does not get the regional events.
    assert [t.event.type for t in timeline(store, "BLR").events] == []


def test_an_organisation_event_counts_only_with_two_actors(make_store: MakeStore) -> None:
    store = make_store(
        event("COOPERATE", "2015-08", "KGZ", "EAEU", subtype="joins"),
        event("COOPERATE", "2016", "KGZ", "EAEU", "CHN"),  # crowded: not about Russia
        event("COOPERATE", "2005", "KGZ", "EAEU"),  # before Russia was in the union
    )
    tl = timeline(store, "KGZ", "RUS")
    assert [(str(t.event.date), t.link, t.via) for t in tl.events] == [
        ("2015-08", "organisation", "EAEU")
    ]


def test_an_empty_timeline_reports_nothing_rather_than_zeros(make_store: MakeStore) -> None:
    tl = timeline(make_store(), "KAZ", "RUS")
    assert tl.events == [] and tl.years == [] and tl.gaps == []
    assert all(p.events == 0 and p.balance is None for p in tl.periods)
    assert tl.comparisons[0] == "Around 2014 there is too little to compare: 0 → 0 events."


def test_chart_draws_points_breaks_and_a_zero_line(make_store: MakeStore) -> None:
    store = make_store(
        event("AGREE", "2012", "AAA", "BBB"),
        event("DISAPPROVE", "2015", "AAA", "BBB"),
        event("AGREE", "2016", "AAA", "BBB"),
        event("DISAPPROVE", "2016", "AAA", "BBB"),
    )
    tl = timeline(store, "AAA", "BBB")
    svg = timeline_chart_svg(tl, {"AAA": "Aland", "BBB": "Bland"})
    root = ET.fromstring(svg)
    circles = root.findall(".//circle")
    assert len(circles) == 3
    fills = [c.get("fill") for c in circles]
    assert fills[0] != fills[1]  # positive and negative years differ in colour
    breaks = [line for line in root.iter("line") if line.get("class") == "break"]
    assert len(breaks) == 1  # 2014 inside the span; 2022 too far beyond it
    assert "Aland–Bland" in svg and "2014" in svg
    # 2012 stands apart from 2015–2016: the gap breaks the line in two
    assert len(root.findall(".//polyline")) == 2
