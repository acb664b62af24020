"""`python -m bench.ask`: the answer-quality evaluation, then the latency benchmark."""

from __future__ import annotations

import sys

from bench.ask import evaluate, latency, report

__all__ = ["main", "report"]


def main() -> int:
    e_lines, e_ran = evaluate.report()
    print("\n".join(e_lines), flush=True)
    print()
    l_lines, l_ran = latency.report()
    print("\n".join(l_lines))
    return 0 if e_ran and l_ran else 1


if __name__ == "__main__":
    sys.exit(main())
