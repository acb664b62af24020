"""Countries, blocs and regions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bilat.reference import countries, country, region, regions


def test_all_un_members_and_extras_present() -> None:
    found = countries()
    assert sum(c.un_member for c in found.values()) == 193
    for extra in ("TWN", "XKX", "PSE", "VAT", "EU"):
        assert extra in found
        assert not found[extra].un_member
    assert found["EU"].kind == "bloc"
    assert len(found) == 198


def test_codes_and_names_come_from_the_libraries() -> None:
    kaz = country("KAZ")
    assert (kaz.iso2, kaz.name, kaz.official_name) == ("KZ", "Kazakhstan", "Republic of Kazakhstan")
    assert country("GBR").iso2 == "GB"  # cc keeps a regex in this column
    assert country("GRC").iso2 == "GR"
    assert country("XKX").iso2 == "XK"
    assert country("RUS").name == "Russia"
    assert "Russian Federation" in country("RUS").aliases
    assert country("USA").name == "United States"
    assert kaz.region == "Central Asia"


def test_every_country_has_a_capital_and_ids_are_iso() -> None:
    for c in countries().values():
        assert c.capitals, c.id
        assert len(c.iso2) == 2, c.id
        assert c.kind == "bloc" or len(c.id) == 3


def test_demonyms_capitals_and_aliases() -> None:
    kaz = country("kaz")
    assert {"Kazakh", "Kazakhstani", "Kazakhs"} <= set(kaz.demonyms)
    assert {"Astana", "Nur-Sultan"} <= set(kaz.capitals)
    assert {"Ashgabat", "Ashkhabad"} <= set(country("TKM").capitals)
    assert {"Kirghizia", "Kyrgyz Republic"} <= set(country("KGZ").aliases)
    assert {"US", "USA", "U.S.", "America"} <= set(country("USA").aliases)
    assert {"UK", "Britain"} <= set(country("GBR").aliases)
    assert "Brussels" in country("EU").capitals
    pairs = {"TJK": "Tajik", "UZB": "Uzbek", "TKM": "Turkmen", "CHN": "Chinese", "USA": "American"}
    for cid, demonym in pairs.items():
        assert demonym in country(cid).demonyms


def test_regions() -> None:
    assert regions()["C5"].members == ("KAZ", "KGZ", "TJK", "TKM", "UZB")
    assert region("c5").name == "Central Asia"


def _run(code: str) -> str:
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    )
    return done.stdout.strip()


def test_import_is_lazy_and_light() -> None:
    # pandas (pulled in by importing country_converter) is most of a slow start
    assert _run("import sys, bilat.reference; print('pandas' in sys.modules)") == "False"
    code = "import sys, bilat.reference as r; r.countries(); print('pandas' in sys.modules)"
    assert _run(code) == "False"
