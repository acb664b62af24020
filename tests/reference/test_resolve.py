"""Name resolution and gazetteer terms."""

from __future__ import annotations

import pytest

from bilat.reference import UnknownEntityError, gazetteer_terms, kind_of, name_of, resolve


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KAZ", "KAZ"),
        ("kz", "KAZ"),
        ("Kazakhstan", "KAZ"),
        ("kazakhstan", "KAZ"),
        ("  'Kazakhstan' ", "KAZ"),
        ("Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("China", "CHN"),
        ("PRC", "CHN"),
        ("Kyrgyz Republic", "KGZ"),
        ("Kirghizia", "KGZ"),
        ("UK", "GBR"),
        ("EU", "EU"),
        ("European Union", "EU"),
        ("EEU", "EAEU"),
        ("Eurasian Economic Union", "EAEU"),
        ("Shanghai Cooperation Organization", "SCO"),
        ("Collective Security Treaty Organisation", "CSTO"),
        ("Partnership for Peace", "PFP"),
        ("One Belt, One Road", "BRI"),
        ("Central Asia", "C5"),
        ("C5", "C5"),
        ("Côte d’Ivoire", "CIV"),
        ("Moscow", "RUS"),
        ("Kazakh", "KAZ"),
        ("Brussels", "EU"),  # a preferred reading over Belgium
        ("CU", "CU"),  # an organisation id beats Cuba's ISO2 code
    ],
)
def test_resolve_common_forms(text: str, expected: str) -> None:
    assert resolve(text) == expected


def test_unknown_name_suggests() -> None:
    with pytest.raises(UnknownEntityError) as caught:
        resolve("Kazakstan")
    assert caught.value.suggestions[0] == "KAZ"
    assert len(caught.value.suggestions) <= 3
    assert str(caught.value).startswith(
        "[E201] unknown country or organisation 'Kazakstan'; did you mean: Kazakhstan (KAZ)"
    )
    with pytest.raises(UnknownEntityError) as caught:
        resolve("Xyzzyland-Qwerty")
    assert "did you mean" not in str(caught.value)


def test_ambiguous_name() -> None:
    with pytest.raises(UnknownEntityError, match=r"\[E202\]") as caught:
        resolve("Congolese")
    assert caught.value.suggestions == ["COD", "COG"]


def test_loose_matching_uses_country_converter() -> None:
    assert resolve("Korea, Rep.", loose=True) == "KOR"
    with pytest.raises(UnknownEntityError):
        resolve("Korea, Rep.")


def test_names_and_kinds() -> None:
    assert name_of("KAZ") == "Kazakhstan"
    assert name_of("kz") == "Kazakhstan"
    assert name_of("SCO") == "Shanghai Cooperation Organisation"
    assert name_of("C5") == "Central Asia"
    assert (kind_of("KAZ"), kind_of("EU"), kind_of("CSTO"), kind_of("C5")) == (
        "country",
        "bloc",
        "organisation",
        "region",
    )


def test_every_id_resolves_to_itself() -> None:
    from bilat.reference import countries, organisations, regions

    for entity in (*countries(), *organisations(), *regions()):
        assert resolve(entity) == entity


def test_gazetteer_terms() -> None:
    terms = list(gazetteer_terms())
    by_surface = {(t.surface, t.entity): t for t in terms}
    assert by_surface[("Kazakhstan", "KAZ")].kind == "name"
    assert by_surface[("Kazakh", "KAZ")].kind == "demonym"
    assert by_surface[("Astana", "KAZ")].kind == "capital"
    assert by_surface[("Russian Federation", "RUS")].kind == "alias"
    assert by_surface[("CSTO", "CSTO")].kind == "organisation"
    nazarbayev = by_surface[("Nazarbayev", "KAZ")]
    assert (nazarbayev.kind, nazarbayev.person) == ("person", "nazarbayev")
    assert by_surface[("US", "USA")].case_sensitive
    assert not by_surface[("Kazakhstan", "KAZ")].case_sensitive
    assert len(terms) == len({(t.surface, t.entity, t.person) for t in terms})


def test_public_api_is_exported() -> None:
    import bilat.reference as reference

    for name in reference.__all__:
        assert hasattr(reference, name), name
    assert reference.is_known_entity("KAZ") and not reference.is_known_entity("kaz")
    assert reference.name_of("") == ""  # display never fails
