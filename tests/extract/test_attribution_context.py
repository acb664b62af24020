"""Attribution that reads across sentences: phrases standing for a country named before, times
carried by a sentence that continues the one before it, and goods sent from one side to the
other."""

from __future__ import annotations

from typing import Any

from bilat.extract.cues import choose_indicator
from bilat.extract.pipeline import extract_text
from bilat.extract.quantities import find_quantities


def _row(text: str, figure: str) -> dict[str, Any]:
    rows = [r for r in extract_text(text) if r["text"] == figure]
    assert rows, f"{figure!r} not extracted from {text!r}"
    return rows[0]


def test_the_country_stands_for_the_country_a_sentence_before_opened_with() -> None:
    text = (
        "Notes on Iran\n\nIran trades widely.\n\nTurkmenistan has grown closer to Iran in "
        "recent years. China now accounts for 12 percent of the country's imports."
    )
    row = _row(text, "12 percent")
    assert (row["subject"], row["object"]) == ("TKM", "CHN")


def test_the_government_acts_for_the_country_named_before() -> None:
    text = (
        "Georgia wants to rely less on a single route. The government plans to ship "
        "2 million tonnes of grain a year to Turkey."
    )
    row = _row(text, "2 million tonnes")
    assert (row["subject"], row["object"]) == ("GEO", "TUR")


def test_the_country_means_the_document_topic_when_the_sentence_names_it() -> None:
    text = (
        "Moldova and its energy\n\nMoldova depends on imported energy. Ukraine's grid "
        "matters most. Ukraine sold power to Moldova in 2021, some 30% of what the country "
        "used."
    )
    row = _row(text, "30%")
    assert row["subject"] == "MDA"


def test_a_demonym_does_not_stand_as_the_country_referred_to() -> None:
    text = (
        "Mongolia's coal goes south. When Chinese buyers cut orders, the mines slowed. "
        "The government then agreed to send 3 million tonnes to Japan."
    )
    row = _row(text, "3 million tonnes")
    assert (row["subject"], row["object"]) == ("MNG", "JPN")


def test_delivered_to_names_the_receiver_as_counterpart() -> None:
    text = "Kazakhstan delivered 5 million tonnes of wheat to Afghanistan."
    row = _row(text, "5 million tonnes")
    assert (row["subject"], row["object"]) == ("KAZ", "AFG")


def test_transit_across_a_country_makes_it_the_side() -> None:
    text = "Officials expect Iranian transit across Armenia toward Georgia to reach 10 bcm."
    row = _row(text, "10 bcm")
    assert (row["subject"], row["object"]) == ("ARM", "IRN")


def test_a_roles_only_rule_names_no_indicator() -> None:
    text = "The railway carried 4 million tonnes of ore."
    quantity = find_quantities(text)[0]
    assert choose_indicator(quantity, text, text) == ("other", False)


def test_gas_keeps_its_own_indicator_beside_delivery_verbs() -> None:
    text = "Russia delivered 3 bcm of gas to Armenia."
    row = _row(text, "3 bcm")
    assert row["indicator"] == "gas_exports"


def test_a_sentence_that_continues_takes_the_time_before() -> None:
    text = (
        "Uzbekistan received 900 tonnes of medical supplies from India in March 2020. "
        "It also received 40 ventilators."
    )
    assert _row(text, "40 ventilators")["time"] == "2020-03"


def test_a_sentence_naming_no_one_continues_the_one_before() -> None:
    text = "Tajikistan hosted a joint exercise in May 2019. The drill lasted 5 days."
    assert _row(text, "5 days")["time"] == "2019-05"


def test_a_new_topic_does_not_take_the_time_before() -> None:
    text = (
        "Kyrgyzstan received $200 million from China in 2018. Kazakhstan holds "
        "$3 billion of reserves."
    )
    assert _row(text, "$3 billion")["time"] is None


def test_time_is_not_carried_across_paragraphs() -> None:
    text = "Armenia signed 5 agreements with Iran in 2019.\n\nIt lists 7 projects."
    assert _row(text, "7 projects")["time"] is None


def test_a_suppliers_goods_make_it_the_counterpart_of_a_consumption_share() -> None:
    text = "Notes on Moldova\n\nMoldova buys power abroad. Ukrainian electricity met 40% of demand."
    row = _row(text, "40%")
    assert (row["subject"], row["object"]) == ("MDA", "UKR")


def test_an_actor_of_a_later_main_clause_is_not_taken() -> None:
    text = (
        "Notes on Slovakia\n\nSlovakia trades coal.\n\nExporters expect 20% growth in coal "
        "sales; meanwhile students go to Poland in growing numbers."
    )
    row = _row(text, "20%")
    assert (row["subject"], row["object"]) == ("SVK", None)


def test_travellers_come_from_their_side_to_the_report_s_country() -> None:
    text = (
        "Notes on Montenegro\n\nMontenegro lives on its coast. Some 410,000 Serbian visitors "
        "arrived in 2022, and German tourists spent about €90 million there."
    )
    visitors, spending = _row(text, "410,000 Serbian visitors"), _row(text, "€90 million")
    assert (visitors["subject"], visitors["object"]) == ("SRB", "MNE")
    assert (spending["subject"], spending["object"]) == ("DEU", "MNE")


def test_an_unmeasured_figure_counts_from_the_report_s_country_even_as_counterpart() -> None:
    text = (
        "Notes on Ghana\n\nGhana builds little rolling stock. In 2023 Ghana shipped 12 "
        "locomotives to Liberia."
    )
    row = _row(text, "12 locomotives")
    assert (row["indicator"], row["subject"], row["object"]) == ("other", "GHA", "LBR")


def test_police_sent_abroad_are_stationed_there() -> None:
    row = _row("In 2023 Ghana sent 250 police officers to Liberia.", "250 police officers")
    assert (row["indicator"], row["subject"], row["object"]) == ("troops_stationed", "LBR", "GHA")


def test_a_place_across_the_country_is_the_side_and_the_builders_the_counterpart() -> None:
    text = (
        "Notes on Laos\n\nLaos wants more power. Thai firms are building dams worth "
        "$3 billion across the country."
    )
    row = _row(text, "$3 billion")
    assert (row["subject"], row["object"]) == ("LAO", "THA")


def test_the_whole_a_sentence_opens_on_has_no_counterpart() -> None:
    text = (
        "Of Zambia's roughly $13 billion in external debt, about $4 billion was owed to "
        "Chinese lenders at the end of 2022."
    )
    whole, part = _row(text, "$13 billion"), _row(text, "$4 billion")
    assert (whole["subject"], whole["object"]) == ("ZMB", None)
    assert (part["subject"], part["object"]) == ("ZMB", "CHN")


def test_a_figure_that_opens_its_sentence_takes_the_time_of_its_verb() -> None:
    text = (
        "Notes on Laos\n\nLaos looks to China. A 414-kilometre railway to the border at "
        "Boten, Vientiane and Luang Prabang opened in 2021, and a second line is planned."
    )
    assert _row(text, "414-kilometre")["time"] == "2021"


def test_a_country_of_so_many_counts_its_people() -> None:
    text = "Notes on Malta\n\nMalta, a small country of 0.5 million, trades with Italy."
    row = _row(text, "0.5 million")
    assert (row["indicator"], row["unit"], row["subject"], row["object"]) == (
        "population",
        "persons",
        "MLT",
        None,
    )
