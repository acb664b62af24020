"""`python -m bench`: the quality report, then the speed report."""

from __future__ import annotations

import sys

from bench import quality, speed


def main() -> int:
    q_lines, q_ran = quality.report()
    print("\n".join(q_lines), flush=True)
    print()
    s_lines, s_ran = speed.report()
    print("\n".join(s_lines))
    return 0 if q_ran and s_ran else 1


if __name__ == "__main__":
    sys.exit(main())
