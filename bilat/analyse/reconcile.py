"""Group claims that speak of the same thing, find where they disagree, and prefer one.

Claims are grouped on (indicator, subject, object, time). Within a group, values agree when
their ranges overlap once widened by a tolerance suited to the unit; otherwise the group is a
conflict. One claim is preferred by stated rules, in order: the more reliable source, the
more specific time, the more recent source, the more confident extraction. The others are
kept and ranked, never deleted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bilat.model import Claim, Source
from bilat.ontology import indicators

# Relative tolerance by unit: rounding in prose ("nearly $2 billion") is not a conflict.
_TOLERANCE = {"percent": 0.05, "km": 0.05, "persons": 0.10, "count": 0.10, "bcm": 0.10}
_MONEY_TOLERANCE = 0.10
_APPROX_EXTRA = 0.10  # "about", "nearly" widen a figure further
_PRECISION_ORDER = {"day": 3, "month": 2, "year": 1}

GroupKey = tuple[str, str | None, str | None, str | None, bool, str]


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims about one (indicator, subject, object, time); `claims[0]` is preferred."""

    key: GroupKey
    claims: tuple[Claim, ...]
    conflict: bool
    spread: float  # (max - min) / max over the group's values
    reason: str  # why claims[0] is preferred

    @property
    def preferred(self) -> Claim:
        return self.claims[0]


def group_key(claim: Claim) -> GroupKey:
    """What a claim speaks of. An unattributed figure ("other") speaks of nothing another
    claim can be compared with, so it is a group of its own."""
    subject, obj = claim.subject, claim.object
    spec = indicators().get(claim.indicator)
    if spec is not None and spec.symmetric and subject and obj and obj < subject:
        subject, obj = obj, subject  # a symmetric figure is the same read from either side
    time = str(claim.time) if claim.time else None
    alone = claim.id if claim.indicator == "other" else ""
    return (claim.indicator, subject, obj, time, claim.qualifier == "change", alone)


def tolerance(claim: Claim) -> float:
    base = _TOLERANCE.get(claim.unit, _MONEY_TOLERANCE)
    return base + (_APPROX_EXTRA if claim.qualifier == "approx" else 0.0)


def _interval(claim: Claim) -> tuple[float, float]:
    low = claim.value
    high = claim.value_max if claim.value_max is not None else claim.value
    if claim.qualifier == "at_least":
        high = float("inf")
    elif claim.qualifier == "at_most":
        low = float("-inf") if low < 0 else 0.0
    slack = tolerance(claim)
    return (low - abs(low) * slack, high + abs(high) * slack)


def values_agree(a: Claim, b: Claim) -> bool:
    if a.unit != b.unit:
        return False
    a_low, a_high = _interval(a)
    b_low, b_high = _interval(b)
    return a_low <= b_high and b_low <= a_high


def _grade_rank(grade: str) -> int:
    return "ABCDEF".index(grade) if grade in "ABCDEF" else 5


def preference_key(claim: Claim, sources: Mapping[str, Source]) -> tuple[float, ...]:
    """Sort key: smaller is preferred."""
    source = sources.get(claim.source_id)
    grade = _grade_rank(source.grade if source else "F")
    precision = _PRECISION_ORDER.get(claim.time.precision, 0) if claim.time else 0
    year = source.year if source and source.year else 0
    review = {"preferred": 0, "normal": 1, "deprecated": 2}[claim.rank]
    return (review, grade, -precision, -year, -claim.confidence)


def _reason(first: Claim, second: Claim, sources: Mapping[str, Source]) -> str:
    if first.rank == "preferred" and first.rank_reason:
        return f"analyst review: {first.rank_reason}"
    s1, s2 = sources.get(first.source_id), sources.get(second.source_id)
    g1, g2 = (s1.grade if s1 else "F"), (s2.grade if s2 else "F")
    if g1 != g2:
        return f"more reliable source ({g1} over {g2})"
    p1 = _PRECISION_ORDER.get(first.time.precision, 0) if first.time else 0
    p2 = _PRECISION_ORDER.get(second.time.precision, 0) if second.time else 0
    if p1 != p2:
        return "more specific time"
    y1, y2 = (s1.year if s1 else None), (s2.year if s2 else None)
    if y1 and y2 and y1 != y2:
        return f"more recent source ({y1} over {y2})"
    return "equal standing; higher extraction confidence"


def _spread(claims: Iterable[Claim]) -> float:
    values = [abs(c.value) for c in claims]
    top = max(values, default=0.0)
    return (top - min(values)) / top if top else 0.0


def reconcile(claims: Iterable[Claim], sources: Mapping[str, Source]) -> list[ClaimGroup]:
    """Group claims and rank each group; groups come back in a stable order."""
    groups: dict[GroupKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[group_key(claim)].append(claim)
    out: list[ClaimGroup] = []
    for key in sorted(groups, key=lambda k: tuple("" if p is None else str(p) for p in k)):
        members = sorted(groups[key], key=lambda c: (preference_key(c, sources), c.id))
        first = members[0]
        conflict = any(not values_agree(first, other) for other in members[1:])
        reason = _reason(first, members[1], sources) if len(members) > 1 else "only claim"
        out.append(ClaimGroup(key, tuple(members), conflict, _spread(members), reason))
    return out


def conflicts(claims: Iterable[Claim], sources: Mapping[str, Source]) -> list[ClaimGroup]:
    return [g for g in reconcile(claims, sources) if g.conflict]
