"""Organisations and memberships over time."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.reference import (
    is_member,
    members_of,
    memberships_of,
    organisation,
    organisations,
    status_in,
)


def test_required_organisations_present() -> None:
    wanted = ["CSTO", "EAEU", "SCO", "CIS", "NATO", "PFP", "EU", "OSCE", "CICA", "AIIB", "CU"]
    assert {*wanted, "BRI"} <= set(organisations())


def test_uzbekistan_in_the_csto() -> None:
    assert is_member("UZB", "CSTO", "2008")
    assert not is_member("UZB", "CSTO", "2013")
    assert not is_member("UZB", "CSTO", "2000")
    assert is_member("UZB", "CSTO", "1995-06-01")
    spells = [m for m in memberships_of("UZB") if m.org == "CSTO"]
    assert len(spells) == 2


def test_turkmenistan_is_an_associate_of_the_cis() -> None:
    assert status_in("TKM", "CIS", "2010") == "associate"
    assert not is_member("TKM", "CIS", "2010")
    assert is_member("TKM", "CIS", "2000")


def test_sco_enlargement() -> None:
    assert is_member("IND", "SCO", "2018")
    assert not is_member("IND", "SCO", "2016")
    assert status_in("IND", "SCO", "2016") == "observer"
    assert is_member("IRN", "SCO", "2024") and not is_member("IRN", "SCO", "2022")
    assert is_member("BLR", "SCO", "2025") and not is_member("BLR", "SCO", "2023")


def test_eaeu_and_its_predecessor() -> None:
    assert is_member("KGZ", "EAEU", "2016")
    assert not is_member("KGZ", "EAEU", "2015-03")
    assert is_member("ARM", "EAEU", "2015-01-02") and not is_member("ARM", "EAEU", "2015-01-01")
    assert is_member("KAZ", "CU", "2014-12-31") and not is_member("KAZ", "CU", "2015-01-01")
    assert organisation("CU").successor == "EAEU"


def test_counts_of_large_organisations() -> None:
    assert len(members_of("NATO", "2025-01-01")) == 32
    assert len(members_of("EU", "2021")) == 27
    assert len(members_of("EU", "2019")) == 28
    assert len(members_of("OSCE", "2025")) == 57
    assert not is_member("CHN", "OSCE", "2020") and is_member("USA", "OSCE", "2020")


def test_cis_leavers_and_pfp_partners() -> None:
    assert is_member("GEO", "CIS", "2005") and not is_member("GEO", "CIS", "2010")
    assert status_in("UKR", "CIS", "2019") is None
    c5 = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
    assert all(status_in(c, "PFP", "2003") == "partner" for c in c5)
    assert status_in("RUS", "PFP", "1995") == "partner"


def test_names_and_dates_are_accepted() -> None:
    assert is_member("Uzbekistan", "Collective Security Treaty Organization", dt.date(2008, 1, 1))
    assert organisation("Shanghai Cooperation Organisation").id == "SCO"
    assert {m.member for m in members_of("BRI", status="participant")} >= {"KAZ", "RUS"}
    with pytest.raises(KeyError):
        organisation("Kazakhstan")
