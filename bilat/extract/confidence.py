"""How sure bilat is of an attributed figure, counted on labelled text.

A figure is attributed along a route: whether a cue word named its measure, and where its
subject and its counterpart came from (its own sentence, the paragraph or document around it,
or nowhere). `confidence.yaml` holds, for each route, how many labelled figures took it and
how many of those were right (subject, object and time all as labelled);
`python -m bench.calibrate` counts them again after the rules change. The confidence of a
route is its share right, smoothed; a route seen fewer than MIN_SEEN times takes the share of
the coarser route it belongs to ("cued/sentence/none" -> "cued/sentence"), and one that
even so was seen too seldom gets UNSEEN.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml

Source = Literal["sentence", "context", "none"]
MIN_SEEN = 8
UNSEEN = 0.5  # no labelled figure took any form of the route: as likely right as wrong


@dataclass(frozen=True, slots=True)
class Route:
    cued: bool
    subject: Source
    object: Source

    def keys(self) -> tuple[str, str, str]:
        """Its names, finest first."""
        cue = "cued" if self.cued else "uncued"
        return f"{cue}/{self.subject}/{self.object}", f"{cue}/{self.subject}", cue


@cache
def route_counts() -> dict[str, tuple[int, int]]:
    """Route name -> (figures seen, figures right), as last counted on the labelled texts."""
    raw = resources.files(__package__).joinpath("confidence.yaml").read_text("utf-8")
    table = yaml.safe_load(raw) or {}
    return {str(key): (int(row["seen"]), int(row["right"])) for key, row in table.items()}


def share_right(seen: int, right: int) -> float:
    """The share right with one success and one failure added, so that 3 of 3 is not 1.0."""
    return round((right + 1) / (seen + 2), 2)


@cache
def confidence_for(route: Route) -> float:
    counts = route_counts()
    for key in route.keys()[:2]:  # where the subject came from matters most: no further
        seen, right = counts.get(key, (0, 0))
        if seen >= MIN_SEEN:
            return share_right(seen, right)
    return UNSEEN
