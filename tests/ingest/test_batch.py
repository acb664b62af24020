"""Ingesting a batch: bad files are reported and skipped, the store never holds half a
document, re-ingesting is a no-op, and a changed file supersedes its old version."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli import app
from bilat.ingest.batch import ingest_paths
from bilat.store import Store
from bilat.store import sql as store_sql

from .builders import build_pdf

REPORT = (
    "Georgia and Turkey\n\n"
    "Georgia's trade with Turkey reached $1.6 billion in 2018, and Turkish firms employ "
    "about 4,000 people in Batumi. In 2019, Georgia received $410 million in remittances "
    "from Russia.\n"
)
CONTRACT_KEYS = {"doc", "start", "end", "text", "sentence", "indicator", "subject", "object",
                 "value", "value_max", "unit", "time", "confidence"}  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "nested").mkdir(parents=True)
    (docs / "report.txt").write_text(REPORT, encoding="utf-8")
    (docs / "nested" / "brief.md").write_text(
        "# Armenia\n\nArmenia's debt to Russia stood at USD 1.5bn in 2021.\n", encoding="utf-8"
    )
    (docs / "latin1.txt").write_bytes(
        "La France a accordé une aide de 30 millions d'euros au Mali en 2020, "
        "a déclaré le ministère à Paris. Le montant représente une hausse notable.\n".encode(
            "latin-1"
        )
    )
    (docs / "broken.pdf").write_bytes(build_pdf(["Kazakhstan exported 5 million tonnes"])[:60])
    (docs / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (docs / "empty.txt").write_text("  \n", encoding="utf-8")
    (docs / "huge.txt").write_text("Mongolia " * 4000, encoding="utf-8")
    return docs


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "ingest.db") as opened:
        yield opened


def test_bad_files_are_reported_and_the_rest_is_ingested(folder: Path, store: Store) -> None:
    summary = ingest_paths(store, [folder], recursive=True, max_bytes=20_000)
    failed = {r.path.name: r.error or "" for r in summary.failures}
    assert set(failed) == {"broken.pdf", "picture.png", "empty.txt", "huge.txt"}
    assert "[E403]" in failed["broken.pdf"] and "broken.pdf" in failed["broken.pdf"]
    assert "[E405]" in failed["picture.png"]
    assert "[E406]" in failed["empty.txt"]
    assert "[E407]" in failed["huge.txt"]
    assert summary.documents == 3
    assert store.counts()["documents"] == 3
    remittances = store.claims(indicator="remittances", subject="GEO")
    assert [(c.object, c.value, str(c.time)) for c in remittances] == [("RUS", 4.1e8, "2019")]
    assert remittances[0].sentence and "remittances" in remittances[0].sentence


def test_reingesting_changes_nothing(folder: Path, store: Store) -> None:
    ingest_paths(store, [folder], recursive=True, max_bytes=20_000)
    before = store.counts()
    again = ingest_paths(store, [folder], recursive=True, max_bytes=20_000)
    assert again.documents == 0 and again.unchanged == 3
    assert store.counts() == before


def test_a_changed_file_supersedes_its_old_version(folder: Path, store: Store) -> None:
    report = folder / "report.txt"
    ingest_paths(store, [report])
    report.write_text(REPORT.replace("$410 million", "$450 million"), encoding="utf-8")
    summary = ingest_paths(store, [report])
    assert summary.documents == 1
    versions = store.documents()
    assert len(versions) == 2 and sum(1 for d in versions if d["superseded_by"]) == 1
    values = [c.value for c in store.claims(indicator="remittances", subject="GEO")]
    assert values == [4.5e8]  # the old figure is kept, flagged superseded, not listed
    every = store.claims(indicator="remittances", subject="GEO", include_superseded=True)
    assert sorted(c.value for c in every) == [4.1e8, 4.5e8]


def test_a_failure_while_writing_leaves_no_half_document(
    folder: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = store_sql.records.event_row
    calls = {"n": 0}

    def fail_on_report(event: object) -> dict[str, object]:
        calls["n"] += 1
        raise RuntimeError("power cut")

    monkeypatch.setattr(store_sql.records, "event_row", fail_on_report)
    (folder / "events.txt").write_text(
        "Kyrgyzstan joined the Eurasian Economic Union in August 2015.\n", encoding="utf-8"
    )
    summary = ingest_paths(store, [folder / "events.txt", folder / "report.txt"])
    monkeypatch.setattr(store_sql.records, "event_row", original)
    assert calls["n"] >= 1
    assert [r.path.name for r in summary.failures] == ["events.txt"]
    assert "[E409]" in (summary.failures[0].error or "")
    paths = {Path(d["path"]).name for d in store.documents()}
    assert paths == {"report.txt"}  # nothing of events.txt: no document, claims or events
    assert all(c.document_id is not None for c in store.claims())


def test_ingest_command_prints_failures_and_a_summary(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--recursive", "--max-mb", "0.02", "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert "3 documents ingested" in result.output and "4 failures" in result.output
    assert "[E405]" in result.output and "picture.png" in result.output


def test_ingest_exits_non_zero_when_nothing_could_be_read(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(
        app, ["ingest", str(folder / "picture.png"), str(folder / "empty.txt"), "--db", db]
    )
    assert result.exit_code == 1


def test_extract_prints_the_contract_and_touches_no_store(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(folder / "report.txt")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(set(row) == CONTRACT_KEYS for row in rows)
    text = (folder / "report.txt").read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    trade = next(r for r in rows if r["value"] == 1.6e9)
    assert (trade["indicator"], trade["subject"], trade["object"]) == ("trade_volume", "GEO", "TUR")
    assert not list(tmp_path.glob("*.db"))


def test_extract_reports_an_unreadable_file_and_goes_on(folder: Path) -> None:
    result = CliRunner().invoke(
        app, ["extract", str(folder / "picture.png"), str(folder / "report.txt")]
    )
    assert result.exit_code == 0
    assert "[E405]" in result.output
    assert '"unit": "USD"' in result.output
