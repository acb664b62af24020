"""How single figures and times read: the strings an analyst sees in every output."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.report.format import (
    describe_claim,
    direction,
    format_citation,
    format_time,
    format_value,
    membership_rows,
    parties,
    split_cites,
)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (12.9e9, "USD", "USD 12.9 bn"),
        (333e6, "USD", "USD 333 m"),
        (22e6, "USD", "USD 22 m"),
        (1.2e12, "RUB", "RUB 1.2 tn"),
        (450_000, "EUR", "EUR 450,000"),
        (30.4, "percent", "30.4%"),
        (30.0, "percent", "30%"),
        (0.35, "percent", "0.35%"),
        (7000, "persons", "7,000 persons"),
        (1, "persons", "1 person"),
        (7500, "km", "7,500 km"),
        (30, "bcm", "30 bcm"),
        (60, "count", "60"),
        (0, "percent", "0%"),
        (-2.5, "percent", "−2.5%"),
    ],
)
def test_single_values(value: float, unit: str, expected: str) -> None:
    assert format_value(value, unit) == expected


def test_ranges_say_the_unit_once() -> None:
    assert format_value(500_000, "persons", 1_000_000) == "500,000–1,000,000 persons"
    assert format_value(20, "percent", 25) == "20–25%"
    assert format_value(1e9, "USD", 2e9) == "USD 1–2 bn"
    assert format_value(500e6, "USD", 1.2e9) == "USD 500 m–1.2 bn"
    # A degenerate range is just the value.
    assert format_value(30, "bcm", 30) == "30 bcm"


def test_qualifiers() -> None:
    assert format_value(30, "bcm", qualifier="approx") == "about 30 bcm"
    assert format_value(60, "count", qualifier="at_least") == "at least 60"
    assert format_value(30, "percent", qualifier="at_most") == "up to 30%"
    assert format_value(500_000, "persons", 1e6, "approx") == "about 500,000–1,000,000 persons"


def test_change_always_shows_its_sign() -> None:
    assert format_value(-28, "percent", qualifier="change") == "change of −28%"
    assert format_value(12.3, "percent", qualifier="change") == "change of +12.3%"
    assert format_value(1.5e9, "USD", qualifier="change") == "change of USD +1.5 bn"
    assert format_value(-10, "percent", -5, "change") == "change of −10% to −5%"


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        ("2016", "2016"),
        (2016, "2016"),
        ("2013/2016", "2013–2016"),
        ("2017-08", "Aug 2017"),
        ("2017-08-05", "5 Aug 2017"),
        ("2017-08/2018-02", "Aug 2017–Feb 2018"),
        (None, "n.d."),
        ("", "n.d."),
        ("around 2010", "around 2010"),
    ],
)
def test_time(time: str | int | None, expected: str) -> None:
    assert format_time(time) == expected


def test_describe_claim(claims: list[dict[str, Any]], brief: dict[str, Any]) -> None:
    remittances = next(c for c in claims if c["indicator"] == "remittances_gdp_share")
    assert describe_claim(remittances, brief["names"]) == (
        "Remittances as share of GDP — Kyrgyzstan from Russia: 30.4% (2016) [2]"
    )


def test_describe_claim_without_time_object_or_cite() -> None:
    claim = {
        "indicator": "population",
        "label": "Population",
        "subject": "KGZ",
        "object": None,
        "value": 6.7e6,
        "unit": "persons",
        "time": None,
        "cite": None,
    }
    assert describe_claim(claim, {"KGZ": "Kyrgyzstan"}) == (
        "Population — Kyrgyzstan: 6,700,000 persons (n.d.)"
    )


def test_direction_follows_the_indicator() -> None:
    names = {"KAZ": "Kazakhstan", "RUS": "Russia", "CHN": "China"}
    remit = {"indicator": "remittances", "subject": "KAZ", "object": "RUS"}
    exports = {"indicator": "exports", "subject": "KAZ", "object": "CHN"}
    border = {"indicator": "border_length", "subject": "KAZ", "object": "RUS"}
    assert (direction(remit), parties(remit, names)) == ("KAZ ← RUS", "Kazakhstan from Russia")
    assert (direction(exports), parties(exports, names)) == ("KAZ → CHN", "Kazakhstan to China")
    # Symmetric indicators (from the ontology) read both ways.
    assert (direction(border), parties(border, names)) == ("KAZ ↔ RUS", "Kazakhstan and Russia")
    # Unknown ids fall back to the id rather than failing.
    assert parties({"indicator": "aid", "subject": "XYZ", "object": None}, names) == "XYZ"


def test_split_cites() -> None:
    assert split_cites("Russia leads [1][3]. Trade grew [2].") == [
        "Russia leads ",
        1,
        3,
        ". Trade grew ",
        2,
        ".",
    ]


def test_citation() -> None:
    assert format_citation(
        {"author": "A. Author", "publisher": "Pub", "title": "Title.", "year": 2018}
    ) == ("A. Author (2018). Title. Pub.")
    assert format_citation({"publisher": "Pub", "title": "T", "year": None}) == "Pub (n.d.). T."


def test_membership_rows(brief: dict[str, Any]) -> None:
    rows = membership_rows(brief)
    assert rows[0] == (
        "Collective Security Treaty Organisation (CSTO)",
        ["since 15 May 1992", "since 15 May 1992"],
        False,
    )
    assert ("Partnership for Peace (PFP)", ["partner, since 1 Jun 1994", "—"], False) in rows
    assert rows[-1] == (
        "Group of Eight (G8)",
        ["—", "member 20 Jun 1997 – 24 Mar 2014 (left)"],
        True,
    )
