"""Count how often each attribution route is right: `python -m bench.calibrate`.

Runs the extractor on the texts it may learn from (our bench texts and the seeds, never the
held-out texts), pairs each figure with its label by value and unit (score (a)), and counts,
for every route and every coarser form of it, the figures that took it and those whose
subject, object and time were all right (score (b)). The counts go to
bilat/extract/confidence.yaml, from which the extractor reads its confidence. `--check`
prints the table without writing it.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bench.gold import own_gold, seed_gold, seeds_with_metadata, text_paths
from bench.score import Record, outcomes
from bilat.extract import confidence
from bilat.extract.pipeline import contract_row, extract_document
from bilat.ingest.documents import load

# (a compiled module's __file__ is not always absolute: the package is asked instead)
TABLE = Path(str(resources.files("bilat.extract").joinpath("confidence.yaml")))
_ROUTE = re.compile(r"^rules\[(?P<route>[a-z]+/[a-z]+/[a-z]+)\]")
HEADER = """\
# How often each attribution route was right on the labelled texts bilat may learn from
# (bench/texts and the seeds; never bench/heldout). Written by `python -m bench.calibrate`;
# read by bilat/extract/confidence.py. A route is cue/subject-source/object-source; its
# coarser forms (cue/subject-source, cue) hold the sums of the routes below them.
"""


def routed_rows(paths: Sequence[Path]) -> Iterator[dict[str, Any]]:
    """The contract rows of the files, each with the route its figure was attributed by."""
    for path in paths:
        document, _source, body_start = load(path)
        for claim in extract_document(document, body_start).claims:
            found = _ROUTE.match(claim.method or "")
            row = contract_row(claim, str(path), document.text)
            yield {**row, "route": found["route"] if found else None}


def count(results: Sequence[tuple[Record, bool]]) -> dict[str, dict[str, int]]:
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row, ok in results:
        if not row.get("route"):
            continue
        cue, subject, obj = str(row["route"]).split("/")
        for key in (f"{cue}/{subject}/{obj}", f"{cue}/{subject}", cue):
            seen[key] += 1
            right[key] += ok
    return {key: {"seen": seen[key], "right": right[key]} for key in sorted(seen)}


def learning_results(workdir: Path) -> list[tuple[Record, bool]]:
    results = outcomes(list(routed_rows(text_paths())), list(own_gold()))
    seeds = seeds_with_metadata(workdir)
    if seeds:
        results += outcomes(list(routed_rows(seeds)), list(seed_gold()))
    return results


def main(argv: Sequence[str] = ()) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        table = count(learning_results(Path(tmp)))
    for key, row in table.items():
        share = confidence.share_right(row["seen"], row["right"])
        print(f"  {key:<28} {row['right']:4d} right of {row['seen']:4d}  -> {share:.2f}")
    if "--check" not in argv:
        TABLE.write_text(HEADER + yaml.safe_dump(table, sort_keys=True), encoding="utf-8")
        print(f"written to {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
