"""Attribution rules, one test per rule, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.extract.pipeline import contract_row, extract_document
from bilat.model import Document


def extract(text: str, published: str | None = "2020-03-01") -> list[dict[str, Any]]:
    doc = Document(Document.make_id(text), "test-src", "t.txt", "t", text, published)
    return [contract_row(c, "t.txt", text) for c in extract_document(doc).claims]


def one(rows: list[dict[str, Any]], text: str) -> dict[str, Any]:
    found = [r for r in rows if r["text"].startswith(text)]
    assert len(found) == 1, (text, rows)
    return found[0]


def sides(row: dict[str, Any]) -> tuple[Any, Any]:
    return row["subject"], row["object"]


def test_an_elliptical_figure_keeps_the_side_and_indicator_of_the_one_before() -> None:
    rows = extract(
        "In 2019 some 31,000 Georgian students studied at Turkish universities, "
        "against roughly 9,000 in Germany."
    )
    assert sides(one(rows, "31,000")) == ("GEO", "TUR")
    second = one(rows, "9,000")
    assert second["indicator"] == "students"
    assert sides(second) == ("GEO", "DEU")


def test_a_small_figure_set_against_a_count_is_a_count_too() -> None:
    rows = extract("Monitors logged 4 Russian warship visits to Tartus, against 11 by Turkish.")
    second = one(rows, "11")
    assert (second["unit"], second["value"]) == ("count", 11.0)
    assert [r["text"] for r in extract("Talks stalled in 2019, against 3 in 2018.")] == []


def test_a_part_of_a_counted_set_is_counted_too() -> None:
    rows = extract("Turkish firms built 14 bridges in Georgia, 9 of them on the coast road.")
    assert (one(rows, "9")["unit"], one(rows, "9")["value"]) == ("count", 9.0)
    rows = extract("The drill brought 3,000 troops together. Of these soldiers, 1,200 were Polish.")
    assert (one(rows, "1,200")["unit"], one(rows, "1,200")["value"]) == ("persons", 1200.0)
    rows = extract("Georgian cadets study in Turkey: more than 600 have graduated since 2010.")
    assert one(rows, "600")["unit"] == "persons"
    assert extract("Prices rose in 2019; 300 were unchanged.") == []


def test_a_figure_with_its_own_actor_before_it_does_not_inherit() -> None:
    rows = extract("Armenia imported goods worth $2 billion, while Georgia imported $3 billion.")
    assert one(rows, "$3 billion")["subject"] == "GEO"


def test_a_target_year_belongs_only_to_the_figure_of_its_clause() -> None:
    rows = extract(
        "Moldova plans to cut the share of coal in its power supply from 30% to 12% by 2030; "
        "grid losses stand at 11 percent."
    )
    assert one(rows, "30%")["time"] is None
    assert one(rows, "12%")["time"] == "2030"
    assert one(rows, "11 percent")["time"] is None


def test_respectively_with_the_countries_named_before_the_figures() -> None:
    rows = extract(
        "For Armenia and especially Georgia, tourism from Russia matters; in 2019 the number "
        "of visitors from Russia grew by 8.4 % and 15 % respectively."
    )
    assert one(rows, "8.4")["subject"] == "ARM"
    assert one(rows, "15")["subject"] == "GEO"


def test_respectively_ignores_countries_named_after_the_list() -> None:
    rows = extract(
        "A poll found 62 %, 55 % and 40 % support for closer ties in Serbia, Bulgaria and "
        "Greece respectively, although Germany and France were less popular."
    )
    assert [one(rows, f)["subject"] for f in ("62", "55", "40")] == ["SRB", "BGR", "GRC"]


def test_a_demonym_in_the_figures_own_noun_names_its_side() -> None:
    rows = extract("About 2,000 Armenian officers were trained at Russian academies in 2018.")
    assert sides(one(rows, "2,000")) == ("ARM", "RUS")
    rows = extract("There are 1,500 Russian troops in Tajikistan.")
    assert sides(one(rows, "1,500")) == ("TJK", "RUS")


def test_debt_to_a_creditor_makes_the_creditor_the_object() -> None:
    rows = extract("Belarus's debt to Russia stood at $7.9 billion at the end of 2019.")
    assert sides(one(rows, "$7.9 billion")) == ("BLR", "RUS")


def test_a_possessive_reads_past_a_figure_to_its_noun() -> None:
    rows = extract("Japan holds 30% of Laos's roughly $9 billion in external debt.")
    assert sides(one(rows, "30%")) == ("LAO", "JPN")


def test_the_one_who_receives_is_the_subject() -> None:
    rows = extract("Moldova has benefited from a $300 million debt write-off granted by Romania.")
    assert sides(one(rows, "$300 million")) == ("MDA", "ROU")


def test_a_demonym_before_population_names_the_whole() -> None:
    rows = extract("Around 8% of the Latvian population is ethnic Belarusian.")
    assert sides(one(rows, "8%")) == ("LVA", "BLR")


def test_an_actor_of_a_later_main_clause_is_not_taken() -> None:
    rows = extract(
        "Sweden pledged €40 million to Ukraine for reconstruction, and a Polish firm won a "
        "contract in Lithuania."
    )
    assert sides(one(rows, "€40 million")) == ("UKR", "SWE")
    rows = extract("Norway gave €25 million in aid to rebuild schools, and Finland sent teachers.")
    assert sides(one(rows, "€25 million")) == (None, "NOR")


@pytest.mark.parametrize(
    "text",
    [
        "Trade is uneven. Fiji's exports to Australia and its imports from Australia came "
        "to $0.3 billion and $1.2 billion respectively in 2023.",
        # the phrases nearest the figures, after the statement before the semicolon, whose
        # own figure names the two the other way round
        "Goods worth $2 billion moved between Australia and Fiji in 2023; Fiji's exports to "
        "Australia and its imports from it were $0.3 billion and $1.2 billion respectively.",
    ],
)
def test_respectively_pairs_each_figure_with_the_measure_named_in_its_place(text: str) -> None:
    rows = extract(text)
    first, second = one(rows, "$0.3"), one(rows, "$1.2")
    assert (first["indicator"], first["subject"], first["object"]) == ("exports", "FJI", "AUS")
    assert (second["indicator"], second["subject"], second["object"]) == ("imports", "FJI", "AUS")
