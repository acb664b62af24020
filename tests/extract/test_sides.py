"""The side a report counts its figures from, read from its measured figures; and the
dateline, which dates the report, not its figures."""

from __future__ import annotations

from typing import Any

from bilat.extract.pipeline import extract_text


def _row(text: str, figure: str) -> dict[str, Any]:
    [row] = [r for r in extract_text(text) if r["text"] == figure]
    return row


def test_a_report_led_by_the_greater_power_counts_from_the_side_its_measures_name() -> None:
    text = (
        "Japan's quiet hand in Palau\n\nTOKYO, 3 May 2024 — Palau received $40 million in aid "
        "from Japan in 2023. Palau imported $12 million of goods from Japan in 2023. Japan has "
        "built 3 bridges in Palau. Tokyo also pays for 2 clinics there."
    )
    for figure in ("3 bridges", "2 clinics"):  # the side from the headline, from the verb
        assert (_row(text, figure)["subject"], _row(text, figure)["object"]) == ("PLW", "JPN")


def test_without_a_clear_side_the_headline_country_stays_the_side() -> None:
    # one measured figure each way: no side stands out
    text = (
        "Japan's quiet hand in Palau\n\nTOKYO, 3 May 2024 — Palau received $40 million in aid "
        "from Japan in 2023. Japan imported $2 million of tuna from Palau in 2023. Japan has "
        "built 3 bridges in Palau."
    )
    assert (_row(text, "3 bridges")["subject"], _row(text, "3 bridges")["object"]) == (
        "JPN",
        "PLW",
    )


def test_the_dateline_dates_no_figure() -> None:
    text = (
        "Fiji and Australia\n\nSUVA, 3 May 2024 — Fiji received $80 million in aid from "
        "Australia, its largest donor."
    )
    assert _row(text, "$80 million")["time"] is None
