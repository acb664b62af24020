"""Splitting text into sentences with exact character offsets.

The splitter never walks the text character by character: one compiled regular expression
finds the few places where a sentence may end (a terminal mark followed by space, a line
break), and only those are judged in Python. That keeps it well above 10 MB/s on prose.
"""

from __future__ import annotations

import re

from bilat.extract.types import Sentence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A place where a sentence may end: terminal marks, the quotes or brackets closing over them,
# and digits glued on as a footnote marker ("in 2017.44 Next"); or a line break.
_MARKS = ".!?…‼⁇⁈⁉"
_CANDIDATE = re.compile(
    # One character class first lets the regex engine skip quickly to the next candidate.
    r"[.!?…‼⁇⁈⁉\n]"
    r"(?:(?<=\n)(?P<blank>[ \t\r\f\v\u00a0]*\n)?"
    r"|(?<!\n)[.!?…‼⁇⁈⁉]*(?P<close>[\"'”’»›)\]]*)(?P<note>\d{1,3}[\"'”’»)\]]*)?(?=\s|\Z))"
)
_NEXT_WORD = re.compile(r"\s*[\"'“‘«(\[]*(\S?)(\w*)")
_OPENERS = "\"'“‘«([{"
_CLOSERS = "\"'”’»›)]}"

# Never end a sentence: a title before a name, a Latin abbreviation before an example.
_HARD = _words(
    "dr mr mrs ms mssrs prof st gen lt col sen rep gov capt maj sgt adm rev hon pres amb "
    "cmdr gen brig messrs mt ft e.g i.e eg ie cf vs v viz approx ca c fig figs "
    "resp incl esp"
)
# Before a number they never end a sentence ("No. 5", "pp. 12-14"); elsewhere they may.
_BEFORE_NUMBER = _words("no nos vol vols pp p para paras ch chap sec art arts ed eds op")
# End a sentence only before a word that usually opens one ("in the U.S. The next day").
_SOFT = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co bros jr sr a.m p.m "
    "ph.d est dept univ govt intl assn al"
)
_STARTERS = _words(
    "the this that these those there it its in on at by for from with without but and or "
    "however moreover meanwhile furthermore nevertheless nonetheless he she they we i you a an "
    "as if when while after before since although though despite yet so thus therefore still "
    "such some many most all according his her their our what why how who which where only "
    "also one both each another other not no instead indeed then today now"
)
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")  # "U.S", "e.g", "H.W" before the last dot
# Lines ending in these (or in a lower-case function word) continue on the next line.
_CONTINUES = frozenset(",;(&/")
_FUNCTION_WORDS = _words(
    "the of and to in a an for with by on at from as that which or its their is are was were "
    "has have be been between than into over under"
)
_WRAPPED_LINE = 70  # a line this long ending mid-phrase is hard-wrapped prose, not a heading


def _last_word(text: str, lo: int, position: int) -> str:
    """The token ending at position (without opening quotes or brackets)."""
    parts = text[max(lo, position - 40) : position].rsplit(None, 1)
    return parts[-1].lstrip(_OPENERS) if parts else ""


def _is_abbreviation_stop(text: str, lo: int, stop: int, end: int) -> bool:
    """Whether the period at `stop` closes an abbreviation rather than the sentence."""
    word = _last_word(text, lo, stop)
    if not word:
        return False
    key = word.lower()
    nxt = _NEXT_WORD.match(text, stop + 1, end)
    first, rest = (nxt.group(1), nxt.group(2)) if nxt else ("", "")
    if key in _HARD:
        return True
    if key == "etc":
        return not (first.isupper() or first.isdigit())
    if key in _BEFORE_NUMBER:
        return first.isdigit()
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith", "Halford J. Mackinder"
        return True
    if key in _SOFT or _DOTTED.match(word):
        return (first + rest).lower() not in _STARTERS
    return False


def _opens_sentence(text: str, position: int, end: int) -> bool:
    """Whether what follows position can start a new sentence (not lower case, not ", ; :")."""
    found = _NEXT_WORD.match(text, position, end)
    if found is None or not found.group(1):
        return True  # nothing follows: the end of the span
    first = found.group(1)
    return not (first.islower() or first in ",;:.)]}%")


_BULLET_LINE = re.compile(r"[ \t\u00a0]*[•▪◦●‣∙·]\s")


def _line_continues(text: str, lo: int, newline: int, end: int) -> bool:
    """Whether a line without closing punctuation runs on into the next (wrapped prose)."""
    line_start = text.rfind("\n", lo, newline) + 1
    line = text[max(line_start, lo) : newline].rstrip()
    if not line:
        return True  # an empty line: a blank-line break is handled on its own
    last = line[-1]
    if last in _MARKS or (last in _CLOSERS and len(line) > 1 and line[-2] in _MARKS):
        return True  # a terminal mark: the stop candidate already decided
    if _BULLET_LINE.match(text, newline + 1, end):
        return False  # each item of a bulleted list is read on its own
    nxt = _NEXT_WORD.match(text, newline + 1, end)
    first = nxt.group(1) if nxt else ""
    if not first:
        return True
    if first.islower():
        return True
    if last in _CONTINUES:
        return True
    words = line.rsplit(None, 1)
    if words and words[-1] in _FUNCTION_WORDS:
        return True
    return len(line) >= _WRAPPED_LINE and last.islower() and first.isalpha()


def _note_is_footnote(text: str, lo: int, stop: int) -> bool:
    """Digits after a period are a footnote marker when the period ends a word or a year."""
    word = _last_word(text, lo, stop)
    core = word.rstrip(_CLOSERS)
    if core.isdigit():
        return len(core) == 4 and core == word  # "in 2017.44": a year; "12.9" is a decimal
    return bool(word) and (word[-1].isalpha() or word[-1] in _CLOSERS)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end], in order, with offsets into text.

    Each sentence is trimmed of surrounding white space. A blank line always ends a sentence;
    so does a heading or table row (a line without closing punctuation).
    """
    length = len(text)
    end = length if end is None else max(0, min(end, length))
    start = max(0, min(start, end))
    if start >= end:
        return []
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text, start, end):
        stop = m.start()
        if text[stop] == "\n":
            if m.group("blank") is not None or not _line_continues(text, start, stop, end):
                cuts.append(stop)
            continue
        marks = text[stop : m.start("close")]
        if m.group("note") is not None:
            # The digits must be a footnote marker before a new sentence, not a decimal.
            if (
                marks == "."
                and _note_is_footnote(text, start, stop)
                and _opens_capitalised(text, m.end(), end)
            ):
                cuts.append(m.end())
            continue
        if not _opens_sentence(text, m.end(), end):
            continue
        if marks == "." and _is_abbreviation_stop(text, start, stop, end):
            continue
        cuts.append(m.end())
    cuts.append(end)
    sentences: list[Sentence] = []
    position = start
    for cut in cuts:
        if cut <= position:
            continue
        chunk = text[position:cut]
        stripped = chunk.strip()
        if stripped:
            offset = position + (len(chunk) - len(chunk.lstrip()))
            sentences.append(Sentence(offset, offset + len(stripped)))
        position = cut
    return sentences


def _opens_capitalised(text: str, position: int, end: int) -> bool:
    found = _NEXT_WORD.match(text, position, end)
    if found is None or not found.group(1):
        return True
    first = found.group(1)
    return first.isupper() or first.isdigit()
