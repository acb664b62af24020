"""Read one written number: "12.9", "7,000", "7 000", "16,3", "1.5bn", "two thirds".

Conventions (the quantity recogniser relies on them):

- Separators. A comma followed by exactly three digits groups thousands ("7,000" -> 7000,
  "1,234,567"); a single comma followed by any other number of digits is a decimal comma
  ("16,3" -> 16.3, "12,9" -> 12.9). A single dot is a decimal point, even before three digits
  ("1.234" -> 1.234); several dots in groups of three are European thousands ("1.234.567").
  With both, the last one is the decimal mark ("1,234.5", "1.234,5"). A space, NBSP, thin
  space (U+2009) or narrow NBSP (U+202F) groups thousands ("7 000") and never marks decimals.
- Scale words: hundred, thousand/k, million/mn/mln/m, billion/bn/bln, trillion/tn/trn.
  A bare "b" means billion only after a currency ("$1.5b"); a leading currency mark is
  accepted and ignored here (the currency is the recogniser's business).
- Words: "one" .. "nineteen", the tens, compounds ("twenty-five", "two hundred and fifty",
  "three thousand"), "a"/"an" as one ("a million"), "a dozen" = 12, "half" = 0.5,
  "a third" = 1/3, "two thirds" = 2/3, "three quarters" = 0.75, "half a million" = 500000,
  "one and a half million" = 1.5e6. "ten-fold"/"tenfold" gives the multiplier, 10.0.
- A leading sign is kept ("-5" -> -5.0); Python's exponent notation reads too ("1e-05").
- Anything else, including "", NaN, infinities and mixed junk, gives None; nothing raises.

Scaled values are computed through a decimal string ("12.9" + "e9") so that 12.9 billion is
exactly the float nearest to 12 900 000 000, not 12.9 * 1e9 with its rounding error.
"""

from __future__ import annotations

import math
import re
from typing import Final

__all__ = [
    "FRACTIONS",
    "SCALE_EXPONENTS",
    "WORD_VALUES",
    "normalise_digits",
    "parse_number",
    "parse_words",
    "scaled",
]

# Powers of ten written as words or abbreviations (lower-case keys).
SCALE_EXPONENTS: Final[dict[str, int]] = {
    "hundred": 2,
    "thousand": 3,
    "k": 3,
    "million": 6,
    "mn": 6,
    "mln": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "bln": 9,
    "b": 9,
    "trillion": 12,
    "tn": 12,
    "trn": 12,
}

WORD_VALUES: Final[dict[str, int]] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Denominators of the fractions written as words; singular and plural.
FRACTIONS: Final[dict[str, int]] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
_BIG: Final[dict[str, int]] = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
# the words an article or "half a" can go before, and those "and" can follow
_AFTER_ARTICLE: Final = frozenset({"hundred", "dozen", *_BIG})
_AFTER_HALF_A: Final = frozenset({"dozen", *_BIG})
_BEFORE_AND: Final = frozenset({"hundred", *_BIG})

_SPACES: Final = " \u00a0\u2009\u202f"
_SPACE_RE: Final = re.compile("[ \u00a0\u2009\u202f]")
_GROUPS_OK: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})*\Z")
_DIGITS: Final = re.compile(r"[0-9]+\Z")

# number [scale], with an optional sign and an optional leading currency mark.
_NUMERIC: Final = re.compile(
    r"""
    (?P<sign>[-+\u2212])?\s*
    (?P<cur>(?:(?:US|U\.S\.|CA|C|AU|A|NZ|HK|S|R)\s?)?\\{0,2}[$€£¥₽₸₹]
        |(?:USD|EUR|GBP|JPY|CNY|RMB|RUB|KZT|KGS|TJS|TMT|UZS|CAD|AUD|CHF|INR)(?=[\s0-9]))?\s*
    (?P<num>[0-9](?:[0-9.,\u00a0\u2009\u202f ]*[0-9])?)
    (?:\s*-?\s*(?P<scale>[A-Za-z]+))?
    \s*\Z
    """,
    re.VERBOSE,
)
_EXPONENT: Final = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?[eE][-+]?[0-9]{1,3}\Z")
_WORD_SPLIT: Final = re.compile(r"[\s\-\u2010\u2011\u2013]+")


def _grouped(int_part: str, sep: str) -> str | None:
    """Digits of an integer part grouped in threes by sep, or None if it is not so grouped."""
    if sep == ",":
        return int_part.replace(",", "") if _GROUPS_OK.match(int_part) else None
    return _grouped(int_part.replace(sep, ","), ",")


def normalise_digits(token: str) -> str | None:
    """A plain decimal string ("1234567.5") for a written number ("1,234,567.5"), or None."""
    t = token.strip(_SPACES)
    if not t or not t[0].isascii() or not t[0].isdigit():
        return None
    if _SPACE_RE.search(t):
        # Spaces only group thousands; a decimal part may follow the last group.
        head = _SPACE_RE.split(t)
        frac = ""
        last = head[-1]
        for mark in ".,":
            if mark in last:
                last, _, frac = last.partition(mark)
                if not _DIGITS.match(frac) or (mark == "," and len(frac) == 3):
                    return None
                break
        head[-1] = last
        if not _DIGITS.match(head[0]) or len(head[0]) > 3:
            return None
        if any(len(g) != 3 or not _DIGITS.match(g) for g in head[1:]):
            return None
        joined = "".join(head)
        return f"{joined}.{frac}" if frac else joined
    has_comma, has_dot = "," in t, "." in t
    if has_comma and has_dot:
        cut = max(t.rfind(","), t.rfind("."))
        dec, int_part, frac = t[cut], t[:cut], t[cut + 1 :]
        if dec in int_part or not _DIGITS.match(frac):
            return None
        grouped = _grouped(int_part, "." if dec == "," else ",")
        return None if grouped is None else f"{grouped}.{frac}"
    if has_comma or has_dot:
        sep = "," if has_comma else "."
        parts = t.split(sep)
        if len(parts) == 2 and (sep == "." or len(parts[1]) != 3):
            # One mark: a decimal point, or a decimal comma unless three digits follow.
            if _DIGITS.match(parts[0]) and _DIGITS.match(parts[1]):
                return f"{parts[0]}.{parts[1]}"
            return None
        return _grouped(t, sep)
    return t if _DIGITS.match(t) else None


def scaled(plain: str, exponent: int = 0) -> float:
    """float(plain) * 10**exponent, correctly rounded (plain as from normalise_digits)."""
    return float(f"{plain}e{exponent}") if exponent else float(plain)


def _cardinal(tokens: list[str]) -> float | None:
    """Value of cardinal number words ("two hundred and fifty thousand"), or None."""
    total = 0.0
    current: float | None = None
    last = ""
    last_big = 99
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else ""
        if tok in ("a", "an"):
            # The article counts one, before a multiplier only: "a million", "a dozen".
            if current is not None or nxt not in _AFTER_ARTICLE:
                return None
            current, last = 1.0, "a"
        elif tok == "half":
            # "half a million", "half a dozen".
            after = tokens[i + 2] if i + 2 < n else ""
            if current is not None or nxt not in ("a", "an") or after not in _AFTER_HALF_A:
                return None
            current, last = 0.5, "a"
            i += 2
            continue
        elif tok == "and":
            if nxt in ("a", "an") and i + 2 < n and tokens[i + 2] == "half":
                # "one and a half (million)"
                if current is None or last in ("a", "and"):
                    return None
                current += 0.5
                last = "half"
                i += 3
                continue
            # "two hundred and fifty"; never "two and three".
            if last not in _BEFORE_AND or (nxt not in WORD_VALUES and nxt not in _TENS):
                return None
            last = "and"
        elif tok in WORD_VALUES:
            if (
                last in WORD_VALUES
                or last in ("a", "half")
                or (last in _TENS and WORD_VALUES[tok] >= 10)
            ):
                return None
            current = (current or 0.0) + WORD_VALUES[tok]
            last = tok
        elif tok in _TENS:
            if last in WORD_VALUES or last in _TENS or last in ("a", "half"):
                return None
            current = (current or 0.0) + _TENS[tok]
            last = tok
        elif tok in ("hundred", "dozen"):
            if last in ("hundred", "dozen", "half"):
                return None
            current = (1.0 if current is None else current) * (100.0 if tok == "hundred" else 12.0)
            last = tok
        elif tok in _BIG:
            exponent = _BIG[tok]
            if exponent >= last_big or last == "and":
                return None
            total += (1.0 if current is None else current) * 10.0**exponent
            current, last, last_big = None, tok, exponent
        else:
            return None
        i += 1
    if last in ("a", "and", ""):
        return None
    return total + (current or 0.0)


def parse_words(text: str) -> float | None:
    """Value of a number written in words ("twenty-five", "two thirds", "a dozen"), or None."""
    lowered = text.strip().lower()
    if not lowered or len(lowered) > 120:
        return None
    if lowered.endswith("fold"):
        # "ten-fold", "tenfold", "3-fold": the multiplier itself.
        base = lowered[:-4].rstrip(" -\u2010\u2011")
        if not base:
            return None
        return parse_number(base)
    tokens = [t for t in _WORD_SPLIT.split(lowered) if t]
    if not tokens:
        return None
    # Fractions: "a third", "two thirds", "three quarters", "half" ("half a million" is not
    # a fraction but a cardinal, handled below).
    if tokens[-1] in FRACTIONS and len(tokens) <= 2:
        denominator = FRACTIONS[tokens[-1]]
        if len(tokens) == 1:
            return 1.0 / denominator if tokens[0] in ("half", "third", "quarter") else None
        numerator = 1 if tokens[0] in ("a", "an") else WORD_VALUES.get(tokens[0])
        if numerator is None or numerator == 0:
            return None
        return numerator / denominator
    # Digits followed by number words: "1.5 million", "2 thousand".
    if tokens[0][0].isdigit():
        plain = normalise_digits(tokens[0])
        if plain is None:
            return None
        rest = _cardinal(["one", *tokens[1:]]) if len(tokens) > 1 else 1.0
        return None if rest is None else float(plain) * rest
    return _cardinal(tokens)


def parse_number(text: str) -> float | None:
    """The value of a written number, or None if text is not one number (see module doc)."""
    try:
        return _parse_number(text)
    except (ValueError, ArithmeticError):  # pragma: no cover - defensive: never raise
        return None


def _parse_number(text: str) -> float | None:
    if not text or len(text) > 200:
        return None
    stripped = text.strip()
    if stripped[-4:].lower() == "fold":
        return parse_words(stripped)
    m = _NUMERIC.match(stripped)
    if m is None:
        if _EXPONENT.match(stripped):
            value = float(stripped)
            return value if math.isfinite(value) else None
        if stripped[:1].isdigit() or stripped[:1] in "-+\u2212":
            return None
        return parse_words(stripped)
    plain = normalise_digits(m["num"])
    if plain is None:
        return None
    exponent = 0
    scale = m["scale"]
    if scale is not None:
        key = scale.lower()
        if key not in SCALE_EXPONENTS:
            return None
        if key == "b" and m["cur"] is None:
            return None  # "b" is a billion only after a currency: "$1.5b"
        exponent = SCALE_EXPONENTS[key]
    value = scaled(plain, exponent)
    if m["sign"] in ("-", "\u2212"):
        value = -value
    return value if math.isfinite(value) else None
