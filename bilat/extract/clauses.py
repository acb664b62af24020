"""Where the clauses of a sentence begin and end, and which of them a figure owns.

A sentence often holds more than one figure, and what it says around one of them is not
always about the others: "in Kazakhstan 13 percent (China) to 20 percent (Russia), in
Kyrgyzstan …" gives each figure its own stretch, "…, and remittances to B hit $5 billion"
starts a main clause of its own, and a long aside in brackets is not about the figure
outside it. Attribution reads actors, cue words and times by these bounds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bilat.extract.spans import starting_in
from bilat.extract.types import Quantity, Sentence

# Where a clause ends: a comma, semicolon, colon or dash.
CLAUSE_END = re.compile(r"[,;:–—]\s|\s-\s")
# Where a main clause of its own begins: ", and …", ", while …" (and, for NEW_CLAUSE, ";").
_AND_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s")
NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s")


def figure_clause(
    text: str, quantity: Quantity, quantities: Sequence[Quantity], sentence: Sentence
) -> tuple[int, int]:
    """The stretch of a sentence that belongs to one figure of a list of figures: from the
    figure before it to the first comma or semicolon after it ("in Kazakhstan 13 percent
    (China) to 20 percent (Russia), in Kyrgyzstan ...")."""
    start, end = sentence.start, sentence.end
    inside = starting_in(quantities, sentence.start, sentence.end)
    # "81 %, 74 % and 68 % public support for …": figures listed bare share what follows the
    # last of them, so a figure's clause runs on from the end of its list
    last = quantity
    for other in inside:
        if other.start >= last.end and (
            BARE_LIST.fullmatch(text, last.end, other.start)
            or _PARTITIVE.fullmatch(text, last.end, other.start)
        ):
            last = other
    for other in inside:
        if other is quantity:
            continue
        if other.end <= quantity.start:
            start = max(start, other.end)
        elif other.start >= last.end:
            end = min(end, other.start)
    stop = CLAUSE_END.search(text, last.end, end)
    if stop is None and end < sentence.end:
        # the next figure of a list begins after "and": "7 percent (B) and in C 21 percent"
        stop = next(
            (
                joint
                for joint in _AND_JOINT.finditer(text, last.end, end)
                if not _BETWEEN.search(text, last.end, joint.start())
            ),
            None,
        )
    if start > sentence.start:  # a list of figures: "… for Kyrgyzstan and $865 million for …"
        for joint in _LIST_JOINT.finditer(text, start, quantity.start):
            start = joint.end()
    return (start, stop.start() if stop else end)


_LIST_JOINT = re.compile(r",\s|;\s|\sand\s")
_AND_JOINT = re.compile(r"\sand\s")
BARE_LIST = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
# "over 1 million of Tajikistan's 8 million people live …": a part and its whole share what
# follows them.
_PARTITIVE = re.compile(r"\s+of\s+(?:[\w’']+['’]s?\s+)?")
_BETWEEN = re.compile(r"\bbetween\b", re.I)


# A bracketed aside of three words or more: "(for example, two projects in A were cancelled
# in 2016)". What it names is not what the figure outside it is about, unless the brackets
# follow a figure and annotate it: "16 percent (B - all figures for 2018)".
_ASIDE = re.compile(r"\((?=(?:[^()]*?\s){2})[^()]{1,400}\)")
_FIGURE_BEFORE = re.compile(r"(?:\d|%|percent|per cent)\s*$")


def bracketed_asides(quantity: Quantity, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in _ASIDE.finditer(text, start, end)
        if not m.start() <= quantity.start < m.end()
        and not _FIGURE_BEFORE.search(text, max(start, m.start() - 12), m.start())
    ]


# A word that is most likely a finite verb: a clause that has one says its own thing.
_VERB = re.compile(
    r"\b(?:\w+ed|is|are|was|were|has|have|had|hit|rose|fell|grew|came|stood|made|paid|sent|"
    r"took|gave|keeps?|holds?|gets?|got|runs?|ran|remains?|became|sold|bought|lent|spent|"
    r"built|won|lost|cut|set|put|reach(?:es)?|climbs?|falls?|rises?|grows?|broke|began|"
    r"brought|chose|drew|fought|found|held|kept|led|left|met|said|saw|struck|told|went|"
    r"wrote|swore|shook|split|quit|withdrew|overtook|undertook|forgave|upheld)\b",
    re.I,
)


def has_verb(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a word that is most likely a finite verb."""
    return start < end and _VERB.search(text, start, end) is not None


def main_clause_start(text: str, start: int, figure: int, end: int) -> int:
    """Where the main clause that holds the figure begins: after the last ", and …" before
    it, if the clause from there to `end` has a verb of its own; else at `start`."""
    boundaries = list(_AND_CLAUSE.finditer(text, start, figure))
    if boundaries and has_verb(text, boundaries[-1].end(), end):
        return boundaries[-1].start() + 1
    return start


def own_clause(text: str, start: int, figure: int) -> bool:
    """Whether a main clause with a verb of its own begins between `start` and the figure:
    "… in Germany and Austria, and remittances to Serbia reached €4.2 billion"."""
    boundaries = list(_AND_CLAUSE.finditer(text, start, figure))
    return bool(boundaries) and _VERB.search(text, boundaries[-1].end(), figure) is not None


# Who a figure is attributed to: "according to Russian migration data", "by Moscow's count",
# ", the Kremlin says." A source named there is not a side of the figure.
_SOURCE = re.compile(
    r"\baccording\s+to\s+[^,.;:]{1,60}"
    r"|\bby\s+[\w’' -]{1,30}?['’]s?\s+(?:own\s+)?(?:count|estimates?|figures|data|reckoning|"
    r"calculations?)\b",
    re.I,
)
# ", the trade ministry in Ankara says.": found from the verb, then back to the comma.
_SAYING = ("say", "said", "report", "estimate", "claim")
_SAYS = re.compile(r"\s(?:says?|said|reports?|reported|estimates?|claims?)(?=\s*[,.;]|\s*$)", re.I)


def sources(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text[start:end] that name where its figures come from."""
    return list(_sources(text, start, end))


@lru_cache(maxsize=16)  # every figure of a sentence asks; most sentences name no source
def _sources(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    lowered = text[start:end].lower()
    found: list[tuple[int, int]] = []
    if "according" in lowered or "by " in lowered:
        found += [(m.start(), m.end()) for m in _SOURCE.finditer(text, start, end)]
    if not any(verb in lowered for verb in _SAYING):
        return tuple(found)
    for verb in _SAYS.finditer(text, start, end):
        comma = text.rfind(",", start, verb.start())
        if (
            comma >= 0
            and verb.start() - comma <= 52
            and not _STOPS.search(text, comma + 1, verb.start())
        ):
            found.append((comma, verb.end()))
    return tuple(found)


_STOPS = re.compile(r"[.;:]")
