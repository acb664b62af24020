"""Conflicts in the store, and an analyst's say over which figure stands.

A review is stored beside the evidence (the `reviews` table), never over it: the claim keeps
its value and source, and gains a rank with a reason. The rules in `reconcile` then honour
it: a preferred claim leads its group, a deprecated one never does.
"""

from __future__ import annotations

from typing import Any, Literal

from bilat.analyse.reconcile import ClaimGroup, reconcile
from bilat.model import Claim
from bilat.store import Store

Action = Literal["prefer", "deprecate", "clear"]
_RANK_OF = {"prefer": "preferred", "deprecate": "deprecated", "clear": "normal"}


def find_conflicts(store: Store, subject: str | None = None) -> list[ClaimGroup]:
    """Groups of claims about the same thing whose values disagree, about `subject` if given
    (as either side for symmetric figures)."""
    claims = store.claims(subject=subject) if subject else store.claims()
    if subject:
        seen = {c.id for c in claims}
        claims += [c for c in store.claims(object=subject) if c.id not in seen]
    groups = reconcile(claims, store.source_map())
    return [g for g in groups if g.conflict and (subject is None or subject in g.key[1:3])]


def review_claim(
    store: Store, claim_id: str, action: Action, reason: str, reviewer: str | None = None
) -> Claim:
    return store.review(claim_id, _RANK_OF[action], reason, reviewer)  # type: ignore[arg-type]


def group_dict(group: ClaimGroup, store: Store) -> dict[str, Any]:
    sources = store.source_map()
    rows = []
    for claim in group.claims:
        source = sources.get(claim.source_id)
        rows.append(
            {
                "id": claim.id,
                "value": claim.value,
                "value_max": claim.value_max,
                "unit": claim.unit,
                "qualifier": claim.qualifier,
                "source": claim.source_id,
                "grade": source.grade if source else "F",
                "method": claim.method,
                "rank": claim.rank,
                "rank_reason": claim.rank_reason,
                "evidence": claim.sentence or claim.summary,
                "locator": claim.locator,
            }
        )
    return {
        "indicator": group.key[0],
        "subject": group.key[1],
        "object": group.key[2],
        "time": group.key[3],
        "spread": round(group.spread, 3),
        "preferred": group.preferred.id,
        "reason": group.reason,
        "claims": rows,
    }
