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
  A fraction of something is a percentage ("two thirds of the imports" -> 66.7, "nearly
  half of" -> 50 approx); a fraction of a period ("the first half of 2016", "a quarter of a
  century") is not a quantity. "shrank ten-fold" is a change of -90 percent.
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

Modules: `wordlists` (word lists as regexes, cardinal words), `units` (units, currencies
and the scale after a number), `qualifiers` (qualifier and change cue left of a number),
`counted` (counted nouns), `number_words` (numbers in words, fractions, folds, ratios) and
`digits` (numbers in digits and ranges); this module finds the anchors and reads them.
"""

from __future__ import annotations

import re
from typing import Final

from bilat.extract.counted import counts_people, last_counted_noun
from bilat.extract.digits import _NUM, _from_digits
from bilat.extract.number_words import _from_words
from bilat.extract.qualifiers import _QUALS
from bilat.extract.types import Quantity
from bilat.extract.wordlists import _CARDINALS, _trie, _words

__all__ = ["counts_people", "find_quantities", "last_counted_noun"]

_ANCHOR_WORDS: Final = [
    *_CARDINALS,
    *_words("hundreds thousands millions billions trillions dozens tens several"),
    *_words("half third thirds quarter quarters fifth fifths"),
]

_ANCHOR_FORMS: Final = [w for word in _ANCHOR_WORDS for w in (word, word.capitalize())]
_FIRST: Final = "".join(sorted({w[0] for w in _ANCHOR_FORMS}))
# The lookahead lets sre skip quickly over characters that cannot start an anchor, and the
# look-behind over those inside a word (a number glued to a letter is no figure either).
_ANCHOR: Final = re.compile(
    rf"(?=[0-9{_FIRST}])(?<![A-Za-z0-9])(?:(?P<d>{_NUM})|\b(?P<w>{_trie(_ANCHOR_FORMS)})(?:fold)?\b)"
)

_LIST_GAP: Final = re.compile(
    rf"(?i)(?:\]\([^)\s]*\))?[*_)\]]*\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)"
    rf"(?:{_QUALS}\s*)?[\[*_]{{0,2}}"
)


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
