"""What a reader checks in any answer: every sentence cited, every marker resolved."""

from __future__ import annotations

import re

from bilat.answer import Answer

_MARKER = re.compile(r"\[(\d+)\]")
# A sentence ends at . ! or ? followed by a space and a capital (or an opening quote).
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def sentences(text: str) -> list[str]:
    """The sentences of an answer, split as a reader would, not by the answer's own rules."""
    return [s for s in _BOUNDARY.split(text.strip()) if s]


def assert_cited(result: Answer) -> None:
    """Each sentence carries a marker; each marker points to a citation; each citation is
    used and has evidence."""
    numbers = {c.n for c in result.citations}
    assert numbers == set(range(1, len(numbers) + 1)), "citations are numbered 1..n"
    used: set[int] = set()
    for sentence in sentences(result.text):
        markers = {int(n) for n in _MARKER.findall(sentence)}
        assert markers, f"uncited sentence: {sentence!r}"
        assert markers <= numbers, f"marker without a citation in: {sentence!r}"
        used |= markers
    assert used == numbers, "every citation is cited in the text"
    for citation in result.citations:
        assert citation.evidence.strip() and citation.title and citation.grade in "ABCDEF"
