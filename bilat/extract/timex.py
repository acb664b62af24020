"""Times written in a text: years, months, days, intervals and times relative to the dateline.

Every time expression holds an anchor: four digits of a year, or the word "year" / "decade"
(or "FY"). A cheap regular expression finds the anchors, and the full grammar is tried only
in a short window around each, so the module runs at tens of MB/s. A time is never taken
from the document's date unless the text refers to it ("last year", "since 2009").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from bilat.extract.numbers import WORD_VALUES
from bilat.extract.types import TimeMention
from bilat.model import Precision, TimeRef

# Starts with one character class so the regex engine can skip ahead quickly.
_ANCHOR = re.compile(r"[12dDyYF](?:(?<=1)9\d\d|(?<=2)0\d\d|(?<=[yY])ears?|(?<=[dD])ecade|(?<=F)Y)")
_BEFORE = 48  # how far before an anchor an expression may start ("between the end of May ...")
_AFTER = 96  # and how far after it it may run
_MAX_WORDS = 8  # and how many words before it
_WORD = re.compile(r"\(|\w+")

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Counts of years or months written as words ("two years ago"), up to twenty.
_NUMBERS = {"a": 1, "an": 1, **{w: n for w, n in WORD_VALUES.items() if 0 < n <= 20}}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}

_NUM = r"(?:" + "|".join(_NUMBERS) + r"|\d{1,2})"
_MONTH = r"\b(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
# A year stands alone: not part of a longer number, an amount or a code. Digits glued after a
# period are a footnote marker when a capitalised word follows ("in 2017.44 The ...").
_YEAR_RIGHT = (
    r"(?![\w%])(?!,\d)(?!\.\d(?!\d{0,2}[\"'”’)\]]*(?:(?-i:\s+[A-Z\"“(\[])|[ \t]*\n|[ \t]*\Z)))"
)
_YEAR_LEFT = r"(?<![\w$€£¥#/+])(?<!\d[.,\-–/])"


def _year(name: str, left: bool = True, right: bool = True) -> str:
    """A year in a named group; `left`/`right`: guarded on that side (else only from digits)."""
    return (
        (_YEAR_LEFT if left else r"(?<!\d)")
        + rf"(?P<{name}>(?:19|20)\d\d)"
        + (_YEAR_RIGHT if right else r"(?!\d)")
    )


def _month(name: str) -> str:
    return rf"(?P<{name}>{_MONTH})"


_LEAD = (
    r"(?:\b(?P<lead>as\s+of|as\s+at|since|until|till|up\s+(?:un)?to|through|throughout|by|in"
    r"|during|from|between|before|after|over)\s+)?"
    r"(?:(?P<edge>(?:the\s+)?(?:end|beginning|start|middle|close)\s+of)\s+)?"
)
_RANGE_WORD = r"(?:-|–|—|to|until|till|through|and)"
# Each alternative is the outermost named group k_*, so Match.lastgroup tells which matched.
_CORES = [
    rf"(?P<k_iso>{_year('iso_y', right=False)}"
    r"-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?!\d))",
    rf"(?P<k_mrange>{_month('mr_m1')}(?:,?\s+{_year('mr_y1')})?\s*{_RANGE_WORD}\s*"
    rf"{_month('mr_m2')},?\s+{_year('mr_y2')})",
    rf"(?P<k_mdy>{_month('a_m')}\s+(?P<a_d>{_DAY}),?\s+{_year('a_y')})",
    rf"(?P<k_dmy>(?P<b_d>{_DAY})\s+(?:of\s+)?{_month('b_m')},?\s+{_year('b_y')})",
    rf"(?P<k_my>{_month('c_m')},?\s+(?:of\s+)?{_year('c_y')})",
    rf"(?P<k_part>(?:the\s+)?(?P<p_ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+"
    rf"(?P<p_unit>half|quarter|(?P<p_n>{_NUM})\s+months)\s+of\s+(?:the\s+year\s+)?{_year('p_y')})",
    rf"(?P<k_q>\b(?P<q_q>[qh][1-4])(?:\s+of)?\s*['’]?{_year('q_y', left=False)})",
    rf"(?P<k_q2>{_year('q2_y', right=False)}\s*(?P<q2_q>[qh][1-4])\b)",
    r"(?P<k_decade>(?:the\s+)?(?:(?P<d_mod>early|mid|late)[\s-]*)?"
    r"(?P<d_y>(?<![\w$])(?:19|20)\d0)['’]?s\b)",
    rf"(?P<k_yrange>{_year('r_y1', right=False)}\s*(?P<r_sep>{_RANGE_WORD}|/)\s*"
    rf"(?:{_year('r_y2', left=False)}|(?P<r_y2s>\d\d)(?![\w%]|[.,]\d)))",
    rf"(?P<k_fiscal>(?:\bfiscal(?:\s+year)?\s*|\b(?-i:FY)\s*['’]?)"
    rf"(?:{_year('f_y', left=False)}|(?P<f_ys>\d\d)(?![\w%]|[.,]\d)))",
    rf"(?P<k_ymod>\b(?P<ym_mod>early|mid|late)[\s-]+{_year('ym_y', left=False)})",
    r"(?P<k_rel>\b(?P<rel_the>the\s+)?(?P<rel>last|this|next|previous|past|current|coming|following"
    r"|preceding|same|that)"
    r"\s+year\b)",
    rf"(?P<k_ago>\b(?P<ago_n>{_NUM}|the)\s+years?\s+(?P<ago>earlier|ago|previously|later|before)\b(?!\s+last))",
    r"(?P<k_decago>\b(?:a|one)\s+decade\s+(?:earlier|ago|before)\b)",
    r"(?P<k_decrel>\b(?:the\s+)?(?:previous|past|last|preceding)\s+decade\b)",
    rf"(?P<k_pastn>\b(?:the\s+)?(?:past|last|previous|preceding)\s+(?P<pn>{_NUM})\s+years\b)",
    rf"(?P<k_year>(?P<y_paren>\(\s*)?{_year('y_y')}(?(y_paren)\s*\)))",
]
_TIME = re.compile(_LEAD + "(?:" + "|".join(_CORES) + ")", re.IGNORECASE)

# A bare number followed by one of these counts things ("2000 troops"), it is not a year.
_COUNT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|troops|soldiers|servicemen|personnel|people|persons|men|"
    r"women|migrants|workers|students|refugees|km|kilomet|miles|tons|tonnes|barrels|bcm|"
    r"units|members|officers|specialists|families|households|companies|firms|enterprises|"
    r"projects|tanks|aircraft|vehicles|cases|dollars|euros|roubles|rubles|million|billion|"
    r"thousand|hectares|square)\b",
    re.IGNORECASE,
)
# A number after these is a page, an issue or a count, not a year.
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:p|pp|no|nos|vol|page|pages|number|resolution|art|article|para|code|tel|fax|"
    r"usd|eur|us\$)\.?|[$€£¥])\s*\Z",
    re.IGNORECASE,
)
_OTHER_OPENERS = (
    "as since until till up through throughout by in during from between before after over "
    "the end beginning start middle close early mid late this that same next previous past "
    "current coming following preceding fiscal fy"
)
# The words an expression can open with; only at these is the full grammar tried.
_OPENING_WORDS = frozenset(
    (*_MONTHS, *_NUMBERS, *_ORDINALS, "q1", "q2", "q3", "q4", "h1", "h2", *_OTHER_OPENERS.split())
)
Relation = Literal["point", "interval", "since", "until", "as_of"]
_LEAD_RELATION: dict[str, Relation] = {
    "since": "since",
    "after": "since",
    "until": "until",
    "till": "until",
    "up to": "until",
    "up until": "until",
    "through": "until",
    "before": "until",
    "as of": "as_of",
    "as at": "as_of",
}
_PART_MONTHS = {"half": 6, "quarter": 3}


def _doc_year(doc_date: str | None) -> int | None:
    if doc_date and len(doc_date) >= 4 and doc_date[:4].isdigit():
        return int(doc_date[:4])
    return None


def _two_digit(first: int, digits: str) -> int | None:
    """The later year of "2013-15" / "2014/15"; None where it would not come after."""
    year = first // 100 * 100 + int(digits)
    return year if year > first else None


def _interval(start: str, end: str, precision: Precision = "year") -> TimeRef:
    return TimeRef(start, end, precision)


def _core(m: re.Match[str], doc_year: int | None, base_year: int | None) -> TimeRef | None:
    """The time the matched core expression names (None where it cannot be resolved)."""
    kind = m.lastgroup
    g = m.group
    if kind == "k_iso":
        return TimeRef(f"{g('iso_y')}-{g('iso_m')}-{g('iso_d')}", None, "day")
    if kind == "k_mrange":
        m1, m2 = _MONTHS[_month_key(g("mr_m1"))], _MONTHS[_month_key(g("mr_m2"))]
        y2 = int(g("mr_y2"))
        y1 = int(g("mr_y1")) if g("mr_y1") else y2
        if (y1, m1) >= (y2, m2):
            return None
        return _interval(f"{y1}-{m1:02d}", f"{y2}-{m2:02d}", "month")
    if kind == "k_mdy":
        return _day(g("a_y"), g("a_m"), g("a_d"))
    if kind == "k_dmy":
        return _day(g("b_y"), g("b_m"), g("b_d"))
    if kind == "k_my":
        return TimeRef(f"{g('c_y')}-{_MONTHS[_month_key(g('c_m'))]:02d}", None, "month")
    if kind == "k_part":
        year = g("p_y")
        ordinal = _ORDINALS[g("p_ord").lower()]
        if g("p_n"):  # "the first nine months of 2017"
            count = _NUMBERS.get(g("p_n").lower()) or int(g("p_n"))
            if ordinal != 1 or not 1 <= count <= 12:
                return None
            return _interval(f"{year}-01", f"{year}-{count:02d}", "month")
        size = _PART_MONTHS[g("p_unit").lower()]
        parts = 12 // size
        ordinal = parts if g("p_ord").lower() in ("last", "final") else ordinal
        if ordinal > parts:
            return None
        first = (ordinal - 1) * size + 1
        return _interval(f"{year}-{first:02d}", f"{year}-{first + size - 1:02d}", "month")
    if kind in ("k_q", "k_q2"):
        year, part = (g("q_y"), g("q_q")) if kind == "k_q" else (g("q2_y"), g("q2_q"))
        size = 3 if part[0] in "qQ" else 6
        ordinal = int(part[1])
        if ordinal > 12 // size:
            return None
        first = (ordinal - 1) * size + 1
        return _interval(f"{year}-{first:02d}", f"{year}-{first + size - 1:02d}", "month")
    if kind == "k_decade":
        decade = int(g("d_y"))
        low, high = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(
            (g("d_mod") or "").lower(), (0, 9)
        )
        return _interval(str(decade + low), str(decade + high))
    if kind == "k_yrange":
        first = int(g("r_y1"))
        last = int(g("r_y2")) if g("r_y2") else _two_digit(first, g("r_y2s"))
        if last is None or last <= first:
            return None
        return _interval(str(first), str(last))
    if kind == "k_fiscal":
        if g("f_y"):
            return TimeRef(g("f_y"))
        return TimeRef(str(2000 + int(g("f_ys"))))
    if kind == "k_ymod":
        return TimeRef(g("ym_y"))
    if kind == "k_year":
        return TimeRef(g("y_y"))
    return _relative(m, doc_year, base_year)


# "last year" counts from the dateline; "the following year" from the time just mentioned.
_DEICTIC_SHIFT = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_ANAPHORIC_SHIFT = {"previous": -1, "preceding": -1, "same": 0, "that": 0, "following": 1}


def _relative(m: re.Match[str], doc_year: int | None, base_year: int | None) -> TimeRef | None:
    """A time counted from the dateline or from the time mentioned before it."""
    kind = m.lastgroup
    g = m.group
    if kind == "k_rel":
        word = g("rel").lower()
        if word == "next" and g("rel_the"):  # "the next year" follows the story, not the date
            word = "following"
        if word in _ANAPHORIC_SHIFT:
            base = base_year if base_year is not None else doc_year
            return None if base is None else TimeRef(str(base + _ANAPHORIC_SHIFT[word]))
        return None if doc_year is None else TimeRef(str(doc_year + _DEICTIC_SHIFT[word]))
    if kind == "k_ago":
        number = g("ago_n").lower()
        count = 1 if number == "the" else _NUMBERS.get(number) or int(number)  # "the year before"
        direction = g("ago").lower()
        base = doc_year if direction == "ago" or base_year is None else base_year
        if base is None:
            return None
        return TimeRef(str(base + count if direction == "later" else base - count))
    if doc_year is None:
        return None
    if kind == "k_decago":
        return TimeRef(str(doc_year - 10))
    if kind == "k_decrel":
        return _interval(str(doc_year - 10), str(doc_year))
    if kind == "k_pastn":
        count = _NUMBERS.get(g("pn").lower()) or int(g("pn"))
        return _interval(str(doc_year - count), str(doc_year))
    return None


def _month_key(text: str) -> str:
    return text.rstrip(".").lower()


def _day(year: str, month: str, day: str) -> TimeRef | None:
    number = int(day.rstrip("stndrhSTNDRH"))
    month_number = _MONTHS[_month_key(month)]
    if number > (29 if month_number == 2 else 30 if month_number in (4, 6, 9, 11) else 31):
        return None
    return TimeRef(f"{year}-{month_number:02d}-{number:02d}", None, "day")


def _until_now(start: TimeRef, doc_date: str | None) -> TimeRef:
    """From a start to the dateline (cut to the start's precision), for "since 2009"."""
    first = start.start
    if doc_date is None:
        return TimeRef(first, None, start.precision)
    now = doc_date[: len(first)]
    return TimeRef(first, now if now >= first else None, start.precision)


def _is_count(text: str, m: re.Match[str], end: int) -> bool:
    """A bare four-digit number that counts or pays for something rather than dating it."""
    if _COUNT_AFTER.match(text, m.end(), end):
        return True
    return _NOT_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None


def _mentions(
    text: str,
    m: re.Match[str],
    end: int,
    doc_date: str | None,
    doc_year: int | None,
    base_year: int | None,
) -> Iterator[TimeMention]:
    kind = m.lastgroup
    lead = " ".join((m.group("lead") or "").lower().split())
    if kind == "k_year" and not lead and not m.group("y_paren") and _is_count(text, m, end):
        return
    if kind == "k_yrange" and m.group("r_sep").lower() == "and" and lead != "between":
        # "2016 and 2017" lists two years; it does not span them.
        for group in ("r_y1", "r_y2"):
            if m.group(group):
                start, stop = m.span(group)
                yield TimeMention(start, stop, text[start:stop], TimeRef(m.group(group)))
        return
    time = _core(m, doc_year, base_year)
    if time is None:
        if kind == "k_yrange":  # "2016-12": not a range; the year alone
            start, stop = m.span("r_y1")
            yield TimeMention(start, stop, text[start:stop], TimeRef(m.group("r_y1")))
        return
    if m.group("edge") and time.end is not None:
        # "by the end of the 1990s": the edge of an interval is one of its ends.
        edge = m.group("edge").lower()
        point = time.end if "end" in edge or "close" in edge else time.start
        time = TimeRef(point, None, time.precision)
    relation: Relation | None = _LEAD_RELATION.get(lead)
    if relation == "since":
        if kind == "k_decade" and (m.group("d_mod") or "").lower() == "mid" and time.end:
            # "since the mid-2000s" starts in the middle of 2004-2006, not at its edge
            time = TimeRef(str(int(time.start) + 1))
        time = _until_now(time, doc_date)
    elif relation == "until" and time.end is not None:
        time = TimeRef(time.end, None, time.precision)
    elif relation is None:
        relation = "point" if time.end is None else "interval"
    yield TimeMention(m.start(), m.end(), text[m.start() : m.end()], time, relation)


def _base_year(mention: TimeMention) -> int:
    """The year a later "the following year" counts from."""
    if mention.relation == "since":
        return int(mention.time.start[:4])
    return mention.time.year


_PAGE = re.compile(r"\b(?:pp?|vol|no)\.\s*\d", re.IGNORECASE)


def _in_citation(text: str, at: int, start: int, end: int) -> bool:
    """Whether `at` lies in brackets that cite a page: "(Annual Plan 2024-25, p. 87)"."""
    opened = text.rfind("(", max(start, at - 80), at)
    if opened < 0 or text.find(")", opened, at) >= 0:
        return False
    closed = text.find(")", at, min(end, at + 80))
    return closed >= 0 and _PAGE.search(text, opened, closed) is not None


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    doc_date: str | None = None,
    base_year: int | None = None,
) -> list[TimeMention]:
    """Times written in text[start:end], in order, with offsets into text.

    doc_date (ISO, as precise as known) resolves "last year", "a year earlier", "the previous
    decade" and closes "since 2009"; without it those relative times are skipped. base_year
    is the year the text before this stretch was about (a list's lead-in), from which "a year
    earlier" counts until the stretch names a year of its own.
    """
    length = len(text)
    end = length if end is None else max(0, min(end, length))
    start = max(0, min(start, end))
    doc_year = _doc_year(doc_date)
    if doc_year is None:
        doc_date = None
    found: list[TimeMention] = []
    covered = start  # no expression may start before the end of the last one
    for anchor in _ANCHOR.finditer(text, start, end):
        at = anchor.start()
        if at < covered:
            continue
        if _in_citation(text, at, start, end):
            continue  # "(Annual Plan 2024-25, p. 87)" names a document, not a time
        limit = min(end, anchor.end() + _AFTER)
        # Try the grammar only where an expression can start: at the words before the anchor
        # that can open one ("between", "May", "the", "15", "(") and at the anchor itself.
        low = max(covered, at - _BEFORE)
        window = text[low:at]
        candidates = [at]
        position = len(window)
        words: list[str] = _WORD.findall(window)
        for word in reversed(words[-_MAX_WORDS:]):
            position = window.rfind(word, 0, position)
            if word[0] in "(0123456789" or word.lower() in _OPENING_WORDS:
                candidates.append(low + position)
        for position in reversed(candidates):
            m = _TIME.match(text, position, limit)
            if m is not None and m.end() > at:
                base = _base_year(found[-1]) if found else base_year
                found.extend(_mentions(text, m, end, doc_date, doc_year, base))
                covered = m.end()
                break
    return found


_HEADER_YEAR = re.compile(
    _YEAR_LEFT + r"(?:(?-i:FY)\s*)?(?P<y>(?:19|20)\d\d)"
    r"(?:\s*[-–/]\s*(?P<y2>(?:19|20)\d\d|\d\d)(?!\d))?"
    r"(?![\w%])(?![.,]\d)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;:,][\"'”’)\]]*\s*\Z")


def header_years(line: str) -> list[tuple[int, int, int]]:
    """The year columns of a table header line: (start, end, year) for each, in order.

    "Country  2015  2016  2017" gives three columns; "Trade With Russia (2016)" one. A line
    of prose (closing punctuation, or one year among words) gives none. A column headed by a
    range ("2013-2015") is given its last year.
    """
    if len(line) > 200 or _SENTENCE_END.search(line):
        return []
    found: list[tuple[int, int, int]] = []
    for m in _HEADER_YEAR.finditer(line):
        year = int(m.group("y"))
        if m.group("y2"):
            later = m.group("y2")
            year = int(later) if len(later) == 4 else (_two_digit(year, later) or year)
        found.append((m.start(), m.end(), year))
    if len(found) == 1:
        start, stop, _ = found[0]
        before, after = line[:start].rstrip(), line[stop:].strip()
        in_brackets = before.endswith(("(", "[")) and after[:1] in (")", "]")
        column = line[:start].endswith(("  ", "\t", "|")) or not before
        last = not after.strip(")]*|")
        if not (in_brackets or column or last):
            return []
    return found


def year_of(time: TimeRef | TimeMention | str) -> int:
    """The year a time is best attached to: the end of an interval ("2013/2016" -> 2016)."""
    if isinstance(time, TimeMention):
        return time.time.year
    if isinstance(time, str):
        parsed = TimeRef.parse(time)
        if parsed is None:
            raise ValueError(f"not a time: {time!r}")
        return parsed.year
    return time.year
