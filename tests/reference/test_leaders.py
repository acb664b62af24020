"""Office holders and person names."""

from __future__ import annotations

from bilat.reference import holder_at, holders, people, resolve_person


def _name(country: str, role: str, at: str) -> str | None:
    found = holder_at(country, role, at)  # type: ignore[arg-type]
    return found.name if found else None


def test_heads_of_state_of_kazakhstan() -> None:
    assert _name("KAZ", "head_of_state", "2018-06-01") == "Nursultan Nazarbayev"
    assert _name("KAZ", "head_of_state", "2020-01-01") == "Kassym-Jomart Tokayev"
    assert _name("Kazakhstan", "head_of_state", "1995") == "Nursultan Nazarbayev"


def test_offices_elsewhere() -> None:
    assert _name("RUS", "head_of_state", "2010") == "Dmitry Medvedev"
    assert _name("RUS", "head_of_government", "2010") == "Vladimir Putin"
    assert _name("RUS", "head_of_government", "2021") == "Mikhail Mishustin"
    assert _name("CHN", "paramount_leader", "2008") == "Hu Jintao"
    assert _name("CHN", "head_of_government", "2015") == "Li Keqiang"
    assert _name("USA", "head_of_state", "2019") == "Donald Trump"
    assert _name("USA", "head_of_state", "2026-01-01") == "Donald Trump"
    assert _name("USA", "head_of_government", "2022") == "Joe Biden"  # presidential system
    assert _name("TKM", "head_of_state", "2023") == "Serdar Berdimuhamedow"
    assert _name("UZB", "head_of_state", "2017") == "Shavkat Mirziyoyev"
    assert _name("TJK", "head_of_state", "2000") == "Emomali Rahmon"
    assert _name("KGZ", "head_of_state", "2019") == "Sooronbay Jeenbekov"


def test_every_c5_russia_china_us_office_is_covered_since_1993() -> None:
    for country in ("KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "CHN", "USA"):
        for year in range(1993, 2027):
            assert holder_at(country, "head_of_state", f"{year}-07-01"), (country, year)


def test_resolve_person() -> None:
    found = resolve_person("Nazarbayev")
    assert found is not None and found[1] == "KAZ"
    medvedev = resolve_person("Medvedev", "2010")
    assert medvedev is not None and medvedev[1] == "RUS"
    assert medvedev[0].in_office("2010", "head_of_state")
    for name, country in [
        ("Tokaev", "KAZ"),
        ("Emomalij Rahmon", "TJK"),
        ("Rakhmonov", "TJK"),
        ("Mirziyoyew", "UZB"),
        ("Turkmenbashi", "TKM"),
        ("Dscheenbekow", "KGZ"),
        ("Zhaparov", "KGZ"),
        ("President Putin", "RUS"),
        ("xi jinping", "CHN"),
    ]:
        result = resolve_person(name)
        assert result is not None and result[1] == country, name
    assert resolve_person("Ruritanian Prince") is None


def test_shared_surnames_and_offices_follow_the_date() -> None:
    def who(name: str, at: str) -> str | None:
        found = resolve_person(name, at)
        return found[0].id if found else None

    assert who("Bush", "1991") == "bush_ghw"
    assert who("Bush", "2005") == "bush_gw"
    assert who("Berdimuhamedow", "2010") == "berdimuhamedow_gurbanguly"
    assert who("Berdimuhamedow", "2024") == "berdimuhamedow_serdar"
    assert who("the Kazakh president", "2021") == "tokayev"
    assert who("Russia's prime minister", "2010") == "putin"
    assert who("President of Uzbekistan", "2010") == "karimov"


def test_holders_are_in_order() -> None:
    trump = people()["trump"]
    assert len(trump.terms) == 2
    starts = [t.start for _, t in holders("USA", "head_of_state")]
    assert starts == sorted(starts)
