"""Units and currencies of a quantity: their words, codes and symbols, the regex of the
scale and unit after a number, and the currency mark before it."""

from __future__ import annotations

import re
from typing import Final

import pycountry

from bilat.extract.types import QuantityKind

_CURRENCY_WORDS: Final[dict[str, str]] = {
    "dollar": "USD",
    "euro": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "ruble": "RUB",
    "rouble": "RUB",
    "tenge": "KZT",
    "som": "KGS",
    "somoni": "TJS",
    "manat": "TMT",
    "sum": "UZS",
    "soum": "UZS",
    "yen": "JPY",
    "sterling": "GBP",
    "rupee": "INR",
    "lira": "TRY",
    "tugrik": "MNT",
    "tögrög": "MNT",
    "dram": "AMD",
    "lari": "GEL",
    "hryvnia": "UAH",
    "won": "KRW",
    "rial": "IRR",
    "afghani": "AFN",
    "riyal": "SAR",
    "dinar": "RSD",
    "peso": "MXN",
    "franc": "CHF",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "shilling": "KES",
    "rmb": "CNY",
    "rur": "RUB",
}
_DOLLAR_PREFIX: Final[dict[str, str]] = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "new zealand": "NZD",
    "c": "CAD",
    "ca": "CAD",
    "can": "CAD",
    "a": "AUD",
    "au": "AUD",
    "nz": "NZD",
    "hk": "HKD",
    "s": "SGD",
    "r": "BRL",
}
_SYMBOLS: Final[dict[str, str]] = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "₽": "RUB",
    "₸": "KZT",
    "₹": "INR",
}
# Every ISO 4217 code ("NPR 17.5 billion"), and the older ones still written (RMB, RUR),
# but not the codes that are also English words in capitals ("TOP 10", "ALL 5 members"),
# nor the X-codes of metals and funds.
_NOT_CODES: Final = frozenset(["ALL", "TOP", "CUP", "MOP", "PEN", "MAD", "SOS", "BAM", "GIP"])
_CODE_SET: Final = frozenset(
    {"RMB", "RUR"}
    | {
        c.alpha_3
        for c in pycountry.currencies
        if not c.alpha_3.startswith("X") and c.alpha_3 not in _NOT_CODES
    }
)
_CODE_RE: Final = "|".join(sorted(_CODE_SET))

_UNIT: Final = rf"""
    (?P<pct>\\{{0,2}}%|(?i:percentage\s+points?|per\s?cent|pct)\b)
  | (?P<area>(?i:square\s+(?:kilomet|met|mile)|sq\.?\s?(?:km|mi|m)\b|km2\b|km²))
  | (?P<cur>(?i:(?:US|U\.S\.|American|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand)
        \s+dollars?|dollars?|euros?|yuan|renminbi|rubles?|roubles?|tenge|somoni|soms?|manats?
        |soums?|sums?|yen|pounds\s+sterling|sterling|rupees?|lira|tugriks?|tögrögs?|drams?
        |laris?|hryvnias?|rials?|riyals?|afghanis?|dinars?|pesos?|francs?|kron(?:a|e|or|er)|shillings?)\b
        |(?:{_CODE_RE})\b)
  | (?P<km>(?i:kms?|kilomet(?:er|re)s?)\b)
  | (?P<mi>(?i:miles?)\b)
  | (?P<bcm>(?i:bcm)\b)
  | (?P<tcm>(?i:tcm)\b)
  | (?P<m3>(?i:cubic\s+met(?:er|re)s?\b|cu\.?\s?m\b)|m3\b|m³)
  | (?P<mt>Mt\b)
  | (?P<t>(?i:(?:metric\s+)?(?:tonnes?|tons?))\b)
  | (?P<yr>(?i:years?)\b(?![-‐‑]old))
  | (?P<mo>(?i:months?)\b(?![-‐‑]old))
  | (?P<wk>(?i:weeks?)\b(?![-‐‑]old))
  | (?P<dy>(?i:days?)\b)
  | (?P<dec>(?i:decades?)\b)
  | (?P<whom>of\s+whom\b)
  | (?P<strong>(?<=[-‐‑])strong\b)
"""
# What follows a number: a hyphen ("7,500-kilometer"), a scale word, a unit.
_RIGHT: Final = re.compile(
    rf"""
    (?P<hy>[-‐‑–](?=[A-Za-z]))?
    (?:(?P<gsc>bn|bln|mn|mln|tn|trn|[kKmMbB])(?![A-Za-z0-9])
      |\s{{0,2}}(?P<sc>(?i:trillion|billion|million|thousand|hundred|bn|bln|mn|mln|tn|trn))\b)?
    (?:\s{{0,2}}(?:{_UNIT}))?
    """,
    re.VERBOSE,
)
_CUR_MARK: Final = rf"(?:(?:US|CA|C|AU|A|NZ|HK)\s?)?\\{{0,2}}[$€£¥₽₸₹]\s?|(?:{_CODE_RE})\s"

_CURRENCY_LEFT: Final = re.compile(
    rf"""
    (?:(?<![A-Za-z.])(?P<pre>US|U\.S\.|CA|Can|C|AU|A|NZ|HK|S|R)\s?)?\\{{0,2}}(?P<sym>[$€£¥₽₸₹])\s{{0,2}}\Z
    |(?<![A-Za-z])(?P<code>{_CODE_RE})\s{{0,2}}\Z
    """,
    re.VERBOSE,
)

_KIND: Final[dict[str, QuantityKind]] = {
    "percent": "percent",
    "persons": "persons",
    "count": "count",
    "km": "distance",
    "miles": "distance",
    "bcm": "volume",
    "tonnes": "mass",
    "years": "duration",
    "months": "duration",
    "days": "duration",
}


class _Unit:
    """A unit read after a number: its code, how it scales the number, where it ends."""

    __slots__ = ("code", "end", "exponent", "factor")

    def __init__(self, code: str, end: int, exponent: int = 0, factor: float = 1.0) -> None:
        self.code = code  # ISO 4217, percent, km, ...; "whom" for "of whom", "area" to drop
        self.end = end
        self.exponent = exponent  # power of ten to the unit's base ("cubic meters" -> bcm: -9)
        self.factor = factor  # other factors (weeks -> days: 7)


# Regex group of _RIGHT -> (unit code, exponent, factor).
_UNIT_GROUPS: Final[dict[str, tuple[str, int, float]]] = {
    "pct": ("percent", 0, 1.0),
    "km": ("km", 0, 1.0),
    "mi": ("miles", 0, 1.0),
    "bcm": ("bcm", 0, 1.0),
    "tcm": ("bcm", 3, 1.0),
    "m3": ("bcm", -9, 1.0),
    "mt": ("tonnes", 6, 1.0),
    "t": ("tonnes", 0, 1.0),
    "yr": ("years", 0, 1.0),
    "mo": ("months", 0, 1.0),
    "wk": ("days", 0, 7.0),
    "dy": ("days", 0, 1.0),
    "dec": ("years", 1, 1.0),
    "area": ("area", 0, 1.0),
    "strong": ("persons", 0, 1.0),
}


def _currency_code(word: str) -> str:
    """ISO 4217 code of a currency word or code ("US dollars", "roubles", "RMB")."""
    lowered = " ".join(word.lower().split())
    if "dollar" in lowered:
        prefix = lowered.rsplit(" ", 1)[0] if " " in lowered else ""
        return _DOLLAR_PREFIX.get(prefix, "USD")
    if lowered.upper() in _CODE_SET:
        code = lowered.upper()
        return {"RMB": "CNY", "RUR": "RUB"}.get(code, code)
    if lowered.startswith("pounds") or lowered == "sterling":
        return "GBP"
    key = lowered[:-1] if lowered.endswith("s") and lowered[:-1] in _CURRENCY_WORDS else lowered
    return _CURRENCY_WORDS.get(key, "USD")


def _unit_of(m: re.Match[str]) -> _Unit | None:
    """The unit matched by _RIGHT, or None if it matched only a hyphen or a scale."""
    name = m.lastgroup
    if name is None or name in ("hy", "gsc", "sc"):
        return None
    if name == "cur":
        return _Unit(_currency_code(m["cur"]), m.end())
    if name == "whom":
        return _Unit("whom", m.start("whom"))
    code, exponent, factor = _UNIT_GROUPS[name]
    return _Unit(code, m.end(), exponent, factor)


def _is_money(code: str) -> bool:
    return len(code) == 3 and code.isupper()


def _currency_left(text: str, lo: int, s: int) -> tuple[int, str] | None:
    """Start and code of the currency mark just before s ("US$", "US \\$ ", "EUR ")."""
    j = s - 1
    while j >= lo and j >= s - 2 and text[j] in " \u00a0":
        j -= 1
    if j < lo:
        return None
    c = text[j]
    if c not in _SYMBOLS and not c.isupper():
        return None  # the common case, decided without a regex
    m = _CURRENCY_LEFT.search(text, max(lo, s - 12), s)
    if m is None:
        return None
    if m["code"]:
        return m.start(), _currency_code(m["code"])
    sym = m["sym"]
    if sym == "$" and m["pre"]:
        return m.start(), _DOLLAR_PREFIX.get(m["pre"].lower(), "USD")
    if sym == "¥" and "yen" in text[max(lo, s - 80) : s + 80].lower():
        return m.start(), "JPY"
    return m.start(), _SYMBOLS[sym]


def _mark_code(mark: str) -> str:
    """The currency of a mark such as "$", "US$ " or "EUR "."""
    found = _currency_left(mark.rstrip() + "0", 0, len(mark.rstrip()))
    return found[1] if found else "USD"
