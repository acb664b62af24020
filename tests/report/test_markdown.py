"""The Markdown brief: headings, one table row per claim, numbered graded sources."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

from bilat.report import render_html, render_json, render_markdown, render_terminal


def test_headings(brief: dict[str, Any]) -> None:
    md = render_markdown(brief)
    assert md.startswith("# Kyrgyzstan and Russia\n")
    for heading in (
        "## Summary",
        "## Security",
        "## Economy",
        "## People",
        "## Diplomacy",
        "## Figures over time",
        "## Memberships",
        "## Timeline",
        "## Conflicting figures",
        "## Sources",
    ):
        assert f"\n{heading}\n" in md
    assert "## Energy" not in md


def test_one_row_per_claim(brief: dict[str, Any], claims: list[dict[str, Any]]) -> None:
    md = render_markdown(brief)
    rows = [line for line in md.splitlines() if line.startswith("| ") and "KGZ " in line]
    assert len(rows) == len(claims)
    remittances = next(row for row in rows if "Remittances as share of GDP" in row)
    assert "| 30.4% | 2016 | [2] |" in remittances
    assert any("~~about 1,000,000 persons~~ (deprecated)" in row for row in rows)
    assert any("**640,000 persons**" in row for row in rows)


def test_tables_are_well_formed(brief: dict[str, Any]) -> None:
    # Every row of a table has as many cells as its header.
    lines = render_markdown(brief).splitlines()
    for index, line in enumerate(lines):
        if line.startswith("| ---"):
            width = lines[index - 1].count(" | ")
            body = lines[index + 1 :]
            for row in body[: next(i for i, r in enumerate(body) if not r.startswith("|"))]:
                assert row.replace("\\|", "").count(" | ") == width, row


def test_conflict_and_sources(brief: dict[str, Any]) -> None:
    md = render_markdown(brief)
    section = md.split("## Conflicting figures", 1)[1]
    conflict = next(line for line in section.splitlines() if line.startswith("| Migrants"))
    assert "640,000 persons [1] (grade B, 2017)" in conflict
    assert "about 1,000,000 persons [2] (grade C, 2017)" in conflict
    assert "more reliable source (B over C)" in conflict
    assert '1. <a id="src-1"></a>Ingrid Halden (2018).' in md
    assert "**Grade C**" in md


def test_cells_are_escaped(brief: dict[str, Any]) -> None:
    brief["events"][0]["summary"] = "Leaders meet | sign <script>alert(1)</script>"
    md = render_markdown(brief)
    assert "<script>" not in md
    assert "Leaders meet \\| sign &lt;script>" in md


def test_no_evidence(empty_brief: dict[str, Any]) -> None:
    md = render_markdown(empty_brief)
    assert "No evidence in the knowledge base about relations between Kyrgyzstan and Russia." in md
    assert "## Memberships" in md
    assert "## Security" not in md
    assert "## Sources" not in md


def test_every_renderer_accepts_a_sparse_brief() -> None:
    # Evidence, but little of it: missing names, empty sections, a series with no points.
    sparse: dict[str, Any] = {
        "pair": ["KAZ", "UZB"],
        "names": {},
        "generated": "2026-11-23",
        "evidence": True,
        "headline": [],
        "dimensions": {"security": [], "economy": [], "energy": [], "people": [], "diplomacy": []},
        "events": [],
        "memberships": {"shared": [], "only": {}, "past": []},
        "conflicts": [],
        "sources": [],
        "series": [{"title": "Trade", "unit": "USD", "lines": {"KAZ": []}}],
    }
    console = Console(record=True, width=100)
    render_terminal(sparse, console)
    assert "KAZ and UZB" in console.export_text()
    assert render_markdown(sparse).startswith("# KAZ and UZB\n")
    assert "<h1>KAZ and UZB</h1>" in render_html(sparse)
    assert json.loads(render_json(sparse)) == sparse
