"""Extraction end to end on texts we wrote: figures attributed as an analyst would read them."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.extract.pipeline import contract_row, extract_document
from bilat.model import Document


def extract(text: str, published: str | None = "2019-05-01") -> list[dict[str, Any]]:
    doc = Document(Document.make_id(text), "test-src", "t.txt", "t", text, published)
    return [contract_row(c, "t.txt", text) for c in extract_document(doc).claims]


def one(rows: list[dict[str, Any]], text: str) -> dict[str, Any]:
    found = [r for r in rows if text in r["text"]]
    assert len(found) == 1, (text, rows)
    return found[0]


def test_remittances_from_a_sender_to_a_recipient() -> None:
    rows = extract("In 2018, Armenia received $1.1 billion in remittances from Russia.")
    row = one(rows, "1.1")
    assert (row["indicator"], row["subject"], row["object"]) == ("remittances", "ARM", "RUS")
    assert (row["value"], row["unit"], row["time"]) == (1.1e9, "USD", "2018")


def test_troops_of_a_stationing_power_in_a_host() -> None:
    rows = extract("Russia keeps about 3,000 troops in Armenia under a 2010 deal.")
    row = one(rows, "3,000")
    assert row["indicator"] == "troops_stationed"
    assert (row["subject"], row["object"]) == ("ARM", "RUS")


def test_a_share_of_gdp_is_about_the_possessor() -> None:
    rows = extract("Remittances equalled 29.5 percent of Moldova's GDP in 2019.")
    row = one(rows, "29.5")
    assert row["indicator"] == "remittances_gdp_share"
    assert row["subject"] == "MDA" and row["time"] == "2019"


def test_figures_in_a_list_get_their_own_partner() -> None:
    rows = extract(
        "In Mongolia the trade shares are 64 percent (China) to 28 percent (Russia) in 2020."
    )
    china, russia = one(rows, "64"), one(rows, "28")
    assert (china["subject"], china["object"]) == ("MNG", "CHN")
    assert (russia["subject"], russia["object"]) == ("MNG", "RUS")
    assert china["indicator"] == russia["indicator"] == "trade_share"


def test_an_investor_is_the_object() -> None:
    rows = extract("In 2016, China invested $310 million in Laos, more than any other country.")
    row = one(rows, "310")
    assert (row["indicator"], row["subject"], row["object"]) == ("investment", "LAO", "CHN")


def test_no_actor_named_means_null_not_a_guess() -> None:
    rows = extract("Prices rose by 4.5% over the winter.")
    row = one(rows, "4.5")
    assert row["subject"] is None and row["object"] is None
    assert row["confidence"] <= 0.5


def test_a_table_cell_takes_its_row_and_column() -> None:
    text = (
        "Trade overview\n"
        "  Trade With Russia (2017)1 Trade With China (2017)2 Notes\n"
        "Mongolia $1.7 billion $6.4 billion growing\n"
        "Armenia $1.9 billion $0.6 billion steady\n"
    )
    rows = extract(text)
    row = one(rows, "6.4")
    assert (row["subject"], row["object"], row["time"]) == ("MNG", "CHN", "2017")
    assert row["indicator"] == "trade_volume"
    row = one(rows, "1.9")
    assert (row["subject"], row["object"]) == ("ARM", "RUS")


def test_a_table_by_year_takes_its_measure_from_the_column_and_its_year_from_the_row() -> None:
    text = (
        "Aid to Tonga\n\nThe figures below show what Tonga received from Japan, in millions "
        "of US dollars.\n\nYear      Grants      Loans\n2021        12.5        40\n"
        "2022         9           55\n"
    )
    rows = extract(text)
    found = [(r["text"], r["indicator"], r["value"], r["unit"], r["time"]) for r in rows]
    assert found == [
        ("12.5", "aid", 12.5e6, "USD", "2021"),
        ("40", "loans", 40e6, "USD", "2021"),
        ("9", "aid", 9e6, "USD", "2022"),
        ("55", "loans", 55e6, "USD", "2022"),
    ]
    assert {(r["subject"], r["object"]) for r in rows} == {("TON", "JPN")}


@pytest.mark.parametrize(
    ("caption", "unit", "scale"),
    [
        ("in millions of bottles", "count", 1e6),
        ("in thousands of tonnes", "tonnes", 1e3),
        ("in thousands of people", "persons", 1e3),
        ("in billions of cubic metres", "bcm", 1.0),
    ],
)
def test_a_caption_in_things_gives_the_cells_their_unit(
    caption: str, unit: str, scale: float
) -> None:
    text = (
        f"The table gives Moldova's shipments by destination, {caption}.\n\n"
        "Destination    2021    2022\n"
        "Romania        41      45\n"
        "Poland         7       9\n"
    )
    row = one(extract(text), "45")
    assert (row["unit"], row["value"], row["time"]) == (unit, 45 * scale, "2022")
    assert (row["subject"], row["object"]) == ("MDA", "ROU")


def test_offsets_point_at_the_figure() -> None:
    text = "Intro line.\n\nGeorgia's trade with Turkey reached $1.6 billion in 2018."
    row = one(extract(text), "1.6")
    assert text[row["start"] : row["end"]] == row["text"]
    assert row["sentence"].startswith("Georgia's trade")


@pytest.mark.parametrize("published", [None, "2019"])
def test_the_publication_date_is_never_a_figures_time(published: str | None) -> None:
    rows = extract("Azerbaijan has about 9,000 soldiers on its border.", published)
    assert one(rows, "9,000")["time"] is None


def test_a_figure_in_an_endless_sentence_is_read_within_a_window() -> None:
    from bilat.extract.pipeline import MAX_SENTENCE

    text = " ".join(f"Russia keeps {i},000 troops in Tajikistan and" for i in range(1, 400))
    rows = extract(text)
    assert len(rows) == 399
    assert all(len(r["sentence"]) <= MAX_SENTENCE for r in rows)
    middle = one(rows, "200,000 troops")
    assert (middle["subject"], middle["object"]) == ("TJK", "RUS")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Nepal owes its neighbour 30 billion rupees.", "NPR"),
        ("Last year India spent 30 billion rupees on roads.", "INR"),
        ("Azerbaijan's budget reached 35 billion manat.", "AZN"),
        ("Turkmenistan's budget reached 35 billion manat.", "TMT"),
        ("Jordan paid 40 million dinars for the grid.", "JOD"),
    ],
)
def test_a_currency_word_several_countries_use_follows_the_country(text: str, unit: str) -> None:
    (row,) = extract(text)
    assert row["unit"] == unit


def test_a_caption_that_counts_gives_its_cells_a_count() -> None:
    text = (
        "The table shows the number of joint drills held in Moldova, by partner.\n\n"
        "Partner     2022   2023\n"
        "Romania     4      6\n"
    )
    row = one(extract(text), "6")
    assert (row["unit"], row["value"], row["time"]) == ("count", 6.0, "2023")


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("YEREVAN, 2 February 2024 — ", "2024-02-02"),
        ("BRASÍLIA, 27 March 2024 — ", "2024-03-27"),
        ("SÃO PAULO (Reuters), 4 May 2023 — ", "2023-05-04"),
        ("Trade grew fast, 2 percent — ", None),
    ],
)
def test_a_dateline_dates_the_text(opening: str, date: str | None) -> None:
    from bilat.extract.pipeline import dateline

    found = dateline(opening + "The talks went on.")
    assert (found.time.start if found else None) == date


def test_a_paragraph_with_only_a_base_in_it_still_counts_the_base() -> None:
    row = one(extract("Ties with Moscow\n\nRussia keeps an airbase in Kyrgyzstan."), "an airbase")
    assert (row["indicator"], row["value"], row["unit"]) == ("military_bases", 1.0, "count")
    assert (row["subject"], row["object"]) == ("KGZ", "RUS")
