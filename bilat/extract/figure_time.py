"""The time of a figure: which of the times written in its sentence it is measured at.

The time nearest the figure wins, its own clause first, but not every time near a figure is
its time: "by 2030" sets a goal, "up 18 percent on 2023" names the year compared with, a
time in a later main clause belongs to the figures there, and a figure in the title of a
cited article takes the month the article appeared in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bilat.extract.clauses import NEW_CLAUSE, has_verb
from bilat.extract.types import Quantity, TimeMention
from bilat.model import TimeRef


def _is_target(text: str, time: TimeMention) -> bool:
    """ "by 2030": the year a goal is set for, not when anything was measured."""
    return _TARGET.match(text, time.start, time.end) is not None


_TARGET = re.compile(r"by\s+\d", re.I)
_BASE = re.compile(
    r"\b(?:on|over|from|than|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?$",
    re.I,
)
# For any figure: "…, up 10 percent on the year before, and B another $1 billion"; "on" only
# before a relative year, since "on March 3" dates a figure.
_COMPARED = re.compile(
    r"\b(?:than|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?$", re.I
)
_ON = re.compile(r"\bon\s+$", re.I)
_RELATIVE_YEAR = ("the year", "a year", "the previous", "the preceding")
# "all figures for 2018", "the data are from 2016": a time that dates every figure around it.
_FOR_ALL = re.compile(
    r"\b(?:all|the|these|both)\s+(?:figures|data|numbers|values|shares)\s+"
    r"(?:are\s+|refer\s+to\s+)?(?:for|from|in|as\s+of)\s+$",
    re.I,
)


def time_for(
    quantity: Quantity,
    text: str,
    times: Sequence[TimeMention],
    clause: tuple[int, int],
    later_figures: Sequence[int] = (),
) -> TimeRef | None:
    """The time written nearest the figure, preferring its own clause. A target year ("to
    25% by 2030") belongs to the figure of its own clause only; a time after the figure's
    clause that another figure stands nearer to (`later_figures`: where the sentence's later
    figures start), or one in a later main clause ("…, and in 2023 B …"), is not this
    figure's, unless the text says it holds for all ("all figures for 2018")."""
    c_start, c_end = clause
    cited = _cited_date(quantity, text, times)
    if cited is not None:
        return cited

    def belongs(t: TimeMention) -> bool:
        before = max(0, t.start - 16)
        if quantity.qualifier == "change":
            compared = _BASE.search(text, before, t.start) is not None
        else:
            compared = _COMPARED.search(text, before, t.start) is not None or (
                _ON.search(text, before, t.start) is not None
                and t.text.lower().startswith(_RELATIVE_YEAR)
            )
        if compared:
            return False  # "up 18 percent on 2023": the year compared with, not the figure's
        if c_start <= t.start < c_end:
            return True
        if _is_target(text, t):
            return False
        if t.start < quantity.start or _FOR_ALL.search(text, max(0, t.start - 30), t.start):
            return True
        stands_between = any(c_end <= at < t.start for at in later_figures)
        # "…, under a lease agreed in 2010": a verb of its own dates something else; but
        # where no verb comes before the figure ("Three rail links … opened in 2022"), the
        # first verb after it is the figure's own
        own_verb = has_verb(text, c_end, t.start) and has_verb(text, c_start, quantity.start)
        return not (stands_between or own_verb or NEW_CLAUSE.search(text, quantity.end, t.start))

    times = [t for t in times if belongs(t)]
    if not times:
        return None

    def distance(t: TimeMention) -> tuple[int, int]:
        inside = c_start <= t.start < c_end
        gap = quantity.start - t.end if t.end <= quantity.start else t.start - quantity.end
        return (0 if inside else 1, gap)

    return min(times, key=distance).time


# A footnote reference: "12 A. Author, “Title …,” Outlet, May 10, 2017, url".
_CITATION = re.compile(r"[ \t]*\d{1,3}[ \t]+[^\n]*?[“\"]")


def _cited_date(quantity: Quantity, text: str, times: Sequence[TimeMention]) -> TimeRef | None:
    """The time of a figure in the title of a cited article: the article's date, which
    follows its title, cut to the month. The day is when the article appeared, not when
    what it reports happened, which is only known to fall in about the same month."""
    line_start = text.rfind("\n", 0, quantity.start) + 1
    if not _CITATION.match(text, line_start, quantity.start):
        return None
    line_end = text.find("\n", quantity.end)
    line_end = len(text) if line_end < 0 else line_end
    for t in times:
        if quantity.end <= t.start < line_end and t.time.end is None:
            if t.time.precision != "day":
                return None
            return TimeRef(t.time.start[:7], None, "month")
    return None
