"""quantulum3 as a baseline: its quantities mapped to the contract's units and base values."""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterator
from typing import Any

_BLOCKS = re.compile(r"\S(?:.|\n(?![ \t\u00a0]*\n))*")  # blocks between blank lines
_UNITS = {
    "percentage": "percent",
    "kilometre": "km",
    "tonne": "tonnes",
    "year": "years",
    "month": "months",
    "day": "days",
    "dimensionless": "count",
}
_CUBIC_METRE = "cubic metre"


def _parser() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser
    return parser


def _convert(q: Any) -> tuple[str, float, float | None] | None:
    """(unit, value, value_max) in our terms, or None for units we do not measure."""
    unit = q.unit
    low = high = float(q.value)
    if q.uncertainty:  # "30,000-50,000" comes back as 40,000 ± 10,000
        low, high = low - float(q.uncertainty), low + float(q.uncertainty)
    vmax = None if high == low else high
    code = getattr(unit, "currency_code", None)
    if unit.entity.name == "currency" and code:
        return str(code), low, vmax
    if unit.name == _CUBIC_METRE:
        return "bcm", low / 1e9, None if vmax is None else vmax / 1e9
    if unit.name in _UNITS:
        return _UNITS[unit.name], low, vmax
    return None


def extract(text: str, doc: str) -> Iterator[dict[str, Any]]:
    """quantulum3's quantities in `text`, parsed block by block, as contract-shaped dicts."""
    parser = _parser()
    for block in _BLOCKS.finditer(text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(block.group())
        for q in found:
            converted = _convert(q)
            if converted is None:
                continue
            unit, value, vmax = converted
            start, end = block.start() + q.span[0], block.start() + q.span[1]
            yield {
                "doc": doc,
                "start": start,
                "end": end,
                "text": text[start:end],
                "value": value,
                "value_max": vmax,
                "unit": unit,
                "indicator": "other",
                "subject": None,
                "object": None,
                "time": None,
            }


def warm_up() -> float:
    """Load quantulum3's tables once (seconds taken), so timings measure parsing."""
    began = time.perf_counter()
    list(extract("warm up: 5 km and $3 billion", "warm-up"))
    return time.perf_counter() - began
