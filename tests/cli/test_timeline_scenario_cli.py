"""`bilat timeline` and `bilat scenario` as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

# Importing a command module registers its command on `app`.
import bilat.cli.scenario
import bilat.cli.timeline  # noqa: F401
from bilat.cli.app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "cli.db")
    result = runner.invoke(app, ["load-starter", "--db", path])
    assert result.exit_code == 0, result.output
    return path


def test_timeline_json_for_a_pair_named_in_words(db: str) -> None:
    result = runner.invoke(app, ["timeline", "Kazakhstan", "Russia", "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pair"] == ["KAZ", "RUS"]
    dates = [e["date"] for e in data["events"]]
    assert dates == sorted(dates)
    assert [p["label"] for p in data["periods"]] == ["before 2014", "2014–2021", "2022 on"]
    assert data["comparisons"][0].startswith("After 2014 the balance moved")


def test_timeline_table_shows_periods_comparisons_and_gaps(db: str) -> None:
    result = runner.invoke(app, ["timeline", "KAZ", "RUS", "--db", db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Timeline: Kazakhstan – Russia" in out
    assert "before 2014" in out and "2022 on" in out
    assert "After 2014 the balance moved" in out
    assert "gaps, not zeros" in out


@pytest.mark.parametrize(
    "args",
    [
        ["KAZ", "RUS", "--breaks", "2010", "2020"],
        ["KAZ", "--breaks", "2010", "2020", "RUS"],
        ["KAZ", "RUS", "--breaks", "2010,2020"],
        ["KAZ", "RUS", "--breaks", "2010", "--breaks", "2020"],
    ],
)
def test_timeline_breaks_in_every_spelling(db: str, args: list[str]) -> None:
    result = runner.invoke(app, ["timeline", *args, "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pair"] == ["KAZ", "RUS"]
    assert [p["label"] for p in data["periods"]] == ["before 2010", "2010–2019", "2020 on"]


def test_timeline_for_one_country_marks_regional_events(db: str) -> None:
    result = runner.invoke(app, ["timeline", "KAZ", "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pair"] == ["KAZ"]
    regional = [e for e in data["events"] if e["regional"]]
    assert regional and all("KAZ" not in e["actors"] for e in regional)


def test_timeline_writes_the_chart(db: str, tmp_path: Path) -> None:
    svg = tmp_path / "charts" / "kaz-rus.svg"
    result = runner.invoke(app, ["timeline", "KAZ", "RUS", "--db", db, "--svg", str(svg)])
    assert result.exit_code == 0, result.output
    assert svg.read_text(encoding="utf-8").startswith("<svg")


def test_timeline_rejects_a_stray_year_and_an_unknown_name(db: str) -> None:
    stray = runner.invoke(app, ["timeline", "KAZ", "2014", "--db", db])
    assert stray.exit_code == 2 and "--breaks" in stray.output
    unknown = runner.invoke(app, ["timeline", "Kazakstan", "--db", db])
    assert unknown.exit_code == 2 and "Kazakhstan (KAZ)" in unknown.output


def test_scenario_builtin_json(db: str) -> None:
    result = runner.invoke(
        app, ["scenario", "--builtin", "remittances-halved", "--db", db, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scenario"] == "remittances-halved"
    assert {i["country"] for i in data["impacts"]} == {"KGZ", "TJK"}
    assert all(i["evidence"] and i["evidence"][0]["source"] for i in data["impacts"])


def test_scenario_table_from_a_file(db: str, tmp_path: Path) -> None:
    path = tmp_path / "aid.yaml"
    path.write_text(
        "name: aid-cut\ndescription: Aid from Russia stops.\n"
        "shocks:\n  - {tie: aid, from: Russia, to: [Kyrgyzstan, Turkmenistan], change: -1}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["scenario", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "Scenario: aid-cut" in result.stdout
    assert "Kyrgyzstan" in result.stdout
    assert "Missing evidence" in result.stdout and "TKM" in result.stdout


def test_scenario_list_names_the_builtins() -> None:
    result = runner.invoke(app, ["scenario", "--list"])
    assert result.exit_code == 0, result.output
    for name in ("remittances-halved", "oil-transit-stops", "trade-shock"):
        assert name in result.stdout


def test_a_malformed_scenario_file_is_a_clear_error(db: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\nshocks:\n  - {tie: petrol, from: RUS, change: -1}\n")
    result = runner.invoke(app, ["scenario", str(path), "--db", db])
    assert result.exit_code == 2
    assert "shocks[0].tie" in result.output and "petrol" in result.output


def test_scenario_needs_a_file_or_a_builtin(db: str) -> None:
    result = runner.invoke(app, ["scenario", "--db", db])
    assert result.exit_code == 2
