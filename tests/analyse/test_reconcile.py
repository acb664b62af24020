"""Grouping claims and preferring one: the rules an analyst can check by hand."""

from __future__ import annotations

from bilat.analyse.reconcile import conflicts, reconcile, values_agree
from bilat.model import Claim, Source, TimeRef

SOURCES = {
    "good": Source("good", "Careful report", "A", "P", 2017, "B", ""),
    "weak": Source("weak", "Opinion piece", "B", "Q", 2011, "C", ""),
    "late": Source("late", "Later careful report", "C", "R", 2020, "B", ""),
}


def claim(
    value: float,
    source: str,
    *,
    unit: str = "km",
    time: str | None = None,
    qualifier: str = "exact",
    subject: str = "KAZ",
    object: str = "RUS",
    indicator: str = "border_length",
) -> Claim:
    return Claim(
        indicator, subject, object, value, unit, source, TimeRef.parse(time), qualifier=qualifier
    )  # type: ignore[arg-type]


def test_differing_border_lengths_are_a_conflict_and_the_reliable_source_wins() -> None:
    [group] = conflicts([claim(6000, "weak"), claim(7500, "good")], SOURCES)
    assert group.preferred.value == 7500
    assert group.reason == "more reliable source (B over C)"
    assert round(group.spread, 2) == 0.2


def test_a_symmetric_figure_groups_from_either_side() -> None:
    groups = reconcile(
        [claim(7500, "good"), claim(7500, "weak", subject="RUS", object="KAZ")], SOURCES
    )
    assert len(groups) == 1 and not groups[0].conflict


def test_rounding_in_prose_is_not_a_conflict() -> None:
    nearly = claim(2.0e9, "weak", unit="USD", qualifier="approx", indicator="remittances")
    exact = claim(1.92e9, "good", unit="USD", indicator="remittances")
    assert values_agree(nearly, exact)
    assert conflicts([nearly, exact], SOURCES) == []


def test_figures_for_different_years_are_not_compared() -> None:
    a = claim(32.0, "good", unit="percent", time="2013", indicator="remittances_gdp_share")
    b = claim(30.4, "weak", unit="percent", time="2016", indicator="remittances_gdp_share")
    assert conflicts([a, b], SOURCES) == []
    assert len(reconcile([a, b], SOURCES)) == 2


def test_a_range_agrees_with_a_value_inside_it() -> None:
    rng = claim(500_000, "good", unit="persons", indicator="migrants")
    rng.value_max = 1_000_000
    assert values_agree(rng, claim(800_000, "weak", unit="persons", indicator="migrants"))


def test_at_equal_grade_the_more_recent_source_wins() -> None:
    [group] = conflicts([claim(6000, "good"), claim(7600, "late")], SOURCES)
    assert group.preferred.source_id == "late"
    assert group.reason == "more recent source (2020 over 2017)"


def test_an_analyst_preference_overrides_the_rules() -> None:
    weak = claim(6000, "weak")
    weak.rank, weak.rank_reason = "preferred", "checked against the treaty text"
    [group] = conflicts([claim(7500, "good"), weak], SOURCES)
    assert group.preferred is weak
    assert group.reason == "analyst review: checked against the treaty text"


def test_grouping_is_stable_under_reordering() -> None:
    claims = [claim(6000, "weak"), claim(7500, "good"), claim(7600, "late")]
    forward = reconcile(claims, SOURCES)
    backward = reconcile(list(reversed(claims)), SOURCES)
    assert [g.preferred.id for g in forward] == [g.preferred.id for g in backward]
