"""Extraction throughput and memory: `python -m bench.speed`.

Single process, documents streamed one at a time; MB = 10**6 bytes of UTF-8 text.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench import quantulum
from bench.corpus import ensure_corpus
from bench.gold import read_text, seeds_dir
from bench.runner import Extractor, cli_files, find_extractor, why_not
from bilat.native import compiled_modules

MB = 1_000_000
CHECKPOINT = 10 * MB
MIN_SECONDS = 3.0  # repeat the (small) seeds until timings mean something
QUANTULUM_CAP = 120.0
CLI_REPEAT = 50  # the CLI reads the seeds this many times in one run, to amortise start-up


@dataclass(slots=True)
class Run:
    bytes: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    claims: int = 0
    rss_mb: dict[str, float] = field(default_factory=dict)  # peak RSS at checkpoints

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds else 0.0

    @property
    def mb_per_cpu_s(self) -> float:
        return self.bytes / MB / self.cpu if self.cpu else 0.0


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _size(path: Path) -> int:
    return path.stat().st_size


def stream(ex: Extractor, paths: Iterable[Path], rss: bool = True) -> Run:
    """Extract each document in turn (read, extract, count, drop), noting peak RSS."""
    run = Run()
    began, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        text = read_text(path)
        run.claims += sum(1 for _ in ex.text(text, str(path)))
        run.bytes += len(text.encode("utf-8"))
        if rss and run.bytes >= CHECKPOINT and "10 MB" not in run.rss_mb:
            run.rss_mb["10 MB"] = peak_rss_mb()
    run.seconds, run.cpu = time.perf_counter() - began, time.process_time() - cpu
    if rss:
        run.rss_mb[f"{run.bytes / MB:.0f} MB"] = peak_rss_mb()
    return run


def stream_cli(paths: list[Path], rss: bool = True) -> Run:
    """The CLI fallback: one `bilat extract` over the first 10 MB, one over everything."""
    run = Run()
    first, total = [], 0
    for path in paths if rss else []:
        if total >= CHECKPOINT:
            break
        first.append(path)
        total += _size(path)
    if first:
        for _ in cli_files(first):
            pass
        run.rss_mb["10 MB"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    run.claims = sum(1 for _ in cli_files(paths))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.seconds = time.perf_counter() - began
    run.cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    run.bytes = sum(_size(p) for p in paths)
    if rss:
        run.rss_mb[f"{run.bytes / MB:.0f} MB"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
    return run


def _repeat(paths: list[Path]) -> Iterator[Path]:
    """The seeds over and over until MIN_SECONDS have passed (checked between files)."""
    began = time.perf_counter()
    while True:
        yield from paths
        if time.perf_counter() - began >= MIN_SECONDS:
            return


def quantulum_seeds(paths: list[Path]) -> Run:
    """quantulum3 on the seeds, repeated up to MIN_SECONDS, stopped at QUANTULUM_CAP."""
    quantulum.warm_up()
    run = Run()
    began, cpu = time.perf_counter(), time.process_time()
    for path in _repeat(paths):
        text = read_text(path)
        run.claims += sum(1 for _ in quantulum.extract(text, str(path)))
        run.bytes += len(text.encode("utf-8"))
        if time.perf_counter() - began > QUANTULUM_CAP:
            break
    run.seconds, run.cpu = time.perf_counter() - began, time.process_time() - cpu
    return run


def _line(name: str, run: Run) -> str:
    rss = ", ".join(f"after {k}: {v:.0f} MB" for k, v in run.rss_mb.items())
    return (
        f"  {name:<22} {run.bytes / MB:8.2f} MB in {run.seconds:7.2f} s = {run.mb_per_s:7.3f} MB/s"
        f" ({run.mb_per_cpu_s:7.3f} MB per CPU-s), {run.claims} claims"
        + (f"; peak RSS {rss}" if rss else "")
    )


def report() -> tuple[list[str], bool]:
    lines = ["== Extraction speed (one process, one core) =="]
    seeds = sorted(seeds_dir().glob("*.txt"))
    corpus = ensure_corpus()
    lines.append(f"corpus: {len(corpus)} documents, {sum(map(_size, corpus)) / MB:.1f} MB")
    ex = find_extractor()
    bilat_seeds: Run | None = None
    if ex is None:
        lines.append("bilat's extractor cannot be run yet, so it is not timed:")
        lines += [f"  - {reason}" for reason in why_not]
    else:
        lines.append(f"extractor: {ex.name} (readied for a batch as `bilat extract` is)")
        compiled = len(compiled_modules())
        lines.append(
            f"compiled with mypyc: {compiled} modules (build_native.py)"
            if compiled
            else "compiled with mypyc: no (plain Python; `make` builds them)"
        )
        ex.prepare()
        if seeds:
            bilat_seeds = None if ex.in_process else stream_cli(seeds * CLI_REPEAT, rss=False)
            bilat_seeds = bilat_seeds or stream(ex, _repeat(seeds), rss=False)
            lines.append(_line("bilat, seeds", bilat_seeds))
        big = stream(ex, corpus) if ex.in_process else stream_cli(corpus)
        lines.append(_line("bilat, corpus", big))
        if len(big.rss_mb) == 2:
            low, high = big.rss_mb.values()
            lines.append(f"  memory growth from 10 MB to the end: {high - low:+.0f} MB")
    if seeds:
        q = quantulum_seeds(seeds)
        lines.append(_line("quantulum3, seeds", q) + f" = {q.mb_per_s * 1000:.1f} KB/s")
        if bilat_seeds and q.mb_per_s:
            ratio = bilat_seeds.mb_per_s / q.mb_per_s
            lines.append(f"  speed ratio bilat / quantulum3 on the seeds: {ratio:.1f}x")
    else:
        lines.append(f"(seeds not found at {seeds_dir()})")
    return lines, ex is not None


def main() -> int:
    lines, ran = report()
    print("\n".join(lines))
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main())
