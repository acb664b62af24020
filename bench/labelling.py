"""Build labels/NAME.jsonl from labels/spec/NAME.yaml and check every span is exact.

Run `python -m bench.labelling` after editing a text or its spec. A spec row is
[span, occurrence, indicator, subject, object, value, value_max, unit, time, qualifier];
the span is found as a whole token (bench.spans), its occurrence counted from 1.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from bench.gold import HELDOUT_LABELS, HELDOUT_TEXTS, LABELS, TEXTS, GoldQuantity, read_text
from bench.spans import find_span
from bilat.ontology import indicators

SETS = ((TEXTS, LABELS), (HELDOUT_TEXTS, HELDOUT_LABELS))  # (texts, labels with spec/)
UNITS = {"percent", "persons", "count", "km", "bcm", "tonnes", "years", "months", "days"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "change"}
TIME = re.compile(r"^\d{4}(-\d{2}){0,2}(/\d{4}(-\d{2}){0,2})?$")


def _num(value: Any) -> float | None:
    return None if value is None else float(value)  # PyYAML reads "1.5e6" as a string


def build(name: str, texts: Path = TEXTS, labels: Path = LABELS) -> list[GoldQuantity]:
    text = read_text(texts / f"{name}.txt")
    rows = yaml.safe_load((labels / "spec" / f"{name}.yaml").read_text(encoding="utf-8"))
    labels: list[GoldQuantity] = []
    for row in rows:
        span, nth, indicator, subject, obj, value, vmax, unit, time, qualifier = row
        start, end = find_span(text, str(span), int(nth))
        labels.append(
            GoldQuantity(
                doc=f"{name}.txt",
                start=start,
                end=end,
                text=text[start:end],
                indicator=indicator,
                subject=subject,
                object=obj,
                value=float(value),
                value_max=_num(vmax),
                unit=str(unit),
                time=None if time is None else str(time),
                qualifier=qualifier,
            )
        )
    return sorted(labels, key=lambda g: (g["start"], g["end"]))


def problems(labels: list[GoldQuantity], text: str) -> list[str]:
    """Everything wrong with a set of labels for `text` (empty when they are sound)."""
    found: list[str] = []
    vocabulary = indicators()
    seen: set[tuple[object, ...]] = set()
    for g in labels:
        where = f"{g['doc']}:{g['start']} {g['text']!r}"
        if text[g["start"] : g["end"]] != g["text"]:
            found.append(f"{where}: span text differs")
        ind = vocabulary.get(g["indicator"])
        relative = g["qualifier"] == "change" and g["unit"] == "percent"  # "fell by 28%"
        if ind is None or not (relative or ind.accepts_unit(g["unit"])):
            found.append(f"{where}: indicator {g['indicator']} / unit {g['unit']}")
        if g["unit"] not in UNITS and not re.fullmatch(r"[A-Z]{3}", g["unit"]):
            found.append(f"{where}: unknown unit {g['unit']}")
        if g["qualifier"] not in QUALIFIERS:
            found.append(f"{where}: qualifier {g['qualifier']}")
        if g["time"] is not None and not TIME.match(g["time"]):
            found.append(f"{where}: time {g['time']}")
        key = (g["start"], g["end"], g["indicator"], g["subject"], g["object"])
        if key in seen:
            found.append(f"{where}: duplicate")
        seen.add(key)
    return found


def main() -> int:
    failed = False
    for texts, labels_dir in SETS:
        for spec in sorted((labels_dir / "spec").glob("*.yaml")):
            name = spec.stem
            labels = build(name, texts, labels_dir)
            bad = problems(labels, read_text(texts / f"{name}.txt"))
            for line in bad:
                print("error:", line)
            failed = failed or bool(bad)
            with (labels_dir / f"{name}.jsonl").open("w", encoding="utf-8") as f:
                for g in labels:
                    f.write(json.dumps(g, ensure_ascii=False) + "\n")
            print(f"{name}: {len(labels)} labelled quantities")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
