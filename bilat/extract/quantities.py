"""Find the measures written in a text: money, percentages, people and things counted,
distances, gas volumes, masses and durations, with ranges, approximations and changes.

Rule-based and fast: one anchor regex finds digits and number words, and each anchor is
read with a few anchored regexes on its neighbourhood (no per-character Python loops).

Conventions (the Quantity contract is in bilat.extract.types):

- Span. start/end cover the number and what measures it: the currency mark or code
  ("US$333 million", "USD 1.5bn", "1.5 billion dollars"), the scale word, the unit
  ("30 billion cubic meters", "7,500-kilometer") or the counted noun with its modifiers
  ("150,000 Central Asian students", "1,500 pieces of weaponry"). Qualifier words ("about",
  "more than", "between", "fell by") stay outside the span; they only set the qualifier.
- A range ("between 500,000 and 1 million", "30,000-50,000 troops", "$1-2 billion",
  "from 5 to 10 percent") is one Quantity from its first number to its last unit;
  value is the low end, value_max the high end. The low side borrows the high side's unit,
  and its scale when its own figure is smaller ("$1-2 billion" -> 1e9..2e9, but "500,000 and
  1 million" -> 5e5..1e6). A "range" whose low end exceeds its high end is read as two
  figures.
- Qualifiers: about/around/approximately/roughly/some/nearly/almost/close to/(an) estimated/
  circa/~ -> "approx"; more than/over/above/at least/in excess of/upwards of/exceeding ->
  "at_least"; up to/less than/fewer than/under/below/at most/no more than/as many as ->
  "at_most". A change ("fell by 28%", "an increase of 6 %", "a 28% drop", "down 16 %") has
  qualifier "change" and a signed value; this replaces any approximation ("dropped by nearly
  half" -> -50 percent, "change"). A verb governs a list: in "has fallen by 19 % and 16 %"
  both are changes. A signed percentage or amount ("+5%", "(-3 %)") is a change too, and its
  sign is in the span. A verb without "by" ("grew 5%", "down 16 %") marks a change of a
  percentage or an amount only, so "set up 12 joint ventures" stays a count.
- Vague amounts: "billions of dollars" is the least amount that fits, twice the scale,
  qualifier "at_least" (2e9 USD); likewise "thousands of troops" (2000 persons), "tens of
  thousands of" (2e4), "dozens of" (24), "several hundred"/"a few thousand" (2 x scale).
  Fractions are percentages only when qualified or a change: "nearly half of" -> 50 percent
  approx; "in the first half of 2016" is not a quantity.
- Units: ISO 4217 codes for money (value in base units); percent; persons (people nouns,
  demonyms such as "Kazakhs", "of whom") or count with the head noun lower-cased (noun None
  for a bare scaled figure such as "16,3 million"); km or miles; bcm (values in billions of
  cubic metres: "30 bcm", "30 bn m3", "500 million cubic meters" -> 0.5); tonnes; years,
  months, days (weeks become days, decades years). "¥" is CNY unless "yen" is near.
  "a 2,000-strong force" is 2000 persons; "one in five workers" is 20 percent.
- Not emitted: a bare number (no unit, scale, currency or counted noun), hence years, dates,
  table ranks, page ranges and list numbering; numbers glued to letters or punctuation
  (footnote markers "Russia.12", codes "G20", "Su-25", "S-400", ordinals "201st", decades
  "1990s"), clock times and ratios ("10:30"), numbers after reference words ("p.", "No.",
  "vol.", "Table"), numbers inside URLs, four-digit years before a noun ("2016 prices")
  unless qualified ("some 2000 troops"), areas ("square kilometres").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from bilat.extract.numbers import (
    FRACTIONS,
    SCALE_EXPONENTS,
    normalise_digits,
    parse_number,
    parse_words,
    scaled,
)
from bilat.extract.types import Quantity, QuantityKind
from bilat.model import Qualifier

__all__ = ["find_quantities"]


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of words factored as a trie, which sre scans far faster than a
    flat alternation. A space in a word matches any run of whitespace."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _words(spec: str) -> list[str]:
    return spec.split()


# --- vocabulary ---------------------------------------------------------------------------

_CARDINALS: Final = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen"
)
_ANCHOR_WORDS: Final = [
    *_CARDINALS,
    *_words("hundreds thousands millions billions trillions dozens tens several"),
    *_words("half third thirds quarter quarters fifth fifths"),
]
_VAGUE: Final[dict[str, float]] = {
    "tens": 10.0,
    "dozens": 12.0,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}

_PEOPLE: Final[frozenset[str]] = frozenset(
    _words(
        "people persons migrants immigrants emigrants workers labourers laborers "
        "troops soldiers servicemen personnel staff students residents citizens users refugees "
        "nationals officers cadets employees inhabitants civilians fighters militants jihadists "
        "tourists visitors pilgrims children men women voters respondents speakers pensioners "
        "police policemen guards officials diplomats experts specialists engineers doctors "
        "teachers farmers prisoners detainees victims casualties individuals adults youths "
        "graduates scholars researchers delegates volunteers contractors mercenaries "
        "peacekeepers recruits conscripts sailors paratroopers marines returnees expatriates "
        "expats muslims christians passengers patients inmates traders entrepreneurs "
        "businessmen journalists activists protesters demonstrators supporters opponents "
        "servicemembers commandos instructors advisers advisors participants attendees "
        "applicants pupils believers minorities deportees evacuees "
        "settlers colonists emigres descendants presidents leaders ministers bombers"
    )
)
_THINGS: Final[frozenset[str]] = frozenset(
    _words(
        "agreements treaties contracts deals memoranda memorandums documents accords protocols "
        "projects ventures companies firms enterprises businesses banks factories plants "
        "facilities bases installations sites aircraft airplanes planes jets helicopters tanks "
        "vehicles missiles drones ships vessels warships submarines weapons weaponry pieces "
        "units items systems launchers guns rifles rounds shells warheads munitions exercises "
        "drills maneuvers manoeuvres visits meetings summits schools universities scholarships "
        "grants loans hospitals pipelines wells fields deposits mines barrels cars trucks "
        "wagons trains flights routes roads railways containers cases incidents attacks "
        "arrests deaths killings explosions crimes goods products households families "
        "villages cities towns regions provinces districts posts checkpoints outposts dams "
        "stations reactors airports ports seats votes applications permits visas licences "
        "licenses channels newspapers outlets mosques churches embassies consulates offices "
        "branches centres centers divisions brigades battalions regiments sorties strikes "
        "animals sheep cattle livestock languages books titles websites initiatives "
        "programmes programs laws decrees resolutions sanctions investors partners countries "
        "states nations members sets types kinds batches consignments shipments tranches "
        "republics organizations organisations alliances blocs parties coups radars "
        "jets links calls zones priorities aims goals targets carriers"
    )
)
_PARTITIVE: Final[frozenset[str]] = frozenset(
    _words("pieces units items sets types kinds batches consignments shipments tranches")
)
# Plural-looking words that are not counted nouns after a number.
_NOT_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        "is was has does goes seems means remains shows appears includes makes takes needs "
        "gets says lies stands comes becomes plays sees keeps holds accounts amounts represents "
        "marks puts looks always perhaps whereas thus plus minus versus across unless besides "
        "towards afterwards nevertheless as its his hers ours yours theirs this us times "
        "percents sums soms tons miles years months days weeks decades hours minutes seconds "
        "whereas thereafter less cents pence pounds dollars euros rubles roubles manats soums "
        "tonnes kms bns mns amongst among alongs"
    )
)

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
_CODES: Final = (
    "USD EUR GBP JPY CNY RMB RUB RUR KZT KGS TJS TMT UZS CAD AUD NZD CHF INR TRY AFN IRR PKR "
    "AZN GEL AMD BYN UAH MNT KRW HKD SGD SEK NOK DKK PLN BRL"
)
_CODE_SET: Final = frozenset(_CODES.split())
_CODE_RE: Final = "|".join(_CODES.split())

# --- regexes ------------------------------------------------------------------------------

# A written number: thousands by ",", spaces or (twice) "."; a decimal part by "." or ",".
_NUM: Final = (
    r"[0-9]{1,3}(?:(?:,[0-9]{3})+(?:\.[0-9]+)?"
    r"|(?:[ \u00a0\u2009\u202f][0-9]{3})+(?:\.[0-9]+|,[0-9]{1,2}(?![0-9]))?"
    r"|(?:\.[0-9]{3}){2,}(?:,[0-9]+)?"
    r"|(?:\.[0-9]{3})+,[0-9]{1,2}(?![0-9]))(?![0-9])"
    r"|[0-9]+(?:[.,][0-9]+)?"
)
_ANCHOR_FORMS: Final = [w for word in _ANCHOR_WORDS for w in (word, word.capitalize())]
_FIRST: Final = "".join(sorted({w[0] for w in _ANCHOR_FORMS}))
# The lookahead lets sre skip quickly over characters that cannot start an anchor, and the
# look-behind over those inside a word (a number glued to a letter is no figure either).
_ANCHOR: Final = re.compile(
    rf"(?=[0-9{_FIRST}])(?<![A-Za-z0-9])(?:(?P<d>{_NUM})|\b(?P<w>{_trie(_ANCHOR_FORMS)})(?:fold)?\b)"
)

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
_CURRENCY_LEFT: Final = re.compile(
    rf"""
    (?:(?<![A-Za-z.])(?P<pre>US|U\.S\.|CA|Can|C|AU|A|NZ|HK|S|R)\s?)?\\{{0,2}}(?P<sym>[$€£¥₽₸₹])\s{{0,2}}\Z
    |(?<![A-Za-z])(?P<code>{_CODE_RE})\s{{0,2}}\Z
    """,
    re.VERBOSE,
)
_KNOWN_NOUNS: Final = _trie(sorted(_PEOPLE | _THINGS))
_STOP: Final = (
    r"(?:of|in|on|at|to|for|from|by|with|the|a|an|and|or|was|were|is|are|be|been|has|have|"
    r"had|that|which|who|whom|this|these|those|than|as|per|each|its|their|his|her|over|under|"
    r"into|since|until|while|but|not|also|more|less|only|about|around|between|after|before)\b"
)
_CARDINAL_WORD: Final = rf"(?:{_trie(_CARDINALS)})\b"  # "… and four …" starts a new figure
# A counted noun: up to five modifiers, then a known noun or a demonym plural.
_NOUN: Final = re.compile(
    rf"""
    [ \t\u00a0\n]{{1,2}}
    (?:(?:and\s+|or\s+)?(?!{_STOP}|{_CARDINAL_WORD})[A-Za-z][A-Za-z0-9’'\-‐‑–]*\s+){{0,5}}?
    (?P<head>{_KNOWN_NOUNS})(?![A-Za-z\-])(?![ ]+(?:{_KNOWN_NOUNS})\b)  # "personnel carriers"
    (?:\s+of\s+(?P<of>[A-Za-z][a-z\-]+))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_KNOWN_NOUN_WORD: Final = re.compile(rf"\b({_KNOWN_NOUNS})\b", re.IGNORECASE)
_FOLD: Final = re.compile(r"(?P<fold>[\-‐‑]?fold)\b(?:\s+(?P<after>[A-Za-z]+))?", re.IGNORECASE)
_OF_THE_NOUN: Final = re.compile(
    rf"\s+of\s+(?:the|these|those|its|their)\s+(?P<head>{_KNOWN_NOUNS})(?![A-Za-z\-])",
    re.IGNORECASE,
)
# A demonym plural after a number: "500 Kazakhs"; "Chinese", "Turkmen", "Kyrgyz" are also
# adjectives, so they count only when no word follows ("2,000 Kyrgyz were ...").
_DEMONYM_NOUN: Final = re.compile(
    rf"""
    [ \t\u00a0\n]{{1,2}}(?:(?:ethnic|native|young|former)\s+)?
    (?P<dem>[A-Z][a-z]+(?:ans|iks|eks|aks|akhs|urks|tars|ghurs|anis
        |nis|qis|lis|dis|shis)(?![A-Za-z])
      |[A-Z][a-z]+(?:ese|men|yz)(?=\s*(?:[^A-Za-z\s]|\Z)|\s+(?i:{_STOP})))
    """,
    re.VERBOSE,
)
_TIMES: Final = re.compile(
    r"[ \u00a0](?P<times>times)\b(?![ \u00a0]+(?:more|less|fewer|larger|higher|bigger|greater"
    r"|smaller|lower|as|the|that|what|its|their|over|faster|cheaper)\b)(?![-‐‑])",
    re.IGNORECASE,
)
_GENERIC: Final = re.compile(r"[ \u00a0]{1,2}(?P<gen>[a-z][a-z\-]{2,}s)(?![A-Za-z])")

_NEG_VERBS: Final = frozenset(
    _words(
        "fell fallen falls fall falling dropped drops drop dropping declined declines decline "
        "declining decreased decreases decrease decreasing shrank shrunk shrinks shrink "
        "shrinking contracted plunged plummeted slumped slid dipped sank sunk tumbled lost "
        "reduced cut slashed"
    )
)
_POS_VERBS: Final = frozenset(
    _words(
        "rose risen rises rise rising grew grown grows grow growing increased increases "
        "increase increasing climbed jumped soared surged gained expanded raised"
    )
)
_NEG_NOUNS: Final = frozenset(
    _words("decline decrease drop fall reduction cut contraction loss slump plunge")
)
_POS_NOUNS: Final = frozenset(_words("increase rise growth gain jump surge hike"))
_QUALIFIERS: Final[dict[str, Qualifier]] = {
    **dict.fromkeys(
        [
            *_words("about around approximately approx. roughly some nearly almost"),
            *_words("estimated circa ca. c. ~"),
            "close to",
            "an estimated",
        ],
        "approx",
    ),
    **dict.fromkeys(
        [
            *_words("over above exceeding"),
            *["more than", "at least", "in excess of", "upwards of", "just over", "well over"],
        ],
        "at_least",
    ),
    **dict.fromkeys(
        [
            *_words("under below"),
            *["up to", "less than", "fewer than", "at most", "no more than", "not more than"],
            *["just under", "as many as", "as much as"],
        ],
        "at_most",
    ),
}
_QUALS: Final = _trie(_QUALIFIERS)
# Verbs before which "up" is a particle, not a rise: "made up 32 percent".
_NOT_UP: Final = frozenset(_words("made make makes making took take takes taking set sets end"))
_CUE_PUNCT: Final = "([“\"'*_"
_CHANGE_AFTER: Final = re.compile(
    rf"(?i)[\])*_]{{0,2}}\s(?:year-on-year\s+|annual\s+|y/y\s+)?"
    rf"(?P<noun>{_trie(_NEG_NOUNS | _POS_NOUNS)})\b"
)
_LIST_GAP: Final = re.compile(
    rf"(?i)(?:\]\([^)\s]*\))?[*_)\]]*\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)"
    rf"(?:{_QUALS}\s*)?[\[*_]{{0,2}}"
)
_REFERENCES: Final = frozenset(
    _words(
        "p pp no nos vol vols art arts fig figs para paras ch sec sect ed eds op cit page pages "
        "table figure chapter section article paragraph volume issue annex appendix item "
        "footnote note"
    )
)
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
_HYPHENS: Final = "-‐‑–—"
_RIGHT_GAP: Final = frozenset(" \t\u00a0\n%\\-‐‑–")
_NOUN_GAP: Final = frozenset(" \t\u00a0\n")
_NEXT_LINE_LABEL: Final = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*[A-Z]")
_RANGE_GAP: Final = frozenset(" -‐‑–—\t\u00a0\n")
_GLUE_LEFT: Final = frozenset(".,;:)]”’/#№_=@&%<>|\\")
_BIG_WORDS: Final = frozenset(("thousand", "million", "billion", "trillion"))

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


# --- reading one quantity -----------------------------------------------------------------


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


class _Noun:
    __slots__ = ("end", "noun", "persons")

    def __init__(self, noun: str, end: int, persons: bool) -> None:
        self.noun = noun
        self.end = end
        self.persons = persons


def _noun_at(text: str, pos: int, hi: int, generic: bool) -> _Noun | None:
    """The counted noun after pos ("troops", "Central Asian students"), or None.

    generic: also accept any lower-case plural right after the number ("12 reasons").
    """
    if pos >= hi or text[pos] not in _NOUN_GAP:
        return None  # "2016,", "2016)": the common case, decided without a regex
    if _NEXT_LINE_LABEL.match(text, pos, hi):
        return None  # a table cell ends its line: "612\nUnited States 667" names a new row
    m = _NOUN.match(text, pos, hi)
    if m is not None:
        head = m["head"].lower()
        of = m["of"]
        if head in _PARTITIVE and of:
            # "1,500 pieces of weaponry": the thing counted is the weaponry.
            return _Noun(of.lower(), m.end("of"), of.lower() in _PEOPLE)
        # "six MiG-29 fighters": a model name makes them machines, not people
        model = any(c.isdigit() for c in text[pos : m.start("head")])
        return _Noun(head, m.end("head"), head in _PEOPLE and not model)
    d = _DEMONYM_NOUN.match(text, pos, hi)
    if d is not None:
        return _Noun(d["dem"].lower(), d.end("dem"), True)
    t = _TIMES.match(text, pos, hi)
    if t is not None:  # "met 5 times": how often; not "5 times more", "3 times the size"
        return _Noun("times", t.end("times"), False)
    if generic:
        g = _GENERIC.match(text, pos, hi)
        if g is not None:
            word = g["gen"]
            if word not in _NOT_NOUNS and not word.endswith(("ss", "us", "is")):
                return _Noun(word, g.end("gen"), word in _PEOPLE)
    return None


def _partitive_noun(text: str, pos: int, hi: int) -> _Noun | None:
    """The noun of "three of the countries": a count of a set named just before (not "one
    of the largest", which ranks)."""
    m = _OF_THE_NOUN.match(text, pos, hi)
    if m is None:
        return None
    head = m["head"].lower()
    return _Noun(head, m.end("head"), head in _PEOPLE)


def last_counted_noun(text: str, start: int, end: int) -> str | None:
    """The last noun of a countable kind ("officers", "zones") in text[start:end]."""
    nouns = _KNOWN_NOUN_WORD.findall(text, start, end)
    return nouns[-1].lower() if nouns else None


def counts_people(noun: str) -> bool:
    """Whether a counted noun ("students", "troops") counts people."""
    return noun.lower() in _PEOPLE


class _Left:
    """What precedes a quantity: qualifier, change sign, "between"/"from"."""

    __slots__ = ("btw", "plain_change", "qualifier", "sign")

    def __init__(self) -> None:
        self.qualifier: Qualifier = "exact"
        self.sign = 0  # -1 fall, +1 rise, 0 no change cue
        self.plain_change = False  # "down 16 %", "grew 5%": a cue without "by"/"of"
        self.btw: str | None = None


def _left_at(text: str, lo: int, pos: int) -> _Left:
    """Read the few words before pos (dictionary look-ups: faster than a regex search)."""
    left = _Left()
    begin = max(lo, pos - 40)
    chunk = text[begin:pos].rstrip("[*_(")
    words = chunk.lower().split()
    if not words:
        return left
    if begin > lo and not text[begin - 1].isspace():
        del words[0]  # cut in the middle
        if not words:
            return left
    if chunk[-1] == "~":
        left.qualifier = "approx"
        words[-1] = words[-1][:-1]
        if not words[-1]:
            words.pop()
    elif not chunk[-1].isspace():
        return left  # glued to a word: no cue
    else:
        for k in (4, 3, 2, 1):
            if len(words) >= k:
                qualifier = _QUALIFIERS.get(" ".join(words[-k:]).lstrip(_CUE_PUNCT))
                if qualifier is not None:
                    left.qualifier = qualifier
                    del words[-k:]
                    break
    if not words:
        return left
    last = words[-1].lstrip(_CUE_PUNCT)
    if last in ("between", "from"):
        left.btw = last
        if left.qualifier != "exact":
            left.qualifier = "approx"  # "between less than 4 and a maximum of 10"
        return left
    before = words[-2].lstrip(_CUE_PUNCT) if len(words) >= 2 else ""
    cue = ""
    if last == "by":
        cue = before  # "fell by", "down by"
    elif last == "of" and (before in _NEG_NOUNS or before in _POS_NOUNS):
        cue = before
    elif last in ("up", "down"):
        if before not in _NOT_UP:
            cue = last
        left.plain_change = True
    elif last in _NEG_VERBS or last in _POS_VERBS:
        cue = last
        left.plain_change = True
    if cue in _NEG_VERBS or cue in _NEG_NOUNS or cue == "down":
        left.sign = -1
    elif cue in _POS_VERBS or cue in _POS_NOUNS or cue == "up":
        left.sign = 1
    return left


def _is_reference(text: str, lo: int, s: int) -> bool:
    """Whether the number at s follows "p.", "No.", "vol.", "Table", "#" ..."""
    chunk = text[max(lo, s - 12) : s].rstrip()
    if not chunk:
        return False
    if chunk[-1] in "#№§":
        return True
    words = chunk.split()
    return bool(words) and words[-1].rstrip(".").lower() in _REFERENCES


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


def _qualify(
    text: str, hi: int, left: _Left, kind: QuantityKind, end: int
) -> tuple[Qualifier, int]:
    """The qualifier and sign (+1/-1 for a change, else 0) of a quantity."""
    sign = left.sign
    if sign and left.plain_change and kind in ("count", "persons"):
        sign = 0  # "set up 12 joint ventures" is no change; "grew by 12 ..." is
    if not sign and kind in ("percent", "money"):
        after = _CHANGE_AFTER.match(text, end, hi)
        if after is not None:
            sign = -1 if after["noun"].lower() in _NEG_NOUNS else 1  # "a 28% drop"
    if sign:
        return "change", sign
    return left.qualifier, 0


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


def _from_digits(text: str, s: int, e: int, lo: int, hi: int) -> Quantity | None:
    """The quantity whose number is written in digits at text[s:e], or None."""
    if _glued_left(text, lo, s):
        return None
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
        if phrase.split()[0].split("-")[0] in ("hundred", "dozen", *_BIG_WORDS):
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


def _propagate_changes(text: str, found: list[Quantity]) -> list[Quantity]:
    """A change verb governs a list: "fell by 19 % and 16 %" makes both changes."""
    for i in range(1, len(found)):
        prev, q = found[i - 1], found[i]
        if prev.qualifier != "change" or q.qualifier == "change" or q.unit != prev.unit:
            continue
        if _LIST_GAP.fullmatch(text, prev.end, q.start) is None:
            continue
        sign = -1.0 if prev.value < 0 else 1.0
        value_max = sign * abs(q.value_max) if q.value_max is not None else None
        found[i] = Quantity(
            q.start, q.end, q.text, sign * abs(q.value), q.unit, q.kind, value_max, "change", q.noun
        )
    return found


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """The quantities in text[start:end], sorted and non-overlapping, offsets into text."""
    lo = max(0, start)
    hi = len(text) if end is None else max(lo, min(end, len(text)))
    found: list[Quantity] = []
    last_end = lo
    for m in _ANCHOR.finditer(text, lo, hi):
        s = m.start()
        if s < last_end:
            continue  # inside the previous quantity ("1.5 million": the "million")
        if m.lastgroup == "d":
            q = _from_digits(text, s, m.end(), lo, hi)
        else:
            q = _from_words(text, s, lo, hi)
        if q is None or q.start < last_end:
            continue
        found.append(q)
        last_end = q.end
    return _propagate_changes(text, found) if found else found
