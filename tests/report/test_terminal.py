"""The terminal brief, read as plain text the way an analyst would read the screen."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console

from bilat.report import render_terminal


def _text(brief: dict[str, Any]) -> str:
    console = Console(record=True, width=120, color_system=None)
    render_terminal(brief, console)
    return console.export_text()


def test_title_headline_and_dimensions(brief: dict[str, Any]) -> None:
    out = _text(brief)
    assert "Kyrgyzstan and Russia" in out
    assert "Russia remains Kyrgyzstan's main security partner" in out
    assert "[1][3]" in out  # citation markers survive (not eaten as Rich markup)
    for title in ("Security", "Economy", "People", "Diplomacy"):
        assert title in out
    assert "Energy" not in out  # an empty dimension gets no table


def test_remittance_figure_with_time_and_cite(brief: dict[str, Any]) -> None:
    row = next(line for line in _text(brief).splitlines() if "Remittances as share" in line)
    assert "30.4%" in row
    assert "2016" in row
    assert "[2]" in row
    assert "KGZ ← RUS" in row


def test_every_claim_value_is_shown(brief: dict[str, Any], claims: list[dict[str, Any]]) -> None:
    out = _text(brief)
    for value in ("about 500 persons", "USD 2.1 bn", "USD 240 m", "change of −9.5%", "2015–2019"):
        assert value in out
    assert "(deprecated)" in out
    assert len(claims) == 9


def test_conflict_shows_both_values_grades_and_reason(brief: dict[str, Any]) -> None:
    out = _text(brief).split("Conflicting figures", 1)[1].split("Sources", 1)[0]
    assert "640,000 persons" in out
    assert "about 1,000,000 persons" in out
    assert "[1] grade B, 2017" in out
    assert "[2] grade C, 2017" in out
    assert "36%" in out
    assert "more reliable source (B over C)" in out


def test_sources_show_grades(brief: dict[str, Any]) -> None:
    out = _text(brief).split("Sources", 1)[1]
    for source in brief["sources"]:
        line = next(line for line in out.splitlines() if f"[{source['n']}]" in line)
        assert f" {source['grade']} " in line
    assert "Ingrid Halden (2018). Kyrgyzstan between Moscow and Beijing." in out


def test_timeline_and_memberships(brief: dict[str, Any]) -> None:
    out = _text(brief)
    assert "Aug 2015" in out
    assert "COOPERATE (joins)" in out
    assert "material cooperation" in out
    assert "verbal conflict" in out
    assert "Collective Security Treaty Organisation (CSTO)" in out
    assert "partner, since 1 Jun 1994" in out
    assert "(left)" in out


def test_event_colours_follow_the_quad(brief: dict[str, Any]) -> None:
    stream = io.StringIO()
    console = Console(file=stream, width=120, force_terminal=True, color_system="standard")
    render_terminal(brief, console)
    out = stream.getvalue()
    green, red = "\x1b[1;32m", "\x1b[1;31m"  # bold green / bold red
    assert out.split("COOPERATE", 1)[0].endswith(green)
    assert out.split("AGREE", 1)[0].endswith(green)
    assert out.split("DISAPPROVE", 1)[0].endswith(red)


def test_no_evidence(empty_brief: dict[str, Any]) -> None:
    out = _text(empty_brief)
    assert "No evidence in the knowledge base about relations between Kyrgyzstan and Russia." in out
    # Memberships are reference data, so they are still shown...
    assert "Collective Security Treaty Organisation (CSTO)" in out
    # ...but nothing that would need evidence.
    titles = {line.strip() for line in out.splitlines()}
    for title in ("Security", "Economy", "People", "Timeline", "Conflicting figures", "Sources"):
        assert title not in titles
    assert "Indicator" not in out
    assert "30.4%" not in out


def test_no_evidence_and_no_memberships(empty_brief: dict[str, Any]) -> None:
    empty_brief["memberships"] = {"shared": [], "only": {}, "past": []}
    out = _text(empty_brief)
    assert "No evidence in the knowledge base" in out
    assert "Memberships" not in out


def test_text_from_the_brief_is_not_rich_markup(brief: dict[str, Any]) -> None:
    brief["events"][0]["summary"] = "Talks on [bold]tariffs[/bold] stall"
    assert "Talks on [bold]tariffs[/bold] stall" in _text(brief)
