"""Precision, recall and F1 of extracted quantities against gold quantities.

(a) "quantity": spans overlap and value and unit agree.
(b) "claim": (a) plus subject, object and time equal (symmetric indicators such as
    trade_volume may have subject and object swapped).
Each prediction matches at most one gold record, greedily by the size of the overlap, and
only gold of the same document (compared by file name, so "texts/a.txt" meets "a.txt").
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilat.ontology import indicators

Record = Mapping[str, Any]
Match = Callable[[Record, Record], bool]
REL_TOL = 1e-6


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    predicted: int
    gold: int
    gold_digits: int  # gold whose text holds a digit
    tp_digits: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def recall_digits(self) -> float:
        """Recall over gold that holds a digit (not "an airbase", "billions")."""
        return self.tp_digits / self.gold_digits if self.gold_digits else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    quantity: PRF  # (a)
    claim: PRF  # (b)
    false_positives: list[Record] = field(default_factory=list)  # (a)
    # (a) misses, worst first, each with the prediction that overlaps it (if any)
    false_negatives: list[tuple[Record, Record | None]] = field(default_factory=list)
    claim_false_negatives: list[Record] = field(default_factory=list)  # (b) misses, (a) hit


def has_digit(record: Record) -> bool:
    return any(c.isdigit() for c in str(record.get("text", "")))


def doc_key(record: Record) -> str:
    return os.path.basename(str(record.get("doc", "")))


def _overlap(a: Record, b: Record) -> int:
    return min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"]))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1e-12)


def _as_written(predicted: float, gold: float) -> bool:
    """The prediction rounded to the decimals the label is written with: a label of 66.7
    for "two thirds" means 2/3, not 0.05 percentage points less."""
    written = repr(float(gold))
    if "e" in written or "." not in written:
        return False
    decimals = len(written.split(".")[1].rstrip("0"))
    return decimals > 0 and round(predicted, decimals) == gold


def _bounds(r: Record) -> tuple[float, float]:
    low = float(r["value"])
    high = r.get("value_max")
    return low, low if high is None else float(high)


def values_agree(pred: Record, gold: Record) -> bool:
    """Equal within 1e-6 relative or to the decimals the label is written with, or a single
    value inside the other's range."""
    (plo, phi), (glo, ghi) = _bounds(pred), _bounds(gold)
    if (_close(plo, glo) or _as_written(plo, glo)) and (_close(phi, ghi) or _as_written(phi, ghi)):
        return True
    if plo == phi and glo != ghi:
        return glo <= plo <= ghi or _close(plo, glo) or _close(plo, ghi)
    if glo == ghi and plo != phi:
        return plo <= glo <= phi or _close(glo, plo) or _close(glo, phi)
    return False


def _unit(record: Record, loose_counts: bool) -> str:
    unit = str(record.get("unit") or "").strip().lower()
    return "count" if loose_counts and unit == "persons" else unit


def quantity_match(loose_counts: bool = False) -> Match:
    def agree(pred: Record, gold: Record) -> bool:
        same_unit = _unit(pred, loose_counts) == _unit(gold, loose_counts)
        return same_unit and values_agree(pred, gold)

    return agree


_STRICT = quantity_match()
# Indicators that state one flow from either end: the sides swap with the indicator.
MIRRORED = {"imports": "exports", "exports": "imports"}


def _time(record: Record) -> str | None:
    time = record.get("time")
    return None if time in (None, "") else str(time)


def claim_match(pred: Record, gold: Record) -> bool:
    if not _STRICT(pred, gold) or _time(pred) != _time(gold):
        return False
    said = (pred.get("subject"), pred.get("object"))
    true = (gold.get("subject"), gold.get("object"))
    if MIRRORED.get(str(pred.get("indicator"))) == gold.get("indicator"):
        return said == true[::-1]  # A's imports from B are B's exports to A
    if said == true:
        return True
    spec = indicators().get(str(gold.get("indicator")))
    return bool(spec and spec.symmetric and said == true[::-1])


def match(predicted: Sequence[Record], gold: Sequence[Record], ok: Match) -> list[tuple[int, int]]:
    """Pairs (i predicted, j gold): greedy by overlap, each side used at most once."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(gold):
        by_doc[doc_key(g)].append(j)
    candidates: list[tuple[int, int, int, int]] = []
    for i, p in enumerate(predicted):
        for j in by_doc.get(doc_key(p), []):
            size = _overlap(p, gold[j])
            if size > 0 and ok(p, gold[j]):
                candidates.append((-size, abs(int(p["start"]) - int(gold[j]["start"])), i, j))
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def dedupe(records: Iterable[Record]) -> list[Record]:
    """One record per quantity: the same span, value and unit counts once for (a)."""
    seen: set[tuple[object, ...]] = set()
    unique: list[Record] = []
    for r in records:
        key = (doc_key(r), r["start"], r["end"], r["value"], r.get("value_max"), r.get("unit"))
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return unique


def _prf(pairs: list[tuple[int, int]], predicted: Sequence[Record], gold: Sequence[Record]) -> PRF:
    matched = {j for _, j in pairs}
    digits = [j for j, g in enumerate(gold) if has_digit(g)]
    return PRF(
        tp=len(pairs),
        predicted=len(predicted),
        gold=len(gold),
        gold_digits=len(digits),
        tp_digits=sum(1 for j in digits if j in matched),
    )


def _overlapping(record: Record, others: Sequence[Record]) -> Record | None:
    key = doc_key(record)
    return next((o for o in others if doc_key(o) == key and _overlap(o, record) > 0), None)


def score(
    predicted: Sequence[Record], gold: Sequence[Record], *, loose_counts: bool = False
) -> Scores:
    """Scores of `predicted` against `gold` (dicts in the jsonl contract's shape).

    loose_counts treats "persons" as "count" (for tools that cannot tell people from things).
    """
    q_pred, q_gold = dedupe(predicted), dedupe(gold)
    q_pairs = match(q_pred, q_gold, quantity_match(loose_counts))
    c_pairs = match(predicted, gold, claim_match)
    q_hit_p = {i for i, _ in q_pairs}
    q_hit_g = {j for _, j in q_pairs}
    c_hit_g = {j for _, j in c_pairs}
    misses = [(g, _overlapping(g, q_pred)) for j, g in enumerate(q_gold) if j not in q_hit_g]
    # worst first: a figure with digits that nothing even overlapped
    misses.sort(key=lambda m: (not has_digit(m[0]), m[1] is not None, doc_key(m[0])))
    q_ok = quantity_match(loose_counts)
    claim_misses = [
        g
        for j, g in enumerate(gold)
        if j not in c_hit_g
        and any(doc_key(p) == doc_key(g) and _overlap(p, g) > 0 and q_ok(p, g) for p in predicted)
    ]
    return Scores(
        quantity=_prf(q_pairs, q_pred, q_gold),
        claim=_prf(c_pairs, predicted, gold),
        false_positives=[p for i, p in enumerate(q_pred) if i not in q_hit_p],
        false_negatives=misses,
        claim_false_negatives=claim_misses,
    )


def outcomes(predicted: Sequence[Record], gold: Sequence[Record]) -> list[tuple[Record, bool]]:
    """Each prediction whose value and unit match a label, and whether its sides and time do
    too (against any label of that figure: the seeds may hold two claims for one phrase)."""
    same = _STRICT
    paired = match(predicted, gold, same)
    found: list[tuple[Record, bool]] = []
    for i, j in paired:
        p, g = predicted[i], gold[j]
        twins = [
            other
            for other in gold
            if doc_key(other) == doc_key(g)
            and other["start"] < g["end"]
            and g["start"] < other["end"]
            and same(p, other)
        ]
        found.append((p, any(claim_match(p, t) for t in twins)))
    return found


def calibration(results: Sequence[tuple[Record, bool]]) -> list[tuple[float, int, float]]:
    """(confidence, figures, share right) for each confidence level bilat gave."""
    levels: dict[float, list[bool]] = defaultdict(list)
    for row, ok in results:
        levels[round(float(row.get("confidence") or 0.0), 2)].append(ok)
    return [(c, len(oks), sum(oks) / len(oks)) for c, oks in sorted(levels.items())]


def brier(results: Sequence[tuple[Record, bool]]) -> float:
    """Mean squared gap between each confidence and its outcome (0 is perfect; 0.25 is
    what a constant 0.5 scores)."""
    if not results:
        return 0.0
    gaps = [(float(row.get("confidence") or 0.0) - ok) ** 2 for row, ok in results]
    return sum(gaps) / len(gaps)
