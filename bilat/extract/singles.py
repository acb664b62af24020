"""A military base named with an article ("an airbase in Kyrgyzstan", "a Russian naval
base"): a count of one base, the figure analysts track for a foreign military presence,
though no number is written."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bilat.extract.spans import starting_in
from bilat.extract.types import Quantity, TimeMention

_ONE_BASE = re.compile(
    r"\b(?P<q>[Aa]n?\s+(?:[A-Za-z-]+\s+){0,2}?(?:air\s?base|(?:naval|military|air)\s+base|base))"
    r"\b(?!\s+(?:of|for|rate|price|salary|metal|camp|line|year|case|load)s?\b)"
)


def single_bases(
    text: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    times: Sequence[TimeMention],
) -> list[Quantity]:
    if text.find("base", start, end) < 0:
        return []  # the common case, decided without the expression
    taken = [(q.start, q.end) for q in starting_in(quantities, start, end)]
    found: list[Quantity] = []
    for match in _ONE_BASE.finditer(text, start, end):
        a, b = match.span("q")
        if any(x < b and a < y for x, y in taken):
            continue
        found.append(Quantity(a, b, text[a:b], 1.0, "count", "count", noun="bases"))
    return found
