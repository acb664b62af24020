"""Attribution limits: measures of one side alone name no counterpart."""

from __future__ import annotations

from typing import Any

from bilat.extract.pipeline import extract_text


def _row(text: str, figure: str, published: str | None = None) -> dict[str, Any]:
    rows = [r for r in extract_text(text, published=published) if r["text"] == figure]
    assert rows, f"{figure!r} not extracted from {text!r}"
    return rows[0]


def test_a_population_has_no_counterpart() -> None:
    text = (
        "Half a million Georgians work in Turkey, a country far larger than "
        "Georgia's 3.7 million people."
    )
    row = _row(text, "3.7 million people")
    assert (row["indicator"], row["subject"], row["object"]) == ("population", "GEO", None)


def test_gdp_growth_is_about_one_economy() -> None:
    text = "Helped by exports to China, Mongolia's GDP growth reached 7 percent in 2023."
    row = _row(text, "7 percent")
    assert (row["indicator"], row["subject"], row["object"]) == ("gdp_growth", "MNG", None)
