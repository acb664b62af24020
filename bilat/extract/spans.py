"""Records sorted by where they start, and the lookup of those in a stretch of text.

The document walk, the reading of lists and the discourse of a document all look up the
figures, names and times of a line or a sentence; they share these two helpers, which sit
apart from all of them so that none has to import another to get them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=False)  # mypyc compiles no subclass of list as its own
class Spans(list[Any]):
    """Records sorted by `.start`, with their starts kept, so that looking up the ones in a
    line or a sentence is a bisection rather than a scan (a block is looked up hundreds of
    times)."""

    def __init__(self, items: Iterable[Any]) -> None:
        super().__init__(items)
        self.starts = [item.start for item in self]


def starting_in(items: Sequence[Any], start: int, end: int) -> list[Any]:
    """Items (sorted by .start) that start within [start, end)."""
    starts = items.starts if isinstance(items, Spans) else [i.start for i in items]
    return list(items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])
