"""The country a report counts its figures from, read from the figures themselves.

A figure that names no measure ("18 MiG-29 fighters", "a 25-year deal") has no direction of
its own, and is counted from the report's country: the one its headline leads with, or the
one its context or the figure before supplies. But a headline may lead with the greater
power ("Russia's levers over Armenia") while the report counts from the other side. Its
measured figures say which: the recipient, the host, the importer is the side of a measured
figure (DESIGN.md), and the country that is most often that side, in figures whose sentence
names both actors, is the side the report takes. Where that is not the headline's country,
the unmeasured figures counted from the headline's country against that side, whose side no
word of their own chose, are turned round.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from bilat.extract.attribute import Attribution
from bilat.extract.confidence import Route
from bilat.model import Claim

_MEASURED = Route(cued=True, subject="sentence", object="sentence")


class ReportSide:
    """Collects the evidence while a document is read, then settles its claims."""

    def __init__(self) -> None:
        self.measured: Counter[str] = Counter()
        # id of a claim that may be turned -> the claim (held, so that its id stays its
        # own while the document is read) and its topic
        self.turnable: dict[int, tuple[Claim, str]] = {}

    def note(self, claim: Claim, found: Attribution, topic: str | None) -> None:
        if found.route == _MEASURED and found.subject and found.object:
            self.measured[found.subject] += 1
        if found.turnable and topic is not None:
            self.turnable[id(claim)] = (claim, topic)

    def side(self) -> str | None:
        """The country most often the side of a measured figure; none on a tie."""
        ranked = self.measured.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def settle(self, claims: list[Claim]) -> list[Claim]:
        side = self.side()
        if side is None or not self.turnable:
            return claims
        return [self._turned(claim, side) for claim in claims]

    def _turned(self, claim: Claim, side: str) -> Claim:
        held = self.turnable.get(id(claim))
        if held is None or held[0] is not claim:
            return claim
        topic = held[1]
        if topic == side or claim.subject != topic or claim.object != side:
            return claim
        return replace(
            claim,
            subject=side,
            object=topic,
            id="",  # a new id for the new direction
            method=f"{claim.method}; the report's side {side}",
        )
