"""The shipped YAML files pass the schema checks; broken samples do not."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from bilat.reference import SchemaError, check_shipped, validate, validate_shipped
from bilat.reference._files import read_yaml
from bilat.reference.schema import validate_file


def test_shipped_files_are_valid() -> None:
    assert validate_shipped() == {
        "countries_extra.yaml": [],
        "organisations.yaml": [],
        "leaders.yaml": [],
    }
    check_shipped()


def _problems(name: str, data: Any) -> str:
    return "\n".join(validate(name, data))


def test_broken_organisations_are_caught() -> None:
    data = copy.deepcopy(read_yaml("organisations.yaml"))
    members = data["CSTO"]["members"]
    members.append({"member": "XXX", "status": "member", "joined": "2001"})  # unknown id
    members.append({"member": "KAZ", "status": "ally", "joined": "2000-13-01"})  # status, date
    members.append({"member": "UZB", "status": "member", "joined": "2010", "left": "2008"})
    members.append({"member": "RUS", "status": "member", "joined": "2003"})  # overlaps 1994-
    del data["SCO"]["founded"]
    data["EAEU"]["colour"] = "blue"
    problems = _problems("organisations.yaml", data)
    assert "'XXX' is not a known country id" in problems
    assert "'ally' is not one of" in problems
    assert "expected an ISO date" in problems
    assert "ends (2008) before it starts (2010)" in problems
    assert "CSTO.members (RUS): spell from 1994-04-20 overlaps the one from 2003" in problems
    assert "SCO: missing required key 'founded'" in problems
    assert "EAEU: unknown key 'colour'" in problems


def test_broken_leaders_are_caught() -> None:
    data = copy.deepcopy(read_yaml("leaders.yaml"))
    data["people"].append(
        {
            "id": "usurper",
            "name": "A Usurper",
            "country": "KAZ",
            "terms": [
                {"role": "head_of_state", "start": "2010-01-01", "end": "2011-01-01"},
                {"role": "head_of_state", "start": "2005"},
                {"role": "emperor", "start": "2012"},
            ],
        }
    )
    data["people"].append({"id": "nazarbayev", "name": "Twin", "country": "ZZZ", "terms": []})
    problems = _problems("leaders.yaml", data)
    assert "KAZ head_of_state: spell from 1990-04-24 overlaps" in problems
    assert "terms are not in the order they started" in problems
    assert "'emperor' is not one of" in problems
    assert "'ZZZ' is not a known country id" in problems
    assert "duplicate id 'nazarbayev'" in problems
    assert "terms: expected a non-empty list" in problems


def test_broken_countries_are_caught() -> None:
    data = copy.deepcopy(read_yaml("countries_extra.yaml"))
    data["countries"]["QQQ"] = {"demonyms": "Qish"}
    data["regions"]["C5"]["members"].append("NOPE")
    data["preferred"]["Somewhere"] = "ATLANTIS"
    del data["blocs"]["EU"]["iso2"]
    problems = _problems("countries_extra.yaml", data)
    assert "countries.QQQ: not an ISO alpha-3 code" in problems
    assert "countries.QQQ.demonyms: expected a list" in problems
    assert "unknown country 'NOPE'" in problems
    assert "unknown entity 'ATLANTIS'" in problems
    assert "blocs.EU: missing required key 'iso2'" in problems


def test_validate_file_and_wrong_shapes(tmp_path: Path) -> None:
    path = tmp_path / "organisations.yaml"
    path.write_text(yaml.safe_dump({"X": {"name": "X", "members": "none"}}), encoding="utf-8")
    assert any("members: expected a list" in p for p in validate_file(path))
    assert validate("leaders.yaml", ["not", "a", "mapping"]) == [
        "leaders.yaml: expected a mapping, got list"
    ]
    with pytest.raises(SchemaError):
        raise SchemaError("x")
