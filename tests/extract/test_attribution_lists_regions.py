"""Region references and giving verbs with two objects in attribution."""

from __future__ import annotations

from bilat.extract.pipeline import extract_text


def _row(text: str, figure: str) -> dict[str, object]:
    rows = [r for r in extract_text(text) if r["text"] == figure]
    assert rows, [r["text"] for r in extract_text(text)]
    return rows[0]


def test_the_region_is_the_region_of_the_topic_country() -> None:
    text = (
        "Tajikistan and its neighbours\n\n"
        "Tajikistan is a small country. Beijing-based lenders say Japan has pledged "
        "to invest $3 billion in the region over the next decade."
    )
    row = _row(text, "$3 billion")
    assert row["subject"] == "C5"
    assert row["object"] == "JPN"


def test_the_region_is_not_guessed_without_a_topic() -> None:
    text = "Japan has pledged to invest $3 billion in the region over the next decade."
    row = _row(text, "$3 billion")
    assert row["subject"] != "C5"


def test_a_giving_verb_makes_its_first_object_the_recipient() -> None:
    row = _row("Japan Lends Mongolia $800 Million for Rail Link", "$800 Million")
    assert (row["subject"], row["object"]) == ("MNG", "JPN")
    row = _row("In 2021 Germany granted Georgia a $40 million loan.", "$40 million")
    assert (row["subject"], row["object"]) == ("GEO", "DEU")
