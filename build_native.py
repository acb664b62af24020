"""Compile the extraction modules to C with mypyc, in place: `python build_native.py`.

`make` runs it after installing (mypyc comes with mypy, a dev dependency) and again whenever
one of these modules changes. The compiled modules (`*.so` beside each `.py`) are what
Python imports when both exist, and they run the same code about a fifth faster; without
them bilat runs as plain Python. `bilat/native.py` refuses to start with a compiled module
older than its source, so an edit is never silently ignored. `make clean-native` removes
them.
"""

from __future__ import annotations

from pathlib import Path

from mypyc.build import mypycify
from setuptools import setup

ROOT = Path(__file__).resolve().parent
# The modules every document goes through: the extractor, the layout it reads blocks from
# and the records it makes.
MODULES = ["bilat/extract/*.py", "bilat/ingest/layout.py", "bilat/model.py"]


def modules() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for pattern in MODULES for p in ROOT.glob(pattern))


if __name__ == "__main__":
    setup(
        name="bilat-native",
        packages=[],
        py_modules=[],
        ext_modules=mypycify(modules(), opt_level="3", group_name="bilat.extract.native"),
        script_args=["build_ext", "--inplace", "--parallel", "2"],
    )
    # build_ext copies a module it did not rebuild with its old time; bilat compares that
    # time with its source's (bilat/native.py), so every module is marked as built now
    for compiled in (ROOT / "bilat").rglob("*.so"):
        compiled.touch()
