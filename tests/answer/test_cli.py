"""`bilat ask` as a user types it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import bilat.cli.ask  # noqa: F401  (registers the command on the app)
from bilat.cli import app

runner = CliRunner()


def test_ask_prints_the_answer_the_sources_and_the_confidence(starter_db: Path) -> None:
    result = runner.invoke(
        app, ["ask", "When did Uzbekistan leave the CSTO?", "--db", str(starter_db)]
    )
    assert result.exit_code == 0, result.output
    answer_text, _, rest = result.output.partition("\nSources:\n")
    assert "1999" in answer_text and "2012" in answer_text
    assert "[1] bilat reference data" in rest and "grade B" in rest
    assert rest.strip().splitlines()[-1].startswith("Confidence: high — ")


def test_ask_json_has_exactly_the_documented_shape(starter_db: Path) -> None:
    question = "Is China or Russia the bigger trade partner of Turkmenistan?"
    result = runner.invoke(app, ["ask", question, "--db", str(starter_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"question", "kind", "answer", "citations", "claims", "confidence"}
    assert data["question"] == question and data["kind"] == "comparison"
    assert data["answer"].startswith("China leads") and "[1]" in data["answer"]
    for n, citation in enumerate(data["citations"], start=1):
        assert set(citation) == {"n", "source", "title", "grade", "evidence"}
        assert citation["n"] == n and citation["grade"] in "ABCDEF" and citation["evidence"]
    claim = data["claims"][0]
    assert {"id", "indicator", "subject", "object", "value", "unit", "time", "source"} <= set(claim)
    assert (claim["indicator"], claim["subject"], claim["object"], claim["value"]) == (
        "trade_share",
        "TKM",
        "CHN",
        44.0,
    )
    assert claim["time"] == "2018" and claim["source"] == "heinemann-grueder-bpb"
    assert data["confidence"]["level"] in ("high", "moderate", "low")
    assert data["confidence"]["reason"]
