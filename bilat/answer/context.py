"""What every composer works with: the store, the question, the evidence found so far, the
writer, and the rules for preferring one figure over another."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from bilat.analyse.reconcile import ClaimGroup, reconcile, values_agree
from bilat.answer.cite import Evidence, Ref, Writer
from bilat.answer.question import Question
from bilat.answer.retrieve import SourceBook
from bilat.model import Claim
from bilat.store import Store

# Reliability tiers: a recent grade B figure is preferred to an older grade A one, but not
# to a grade C one.
_TIERS = {"A": 0, "B": 0, "C": 1}


def _part_of_year(claim: Claim) -> bool:
    """A figure for a quarter or a few months: not like a year's figure."""
    time = claim.time
    return time is not None and time.end is not None and time.start[:4] == time.end[:4]


@dataclass(slots=True)
class Context:
    store: Store
    question: Question
    book: SourceBook
    evidence: Evidence
    writer: Writer
    today: date

    @classmethod
    def start(cls, store: Store, question: Question, today: date) -> Context:
        book = SourceBook(store)
        evidence = Evidence(book)
        return cls(store, question, book, evidence, Writer(evidence), today)

    def grade(self, claim: Claim) -> str:
        return self.book.grade(claim.source_id)

    def tier(self, claim: Claim) -> int:
        return _TIERS.get(self.grade(claim), 2)

    def cite(self, claim: Claim) -> Ref:
        return self.evidence.claim(claim)

    def groups(self, claims: Iterable[Claim]) -> list[ClaimGroup]:
        """Claims grouped on (indicator, subject, object, time), each with its preferred."""
        claims = list(claims)
        self.book.load(c.source_id for c in claims)
        return reconcile(claims, self.book.mapping())

    def time_fits(self, claim: Claim) -> bool:
        """Whether the claim's time is the one the question asks for (any, if it asks none)."""
        q = self.question
        if q.time is None or q.time_relation in (None, "latest"):
            return True
        if claim.time is None:
            return False
        year, asked = claim.time.year, q.time
        if q.time_relation == "since":
            return year >= int(asked.start[:4])
        if q.time_relation == "until":
            return year <= asked.year
        if q.time_relation == "interval":
            return int(asked.start[:4]) <= year <= asked.year
        return year == asked.year

    def rank(self, groups: Sequence[ClaimGroup], order: Sequence[str] = ()) -> list[ClaimGroup]:
        """Groups best first: the latest if asked, the indicator asked first, levels before
        changes, the time asked, then the more reliable tier, whole years before parts of
        one, dated before undated, the more recent."""
        q = self.question
        latest = q.time_relation == "latest"

        def key(group: ClaimGroup) -> tuple[int, ...]:
            p = group.preferred
            year = p.time.year if p.time else 0
            position = list(order).index(p.indicator) if p.indicator in order else len(order)
            distance = 0
            if q.time is not None and q.time_relation == "point":
                distance = abs(year - q.time.year) if year else 9999
            return (
                -year if latest else 0,
                position,
                int(p.qualifier == "change"),
                int(not self.time_fits(p)),
                distance,
                self.tier(p),
                int(_part_of_year(p)),
                int(p.time is None),
                -year,
            )

        return sorted(groups, key=key)

    def support(self, lead: Claim, groups: Sequence[ClaimGroup]) -> tuple[set[str], bool]:
        """Sources agreeing with the lead figure, and whether any disagrees: the lead's own
        group, and groups on the same thing whose time cannot tell them apart (undated)."""
        agreeing: set[str] = {lead.source_id}
        disagree = False
        for group in groups:
            p = group.preferred
            same = (p.indicator, p.subject, p.object) == (lead.indicator, lead.subject, lead.object)
            if not same or (p.qualifier == "change") != (lead.qualifier == "change"):
                continue
            if group.claims[0].time != lead.time and p.time is not None and lead.time is not None:
                continue
            for claim in group.claims:
                if claim is lead:
                    continue
                if values_agree(lead, claim):
                    agreeing.add(claim.source_id)
                else:
                    disagree = True
        return agreeing, disagree
