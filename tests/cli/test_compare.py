"""`bilat compare` as a user types it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import bilat.cli.compare  # noqa: F401  (registers the command on `app`)
from bilat.cli import main
from bilat.cli.app import app
from bilat.ontology import DIMENSIONS

runner = CliRunner()
WEIGHTS = Path(__file__).parents[2] / "bilat" / "analyse" / "weights.yaml"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("compare") / "compare.db")
    result = runner.invoke(app, ["load-starter", "--db", path])
    assert result.exit_code == 0, result.output
    return path


def compare_json(db: str, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["compare", *args, "--db", db, "--format", "json", "--runs", "200"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_the_table_ranks_the_powers_and_says_whether_the_ranking_holds(db: str) -> None:
    result = runner.invoke(app, ["compare", "KAZ", "--powers", "RUS", "CHN", "--db", db])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("RUS") < out.index("CHN")  # Russia ranks first over Kazakhstan
    assert "ranking robust: yes (" in out and "% of runs)" in out
    for name in DIMENSIONS:
        assert name in out
    assert "Missing inputs" in out and "CHN people" in out


def test_the_json_has_exactly_the_documented_shape(db: str) -> None:
    data = compare_json(db, "KGZ", "--powers", "RUS", "CHN")
    assert set(data) == {
        "subject",
        "scores",
        "robust",
        "robust_share",
        "missing",
        "inputs",
        "weights",
    }
    assert data["subject"] == "KGZ" and data["weights"] == "default"
    assert isinstance(data["robust"], bool) and 0 <= data["robust_share"] <= 1
    assert set(data["scores"]) == {"RUS", "CHN"}
    for score in data["scores"].values():
        assert set(score) == {"total", "low", "high", "dimensions"}
        assert score["low"] <= score["total"] <= score["high"]
        assert list(score["dimensions"]) == list(DIMENSIONS)
        for dim in score["dimensions"].values():
            assert dim is None or set(dim) == {"score", "low", "high", "bandwidth", "dependence"}
    assert data["scores"]["CHN"]["dimensions"]["people"] is None
    assert {"power": "CHN", "dimension": "people", "indicator": "remittances"} in data["missing"]
    assert all(set(m) == {"power", "dimension", "indicator"} for m in data["missing"])
    row = next(r for r in data["inputs"] if r["indicator"] == "troops_stationed")
    assert {"value", "unit", "time", "source", "claim", "regional", "normalised"} <= set(row)
    assert {"contribution", "power", "dimension", "component"} <= set(row)


@pytest.mark.parametrize(
    "powers",
    [
        ["--powers", "RUS", "CHN"],
        ["--powers", "RUS", "--powers", "CHN"],
        ["--powers", "RUS,CHN"],
        ["-p", "Russia", "-p", "China"],
    ],
)
def test_powers_can_be_given_in_any_of_the_usual_ways(db: str, powers: list[str]) -> None:
    data = compare_json(db, "TJK", *powers)
    assert set(data["scores"]) == {"RUS", "CHN"}


def test_explain_lists_the_inputs_with_their_sources(db: str) -> None:
    result = runner.invoke(
        app, ["compare", "TJK", "--powers", "RUS", "CHN", "--explain", "--db", db, "--runs", "50"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "troops_stationed" in out and "eprs-2017" in out  # 7,000 Russian soldiers
    assert "clm_" in out
    assert "regional" in out  # the region-wide arms-import share
    assert "CHN people: no evidence" in out


def test_the_same_seed_gives_the_same_answer(db: str) -> None:
    first = compare_json(db, "UZB", "--powers", "RUS", "CHN", "--seed", "3")
    second = compare_json(db, "UZB", "--powers", "RUS", "CHN", "--seed", "3")
    assert first == second


def test_a_weights_file_replaces_the_default(db: str, tmp_path: Path) -> None:
    data = yaml.safe_load(WEIGHTS.read_text(encoding="utf-8"))
    data["dimensions"]["security"]["weight"] = 0.0
    path = tmp_path / "no-security.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    default = compare_json(db, "KAZ", "--powers", "RUS", "CHN")
    changed = compare_json(db, "KAZ", "--powers", "RUS", "CHN", "--weights", str(path))
    assert changed["weights"] == str(path)
    assert changed["scores"]["RUS"]["total"] != default["scores"]["RUS"]["total"]


def test_a_malformed_weights_file_is_a_clear_error(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(WEIGHTS.read_text(encoding="utf-8"))
    data["dimensions"]["economy"]["dependence"]["trade_share"]["scale"] = "cubic"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    argv = ["bilat", "compare", "KAZ", "--powers", "RUS", "--weights", str(path), "--db", db]
    monkeypatch.setattr("sys.argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())  # the console may wrap long lines
    assert "[E120]" in err and "dimensions.economy.dependence.trade_share.scale" in err


@pytest.mark.parametrize(
    "args",
    [
        ["KAZ", "--powers", "KAZ", "RUS"],  # the subject cannot be a power
        ["KAZ"],  # no powers
        ["KAZ", "--powers", "RUS", "--runs", "0"],
        ["KAZ", "--powers", "RUS", "--at", "last year"],
    ],
)
def test_bad_arguments_are_refused(db: str, args: list[str]) -> None:
    result = runner.invoke(app, ["compare", *args, "--db", db])
    assert result.exit_code == 2, result.output
