"""The benchmark's scoring, on tiny hand-made predictions."""

from __future__ import annotations

from typing import Any

from bench.score import score, values_agree


def claim(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc": "texts/a.txt",
        "start": 10,
        "end": 23,
        "text": "$12.9 billion",
        "indicator": "trade_volume",
        "subject": "KAZ",
        "object": "RUS",
        "value": 12.9e9,
        "value_max": None,
        "unit": "USD",
        "time": "2016",
    }
    return {**base, **changes}


def test_perfect_prediction_scores_one() -> None:
    gold = [claim(), claim(start=40, end=43, text="28%", value=28.0, unit="percent")]
    predicted = [dict(g, doc="/somewhere/else/a.txt", confidence=0.8) for g in gold]
    s = score(predicted, gold)
    for m in (s.quantity, s.claim):
        assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)
    assert not s.false_positives and not s.false_negatives


def test_wrong_unit_fails_quantity() -> None:
    s = score([claim(unit="EUR")], [claim()])
    assert s.quantity.tp == 0 and s.claim.tp == 0
    assert s.quantity.precision == 0.0 and s.quantity.recall == 0.0
    assert s.false_negatives[0][1] is not None  # the overlapping prediction is shown


def test_wrong_value_fails_quantity() -> None:
    assert score([claim(value=12.9)], [claim()]).quantity.tp == 0
    assert score([claim(value=12.9e9 * (1 + 1e-9))], [claim()]).quantity.tp == 1


def test_wrong_subject_passes_quantity_but_fails_claim() -> None:
    s = score([claim(subject="KGZ")], [claim()])
    assert s.quantity.f1 == 1.0
    assert s.claim.tp == 0 and s.claim_false_negatives


def test_wrong_time_fails_claim() -> None:
    s = score([claim(time="2017")], [claim()])
    assert s.quantity.tp == 1 and s.claim.tp == 0


def test_symmetric_indicator_may_swap_sides() -> None:
    swapped = claim(subject="RUS", object="KAZ")
    assert score([swapped], [claim()]).claim.tp == 1
    exports = claim(indicator="exports")
    assert score([dict(exports, subject="RUS", object="KAZ")], [exports]).claim.tp == 0


def test_range_matches_a_value_inside_it() -> None:
    gold = claim(text="500,000 and 1 million", value=5e5, value_max=1e6, unit="persons")
    assert score([claim(value=7.5e5, unit="persons")], [gold]).quantity.tp == 1
    assert score([claim(value=2e6, unit="persons")], [gold]).quantity.tp == 0
    point = claim(value=4e4, unit="persons")
    assert values_agree(claim(value=3e4, value_max=5e4), point)
    assert values_agree(gold, dict(gold))


def test_spans_must_overlap_and_docs_must_match() -> None:
    assert score([claim(start=30, end=35)], [claim()]).quantity.tp == 0
    assert score([claim(doc="b.txt")], [claim()]).quantity.tp == 0
    assert score([claim(start=8, end=15)], [claim()]).quantity.tp == 1


def test_a_prediction_matches_at_most_one_gold() -> None:
    gold = [claim(), claim(subject="KGZ")]  # two claims on one mention
    s = score([claim()], gold)
    assert s.claim.tp == 1 and s.claim.recall == 0.5
    assert s.quantity.gold == 1 and s.quantity.tp == 1  # (a) counts the quantity once


def test_recall_with_and_without_gold_lacking_digits() -> None:
    gold = [claim(), claim(start=50, end=60, text="an airbase", value=1.0, unit="count")]
    s = score([claim()], gold)
    assert s.quantity.recall == 0.5 and s.quantity.recall_digits == 1.0


def test_a_rounded_label_matches_the_exact_fraction() -> None:
    two_thirds = claim(text="two thirds", value=66.7, unit="percent")
    assert values_agree(claim(value=200 / 3, unit="percent"), two_thirds)
    assert not values_agree(claim(value=66.5, unit="percent"), two_thirds)
    assert not values_agree(claim(value=7.4e9), claim(value=7e9))  # whole numbers stay exact


def test_imports_of_one_side_are_exports_of_the_other() -> None:
    gold = claim(indicator="exports", subject="BRA", object="CHN")
    assert score([claim(indicator="imports", subject="CHN", object="BRA")], [gold]).claim.tp == 1
    assert score([claim(indicator="imports", subject="BRA", object="CHN")], [gold]).claim.tp == 0


def test_own_texts_named_apart_are_scored_as_a_set_of_their_own() -> None:
    from pathlib import Path

    from bench.quality import _split

    a, b = Path("texts/kenya.txt"), Path("texts/nepal.txt")
    gold_a, gold_b = {"doc": "kenya.txt"}, {"doc": "nepal.txt"}
    sets = {"own texts": ([a, b], [gold_a, gold_b]), "seeds": ([], [])}
    split = _split(sets, {"nepal"})  # type: ignore[arg-type]
    assert split == {
        "own texts (the rest)": ([a], [gold_a]),
        "own texts (nepal)": ([b], [gold_b]),
        "seeds": ([], []),
    }
