"""Scenarios: the arithmetic checked by hand, ranges from disagreeing evidence, missing
evidence reported as missing, the built-ins on the starter data, and clear errors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bilat.analyse.scenario import (
    Impact,
    ScenarioError,
    ScenarioResult,
    builtin_names,
    builtin_scenarios,
    load_builtin,
    load_scenario,
    parse_scenario,
    run_scenario,
)
from bilat.model import Claim, Source, TimeRef
from bilat.store import Batch, Store

SOURCES = [
    Source("good", "Careful report", "Author One", "Press", 2018, "B"),
    Source("weak", "Opinion piece", "Author Two", "Press", 2019, "C"),
]

MakeStore = Callable[..., Store]


def claim(
    indicator: str,
    subject: str | None,
    object: str | None,
    value: float,
    unit: str,
    time: str | None,
    source: str = "good",
    qualifier: str = "exact",
) -> Claim:
    return Claim(
        indicator,
        subject,
        object,
        value,
        unit,
        source,
        TimeRef.parse(time),
        qualifier=qualifier,  # type: ignore[arg-type]
    )


SHARE_2016 = claim("remittances_gdp_share", "KGZ", "RUS", 30.4, "percent", "2016")
AMOUNT_2017 = claim("remittances", "KGZ", "RUS", 2.2e9, "USD", "2017")


def remittances(change: float = -0.5, **extra: Any) -> dict[str, Any]:
    shock = {"tie": "remittances", "from": "RUS", "change": change, **extra}
    return {"name": "test", "description": "A test shock.", "shocks": [shock]}


@pytest.fixture()
def make_store(tmp_path: Path) -> Iterator[MakeStore]:
    stores: list[Store] = []

    def build(*claims: Claim) -> Store:
        store = Store(tmp_path / f"s{len(stores)}.db")
        store.write(Batch(sources=list(SOURCES), claims=list(claims)))
        stores.append(store)
        return store

    yield build
    for store in stores:
        store.close()


def impact(result: ScenarioResult, country: str, indicator: str) -> Impact:
    [found] = [i for i in result.impacts if i.country == country and i.indicator == indicator]
    return found


# -- arithmetic by hand -----------------------------------------------------------------------


def test_halved_remittances_by_hand(make_store: MakeStore) -> None:
    result = run_scenario(make_store(SHARE_2016, AMOUNT_2017), remittances())
    share = impact(result, "KGZ", "remittances_gdp_share")
    # 30.4% of GDP × −50% = −15.2 points of GDP
    assert share.value == pytest.approx(-15.2)
    assert (share.low, share.high) == (share.value, share.value)
    assert share.unit == "percent of GDP" and share.measure == "share of GDP"
    assert [e["claim"] for e in share.evidence] == [SHARE_2016.id]
    assert share.evidence[0]["time"] == "2016" and share.evidence[0]["source"] == "good"
    assert any("2016 figure" in a for a in share.assumptions)
    amount = impact(result, "KGZ", "remittances")
    # USD 2.2 bn × −50% = USD −1.1 bn
    assert amount.value == pytest.approx(-1.1e9) and amount.unit == "USD"
    assert [e["claim"] for e in amount.evidence] == [AMOUNT_2017.id]
    assert any("no second-round effects" in a for a in result.assumptions)


def test_a_conflicting_figure_gives_a_range(make_store: MakeStore) -> None:
    other = claim("remittances_gdp_share", "KGZ", "RUS", 32.0, "percent", "2016", source="weak")
    share = impact(
        run_scenario(make_store(SHARE_2016, other), remittances()), "KGZ", "remittances_gdp_share"
    )
    assert share.value == pytest.approx(-15.2)  # the better-graded source is preferred
    assert share.low == pytest.approx(-16.0) and share.high == pytest.approx(-15.2)
    assert {e["claim"] for e in share.evidence} == {SHARE_2016.id, other.id}
    assert [e["role"] for e in share.evidence] == ["preferred", "range"]


def test_recent_years_widen_the_range_and_old_ones_do_not(make_store: MakeStore) -> None:
    year_before = claim("remittances_gdp_share", "KGZ", "RUS", 31.0, "percent", "2015")
    long_ago = claim("remittances_gdp_share", "KGZ", "RUS", 20.0, "percent", "2008")
    share = impact(
        run_scenario(make_store(SHARE_2016, year_before, long_ago), remittances()),
        "KGZ",
        "remittances_gdp_share",
    )
    assert share.value == pytest.approx(-15.2)  # the latest year
    assert share.low == pytest.approx(-15.5) and share.high == pytest.approx(-15.2)
    assert long_ago.id not in {e["claim"] for e in share.evidence}


def test_a_year_picks_the_nearest_evidence(make_store: MakeStore) -> None:
    early = claim("remittances_gdp_share", "KGZ", "RUS", 32.0, "percent", "2013")
    store = make_store(SHARE_2016, early)
    at_2013 = impact(run_scenario(store, remittances(year=2013)), "KGZ", "remittances_gdp_share")
    assert at_2013.value == pytest.approx(-16.0)
    at_2015 = impact(run_scenario(store, remittances(year=2015)), "KGZ", "remittances_gdp_share")
    assert at_2015.value == pytest.approx(-15.2)
    assert any("nearest to 2015" in a for a in at_2015.assumptions)


def test_a_quarter_is_not_taken_for_a_year(make_store: MakeStore) -> None:
    quarter = claim("remittances", "KGZ", "RUS", 4.33e8, "USD", "2018-01/2018-03")
    amount = impact(
        run_scenario(make_store(AMOUNT_2017, quarter), remittances()), "KGZ", "remittances"
    )
    assert amount.value == pytest.approx(-1.1e9)
    assert quarter.id not in {e["claim"] for e in amount.evidence}
    assert any("left out" in a for a in amount.assumptions)


def test_a_country_without_evidence_is_missing_not_zero(make_store: MakeStore) -> None:
    result = run_scenario(make_store(SHARE_2016, AMOUNT_2017), remittances(to=["KGZ", "UZB"]))
    assert {i.country for i in result.impacts} == {"KGZ"}
    missing = {(m.country, m.indicator) for m in result.missing}
    assert missing == {("UZB", "remittances"), ("UZB", "remittances_gdp_share")}
    assert all(i.value != 0 for i in result.impacts)


def test_all_leaves_out_regions_and_names_them(make_store: MakeStore) -> None:
    regional = claim("remittances", "C5", "RUS", 3.7e10, "USD", "2016")
    result = run_scenario(make_store(AMOUNT_2017, regional), remittances())
    assert {i.country for i in result.impacts} == {"KGZ"}
    assert any("Central Asia" in a and "not split" in a for a in result.assumptions)


def test_trade_is_read_from_either_side_of_a_symmetric_figure(make_store: MakeStore) -> None:
    volume = claim("trade_volume", "CHN", "KAZ", 1.0e10, "USD", "2016")
    share = claim("trade_share", "KAZ", "CHN", 13.0, "percent", "2018")
    spec = {"name": "t", "shocks": [{"tie": "trade", "from": "CHN", "change": -0.3}]}
    result = run_scenario(make_store(volume, share), spec)
    assert impact(result, "KAZ", "trade_volume").value == pytest.approx(-3.0e9)
    assert impact(result, "KAZ", "trade_share").value == pytest.approx(-3.9)


def test_sanctions_are_the_union_of_their_ties(make_store: MakeStore) -> None:
    volume = claim("trade_volume", "KGZ", "RUS", 1.2e9, "USD", "2016")
    spec = {
        "name": "sanctions",
        "shocks": [
            {"tie": "sanctions", "from": "RUS", "ties": {"trade": -0.2, "remittances": -0.5}}
        ],
    }
    result = run_scenario(make_store(volume, AMOUNT_2017, SHARE_2016), spec)
    assert impact(result, "KGZ", "trade_volume").value == pytest.approx(-2.4e8)
    assert impact(result, "KGZ", "remittances").value == pytest.approx(-1.1e9)
    assert {i.cause for i in result.impacts} == {"sanctions"}


# -- the built-ins on the starter data --------------------------------------------------------


def test_builtin_remittances_halved_on_the_starter_data(starter_store: Store) -> None:
    result = run_scenario(starter_store, load_builtin("remittances-halved"))
    assert {i.country for i in result.impacts} == {"KGZ", "TJK"}
    assert {(i.country, i.indicator) for i in result.impacts} == {
        ("KGZ", "remittances"),
        ("KGZ", "remittances_gdp_share"),
        ("TJK", "remittances"),
        ("TJK", "remittances_gdp_share"),
    }
    kgz = impact(result, "KGZ", "remittances_gdp_share")
    assert kgz.value == pytest.approx(-15.2)  # 30.4% of GDP in 2016, halved
    assert kgz.low < kgz.value  # the undated one-third-of-GDP figure widens the range
    starter_sources = {s.id for s in starter_store.sources()}
    for i in result.impacts:
        ids = [e["claim"] for e in i.evidence]
        assert ids and len(starter_store.claims(ids=ids)) == len(set(ids))
        assert {e["source"] for e in i.evidence} <= starter_sources
        assert i.low <= i.value <= i.high < 0
    data = json.loads(json.dumps(result.to_dict()))
    assert data["scenario"] == "remittances-halved"
    assert set(data["impacts"][0]) >= {"country", "tie", "partner", "measure", "value", "low"}


def test_every_builtin_loads_and_runs(starter_store: Store) -> None:
    assert set(builtin_names()) == {
        "remittances-halved",
        "oil-transit-stops",
        "trade-shock",
        "remittance-fall-2013-2015",
    }
    for scenario in builtin_scenarios():
        assert scenario.description
        assert run_scenario(starter_store, scenario).impacts, scenario.name
    oil = run_scenario(starter_store, load_builtin("oil-transit-stops"))
    [kaz] = oil.impacts
    assert kaz.country == "KAZ" and (kaz.low, kaz.high) == (-90.0, -75.0)
    fall = load_builtin("remittance-fall-2013-2015")
    assert fall.shocks[0].year == 2013 and fall.shocks[0].change == -0.5


# -- malformed scenarios ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("name: x\nshocks:\n  - {tie: remitances, from: RUS, change: -0.5}\n", "shocks[0].tie"),
        ("name: x\nshocks:\n  - {tie: trade, change: -0.5}\n", "'from'"),
        ("name: x\nshocks:\n  - {tie: trade, from: RUS, change: half}\n", "shocks[0].change"),
        ("name: x\nshocks:\n  - {tie: trade, from: RUS, change: -1.5}\n", "shocks[0].change"),
        ("name: x\nshocks:\n  - {tie: trade, from: Narnia, change: -0.5}\n", "shocks[0].from"),
        ("name: x\nshock: []\n", "'shock'"),
        ("name: x\nshocks: []\n", "shocks"),
        ("name: x\nshocks:\n  - {tie: trade, from: RUS, change: -0.5, year: soon}\n", "year"),
        ("name: [unclosed\n", "not valid YAML"),
    ],
)
def test_a_malformed_scenario_names_the_key(tmp_path: Path, text: str, names: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert names in str(info.value) and "bad.yaml" in str(info.value)


def test_an_unknown_builtin_lists_the_known_ones() -> None:
    with pytest.raises(ScenarioError, match="remittances-halved"):
        load_builtin("no-such-scenario")


def test_names_in_any_common_form() -> None:
    shock = {"tie": "aid", "from": "Russia", "to": ["Kyrgyzstan"], "change": -1}
    scenario = parse_scenario({"name": "x", "shocks": [shock]})
    assert scenario.shocks[0].partner == "RUS" and scenario.shocks[0].subjects == ("KGZ",)
