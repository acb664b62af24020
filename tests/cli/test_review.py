"""Conflicts side by side, and an analyst's review kept beside the evidence."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bilat.cli import app

runner = CliRunner()


def conflicts(db: str, subject: str = "KAZ") -> list[dict]:
    result = runner.invoke(app, ["conflicts", "--subject", subject, "--json", "--db", db])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def border(groups: list[dict]) -> dict:
    [found] = [g for g in groups if g["indicator"] == "border_length"]
    return found


def test_ingesting_the_seeds_shows_the_border_disagreement(seeds_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    group = border(conflicts(db))
    assert {group["subject"], group["object"]} == {"KAZ", "RUS"}
    assert sorted(c["value"] for c in group["claims"]) == [6000.0, 7500.0]
    assert all(c["evidence"] and "border" in c["evidence"] for c in group["claims"])
    table = runner.invoke(app, ["conflicts", "--subject", "Kazakhstan", "--db", db])
    assert "7,500 km" in table.output and "6,000 km" in table.output


def test_a_review_changes_the_preferred_figure_and_survives_reingesting(
    seeds_dir: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "seeds.db")
    runner.invoke(app, ["ingest", str(seeds_dir), "--db", db])
    before = border(conflicts(db))
    loser = next(c for c in before["claims"] if c["id"] != before["preferred"])
    result = runner.invoke(app, ["review", loser["id"], "--prefer", "--reason",
                                 "matches the demarcation treaty", "--db", db])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    after = border(conflicts(db))
    assert after["preferred"] == loser["id"]
    assert after["reason"] == "analyst review: matches the demarcation treaty"
    values = {c["id"]: c["value"] for c in after["claims"]}
    assert values == {c["id"]: c["value"] for c in before["claims"]}  # evidence untouched


def test_starter_conflicts_and_deprecation(tmp_path: Path) -> None:
    db = str(tmp_path / "starter.db")
    runner.invoke(app, ["load-starter", "--db", db])
    group = border(conflicts(db))
    assert group["reason"].startswith("more reliable source")
    preferred = group["preferred"]
    runner.invoke(app, ["review", preferred, "--deprecate", "--reason", "outdated", "--db", db])
    assert border(conflicts(db))["preferred"] != preferred


def test_review_needs_one_action_and_a_known_claim(tmp_path: Path) -> None:
    db = str(tmp_path / "starter.db")
    runner.invoke(app, ["load-starter", "--db", db])
    both = runner.invoke(app, ["review", "clm_x", "--prefer", "--deprecate", "--reason", "r",
                               "--db", db])  # fmt: skip
    assert both.exit_code != 0
    unknown = runner.invoke(app, ["review", "clm_nope", "--prefer", "--reason", "r", "--db", db])
    assert unknown.exit_code != 0 and "E305" in str(unknown.exception or unknown.output)
