"""Benchmark of `bilat ask`: answer quality on questions.yaml, latency on a 100k-document
store. `report()` returns (lines, ran) like the other bench modules."""

from __future__ import annotations


def report() -> tuple[list[str], bool]:
    """The evaluation, then the latency benchmark (building its store on first use)."""
    from bench.ask import evaluate, latency

    e_lines, e_ran = evaluate.report()
    l_lines, l_ran = latency.report()
    return [*e_lines, "", *l_lines], e_ran and l_ran
