"""The layout of a plain text: paragraphs (blocks between blank lines) and section headings.

Locators ("section 'Economic relationships', paragraph 12") are built from this, so curated
claims and extracted claims point into a text the same way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n")
_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 16


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int  # 1-based count of paragraphs in the whole text
    start: int
    end: int
    heading: str | None  # the most recent heading before this paragraph

    def locator(self) -> str:
        where = f"section '{self.heading}', " if self.heading else ""
        return f"{where}paragraph {self.number}"


def looks_like_heading(block: str) -> bool:
    """A short single line without closing punctuation reads as a heading."""
    line = block.strip()
    return (
        0 < len(line) <= _MAX_HEADING_CHARS
        and "\n" not in line
        and len(line.split()) <= _MAX_HEADING_WORDS
        and not line.endswith((".", ",", ";", ":", "”", '"', ")"))
        and not line.startswith(("•", "-", "*"))
        and not line[0].isdigit()
    )


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text between blank lines, trimmed."""

    start: int
    end: int
    is_heading: bool


def blocks(text: str, start: int = 0) -> list[Block]:
    """Every non-empty block of text[start:], headings included."""
    found: list[Block] = []
    position = start
    for block_end_match in [*_BLANK_LINES.finditer(text, start), None]:
        end = block_end_match.start() if block_end_match else len(text)
        block = text[position:end]
        stripped = block.strip()
        if stripped:
            offset = position + block.index(stripped[0])
            found.append(Block(offset, offset + len(stripped), looks_like_heading(stripped)))
        position = block_end_match.end() if block_end_match else len(text)
    return found


def paragraphs(text: str, start: int = 0) -> list[Paragraph]:
    """Every non-empty block of `text`, numbered, with the heading it sits under.

    Headings are not counted as paragraphs; they label the ones that follow.
    """
    found: list[Paragraph] = []
    heading: str | None = None
    for block in blocks(text, start):
        if block.is_heading:
            heading = text[block.start : block.end]
        else:
            found.append(Paragraph(len(found) + 1, block.start, block.end, heading))
    return found


def paragraph_at(paras: list[Paragraph], offset: int) -> Paragraph | None:
    """The paragraph that contains a char offset (`paras` in order, as `paragraphs` gives
    them); a bisection, since it is asked once per claim of documents of any length."""
    at = bisect.bisect_right(paras, offset, key=lambda para: para.start) - 1
    if at >= 0 and paras[at].start <= offset < paras[at].end:
        return paras[at]
    return None
