"""How far an answer can be trusted, in the words analysts use: high, moderate or low.

high      the lead evidence comes from grade A/B sources, a second source agrees, none disagrees
moderate  one source only, or a grade C source, or sources disagree, or figures not like for like
low       only evidence graded D–F or read by rule from weak sources, or nothing direct
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Level = Literal["high", "moderate", "low"]
_STRONG = frozenset("AB")
_WEAK = frozenset("DEF")


@dataclass(frozen=True, slots=True)
class Confidence:
    level: Level
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Basis:
    """What an answer's lead statement rests on."""

    direct: bool  # the evidence answers the question itself
    grades: tuple[str, ...] = ()  # grades of the lead evidence (both sides of a comparison)
    sources: int = 0  # independent sources behind the lead, agreeing with it
    disagreement: bool = False
    extracted: bool = False  # the lead was read from text by rule, not curated
    caveat: str = ""  # anything else that weakens it ("the years differ")
    missing: str = ""  # for an indirect answer: what could not be found
    several: bool = False  # the answer rests on several figures (an overview, a list)


def _worst(grades: tuple[str, ...]) -> str:
    return max(grades, default="F", key=lambda g: "ABCDEF".find(g) if g in "ABCDEF" else 5)


def assess(basis: Basis) -> Confidence:
    """The confidence level and a one-line reason."""
    if not basis.direct:
        return Confidence("low", basis.missing or "nothing in the knowledge base answers this")
    worst = _worst(basis.grades)
    if worst in _WEAK:
        return Confidence("low", f"the evidence rests on a source graded {worst}")
    if basis.extracted and worst not in _STRONG:
        return Confidence("low", f"only figures read automatically from a grade {worst} source")
    doubts = []
    if basis.disagreement:
        doubts.append("sources disagree on " + ("some figures" if basis.several else "the figure"))
    if worst not in _STRONG:
        doubts.append(
            f"some of the evidence comes from grade {worst} sources"
            if basis.several
            else f"the lead evidence comes from a grade {worst} source"
        )
    if basis.extracted:
        doubts.append("the figures were read automatically and not reviewed")
    if basis.sources < 2:
        doubts.append("one source only")
    if basis.caveat:
        doubts.append(basis.caveat)
    if doubts:
        return Confidence("moderate", "; ".join(doubts))
    return Confidence(
        "high",
        f"grade {worst} or better evidence, matched by {basis.sources} sources, with no "
        "disagreement",
    )
