"""`python -m bench`: extraction quality and speed, then `bilat ask` accuracy and latency."""

from __future__ import annotations

import sys
from collections.abc import Callable

from bench import ask, quality, speed

REPORTS: tuple[Callable[[], tuple[list[str], bool]], ...] = (
    quality.report,
    speed.report,
    ask.report,
)


def main() -> int:
    ran_all = True
    for report in REPORTS:
        lines, ran = report()
        print("\n".join(lines), end="\n\n", flush=True)
        ran_all = ran_all and ran
    return 0 if ran_all else 1


if __name__ == "__main__":
    sys.exit(main())
