"""Find a literal figure in a text as a whole token, so "1" never matches inside "2016"."""

from __future__ import annotations

_OPENERS = "([\"“‘'-–—/"


def _starts_ok(text: str, i: int, needle: str, lo: int) -> bool:
    if i <= lo:
        return True
    prev = text[i - 1]
    if needle[0].isdigit():  # a bare number: not after "$", ")" (footnote) or "."
        return prev.isspace() or prev in _OPENERS
    return not prev.isalnum()


def _ends_ok(text: str, j: int, needle: str) -> bool:
    if j >= len(text):
        return True
    nxt = text[j]
    if nxt.isalnum():
        return False
    if needle[-1].isdigit() and nxt in ".," and j + 1 < len(text):
        return not text[j + 1].isdigit()  # "1.5" is not "1"
    return True


def occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of `needle` in text[lo:hi] standing as a token of its own."""
    hi = len(text) if hi is None else hi
    found: list[int] = []
    i = text.find(needle, lo, hi)
    while i != -1:
        if _starts_ok(text, i, needle, lo) and _ends_ok(text, i + len(needle), needle):
            found.append(i)
        i = text.find(needle, i + 1, hi)
    return found


def find_span(
    text: str, needle: str, occurrence: int = 1, lo: int = 0, hi: int | None = None
) -> tuple[int, int]:
    """(start, end) of the `occurrence`-th (1-based) token match of needle; ValueError if none."""
    starts = occurrences(text, needle, lo, hi)
    if not 1 <= occurrence <= len(starts):
        raise ValueError(f"{needle!r}: occurrence {occurrence} of {len(starts)}")
    start = starts[occurrence - 1]
    return start, start + len(needle)
