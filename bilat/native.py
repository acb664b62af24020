"""The modules compiled with mypyc (`build_native.py`) and their check at start-up.

Python imports a compiled module in preference to its source, so one built before the
source last changed would quietly run old code. bilat refuses to start in that state.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).parent


class StaleBuildError(ImportError):
    """A compiled module is older than its source."""


def compiled_modules() -> list[Path]:
    return sorted({p for s in EXTENSION_SUFFIXES for p in PACKAGE.rglob(f"*{s}")})


def stale_modules() -> list[str]:
    """The sources (bilat/...) that changed after they were compiled."""
    stale = []
    for compiled in compiled_modules():
        source = compiled.with_name(compiled.name.split(".")[0] + ".py")
        if source.exists() and source.stat().st_mtime > compiled.stat().st_mtime:
            stale.append(str(source.relative_to(PACKAGE.parent)))
    return stale


def check_build() -> None:
    stale = stale_modules()
    if stale:
        raise StaleBuildError(
            f"{', '.join(stale)}: the source changed after it was compiled; "
            "run `make` (or `python build_native.py`) to compile it again, or "
            "`make clean-native` to run plain Python"
        )
