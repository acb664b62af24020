"""The check that no compiled module runs older code than its source."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilat import native


def _write(path: Path, at: float) -> None:
    path.write_text("x = 1\n", encoding="utf-8")
    os.utime(path, (at, at))


def test_a_module_compiled_before_its_source_changed_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(native, "PACKAGE", tmp_path)
    _write(tmp_path / "cues.py", 1_000)
    _write(tmp_path / "cues.cpython-311-x86_64-linux-gnu.so", 2_000)
    _write(tmp_path / "roles.py", 3_000)
    _write(tmp_path / "roles.cpython-311-x86_64-linux-gnu.so", 2_000)
    _write(tmp_path / "native__mypyc.cpython-311-x86_64-linux-gnu.so", 2_000)  # no source
    assert native.stale_modules() == [f"{tmp_path.name}/roles.py"]
    with pytest.raises(native.StaleBuildError, match=r"roles\.py: the source changed"):
        native.check_build()


def test_a_fresh_build_or_none_at_all_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(native, "PACKAGE", tmp_path)
    _write(tmp_path / "cues.py", 1_000)
    native.check_build()  # plain Python
    _write(tmp_path / "cues.cpython-311-x86_64-linux-gnu.so", 2_000)
    native.check_build()
