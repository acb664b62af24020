"""Numbers written in words ("six months", "tens of thousands of", "several hundred"),
fractions ("nearly half of"), folds ("ten-fold") and ratios ("one in five workers")."""

from __future__ import annotations

import re
from typing import Final

from bilat.extract.counted import _Noun, _noun_at, _partitive_noun
from bilat.extract.numbers import FRACTIONS, SCALE_EXPONENTS, parse_words
from bilat.extract.qualifiers import _NEG_NOUNS, _left_at, _qualify
from bilat.extract.types import Quantity, QuantityKind
from bilat.extract.units import _KIND, _RIGHT, _is_money, _unit_of
from bilat.extract.wordlists import _CARDINALS, _trie
from bilat.model import Qualifier

_VAGUE: Final[dict[str, float]] = {
    "tens": 10.0,
    "dozens": 12.0,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}

_FOLD: Final = re.compile(r"(?P<fold>[\-‐‑]?fold)\b(?:\s+(?P<after>[A-Za-z]+))?", re.IGNORECASE)

_ARTICLE: Final = re.compile(r"(?i)(?<![A-Za-z])(?:(?P<few>(?:a\s+)?few)|an?)\s+\Z")
_DEFINITE: Final = re.compile(
    r"(?i)(?<![A-Za-z])(?:the|these|those|all|both|its|their|his|her|our|whose|other)\s+\Z"
)
_ONE_IN: Final = re.compile(r"(?i)(?<![A-Za-z0-9])(?:one|1)\s+(?:in|out\s+of)\s+\Z")
_OF_NEXT: Final = re.compile(r"\s+of\b")
# "half of 2016", "a quarter of a century", "the first half of the year": a period, not a share
_PERIOD_OF: Final = re.compile(
    r"\s+of\s+(?:(?:the|a|an|this|that|last|next)\s+)?"
    r"(?:\d|(?:century|centuries|decade|year|month|week|day|season|term)\b)",
    re.IGNORECASE,
)
_ORDINAL_LEFT: Final = re.compile(r"(?i)\b(?:first|second|latter|last|final|other)\s+\Z")
_UNIT_STATEMENT: Final = re.compile(r"(?i)(?<![A-Za-z])(?:in|are|is)\s+\Z")
_WORD_PHRASE: Final = re.compile(
    r"""
    (?P<vague>(?:(?:tens|hundreds)\s+of\s+)?(?:hundreds|thousands|millions|billions|trillions
        |dozens)\s+of\b|tens\s+of\s+(?:thousands|millions|billions)\s+of\b)
    |(?P<several>several\s+(?:hundred|thousand|million|billion|trillion))\b
    |(?P<halfa>half\s+an?\s+(?:dozen|thousand|million|billion|trillion))\b
    |(?P<frac>(?:(?:one|two|three|four)[\s\-‐‑])?(?:half|thirds?|quarters?|fifths?))\b
    |(?P<fold>(?:CARD))(?=[\-‐‑]?fold\b)
    |(?P<card>(?:CARD)(?:(?:\s+|[\-‐‑])(?:CARD)|(?<=hundred)\s+and\s+(?:CARD))*
        (?:\s+and\s+a\s+half(?:\s+(?:thousand|million|billion|trillion))?)?)\b
    """.replace("CARD", _trie(_CARDINALS)),
    re.VERBOSE | re.IGNORECASE,
)

_BIG_WORDS: Final = frozenset(("thousand", "million", "billion", "trillion"))
_COUNT_WORDS: Final = _BIG_WORDS | {"hundred", "dozen"}  # a bare one is no amount


def _make(
    text: str,
    start: int,
    end: int,
    value: float,
    unit: str,
    kind: QuantityKind,
    value_max: float | None = None,
    qualifier: Qualifier = "exact",
    noun: str | None = None,
) -> Quantity:
    return Quantity(start, end, text[start:end], value, unit, kind, value_max, qualifier, noun)


def _fold(text: str, s: int, e: int, lo: int, hi: int, times: float) -> Quantity | None:
    """ "shrank ten-fold" (-90 %), "a 5-fold increase" (+400 %): a change read as a percentage.
    e is the end of the number; the "-fold" after it is part of the span."""
    m = _FOLD.match(text, e, hi)
    if m is None or times <= 1:
        return None
    left = _left_at(text, lo, s)
    sign = left.sign or (-1 if (m["after"] or "").lower() in _NEG_NOUNS else 1)
    change = (times - 1.0) * 100.0 if sign > 0 else -(1.0 - 1.0 / times) * 100.0
    return _make(text, s, m.end("fold"), round(change, 10), "percent", "percent", None, "change")


def _ratio(text: str, lo: int, s: int, e: int, value: float) -> Quantity | None:
    """ "one in five workers": a share, 20 percent, spanning "one in five"."""
    m = _ONE_IN.search(text, max(lo, s - 12), s)
    if m is None or value < 2:
        return None
    return _make(text, m.start(), e, 100.0 / value, "percent", "percent")


def _from_words(text: str, s: int, lo: int, hi: int) -> Quantity | None:
    """The quantity whose number is written in words at s ("six months"), or None."""
    pm = _WORD_PHRASE.match(text, s, hi)
    if pm is None:
        return None
    form = pm.lastgroup
    phrase = pm.group(0).lower()
    start, end = s, pm.end()
    value: float | None
    qualifier: Qualifier = "exact"
    if form == "frac":
        return _fraction(text, s, end, lo, hi, phrase)
    if form == "fold":
        times = parse_words(phrase)
        return None if times is None else _fold(text, s, end, lo, hi, times)
    if form == "vague":
        if _UNIT_STATEMENT.search(text, max(lo, s - 12), s):
            return None  # "figures in millions of euros" states a unit, not an amount
        # "billions of", "tens of thousands of": twice the scale, at least.
        value = 2.0
        for word in phrase.split():
            value *= _VAGUE.get(word, 1.0)
        qualifier = "at_least"
    elif form == "several":
        value = 2.0 * 10.0 ** SCALE_EXPONENTS[phrase.split()[-1]]
        qualifier = "at_least"
    else:
        value = parse_words(phrase)
        if value is None and form == "card":
            # "two and three": read the first word alone.
            phrase = phrase.split()[0].split("-")[0]
            end = s + len(phrase)
            value = parse_words(phrase)
        if value is None:
            return None
        if phrase.split()[0].split("-")[0] in _COUNT_WORDS:
            art = _ARTICLE.search(text, max(lo, s - 8), s)
            if art is None:
                return None  # a bare "million" is no amount
            start = art.start()
            if art["few"]:
                value, qualifier = 2.0 * value, "at_least"  # "a few thousand"

    rm = _RIGHT.match(text, end, hi)
    unit = _unit_of(rm) if rm is not None and not (rm["gsc"] or rm["sc"]) else None
    noun: _Noun | None = None
    kind: QuantityKind
    if unit is not None and unit.code not in ("whom", "area"):
        if phrase == "one" and unit.code == "days":
            return None  # "one day" is mostly "some day"
        if unit.code == "percent" and form != "card":
            return None
        end = unit.end
        code = unit.code
        kind = "money" if _is_money(code) else _KIND[code]
        value = value * unit.factor * 10.0**unit.exponent
    elif unit is not None and unit.code == "area":
        return None
    else:
        noun = _noun_at(text, end, hi, generic=form == "vague")
        if (
            noun is not None
            and form == "card"
            and _DEFINITE.search(text, max(lo, start - 8), start)
        ):
            return None  # "the five countries", "all five states": a reference, not a count
        if noun is not None and form == "card":
            ratio = _ratio(text, lo, start, end, value)
            if ratio is not None:
                return ratio
        if noun is None and form == "card" and value >= 2:
            noun = _partitive_noun(text, end, hi)  # "three of the countries"
        if noun is not None:
            end = noun.end
            code = kind = "persons" if noun.persons else "count"
        elif form == "vague" or not (
            form in ("several", "halfa") or _BIG_WORDS.intersection(phrase.split())
        ):
            return None  # "one of", "two were", "thousands fled"
        else:
            code = kind = "persons" if unit is not None else "count"  # unit: "of whom"
    if qualifier == "exact":
        qualifier, sign = _qualify(text, hi, _left_at(text, lo, start), kind, end)
        if sign < 0:
            value = -value
    return _make(text, start, end, value, code, kind, None, qualifier, noun.noun if noun else None)


def _fraction(text: str, s: int, end: int, lo: int, hi: int, phrase: str) -> Quantity | None:
    """ "nearly half of", "dropped by a third": a fraction read as a percentage."""
    start = s
    words = phrase.replace("-", " ").split()
    if len(words) == 2:
        value = parse_words(phrase)
        if value is None:
            return None
    else:
        art = _ARTICLE.search(text, max(lo, s - 4), s)
        if art is not None and not art["few"]:
            start = art.start()
        elif words[0] != "half":
            return None  # "third", "quarter" alone are ordinals or periods
        value = 1.0 / FRACTIONS[words[0]]
    left = _left_at(text, lo, start)
    if not left.sign and (
        _OF_NEXT.match(text, end, hi) is None  # "a third country"
        or _PERIOD_OF.match(text, end, hi) is not None  # "a quarter of a century"
        or _ORDINAL_LEFT.search(text, max(lo, start - 12), start) is not None  # "first half"
    ):
        return None
    pct = round(value * 100.0, 10)
    if left.sign:
        return _make(text, start, end, left.sign * pct, "percent", "percent", None, "change")
    return _make(text, start, end, pct, "percent", "percent", None, left.qualifier)
