"""The command line as a user types it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli import app, main

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "cli.db")
    result = runner.invoke(app, ["load-starter", "--db", path])
    assert result.exit_code == 0, result.output
    assert "claims" in result.output
    return path


@pytest.mark.parametrize(
    "names", [["KAZ", "RUS"], ["Kazakhstan", "Russia"], ["kazakhstan", "Russian Federation"]]
)
def test_brief_accepts_names_in_any_common_form(db: str, names: list[str]) -> None:
    result = runner.invoke(app, ["brief", *names, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["pair"] == ["KAZ", "RUS"]


def test_the_terminal_brief_shows_figures_and_sources(db: str) -> None:
    result = runner.invoke(app, ["brief", "KGZ", "RUS", "--db", db])
    assert result.exit_code == 0, result.output
    assert "30.4%" in result.output
    assert "Sources" in result.output and "grade" in result.output.lower()


def test_an_unknown_name_suggests_the_closest(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["bilat", "brief", "Kazakstan", "Russia", "--db", db])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Kazakstan" in err and "Kazakhstan (KAZ)" in err


def test_brief_writes_markdown_and_html_files(db: str, tmp_path: Path) -> None:
    md, html = tmp_path / "b.md", tmp_path / "out" / "b.html"
    assert (
        runner.invoke(app, ["brief", "TJK", "RUS", "--db", db, "-f", "md", "-o", str(md)]).exit_code
        == 0
    )
    assert (
        runner.invoke(
            app, ["brief", "KAZ", "RUS", "--db", db, "-f", "html", "-o", str(html)]
        ).exit_code
        == 0
    )
    assert "7,000" in md.read_text(encoding="utf-8")
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "7,500 km" in page and "6,000 km" in page
    assert 'id="analysis"' in page and "Cooperation and conflict" in page
    assert "Influence over Kazakhstan" in page


def test_claims_filters_and_json(db: str) -> None:
    result = runner.invoke(
        app, ["claims", "--subject", "Tajikistan", "--dimension", "people", "--json", "--db", db]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(r["subject"] == "TJK" for r in rows)
    assert any(r["indicator"] == "remittances_gdp_share" and r["value"] == 37.0 for r in rows)


def test_sources_lists_grades(db: str) -> None:
    result = runner.invoke(app, ["sources", "--json", "--db", db])
    rows = json.loads(result.output)
    assert len(rows) == 5 and all(r["grade"] in "ABCDEF" for r in rows)
