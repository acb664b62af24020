"""Figures whose unit is written once for several of them.

"52,000 Kazakh students were enrolled in Russia, against nearly 14,000 in China": the second
figure borrows the first one's unit. "a resident population of about 2.9 million": a count
that a population noun makes a count of people. "the number of students rose to 4,000": a
bare figure that "the number of" gives its noun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from bilat.extract.numbers import parse_number, parse_words
from bilat.extract.quantities import counts_people, last_counted_noun
from bilat.extract.spans import starting_in
from bilat.extract.types import Quantity, QuantityKind, TimeMention

# A figure with thousands separators standing alone: "14,000", "2,500".
_GROUPED = re.compile(r"(?<![\w$€£.,\-])\d{1,3}(?:,\d{3})+(?![\w%.,]\d|[\w%])")
_PEOPLE_BEFORE = re.compile(
    # "a country of 2.4 million": a country counts its people
    r"\b(?:(?:a|the)\s+(?:small\s+|poor\s+|landlocked\s+)?(?:country|nation)\s+of\s+"
    r"(?:about\s+|some\s+|nearly\s+|barely\s+|only\s+)?$)|"
    r"\b(population|inhabitants|residents|people|citizens|nationals|workforce)\s+"
    r"(?:of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+)?"  # "of Kazakhstan"
    r"(of|at|stood at|reached|was|is|numbered|totals?|totalled|passed|topped|exceeded|"
    r"surpassed|hit|rose to|grew to|fell to)\s+(about\s+|some\s+|nearly\s+)?$",
    re.I,
)
_PEOPLE_AFTER = re.compile(
    r"^\s+(of\s+[\w’'., ]{0,30}?\s+)?(people|persons|inhabitants|residents|citizens)\b", re.I
)
# A small figure set against one before it: "2 port calls by A, against 9 by B".
_CONTRASTED = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|and|while|but)\s+"
    r"(?:about\s+|some\s+|only\s+|just\s+|nearly\s+)?"
    r"(?P<n>\d{1,3})(?=\s+(?:with|by|from|in|for|to|at)\s)"
)
_BORROWING_KINDS = {"persons", "count"}
_SMALL_NUMBER = (
    r"\d{1,3}(?:,\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+dozen|dozens|hundreds|thousands"
)
# "17 power plants, 8 of them burning coal": a part of the set counted just before.
_OF_THEM = re.compile(
    rf"(?<![\w$€£.,])(?P<n>{_SMALL_NUMBER})\s+of\s+(?:them|these|those|which|whom)\b", re.I
)
# "Tajik officers train there too: more than 1,000 have passed through": a bare number
# doing a verb counts the set named before it in the sentence.
# (Written to start with a digit and without re.I, so that sre can skip to the digits.)
_NUMBER_DOING = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})*)\s+(?:have|has|had|were|are|was|is|will)\s"
    r"(?!been\s+(?:in|since)\b)"
)
_GLUED_BEFORE = frozenset("$€£.,%-_")
_DIGIT_DOING = re.compile(r"[0-9]\s+(?:ha[sdv]e?|were|are|was|is|will)\s")  # a quick look first
# "Of these soldiers, 2,400 were Russian": a part of the set the words name.
_OF_THESE = re.compile(
    rf"\b[Oo]f\s+(?:these|those|the|them|all)\s*(?P<noun>[a-z]+s)?,\s+"
    rf"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?"
    rf"(?P<n>{_SMALL_NUMBER})(?![\w%]|[.,]\d)"
)
# "the number of Armenian students in the EU to 4,000", "the number of troops stood at 900".
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+s)\b[^.;:!?]{0,60}?\b"
    r"(?:to|at|of|from|reached|was|is|hit|totalled|totaled)\s+"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|around\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d{2,7})(?![\w%]|[.,]\d)",
    re.I,
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def promote_persons(quantity: Quantity, text: str) -> Quantity:
    """A bare count that a population noun qualifies counts people."""
    if quantity.kind != "count" or quantity.noun is not None:
        return quantity
    before = text[max(0, quantity.start - 48) : quantity.start]
    after = text[quantity.end : quantity.end + 48]
    if _PEOPLE_BEFORE.search(before) or _PEOPLE_AFTER.match(after):
        return replace(quantity, kind="persons", unit="persons")
    return quantity


def persons_continued(
    quantities: Sequence[Quantity], sentence_starts: Sequence[int]
) -> list[Quantity]:
    """The quantities (in order), with a bare scaled count after a count of people in the
    same sentence read as people too: "5.2 million tourists came in 2019, against 1.7
    million in 2023"."""
    out: list[Quantity] = []
    people = False
    sentence = -1
    for q in quantities:
        here = bisect.bisect_right(sentence_starts, q.start) - 1
        if here != sentence:
            sentence, people = here, False
        if people and q.kind == "count" and q.noun is None:
            q = replace(q, kind="persons", unit="persons")
        people = q.kind == "persons"
        out.append(q)
    return out


def counted_by_phrase(
    text: str, start: int, end: int, quantities: Sequence[Quantity], times: Sequence[TimeMention]
) -> list[Quantity]:
    """Bare figures that "the number of <noun>" before them makes counts of that noun."""
    if text.find("umber of", start, end) < 0:
        return []  # the common case, decided without the expression
    taken = [(q.start, q.end) for q in starting_in(quantities, start, end)]
    taken += [(t.start, t.end) for t in starting_in(times, start, end)]
    found: list[Quantity] = []
    for match in _NUMBER_OF.finditer(text, start, end):
        a, b = match.span("n")
        if _YEAR.fullmatch(match["n"]) or any(x < b and a < y for x, y in taken):
            continue
        value = parse_number(match["n"])
        if value is None:
            continue
        noun = match["noun"].lower()
        kind: QuantityKind = "persons" if counts_people(noun) else "count"
        found.append(Quantity(a, b, match["n"], value, kind, kind, noun=noun))
    return found


def elliptic_figures(
    text: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    times: Sequence[TimeMention],
) -> list[Quantity]:
    """Bare grouped figures ("14,000"), and small ones set against an earlier figure
    ("against 9 by B"), in a sentence that already counts people or things, taking the unit
    of the figure before them."""
    here = starting_in(quantities, start, end)
    counted = [q for q in here if q.kind in _BORROWING_KINDS]
    if not counted:
        return []
    taken = [(q.start, q.end) for q in here]
    taken += [(t.start, t.end) for t in starting_in(times, start, end)]
    found: list[Quantity] = []
    spans = [m.span() for m in _GROUPED.finditer(text, start, end)]
    spans += [m.span("n") for m in _CONTRASTED.finditer(text, start, end)]
    for a, b in sorted(spans):
        if any(x < b and a < y for x, y in taken):
            continue
        earlier = [q for q in counted if q.end <= a]
        model = max(earlier, key=lambda q: q.end) if earlier else None
        value = parse_number(text[a:b])
        if model is None or value is None:
            continue
        found.append(Quantity(a, b, text[a:b], value, model.unit, model.kind, noun=model.noun))
        taken.append((a, b))
    return found


def partitive_figures(
    text: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    times: Sequence[TimeMention],
) -> list[Quantity]:
    """Parts of a counted set: "17 plants, 8 of them coal-fired" counts plants; "Of these
    soldiers, 2,400 were Russian" counts soldiers (the noun named, else the set before);
    "officers train there: 1,000 have passed" counts the officers named before."""
    expressions = [_NUMBER_DOING] if _DIGIT_DOING.search(text, start, end) else []
    if text.find("of th", start, end) >= 0 or text.find("Of th", start, end) >= 0:
        expressions += [_OF_THEM, _OF_THESE]
    if not expressions:
        return []  # the common case, decided with one quick scan
    here = starting_in(quantities, start, end)
    taken = [(q.start, q.end) for q in here] + [
        (t.start, t.end) for t in starting_in(times, start, end)
    ]
    found: list[Quantity] = []
    for expression in expressions:
        for match in expression.finditer(text, start, end):
            a, b = match.span("n")
            if any(x < b and a < y for x, y in taken) or _YEAR.fullmatch(match["n"]):
                continue
            written = match["n"]
            value = parse_number(written) if written[0].isdigit() else parse_words(written)
            noun = match.groupdict().get("noun")
            if expression is _NUMBER_DOING:
                glued = a > start and (text[a - 1].isalnum() or text[a - 1] in _GLUED_BEFORE)
                noun = None if glued else last_counted_noun(text, start, a)
                if noun is None:
                    continue
            earlier = [q for q in here if q.kind in _BORROWING_KINDS and q.end <= a]
            model = max(earlier, key=lambda q: q.end) if earlier else None
            if value is None or (noun is None and model is None):
                continue
            if noun is not None:
                kind: QuantityKind = "persons" if counts_people(noun) else "count"
            else:
                assert model is not None
                kind, noun = model.kind, model.noun
            found.append(Quantity(a, b, text[a:b], value, kind, kind, noun=noun))
            taken.append((a, b))
    return found
