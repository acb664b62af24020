"""The influence index: what an analyst checks before trusting a ranking of powers."""

from __future__ import annotations

import random
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.analyse.influence import (
    InfluenceResult,
    InputRow,
    Missing,
    WeightsError,
    influence,
    influence_chart_svg,
    influence_of_claims,
    load_weights,
)
from bilat.model import Claim, Qualifier, Source, TimeRef
from bilat.ontology import DIMENSIONS
from bilat.store import Batch, Store

# Synthetic dyads use countries that belong to none of the organisations in the reference
# data, so every score below comes from the claims written here.
SUBJECT, POWERS = "BRA", ("ARG", "CHL")
SOURCE = Source("test-src", "A test report", "Analyst", "Test Press", 2020, "B")
SOURCES = {SOURCE.id: SOURCE}
DEFAULT = load_weights()


def claim(
    indicator: str,
    obj: str | None,
    value: float,
    unit: str,
    *,
    subject: str = SUBJECT,
    time: str | None = "2019",
    qualifier: Qualifier = "exact",
) -> Claim:
    return Claim(
        indicator, subject, obj, value, unit, SOURCE.id, TimeRef.parse(time), qualifier=qualifier
    )


def base_claims() -> list[Claim]:
    return [
        claim("trade_share", "ARG", 30, "percent"),
        claim("trade_volume", "ARG", 5e9, "USD"),
        claim("troops_stationed", "ARG", 1000, "persons"),
        claim("remittances", "ARG", 1e9, "USD"),
        claim("trade_share", "CHL", 10, "percent"),
        claim("trade_volume", "CHL", 1e9, "USD"),
        claim("investment_share", "CHL", 20, "percent"),
    ]


def run(claims: list[Claim], powers: tuple[str, ...] = POWERS, **options: Any) -> InfluenceResult:
    options = {"at": "2020", "runs": 50, **options}
    subject = options.pop("subject", SUBJECT)
    return influence_of_claims(claims, SOURCES, subject, powers, **options)


def rows(result: InfluenceResult, power: str, dimension: str) -> dict[str, InputRow]:
    return {r.indicator: r for r in result.inputs if r.power == power and r.dimension == dimension}


def dimension_score(result: InfluenceResult, power: str, dimension: str) -> float | None:
    found = result.scores[power].dimensions[dimension]
    return None if found is None else found.score


# -- the analyses' conclusions on the starter data ----------------------------------------------


@pytest.mark.parametrize("subject", ["KAZ", "KGZ", "TJK"])
def test_russia_leads_china_on_security(starter_store: Store, subject: str) -> None:
    result = influence(starter_store, subject, ["RUS", "CHN"], runs=300)
    russia = dimension_score(result, "RUS", "security")
    china = dimension_score(result, "CHN", "security")
    assert russia is not None and china is not None  # China scores through the SCO
    assert russia > china
    top, share = result.top_by_dimension["security"]
    assert top == "RUS" and share >= 0.9  # and it holds whatever the weights


@pytest.mark.parametrize("subject", ["TKM", "KGZ"])
def test_china_leads_russia_on_the_economy(starter_store: Store, subject: str) -> None:
    result = influence(starter_store, subject, ["RUS", "CHN"], runs=300)
    china = dimension_score(result, "CHN", "economy")
    russia = dimension_score(result, "RUS", "economy")
    assert china is not None and russia is not None
    assert china > russia
    top, share = result.top_by_dimension["economy"]
    assert top == "CHN" and share >= 0.9


def test_the_conclusions_rest_on_cited_claims(starter_store: Store) -> None:
    result = influence(starter_store, "TKM", ["RUS", "CHN"], runs=10)
    china = rows(result, "CHN", "economy")
    assert china["trade_share"].value == 44
    assert china["trade_share"].source == "heinemann-grueder-bpb"
    assert china["trade_share"].claim is not None and china["trade_share"].claim.startswith("clm_")
    russia = rows(result, "RUS", "economy")
    assert russia["trade_share"].value == 7


def test_tajik_security_counts_the_russian_troops_and_the_csto(starter_store: Store) -> None:
    result = influence(starter_store, "TJK", ["RUS", "CHN"], runs=10)
    security = rows(result, "RUS", "security")
    assert security["troops_stationed"].value == 7000
    assert "CSTO (alliance)" in security["shared_organisations"].note


def test_the_most_recent_yearly_figure_is_used(starter_store: Store) -> None:
    # KGZ remittances from Russia: ~2.0bn (2016), 433m (Q1 2017), 2.2bn (2017): the full year
    # 2017 wins over both the older year and the quarter.
    result = influence(starter_store, "KGZ", ["RUS"], runs=10)
    remittances = rows(result, "RUS", "people")["remittances"]
    assert remittances.value == 2.2e9 and remittances.time == "2017"


def test_changes_are_not_levels(starter_store: Store) -> None:
    # KAZ–RUS trade: 12.9bn in 2016, and "28% lower" in H1 2016: the change is skipped.
    result = influence(starter_store, "KAZ", ["RUS"], runs=10)
    assert rows(result, "RUS", "economy")["trade_volume"].value == 12.9e9


def test_a_dimension_without_evidence_is_missing_not_zero(starter_store: Store) -> None:
    result = influence(starter_store, "KGZ", ["RUS", "CHN"], runs=10)
    assert result.scores["CHN"].dimensions["people"] is None
    assert Missing("CHN", "people", "remittances") in result.missing
    assert Missing("CHN", "people", "remittances_gdp_share") in result.missing
    data = result.to_dict()
    assert data["scores"]["CHN"]["dimensions"]["people"] is None


def test_remittances_are_not_set_against_gdp_without_a_gdp_claim(starter_store: Store) -> None:
    result = influence(starter_store, "TKM", ["RUS"], runs=10)
    assert "remittances_gdp_share" not in rows(result, "RUS", "people")
    assert Missing("RUS", "people", "remittances_gdp_share") in result.missing


def test_five_powers_and_a_thousand_runs_take_well_under_a_second(starter_store: Store) -> None:
    influence(starter_store, "KAZ", ["RUS"], runs=1)  # reference data read once
    started = time.perf_counter()
    result = influence(starter_store, "KAZ", ["RUS", "CHN", "USA", "EU", "TUR"], runs=1000)
    assert time.perf_counter() - started < 1.0
    assert len(result.ranking) == 5


# -- properties on small synthetic stores -------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    low=st.floats(min_value=0, max_value=100),
    high=st.floats(min_value=0, max_value=100),
    size=st.sampled_from(["trade_share", "investment_share", "external_debt_share"]),
)
def test_raising_a_dependence_input_never_lowers_the_score(
    low: float, high: float, size: str
) -> None:
    low, high = sorted((low, high))
    before = run([*base_claims(), claim(size, "ARG", low, "percent", time="2020")], runs=1)
    after = run([*base_claims(), claim(size, "ARG", high, "percent", time="2020")], runs=1)
    assert after.scores["ARG"].total >= before.scores["ARG"].total
    assert (dimension_score(after, "ARG", "economy") or 0) >= (
        dimension_score(before, "ARG", "economy") or 0
    )
    # On fixed scales one power's figure does not move another's score.
    assert after.scores["CHL"].total == before.scores["CHL"].total


@settings(max_examples=30, deadline=None)
@given(low=st.floats(min_value=0, max_value=1e12), high=st.floats(min_value=0, max_value=1e12))
def test_raising_a_size_never_lowers_the_score(low: float, high: float) -> None:
    low, high = sorted((low, high))
    before = run([*base_claims(), claim("investment", "ARG", low, "USD")], runs=1)
    after = run([*base_claims(), claim("investment", "ARG", high, "USD")], runs=1)
    assert after.scores["ARG"].total >= before.scores["ARG"].total


def test_a_power_without_claims_has_no_scores_and_no_leverage() -> None:
    result = run(base_claims(), powers=("ARG", "CHL", "MEX"))
    mexico = result.scores["MEX"]
    assert all(value is None for value in mexico.dimensions.values())
    assert mexico.total == 0 and mexico.high == 0
    assert {m.dimension for m in result.missing if m.power == "MEX"} == set(DIMENSIONS)
    assert result.ranking[-1] == "MEX"


def test_evidence_of_no_troops_scores_zero_not_missing() -> None:
    result = run([claim("troops_stationed", "MEX", 0, "persons")], powers=("MEX",))
    security = result.scores["MEX"].dimensions["security"]
    assert security is not None and security.score == 0 and security.high == 0


def test_ties_without_reliance_give_no_leverage_on_the_geometric_mean() -> None:
    result = run([claim("trade_volume", "ARG", 5e9, "USD")], powers=("ARG",))
    economy = result.scores["ARG"].dimensions["economy"]
    assert economy is not None
    assert economy.bandwidth > 0 and economy.dependence == 0 and economy.score == 0


def test_the_result_does_not_depend_on_the_order_of_claims_or_powers() -> None:
    claims = [*base_claims(), claim("trade_share", "ARG", 25, "percent", time="2017")]
    shuffled = list(reversed(claims))
    random.Random(3).shuffle(shuffled)
    first = run(claims, powers=("ARG", "CHL", "MEX"), runs=200)
    second = run(shuffled, powers=("MEX", "CHL", "ARG"), runs=200)
    assert first.to_dict() == second.to_dict()
    assert first.ranking == second.ranking == ("ARG", "CHL", "MEX")


def test_the_band_holds_the_point_score_and_the_seed_reproduces_it() -> None:
    first = run(base_claims(), runs=300, seed=11)
    again = run(base_claims(), runs=300, seed=11)
    assert first.to_dict() == again.to_dict()
    for score in first.scores.values():
        assert score.low <= score.total <= score.high
        for dim in score.dimensions.values():
            if dim is not None:
                assert dim.low <= dim.score <= dim.high
    other = run(base_claims(), runs=300, seed=12)
    assert other.scores["ARG"].total == first.scores["ARG"].total  # the point does not move
    assert 0.0 <= first.robust_share <= 1.0


def test_a_clear_lead_is_robust() -> None:
    result = run(base_claims(), runs=300)
    assert result.ranking == ("ARG", "CHL")
    assert result.robust and result.robust_share >= 0.9


def test_the_most_recent_figure_wins_and_symmetric_figures_read_from_either_side() -> None:
    claims = [
        claim("trade_share", "ARG", 10, "percent", time="2015"),
        claim("trade_share", "ARG", 40, "percent", time="2019"),
        claim("trade_volume", "BRA", 3e9, "USD", subject="ARG"),  # ARG's side of the same trade
    ]
    economy = rows(run(claims, powers=("ARG",)), "ARG", "economy")
    assert economy["trade_share"].value == 40
    assert economy["trade_volume"].value == 3e9


def test_figures_after_the_date_of_the_analysis_are_left_out() -> None:
    claims = [
        claim("trade_share", "ARG", 10, "percent", time="2015"),
        claim("trade_share", "ARG", 40, "percent", time="2019"),
    ]
    economy = rows(run(claims, powers=("ARG",), at="2016"), "ARG", "economy")
    assert economy["trade_share"].value == 10


def test_a_regional_figure_counts_at_a_discount_and_loses_to_a_direct_one() -> None:
    regional = claim("arms_import_share", "ARG", 60, "percent", subject="C5")
    result = run([regional], powers=("ARG",), subject="TKM")
    row = rows(result, "ARG", "security")["arms_import_share"]
    assert row.regional and "C5" in row.note
    assert row.normalised == pytest.approx(0.6 * DEFAULT.regional_discount)
    direct = claim("arms_import_share", "ARG", 10, "percent", subject="TKM")
    row = rows(run([regional, direct], powers=("ARG",), subject="TKM"), "ARG", "security")[
        "arms_import_share"
    ]
    assert not row.regional and row.value == 10


def test_a_share_of_gdp_is_derived_only_from_a_gdp_claim() -> None:
    remittances = claim("remittances", "ARG", 1e9, "USD")
    without = run([remittances], powers=("ARG",))
    assert Missing("ARG", "people", "remittances_gdp_share") in without.missing
    gdp = claim("gdp", None, 1e10, "USD")
    derived = rows(run([remittances, gdp], powers=("ARG",)), "ARG", "people")
    share = derived["remittances_gdp_share"]
    assert share.value == pytest.approx(10.0) and share.unit == "percent"
    assert "derived" in share.note and gdp.id in share.note


def test_shared_memberships_follow_the_date() -> None:
    # Kyrgyzstan joined the EAEU in August 2015; before, it shared EurAsEC with Russia.
    before = rows(run([], powers=("RUS",), subject="KGZ", at="2014-06-01"), "RUS", "economy")
    after = rows(run([], powers=("RUS",), subject="KGZ", at="2020-01-01"), "RUS", "economy")
    assert "EURASEC" in before["shared_organisations"].note
    assert "EAEU" not in before["shared_organisations"].note
    assert "EAEU" in after["shared_organisations"].note


def test_an_organisation_can_be_the_power() -> None:
    result = run([], powers=("EAEU",), subject="KAZ")
    economy = rows(result, "EAEU", "economy")
    assert "EAEU" in economy["shared_organisations"].note


# -- the weights file ---------------------------------------------------------------------------


def default_data() -> dict[str, Any]:
    text = (Path(__file__).parents[2] / "bilat" / "analyse" / "weights.yaml").read_text()
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "weights.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_the_default_weights_cover_every_dimension() -> None:
    assert DEFAULT.origin == "default"
    assert [d.name for d in DEFAULT.dimensions] == list(DIMENSIONS)
    assert DEFAULT.aggregation in ("geometric", "arithmetic")


def test_a_modified_weights_file_changes_the_scores(tmp_path: Path) -> None:
    data = default_data()
    data["dimensions"]["economy"]["dependence"]["trade_share"]["weight"] = 5.0
    data["aggregation"] = "arithmetic"
    path = write(tmp_path, data)
    changed = run(base_claims(), weights=load_weights(path))
    default = run(base_claims())
    assert changed.weights == str(path)
    assert changed.scores["ARG"].total != default.scores["ARG"].total


def test_a_larger_regional_discount_raises_a_regional_only_score(tmp_path: Path) -> None:
    data = default_data()
    data["regional_discount"] = 1.0
    regional = [claim("arms_import_share", "ARG", 60, "percent", subject="C5")]
    full = run(
        regional, powers=("ARG",), subject="TKM", weights=load_weights(write(tmp_path, data))
    )
    half = run(regional, powers=("ARG",), subject="TKM")
    assert full.scores["ARG"].total > half.scores["ARG"].total


def _drop(path: list[str]) -> Any:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _set(path: list[str], value: object) -> Any:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (_drop(["dimensions", "security", "weight"]), "dimensions.security.weight"),
        (_drop(["monte_carlo"]), "monte_carlo"),
        (_set(["aggregation"], "harmonic"), "aggregation"),
        (_set(["surprise"], 1), "surprise"),
        (
            _set(["dimensions", "economy", "dependence", "trade_share", "scale"], "cubic"),
            "dimensions.economy.dependence.trade_share.scale",
        ),
        (
            _set(["dimensions", "economy", "bandwidth", "trade_volume", "weight"], "heavy"),
            "dimensions.economy.bandwidth.trade_volume.weight",
        ),
        (
            _drop(["dimensions", "economy", "bandwidth", "trade_volume", "ref"]),
            "dimensions.economy.bandwidth.trade_volume.ref",
        ),
        (
            _set(["dimensions", "security", "dependence", "trade_share"], {"weight": 1}),
            "dimensions.security.dependence.trade_share",
        ),
        (
            _set(["dimensions", "economy", "dependence", "gdp_growth"], {"weight": 1}),
            "dimensions.economy.dependence.gdp_growth",
        ),
        (_set(["monte_carlo", "weight_factor"], [1.5, 0.5]), "monte_carlo.weight_factor"),
        (_set(["regional_discount"], 2), "regional_discount"),
    ],
)
def test_a_malformed_weights_file_names_the_bad_key(tmp_path: Path, change: Any, key: str) -> None:
    data = default_data()
    change(data)
    path = write(tmp_path, data)
    with pytest.raises(WeightsError) as error:
        load_weights(path)
    message = str(error.value)
    assert message.startswith("[E120]") and str(path) in message
    assert f" {key}:" in message


def test_a_weights_file_that_is_not_yaml_or_not_there_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("aggregation: [geometric", encoding="utf-8")
    with pytest.raises(WeightsError, match="not valid YAML"):
        load_weights(bad)
    with pytest.raises(WeightsError, match="cannot be read"):
        load_weights(tmp_path / "absent.yaml")


# -- the library on a real store and the chart --------------------------------------------------


def test_influence_reads_a_store_like_the_claims_in_hand(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(Batch(sources=[SOURCE], claims=base_claims()))
        from_store = influence(store, SUBJECT, POWERS, runs=50, at="2020")
    assert from_store.to_dict() == run(base_claims()).to_dict()


def test_the_chart_draws_one_bar_and_band_per_power() -> None:
    result = run(base_claims(), powers=("ARG", "CHL", "MEX"))
    svg = influence_chart_svg(result, {"ARG": "Argentina", "CHL": "Chile", "BRA": "Brazil"})
    root = ET.fromstring(svg)
    bars = root.findall(".//g[@class='bar']")
    assert [b.get("data-key") for b in bars] == list(result.ranking)
    assert len(root.findall(".//line[@class='band']")) == 3
    assert "Influence over Brazil" in (root.findtext("title") or "")
    assert svg == influence_chart_svg(result, {"ARG": "Argentina", "CHL": "Chile", "BRA": "Brazil"})


def test_a_claim_an_analyst_deprecated_is_not_used() -> None:
    newer = Claim(
        "trade_share",
        SUBJECT,
        "ARG",
        90,
        "percent",
        SOURCE.id,
        TimeRef.parse("2019"),
        rank="deprecated",
        rank_reason="misread table",
    )
    older = claim("trade_share", "ARG", 20, "percent", time="2017")
    economy = rows(run([newer, older], powers=("ARG",)), "ARG", "economy")
    assert economy["trade_share"].value == 20
