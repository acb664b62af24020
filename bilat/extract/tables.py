"""Plain-text tables: a header line whose columns carry years, and rows that start with a name.

    Partner        2019      2021          Trade With Russia (2016) Trade With China (2016)
    Germany       5,120     6,380          Mongolia $1.7 billion $6.4 billion

A row's k-th value belongs to the header's k-th column, which gives its year and sometimes
its counterpart ("With Russia"). Bare numbers in a row take their unit from the table's
caption ("in millions of euros", "in thousands of tonnes") or from their column ("Rank").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.numbers import parse_number
from bilat.extract.quantities import counts_people
from bilat.extract.timex import header_years
from bilat.extract.types import Quantity

_BARE_NUMBER = re.compile(r"(?<!\S)\d[\d,.\u00a0]*(?!\S)")
_SCALES = {
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9,
}  # fmt: skip
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "pound": "GBP", "pounds": "GBP", "tenge": "KZT",
}  # fmt: skip
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                   "£": "GBP", "gbp": "GBP", "cny": "CNY", "rub": "RUB"}  # fmt: skip
_SCALE_OF_NOUN = re.compile(
    r"\b(thousands?|millions?|billions?)\s+of\s+(us\s+dollars|[a-z]+)", re.I
)
_SIGN_AND_SCALE = re.compile(
    r"\(\s*(us\$|usd|eur|€|\$|£|gbp|cny|rub)\s*(thousand|million|mn|m|billion|bn)?\s*\)", re.I
)
_NUMBER_OF = re.compile(r"\bnumbers?\s+of\s+(?:[a-z-]+\s+){0,2}?([a-z]+s)\b", re.I)
_PERCENT = re.compile(r"\((?:%|percent|per cent)\)|\bin per ?cent\b|\bshares? in %", re.I)


@dataclass(frozen=True, slots=True)
class Column:
    start: int  # offsets into the text, covering the column's header words
    end: int
    year: int


@dataclass(frozen=True, slots=True)
class CellUnit:
    unit: str
    kind: str
    scale: float = 1.0


def header_columns(text: str, start: int, end: int) -> list[Column]:
    """The columns of a header line, each ending after its year (and a footnote mark)."""
    found = header_years(text[start:end])
    columns: list[Column] = []
    cell_start = start
    for _, year_end, year in found:
        stop = start + year_end
        while stop < end and text[stop] in "0123456789)":  # "(2016)1": footnote digits
            stop += 1
        columns.append(Column(cell_start, stop, year))
        cell_start = stop
    return columns


# A table with a row per year: "Year    Grants    Loans", then "2022    118    150".
_YEAR_FIRST = re.compile(r"[ \t]*(?:years?|period)\b", re.I)
_LABEL = re.compile(r"[^\s\d][^\t\n]*?(?=\s{2,}|\t|\s*$)")  # words apart by 1 space
_YEAR_ROW = re.compile(r"[ \t]*((?:19|20)\d\d)(?=\s)")


def measure_columns(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The labels of a header whose first column is the year, where each further column is
    a measure ("Grants", "Loans"); none for any other line."""
    first = _YEAR_FIRST.match(text, start, end)
    if first is None:
        return []
    labels = [m.span() for m in _LABEL.finditer(text, first.end(), end)]
    covered = sum(b - a for a, b in labels)
    if not labels or covered < len(text[first.end() : end].strip().replace(" ", "")):
        return []  # something in the header is not a label (a number, a stray mark)
    return labels


def year_row(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The year a row of a year-by-year table opens with, and where it ends."""
    found = _YEAR_ROW.match(text, start, end)
    return (int(found[1]), found.end(1)) if found else None


def caption_unit(caption: str) -> CellUnit | None:
    """The unit a caption gives a table's bare numbers: "in millions of euros" -> EUR 1e6."""
    match = _SCALE_OF_NOUN.search(caption)
    if match:
        noun = " ".join(match.group(2).lower().split())
        scale = _SCALES[match.group(1).lower()]
        currency = _CURRENCY_WORDS.get(noun)
        if currency:
            return CellUnit(currency, "money", scale)
        return _thing_unit(noun, scale)
    match = _SIGN_AND_SCALE.search(caption)
    if match:
        scale = _SCALES.get((match.group(2) or "").lower(), 1.0)
        return CellUnit(_CURRENCY_SIGNS[match.group(1).lower()], "money", scale)
    if _PERCENT.search(caption):
        return CellUnit("percent", "percent")
    counted = _NUMBER_OF.search(caption)
    if counted:  # "the number of joint exercises held, by partner"
        return _thing_unit(counted.group(1).lower(), 1.0)
    return None


def _thing_unit(noun: str, scale: float) -> CellUnit:
    """ "in thousands of tonnes", "in billions of cubic metres", "in millions of bottles"."""
    if noun in ("tonnes", "tons", "tonne", "ton"):
        return CellUnit("tonnes", "mass", scale)
    if noun == "cubic":
        return CellUnit("bcm", "volume", scale / 1e9)
    if counts_people(noun):
        return CellUnit("persons", "persons", scale)
    return CellUnit("count", "count", scale)


def column_unit(header_words: str) -> CellUnit | None:
    """A column that says what its numbers are: a rank, or a percentage."""
    lowered = header_words.lower()
    if re.search(r"\brank", lowered):
        return CellUnit("rank", "rank")
    if "%" in lowered or "percent" in lowered or "share" in lowered:
        return CellUnit("percent", "percent")
    return None


def row_values(
    text: str, start: int, end: int, quantities: Sequence[Quantity], label_end: int
) -> list[Quantity | tuple[int, int]]:
    """A row's values in order: recognised figures, and bare numbers as (start, end) spans."""
    values: list[Quantity | tuple[int, int]] = list(quantities)
    for match in _BARE_NUMBER.finditer(text, label_end, end):
        if not any(q.start <= match.start() < q.end for q in quantities):
            values.append((match.start(), match.end()))
    return sorted(values, key=lambda v: v.start if isinstance(v, Quantity) else v[0])


def cell_quantity(
    text: str, value: Quantity | tuple[int, int], header: str, caption: CellUnit | None
) -> Quantity | None:
    """A cell's figure: as written when it carries its unit, else a bare number in the unit
    its column or, failing that, the table's caption names."""
    if isinstance(value, Quantity):
        return value
    unit = column_unit(header) or caption
    return bare_quantity(text, value, unit) if unit else None


def bare_quantity(text: str, span: tuple[int, int], unit: CellUnit) -> Quantity | None:
    value = parse_number(text[span[0] : span[1]])
    if value is None:
        return None
    return Quantity(
        start=span[0],
        end=span[1],
        text=text[span[0] : span[1]],
        value=value * unit.scale,
        unit=unit.unit,
        kind=unit.kind,  # type: ignore[arg-type]
    )
