"""The words left of a number: its qualifier ("about", "more than", "up to") and its change
cue ("fell by", "an increase of", "down"), or a change noun after it ("a 28% drop")."""

from __future__ import annotations

import re
from typing import Final

from bilat.extract.types import QuantityKind
from bilat.extract.wordlists import _trie, _words
from bilat.model import Qualifier

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
