"""Extraction quality on the bench texts and the seeds: `python -m bench.quality`."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from bench import quantulum
from bench.gold import (
    HELDOUT_LABELS,
    heldout_paths,
    own_gold,
    read_text,
    seed_gold,
    seeds_dir,
    seeds_with_metadata,
    text_paths,
)
from bench.runner import find_extractor, why_not
from bench.score import PRF, Record, Scores, brier, calibration, has_digit, outcomes, score

WORST = 10
HELD_OUT = "held-out texts"
Extract = Callable[[Path], Iterable[dict[str, Any]]]


def corpora(workdir: Path) -> dict[str, tuple[list[Path], list[Record]]]:
    """Name -> (files, gold). The seeds count only where their directory is present; they
    are read from copies in `workdir` that carry their metadata in sidecars."""
    sets: dict[str, tuple[list[Path], list[Record]]] = {
        "own texts": (text_paths(), list(own_gold())),
        HELD_OUT: (heldout_paths(), list(own_gold(HELDOUT_LABELS))),
    }
    seeds = seeds_with_metadata(workdir)
    if seeds:
        sets["seeds"] = (seeds, list(seed_gold()))
    return sets


def well_formed(claim: dict[str, Any]) -> bool:
    """Enough of the contract to be scored: integer span, numeric value, a unit."""
    try:
        return (
            int(claim["start"]) < int(claim["end"])
            and float(claim["value"]) == float(claim["value"])  # not NaN
            and bool(claim.get("unit"))
        )
    except (KeyError, TypeError, ValueError):
        return False


def run(extract: Extract, paths: list[Path]) -> tuple[list[dict[str, Any]], list[str], float]:
    """Every claim extracted from `paths`, the errors met and the seconds taken."""
    claims: list[dict[str, Any]] = []
    errors: list[str] = []
    began = time.perf_counter()
    for path in paths:
        try:
            claims.extend(extract(path))
        except Exception as exc:  # one broken file must not hide the others' scores
            errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - began
    good = [c for c in claims if well_formed(c)]
    if len(good) < len(claims):
        errors.append(f"{len(claims) - len(good)} claims lack start/end/value/unit: not scored")
    return good, errors, seconds


def _quantulum_file(path: Path) -> Iterator[dict[str, Any]]:
    return quantulum.extract(read_text(path), str(path))


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _row(name: str, m: PRF) -> str:
    return (
        f"  {name:<30} P {_pct(m.precision)}  R {_pct(m.recall)}  F1 {_pct(m.f1)}"
        f"  R(digits) {_pct(m.recall_digits)}   tp {m.tp:4d} / pred {m.predicted:4d}"
        f" / gold {m.gold:4d} ({m.gold_digits} with digits)"
    )


def _show(r: Record) -> str:
    span = f"{r.get('text')!r}@{r.get('start')}"
    what = f"{r.get('value')}{'' if r.get('value_max') is None else '..' + str(r['value_max'])}"
    who = f"{r.get('indicator')} {r.get('subject')}->{r.get('object')} {r.get('time')}"
    return f"{Path(str(r.get('doc'))).name}: {span} = {what} {r.get('unit')} [{who}]"


def _calibration(results: list[tuple[Record, bool]]) -> list[str]:
    """How often a figure was right, for each confidence bilat gave it (figures whose value
    and unit were found)."""
    levels = "  ".join(
        f"{level:.2f}: {_pct(right).strip()}% of {n}" for level, n, right in calibration(results)
    )
    return [f"  confidence -> share right (b)   {levels}   Brier {brier(results):.3f}"]


def misses(s: Scores, n: int = WORST) -> list[str]:
    lines = [f"    {n} worst misses (a) (gold | overlapping prediction):"]
    for g, p in s.false_negatives[:n]:
        got = "nothing" if p is None else f"{p.get('text')!r} = {p.get('value')} {p.get('unit')}"
        flag = "" if has_digit(g) else " (no digit)"
        lines.append(f"      - {_show(g)}{flag} | {got}")
    lines.append(f"    first {n} false positives (a):")
    lines += [f"      - {_show(p)}" for p in s.false_positives[:n]]
    lines.append(f"    first {n} claim misses (b) whose quantity (a) was found:")
    lines += [f"      - {_show(g)}" for g in s.claim_false_negatives[:n]]
    return lines


def report(without: Iterable[str] = ()) -> tuple[list[str], bool]:
    """The quality report's lines, and whether the extractor could be run at all. `without`
    names own texts (file stems) to score apart, as a set of their own."""
    lines = ["== Extraction quality =="]
    with tempfile.TemporaryDirectory() as tmp:
        return _report(lines, _split(corpora(Path(tmp)), set(without)))


def _split(
    sets: dict[str, tuple[list[Path], list[Record]]], apart: set[str]
) -> dict[str, tuple[list[Path], list[Record]]]:
    if not apart:
        return sets
    paths, gold = sets.pop("own texts")
    names = {p.name for p in paths if p.stem in apart}
    split: dict[str, tuple[list[Path], list[Record]]] = {
        "own texts (the rest)": (
            [p for p in paths if p.name not in names],
            [g for g in gold if Path(str(g["doc"])).name not in names],
        ),
        f"own texts ({', '.join(sorted(apart))})": (
            [p for p in paths if p.name in names],
            [g for g in gold if Path(str(g["doc"])).name in names],
        ),
    }
    return {**split, **sets}


def _report(
    lines: list[str], sets: dict[str, tuple[list[Path], list[Record]]]
) -> tuple[list[str], bool]:
    if "seeds" not in sets:
        lines.append(f"(seeds not found at {seeds_dir()}: scored on own texts only)")
    ex = find_extractor()
    if ex is None:
        lines.append("bilat's extractor cannot be run yet, so it is not scored:")
        lines += [f"  - {reason}" for reason in why_not]
    else:
        lines.append(f"extractor: {ex.name}")
        for name, (paths, gold) in sets.items():
            predicted, errors, seconds = run(ex.file, paths)
            s = score(predicted, gold)
            lines.append(f"{name}: {len(paths)} files, {seconds:.2f} s")
            lines.append(_row("(a) value+unit", s.quantity))
            lines.append(_row("(b) +subject/object/time", s.claim))
            lines += _calibration(outcomes(predicted, gold))
            lines += [f"    error: {e}" for e in errors]
            if name != HELD_OUT:  # its errors stay unread, or it is held out no longer
                lines += misses(s)
        lines.append(
            "seed gold holds only the curated claims: precision on seeds is a lower bound."
        )
    lines.append("quantulum3 baseline ((a) only; its dimensionless numbers may match persons):")
    quantulum.warm_up()
    for name, (paths, gold) in sets.items():
        predicted, errors, seconds = run(_quantulum_file, paths)
        s = score(predicted, gold, loose_counts=True)
        lines.append(_row(f"{name} (a) value+unit", s.quantity) + f"  {seconds:.2f} s")
        lines += [f"    error: {e}" for e in errors]
    return lines, ex is not None


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.quality [--apart STEM ...]`: the own texts named are scored apart."""
    args = sys.argv[1:] if argv is None else argv
    apart = args[args.index("--apart") + 1 :] if "--apart" in args else []
    lines, ran = report(apart)
    print("\n".join(lines))
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main())
