"""Latency of `bilat ask` on a 100,000-document store: `python -m bench.ask.latency`.

The store (bench/ask/synthetic.py) is built once and reused. Every question of the evaluation
set is asked once on a freshly opened store (cold), then REPEAT more times in passes over the
whole set (warm). Times are wall-clock per call, one process, one core.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from bench.ask.evaluate import AnswerFn, Question, find_answer, load_questions
from bench.ask.synthetic import DB_PATH, DOCUMENTS, BuildInfo, ensure_store
from bilat.store import Store, schema

REPEAT = 5
TARGET_P95_MS = 100.0
MB = 1_000_000


@dataclass(slots=True)
class Timing:
    question: Question
    cold_ms: float = 0.0
    warm_ms: list[float] = field(default_factory=list)
    error: str | None = None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def size_mb(path: Path) -> float:
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")]
    return sum(f.stat().st_size for f in files if f.exists()) / MB


def store_counts(store: Store) -> dict[str, int]:
    counts = store.counts()
    with store.engine.connect() as conn:
        query = select(func.count()).select_from(schema.passages)
        counts["passages"] = int(conn.execute(query).scalar_one())
    return counts


def _call(answer_fn: AnswerFn, store: Store, timing: Timing) -> float:
    began = time.perf_counter()
    try:
        answer_fn(store, timing.question.question)
    except Exception as exc:  # timed all the same; reported beside the figures
        timing.error = timing.error or f"{type(exc).__name__}: {exc}"
    return (time.perf_counter() - began) * 1000


def time_questions(
    answer_fn: AnswerFn, store: Store, questions: Sequence[Question], repeat: int = REPEAT
) -> list[Timing]:
    """One cold pass over the questions, then `repeat` warm passes."""
    timings = [Timing(q) for q in questions]
    for t in timings:
        t.cold_ms = _call(answer_fn, store, t)
    for _ in range(repeat):
        for t in timings:
            t.warm_ms.append(_call(answer_fn, store, t))
    return timings


def _progress(done: int, seconds: float) -> None:
    if done % 10_000 == 0:
        print(f"  [ask store] {done:,} documents written ({seconds:.0f} s)", file=sys.stderr)


def _summary(name: str, values: Sequence[float]) -> str:
    p95 = percentile(values, 95)
    verdict = "meets" if p95 < TARGET_P95_MS else "MISSES"
    return (
        f"  {name:<5} p50 {percentile(values, 50):7.1f} ms, p95 {p95:7.1f} ms, "
        f"max {max(values, default=0.0):7.1f} ms over {len(values)} calls "
        f"({verdict} the p95 < {TARGET_P95_MS:.0f} ms target)"
    )


def timing_lines(timings: Sequence[Timing]) -> list[str]:
    lines = [f"  {'cold':>7} {'warm p50':>8} {'warm p95':>8}  {'kind':<10} question (ms)"]
    for t in timings:
        q = t.question
        text = q.question if len(q.question) <= 64 else q.question[:63] + "…"
        lines.append(
            f"  {t.cold_ms:7.1f} {percentile(t.warm_ms, 50):8.1f} {percentile(t.warm_ms, 95):8.1f}"
            f"  {q.kind:<10} {text}" + ("  [error]" if t.error else "")
        )
    lines.append(_summary("cold", [t.cold_ms for t in timings]))
    lines.append(_summary("warm", [ms for t in timings for ms in t.warm_ms]))
    errors = [t for t in timings if t.error]
    if errors:
        lines.append(f"  {len(errors)} questions raised, e.g. {errors[0].error}")
    return lines


def _store_lines(info: BuildInfo, counts: dict[str, int]) -> list[str]:
    how = "reused, built earlier in" if info.reused else "built in"
    return [
        f"store: {info.path} ({size_mb(info.path):.0f} MB on disk; {how} {info.seconds:.0f} s)",
        "  " + ", ".join(f"{counts[k]:,} {k}" for k in ("documents", "claims", "passages"))
        + f", {counts['events']:,} events, {counts['sources']:,} sources",
    ]  # fmt: skip


def report(
    total: int = DOCUMENTS, path: Path | None = None, repeat: int = REPEAT
) -> tuple[list[str], bool]:
    lines = [f"== Answer latency (bilat ask on {total:,} synthetic documents + the starter) =="]
    if path is None:
        path = DB_PATH if total == DOCUMENTS else DB_PATH.with_name(f"ask-{total}.db")
    info = ensure_store(path, total, progress=_progress)
    answer_fn, why = find_answer()
    with Store(path) as store:
        lines += _store_lines(info, store_counts(store))
        if answer_fn is None:
            return [*lines, "bilat ask cannot be run yet, so it is not timed:", f"  - {why}"], False
        timings = time_questions(answer_fn, store, load_questions(), repeat)
    lines.append(f"answer(store, question): 1 cold pass, then {repeat} warm passes")
    return lines + timing_lines(timings), True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ask.latency", description=__doc__)
    parser.add_argument("--documents", type=int, default=DOCUMENTS, help="size of the store")
    parser.add_argument("--db", type=Path, default=None, help="where the store is kept")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="warm passes")
    args = parser.parse_args(argv)
    lines, ran = report(args.documents, args.db, args.repeat)
    print("\n".join(lines))
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main())
