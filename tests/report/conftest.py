"""A realistic brief for Kyrgyzstan and Russia. Figures are invented but plausible."""

from __future__ import annotations

import copy
from typing import Any

import pytest


def _claim(
    n: int,
    indicator: str,
    label: str,
    value: float,
    unit: str,
    cite: int,
    source: str,
    *,
    subject: str = "KGZ",
    obj: str | None = "RUS",
    value_max: float | None = None,
    qualifier: str = "exact",
    time: str | None = None,
    rank: str = "normal",
    summary: str | None = None,
) -> dict[str, Any]:
    return {
        "id": f"clm_{n:016x}",
        "indicator": indicator,
        "label": label,
        "subject": subject,
        "object": obj,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "qualifier": qualifier,
        "time": time,
        "source": source,
        "cite": cite,
        "summary": summary,
        "sentence": None,
        "locator": f"section 'Overview', paragraph {n}",
        "rank": rank,
        "confidence": 1.0,
    }


MIGRANTS_HIGH = _claim(
    20,
    "migrants",
    "Migrants from the subject in the partner",
    1_000_000,
    "persons",
    2,
    "steppe-review-2019",
    qualifier="approx",
    time="2017",
    rank="deprecated",
)
MIGRANTS_LOW = _claim(
    21,
    "migrants",
    "Migrants from the subject in the partner",
    640_000,
    "persons",
    1,
    "halden-institute-2018",
    time="2017",
    rank="preferred",
    summary="Official Russian registration data count about 640,000 Kyrgyz citizens.",
)


def make_brief() -> dict[str, Any]:
    return {
        "pair": ["KGZ", "RUS"],
        "names": {
            "KGZ": "Kyrgyzstan",
            "RUS": "Russia",
            "CHN": "China",
            "KAZ": "Kazakhstan",
            "EAEU": "Eurasian Economic Union",
            "CSTO": "Collective Security Treaty Organisation",
        },
        "generated": "2026-11-23",
        "evidence": True,
        "headline": [
            "Russia remains Kyrgyzstan's main security partner and keeps an air base near "
            "Bishkek [1][3].",
            "Money sent home by Kyrgyz workers in Russia equalled about 30% of GDP [2].",
        ],
        "dimensions": {
            "security": [
                _claim(
                    1,
                    "troops_stationed",
                    "Foreign troops stationed",
                    500,
                    "persons",
                    1,
                    "halden-institute-2018",
                    qualifier="approx",
                    time="2018",
                ),
                _claim(
                    2,
                    "arms_import_share",
                    "Partner's share of arms imports",
                    80,
                    "percent",
                    3,
                    "pamir-monitor-2020",
                    qualifier="at_least",
                    time="2015/2019",
                ),
            ],
            "economy": [
                _claim(
                    3,
                    "trade_volume",
                    "Bilateral trade",
                    2.1e9,
                    "USD",
                    3,
                    "pamir-monitor-2020",
                    time="2019",
                ),
                _claim(
                    4,
                    "debt_relief",
                    "Debt written off by the partner",
                    240e6,
                    "USD",
                    1,
                    "halden-institute-2018",
                    time="2017-03",
                ),
                _claim(
                    5,
                    "trade_share",
                    "Share of the subject's trade with the partner",
                    -9.5,
                    "percent",
                    3,
                    "pamir-monitor-2020",
                    qualifier="change",
                    time="2018/2019",
                ),
            ],
            "energy": [],
            "people": [
                _claim(
                    6,
                    "remittances_gdp_share",
                    "Remittances as share of GDP",
                    30.4,
                    "percent",
                    2,
                    "steppe-review-2019",
                    time="2016",
                    summary="Transfers from workers abroad, nearly all in Russia, were close to "
                    "a third of output.",
                ),
                MIGRANTS_LOW,
                MIGRANTS_HIGH,
            ],
            "diplomacy": [
                _claim(
                    7,
                    "agreements",
                    "Agreements signed",
                    40,
                    "count",
                    1,
                    "halden-institute-2018",
                    qualifier="at_least",
                    time="2017-06",
                ),
            ],
        },
        "events": [
            {
                "id": "evt_0000000000000001",
                "date": "2015-08",
                "type": "COOPERATE",
                "quad": 2,
                "quad_label": "material cooperation",
                "subtype": "joins",
                "actors": ["KGZ", "EAEU"],
                "summary": "Kyrgyzstan becomes a full member of the Eurasian Economic Union.",
                "source": "pamir-monitor-2020",
                "cite": 3,
            },
            {
                "id": "evt_0000000000000002",
                "date": "2017-06-20",
                "type": "AGREE",
                "quad": 1,
                "quad_label": "verbal cooperation",
                "subtype": "signs",
                "actors": ["RUS", "KGZ"],
                "summary": "Presidents sign a package of economic agreements in Bishkek.",
                "source": "halden-institute-2018",
                "cite": 1,
            },
            {
                "id": "evt_0000000000000003",
                "date": "2019",
                "type": "DISAPPROVE",
                "quad": 3,
                "quad_label": "verbal conflict",
                "subtype": None,
                "actors": ["KGZ", "RUS"],
                "summary": "Bishkek criticises new Russian entry rules for labour migrants.",
                "source": "steppe-review-2019",
                "cite": 2,
            },
        ],
        "memberships": {
            "shared": [
                {
                    "org": "CSTO",
                    "name": "Collective Security Treaty Organisation",
                    "since": {"KGZ": "1992-05-15", "RUS": "1992-05-15"},
                },
                {
                    "org": "EAEU",
                    "name": "Eurasian Economic Union",
                    "since": {"KGZ": "2015-08-12", "RUS": "2015-01-01"},
                },
            ],
            "only": {
                "KGZ": [
                    {
                        "org": "PFP",
                        "name": "Partnership for Peace",
                        "since": "1994-06-01",
                        "status": "partner",
                    }
                ],
                "RUS": [{"org": "G20", "name": "Group of Twenty", "since": "1999-09-26"}],
            },
            "past": [
                {
                    "org": "G8",
                    "name": "Group of Eight",
                    "member": "RUS",
                    "joined": "1997-06-20",
                    "left": "2014-03-24",
                }
            ],
        },
        "conflicts": [
            {
                "indicator": "migrants",
                "label": "Migrants from the subject in the partner",
                "subject": "KGZ",
                "object": "RUS",
                "time": "2017",
                "claims": [MIGRANTS_LOW, MIGRANTS_HIGH],
                "spread": 0.36,
                "reason": "more reliable source (B over C)",
            }
        ],
        "sources": [
            {
                "n": 1,
                "id": "halden-institute-2018",
                "title": "Kyrgyzstan between Moscow and Beijing",
                "author": "Ingrid Halden",
                "publisher": "Halden Institute for Eurasian Studies",
                "year": 2018,
                "grade": "B",
                "grade_reason": "Research institute; figures footnoted to official statistics.",
            },
            {
                "n": 2,
                "id": "steppe-review-2019",
                "title": "Labour migration and the Kyrgyz economy",
                "author": None,
                "publisher": "Steppe Review",
                "year": 2019,
                "grade": "C",
                "grade_reason": "Magazine feature; figures rounded and rarely sourced.",
            },
            {
                "n": 3,
                "id": "pamir-monitor-2020",
                "title": "Security and trade in Central Asia, 2015–2020",
                "author": "Daniyar Osmonov",
                "publisher": "Pamir Monitor",
                "year": 2020,
                "grade": "B",
                "grade_reason": "Annual monitoring report citing customs and defence data.",
            },
        ],
        "series": [
            {
                "title": "Remittances as share of Kyrgyzstan's GDP",
                "unit": "percent",
                "lines": {"RUS": [[2014, 27.5], [2016, 30.4], [2018, 29.2]]},
            },
            {
                "title": "Share of Kyrgyzstan's trade",
                "unit": "percent",
                "lines": {
                    "RUS": [[2016, 22.0], [2018, 24.5], [2019, 22.2]],
                    "CHN": [[2016, 27.0], [2018, 26.1], [2019, 25.0]],
                    "KAZ": [[2018, 11.3]],
                },
            },
        ],
    }


@pytest.fixture
def brief() -> dict[str, Any]:
    return make_brief()


@pytest.fixture
def empty_brief() -> dict[str, Any]:
    """A pair with no claims or events: only memberships from reference data."""
    data = make_brief()
    data.update(
        evidence=False,
        headline=[],
        dimensions={d: [] for d in ("security", "economy", "energy", "people", "diplomacy")},
        events=[],
        conflicts=[],
        sources=[],
        series=[],
    )
    return copy.deepcopy(data)


@pytest.fixture
def claims(brief: dict[str, Any]) -> list[dict[str, Any]]:
    """Every claim of the sample brief, across dimensions."""
    return [claim for group in brief["dimensions"].values() for claim in group]
