"""Numbers written in digits: a figure with its scale, unit, currency and counted noun, a
range of two figures, and the checks that drop years, codes, references and URLs."""

from __future__ import annotations

import re
from typing import Final

from bilat.extract.counted import _Noun, _noun_at
from bilat.extract.number_words import _FOLD, _fold, _make, _ratio
from bilat.extract.numbers import SCALE_EXPONENTS, normalise_digits, parse_number, scaled
from bilat.extract.qualifiers import _Left, _left_at, _qualify
from bilat.extract.types import Quantity, QuantityKind
from bilat.extract.units import (
    _CUR_MARK,
    _KIND,
    _RIGHT,
    _currency_left,
    _is_money,
    _mark_code,
    _Unit,
    _unit_of,
)
from bilat.extract.wordlists import _words
from bilat.model import Qualifier

# A written number: thousands by ",", spaces or (twice) "."; a decimal part by "." or ",".
_NUM: Final = (
    r"[0-9]{1,3}(?:(?:,[0-9]{3})+(?:\.[0-9]+)?"
    r"|(?:[ \u00a0\u2009\u202f][0-9]{3})+(?:\.[0-9]+|,[0-9]{1,2}(?![0-9]))?"
    r"|(?:\.[0-9]{3}){2,}(?:,[0-9]+)?"
    r"|(?:\.[0-9]{3})+,[0-9]{1,2}(?![0-9]))(?![0-9])"
    r"|[0-9]+(?:[.,][0-9]+)?"
)

_RANGE: Final = re.compile(
    rf"""
    (?P<conn>\s?[-‐‑–—]\s?|\s+to\s+|\s+and\s+)
    (?:(?:(?:a\s+)?maximum\s+of|at\s+most|up\s+to|as\s+(?:many|much)\s+as|more\s+than|over
        |about|around|nearly|almost|some|roughly|approximately)\s+)?
    (?P<cur>{_CUR_MARK})?
    (?P<n>{_NUM})
    """,
    re.VERBOSE,
)

_REFERENCES: Final = frozenset(
    _words(
        "p pp no nos vol vols art arts fig figs para paras ch sec sect ed eds op cit page pages "
        "table figure chapter section article paragraph volume issue annex appendix item "
        "footnote note"
    )
)

_HYPHENS: Final = "-‐‑–—"
_RIGHT_GAP: Final = frozenset(" \t\u00a0\n%\\-‐‑–")

_RANGE_GAP: Final = frozenset(" -‐‑–—\t\u00a0\n")
_GLUE_LEFT: Final = frozenset(".,;:)]”’/#№_=@&%<>|\\")


def _is_reference(text: str, lo: int, s: int) -> bool:
    """Whether the number at s follows "p.", "No.", "vol.", "Table", "#" ..."""
    chunk = text[max(lo, s - 12) : s].rstrip()
    if not chunk:
        return False
    if chunk[-1] in "#№§":
        return True
    words = chunk.split()
    return bool(words) and words[-1].rstrip(".").lower() in _REFERENCES


def _in_url(text: str, lo: int, s: int) -> bool:
    """Whether s lies inside a URL-like token (http://..., www....)."""
    begin = max(lo, s - 300)
    cut = max(text.rfind(" ", begin, s), text.rfind("\n", begin, s), text.rfind("\t", begin, s))
    token = text[cut + 1 if cut >= 0 else begin : s]
    return "://" in token or "www." in token


def _year_like(token: str) -> bool:
    """A four-digit year, or a year with a footnote glued on ("2015.20")."""
    year = token[:4]
    return (
        year.isdigit()
        and 1000 <= int(year) <= 2100
        and (len(token) == 4 or (token[4] == "." and len(token) <= 7))
    )


def _glued_left(text: str, lo: int, s: int) -> bool:
    """Whether the number at s is glued to what precedes it (footnote, code, model name)."""
    if s <= lo:
        return False
    c = text[s - 1]
    if c.isalpha() or c in _GLUE_LEFT:
        return True
    before = text[s - 2] if s - 2 >= lo else " "
    if c in "'\"":
        return not (before.isspace() or before in "([“")  # a closing quote, then a footnote
    return c in _HYPHENS and (before.isalnum() or before == ".")


class _Side:
    """One written number with the scale and unit that follow it."""

    __slots__ = ("billion_b", "end", "exponent", "token", "unit")

    def __init__(
        self, token: str, exponent: int, unit: _Unit | None, end: int, billion_b: bool = False
    ) -> None:
        self.token = token
        self.exponent = exponent
        self.unit = unit
        self.end = end  # after the scale and unit, or after the number if neither
        self.billion_b = billion_b  # "5b": a billion only after a currency


def _read_side(text: str, s: int, e: int, hi: int) -> _Side | None:
    """The number text[s:e] with its scale and unit; None if it is glued to a word."""
    nxt = text[e] if e < hi else " "
    if nxt in ":/" and e + 1 < hi and text[e + 1].isdigit():
        return None  # "10:30", "12/05/2017", "2013/14"
    token = text[s:e]
    rm = _RIGHT.match(text, e, hi) if nxt.isalpha() or nxt in _RIGHT_GAP else None
    if rm is None or rm.end() == e:
        if nxt.isalpha() or (nxt in _HYPHENS and e + 1 < hi and text[e + 1].isalpha()):
            return None  # "201st", "1990s", "30SM", "25-year-old", "15-member"
        return _Side(token, 0, None, e)
    gsc = rm["gsc"]
    scale = gsc or rm["sc"]
    unit = _unit_of(rm)
    if scale is None and unit is None:
        return None  # only a hyphen matched: "15-member"
    end = rm.end()
    if unit is not None and unit.code == "whom":
        end = rm.end("sc") if rm["sc"] else (rm.end("gsc") if gsc else e)
    elif end < hi and text[end].isalnum() and not text[end - 1].isspace():
        return None  # a unit glued on to more letters: "5kmx"
    exponent = SCALE_EXPONENTS[scale.lower()] if scale else 0
    return _Side(token, exponent, unit, end, gsc in ("b", "B"))


def _join_range(low: _Side, high: _Side, money: bool) -> _Side | None:
    """The low side of a range, with unit and scale borrowed from the high side, or None
    if the two numbers do not make a range (years, different units, decreasing)."""
    u1, u2 = low.unit, high.unit
    if u1 is not None and u2 is not None and u1.code != u2.code:
        return None
    if not (low.exponent or high.exponent or u1 or u2 or money) and (
        _year_like(low.token) and _year_like(high.token)
    ):
        return None  # "2013-2015"
    p1, p2 = normalise_digits(low.token), normalise_digits(high.token)
    if p1 is None or p2 is None:
        return None
    exponent = low.exponent
    if exponent == 0 and high.exponent and float(p1) <= float(p2):
        exponent = high.exponent  # "$1-2 billion", but not "500,000 and 1 million"
    if scaled(p1, exponent) > scaled(p2, high.exponent):
        return None  # "from 12 percent to 8 percent" is a movement, not a range
    return _Side(low.token, exponent, u1 or u2, low.end)


def _grouped(token: str) -> bool:
    """Whether a number is written with thousands separators ("30,000", "7 000")."""
    return len(token) > 4 and not token.isdigit()


def _bare_year(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """A year-like number that punctuation closes ("in 2016,", "(2016)", "in 2016."), with no
    currency before it: decided before any of the slower readings."""
    if not _year_like(text[s:e]):
        return False
    after = text[e] if e < hi else " "
    if after == ".":
        after = text[e + 1] if e + 1 < hi else " "
        if after.isdigit():
            return False  # "2016.5", or a footnote the slower path reads
        after = ","
    return after in ",;:)" and _currency_left(text, lo, s) is None


def _from_digits(text: str, s: int, e: int, lo: int, hi: int) -> Quantity | None:
    """The quantity whose number is written in digits at text[s:e], or None."""
    if _glued_left(text, lo, s):
        return None
    if e - s == 4 and _bare_year(text, s, e, lo, hi):
        return None  # "in 2016," — the most common number in analysis, and no figure
    if e < hi and text[e] in "-‐‑fF" and _FOLD.match(text, e, hi):
        times = parse_number(text[s:e])
        return None if times is None else _fold(text, s, e, lo, hi, times)
    first = _read_side(text, s, e, hi)
    if first is None:
        return None
    cur = _currency_left(text, lo, s)
    if first.billion_b and cur is None:
        return None  # "5b" is a billion only after a currency
    qs = cur[0] if cur else s
    left: _Left | None = None
    signed = 0  # "+5%", "(−3 %)": an explicit sign
    if cur is None and s > lo and text[s - 1] in "+-\u2212":
        before = text[s - 2] if s - 2 >= lo else " "
        if before.isspace() or before in "([":
            signed = -1 if text[s - 1] != "+" else 1

    # A range: "30,000-50,000", "4 to 10 percent", "between 500,000 and 1 million".
    low, high = first, first
    rng = (
        _RANGE.match(text, first.end, hi) if text[first.end : first.end + 1] in _RANGE_GAP else None
    )
    if rng is not None and rng["conn"].strip().lower() == "and":
        left = _left_at(text, lo, qs)
        if left.btw != "between":
            rng = None
    if rng is not None:
        second = _read_side(text, rng.start("n"), rng.end("n"), hi)
        if second is not None:
            joined = _join_range(first, second, cur is not None or bool(rng["cur"]))
            if joined is not None:
                low, high = joined, second
                if cur is None and rng["cur"]:
                    cur = (qs, _mark_code(rng["cur"]))  # "1 to $2 billion"
    is_range = high is not low
    unit = high.unit or low.unit
    end = high.end

    noun: _Noun | None = None
    whom = unit is not None and unit.code == "whom"
    if whom:
        unit = None
    elif unit is not None and unit.code == "area":
        return None
    if unit is None and cur is None:
        year = not is_range and low.exponent == 0 and _year_like(low.token)
        noun = _noun_at(text, end, hi, generic=not year)
        if noun is not None:
            end = noun.end
            if year:
                left = left or _left_at(text, lo, qs)
                if left.qualifier == "exact":
                    return None  # "2016 prices", "in 2015 Russians ..."
        elif not (
            high.exponent or whom or (is_range and _grouped(low.token) and _grouped(high.token))
        ):
            return None  # a bare number: a year, a date, a page, a rank, a footnote
    if _is_reference(text, lo, s) or _in_url(text, lo, s):
        return None

    kind: QuantityKind
    exp_low, exp_high, factor = low.exponent, high.exponent, 1.0
    if cur is not None and (unit is None or not _is_money(unit.code)):
        code, kind = cur[1], "money"
    elif unit is not None:
        code = unit.code
        kind = "money" if _is_money(code) else _KIND[code]
        exp_low += unit.exponent
        exp_high += unit.exponent
        factor = unit.factor
    elif noun is not None or whom:
        persons = whom or (noun is not None and noun.persons)
        code = kind = "persons" if persons else "count"
    else:
        code = kind = "count"
    p_low = normalise_digits(low.token)
    p_high = normalise_digits(high.token)
    if p_low is None or p_high is None:
        return None
    value = scaled(p_low, exp_low) * factor
    value_max = scaled(p_high, exp_high) * factor if is_range else None
    if noun is not None and not is_range:
        ratio = _ratio(text, lo, s, e, value)
        if ratio is not None:
            return ratio

    qualifier: Qualifier
    if signed and kind in ("percent", "money"):
        # A signed figure is a change: "+5%", "(−3 %)"; the sign is part of the span.
        qs -= 1
        qualifier, sign = "change", signed
    else:
        left = left or _left_at(text, lo, qs)
        qualifier, sign = _qualify(text, hi, left, kind, end)
    if sign < 0:
        value = -value
        value_max = -value_max if value_max is not None else None
    return _make(
        text, qs, end, value, code, kind, value_max, qualifier, noun.noun if noun else None
    )
