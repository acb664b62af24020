"""The brief on the starter data: the figures a reader looks for are there, with sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bilat.analyse.brief import build_brief
from bilat.ingest.batch import ingest_paths
from bilat.ontology import DIMENSIONS
from bilat.starter import load_starter
from bilat.store import Store


def figures(brief: dict[str, Any], indicator: str) -> list[dict[str, Any]]:
    return [
        c for claims in brief["dimensions"].values() for c in claims if c["indicator"] == indicator
    ]


def source_ids(brief: dict[str, Any]) -> set[str]:
    return {s["id"] for s in brief["sources"]}


def test_kyrgyzstan_russia_shows_remittances_as_a_share_of_gdp(starter_store: Store) -> None:
    brief = build_brief(starter_store, "KGZ", "RUS")
    shares = {(c["time"], c["value"]) for c in figures(brief, "remittances_gdp_share")}
    assert ("2016", 30.4) in shares
    remittances = {(c["time"], c["value"]) for c in figures(brief, "remittances")}
    assert ("2017", 2.2e9) in remittances
    assert all(c["source"] in source_ids(brief) for c in figures(brief, "remittances"))
    assert list(brief["dimensions"]) == list(DIMENSIONS)


def test_tajikistan_russia_shows_the_russian_troops(starter_store: Store) -> None:
    brief = build_brief(starter_store, "TJK", "RUS")
    troops = figures(brief, "troops_stationed")
    assert any(
        c["value"] == 7000 and c["subject"] == "TJK" and c["object"] == "RUS" for c in troops
    )
    assert all(c in brief["dimensions"]["security"] for c in troops)
    assert "CSTO" in {m["org"] for m in brief["memberships"]["shared"]}


def test_kazakhstan_russia_puts_both_border_lengths_side_by_side(starter_store: Store) -> None:
    brief = build_brief(starter_store, "KAZ", "RUS")
    [border] = [c for c in brief["conflicts"] if c["indicator"] == "border_length"]
    values = [c["value"] for c in border["claims"]]
    assert sorted(values) == [6000.0, 7500.0]
    assert values[0] == 7500.0  # the better-graded source is preferred
    assert border["reason"].startswith("more reliable source")
    cites = {c["cite"] for c in border["claims"]}
    assert cites <= {s["n"] for s in brief["sources"]}


def test_kazakhstan_russia_charts_russia_against_china(starter_store: Store) -> None:
    brief = build_brief(starter_store, "KAZ", "RUS")
    [trade_share] = [s for s in brief["series"] if s["unit"] == "percent"]
    assert trade_share["lines"]["RUS"] == [[2018, 20.0]]
    assert trade_share["lines"]["CHN"] == [[2018, 13.0]]


def test_turkmenistan_china_trade_outweighs_russia(starter_store: Store) -> None:
    brief = build_brief(starter_store, "TKM", "CHN")
    [share] = [c for c in figures(brief, "trade_share") if c["time"] == "2018"]
    assert share["value"] == 44.0
    volume = {c["value"] for c in figures(brief, "trade_volume") if c["time"] == "2016"}
    assert 5.9e9 in volume


def test_every_cited_number_points_at_a_listed_source(starter_store: Store) -> None:
    brief = build_brief(starter_store, "KAZ", "CHN")
    numbers = {s["n"] for s in brief["sources"]}
    cited = {c["cite"] for d in brief["dimensions"].values() for c in d}
    cited |= {e["cite"] for e in brief["events"]}
    assert cited and cited <= numbers


def test_a_pair_without_evidence_says_so(starter_store: Store) -> None:
    brief = build_brief(starter_store, "FRA", "CHL")
    assert brief["evidence"] is False
    assert brief["headline"] == [
        "No evidence in the knowledge base about relations between France and Chile."
    ]
    assert all(not claims for claims in brief["dimensions"].values())
    assert brief["events"] == [] and brief["sources"] == []


def test_every_starter_pair_has_a_brief(starter_store: Store) -> None:
    for state in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):
        for power in ("RUS", "CHN", "USA", "EU"):
            brief = build_brief(starter_store, state, power)
            assert brief["pair"] == [state, power]
            if power in ("RUS", "CHN"):
                assert brief["evidence"], f"{state}–{power} has no evidence"


def test_ingested_claims_join_the_curated_ones_with_their_sentence(tmp_path: Path) -> None:
    report = tmp_path / "note.txt"
    report.write_text(
        "Kazakhstan and Russia\n\nIn 2021, Kazakhstan received $310 million in remittances "
        "from Russia, a central bank note said.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "mixed.db") as store:
        store.write(load_starter())
        ingest_paths(store, [report])
        brief = build_brief(store, "KAZ", "RUS")
    [ingested] = [c for c in figures(brief, "remittances") if c["method"] != "curated"]
    assert (ingested["value"], ingested["time"]) == (3.1e8, "2021")
    assert ingested["sentence"].startswith("In 2021, Kazakhstan received")
    assert any(c["method"] == "curated" for d in brief["dimensions"].values() for c in d)
    [source] = [s for s in brief["sources"] if s["id"] == ingested["source"]]
    assert source["grade"] == "F" and source["grade_reason"].startswith("not graded")
