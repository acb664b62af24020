"""Counted nouns after a number: the people and things a figure counts ("150,000 Central
Asian students", "1,500 pieces of weaponry", "500 Kazakhs", "met 5 times")."""

from __future__ import annotations

import re
from typing import Final

from bilat.extract.wordlists import _CARDINALS, _trie, _words

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
        "settlers colonists emigres descendants presidents leaders ministers bombers veterans "
        "retirees travellers travelers holidaymakers"
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

_NOUN_GAP: Final = frozenset(" \t\u00a0\n")
_NEXT_LINE_LABEL: Final = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*[A-Z]")


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
