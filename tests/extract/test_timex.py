"""Times in text: points, intervals, relations, relative times and table header years."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.extract.timex import find_times, header_years, year_of
from bilat.extract.types import TimeMention
from bilat.model import TimeRef


def times(text: str, doc_date: str | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, str(m.time), m.relation) for m in find_times(text, doc_date=doc_date)]


def one(text: str, doc_date: str | None = None) -> TimeMention:
    found = find_times(text, doc_date=doc_date)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention", "time", "precision", "relation"),
    [
        ("Output rose in 2016 overall.", "in 2016", "2016", "year", "point"),
        ("The survey (2016) found it.", "(2016)", "2016", "year", "point"),
        ("The 2016 survey found it.", "2016", "2016", "year", "point"),
        (
            "As of August 2017, the debt stood high.",
            "As of August 2017",
            "2017-08",
            "month",
            "as_of",
        ),
        ("They met in May 2017 again.", "in May 2017", "2017-05", "month", "point"),
        ("Signed on May 15, 2017 in the capital.", "May 15, 2017", "2017-05-15", "day", "point"),
        ("Signed on 15 May 2017 in the capital.", "15 May 2017", "2017-05-15", "day", "point"),
        ("Signed on Sept. 3, 2014 at noon.", "Sept. 3, 2014", "2014-09-03", "day", "point"),
        ("Dated 2018-04-12 in the file.", "2018-04-12", "2018-04-12", "day", "point"),
        (
            "It fell between 2013 and 2016.",
            "between 2013 and 2016",
            "2013/2016",
            "year",
            "interval",
        ),
        ("It grew from 2001 to 2015.", "from 2001 to 2015", "2001/2015", "year", "interval"),
        ("The plan for 2013–2015 passed.", "2013–2015", "2013/2015", "year", "interval"),
        ("The plan for 2013-2015 passed.", "2013-2015", "2013/2015", "year", "interval"),
        ("The plan for 2013-15 passed.", "2013-15", "2013/2015", "year", "interval"),
        ("The 2014/15 season ended.", "2014/15", "2014/2015", "year", "interval"),
        (
            "Sales fell in the first half of 2016.",
            "in the first half of 2016",
            "2016-01/2016-06",
            "month",
            "interval",
        ),
        (
            "Sales fell in the second half of 2016.",
            "in the second half of 2016",
            "2016-07/2016-12",
            "month",
            "interval",
        ),
        (
            "Sales fell in the first quarter of 2017.",
            "in the first quarter of 2017",
            "2017-01/2017-03",
            "month",
            "interval",
        ),
        (
            "Sales fell in the last quarter of 2017.",
            "in the last quarter of 2017",
            "2017-10/2017-12",
            "month",
            "interval",
        ),
        ("Sales fell in Q3 2017.", "in Q3 2017", "2017-07/2017-09", "month", "interval"),
        (
            "Sales fell in the first nine months of 2017.",
            "in the first nine months of 2017",
            "2017-01/2017-09",
            "month",
            "interval",
        ),
        (
            "Talks ran from March to June 2015.",
            "from March to June 2015",
            "2015-03/2015-06",
            "month",
            "interval",
        ),
        ("Talks ran until 2012 at least.", "until 2012", "2012", "year", "until"),
        ("It had stopped by the end of 2017.", "by the end of 2017", "2017", "year", "point"),
        ("Trade collapsed in the 1990s.", "in the 1990s", "1990/1999", "year", "interval"),
        ("Prices peaked in the mid-2000s.", "in the mid-2000s", "2004/2006", "year", "interval"),
        (
            "Prices peaked in the early 2010s.",
            "in the early 2010s",
            "2010/2013",
            "year",
            "interval",
        ),
        ("Prices peaked in the late 1980s.", "in the late 1980s", "1987/1989", "year", "interval"),
        ("Prices peaked in mid-2016.", "in mid-2016", "2016", "year", "point"),
        ("The budget for fiscal 2016 grew.", "fiscal 2016", "2016", "year", "point"),
        ("The budget for FY2016 grew.", "FY2016", "2016", "year", "point"),
        ("The budget for FY17 grew.", "FY17", "2017", "year", "point"),
    ],
)
def test_patterns(text: str, mention: str, time: str, precision: str, relation: str) -> None:
    found = one(text)
    assert (found.text, str(found.time), found.time.precision, found.relation) == (
        mention,
        time,
        precision,
        relation,
    )
    assert text[found.start : found.end] == found.text


def test_since_is_closed_by_the_dateline() -> None:
    assert times("Troops have been there since 2009.", "2018-04-01") == [
        ("since 2009", "2009/2018", "since")
    ]
    assert times("Troops have been there since 2009.") == [("since 2009", "2009", "since")]
    since = one("Prices rose since August 2017.", "2018-04-01")
    assert (str(since.time), since.time.precision) == ("2017-08/2018-04", "month")
    assert times("Since the 1990s, ties grew.", "2018") == [
        ("Since the 1990s", "1990/2018", "since")
    ]
    # the middle of a decade starts at its middle year, not at the edge of 2004-2006
    assert times("Since the mid-2000s, ties grew.", "2018") == [
        ("Since the mid-2000s", "2005/2018", "since")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports fell last year.", "2017"),
        ("Exports fell this year.", "2018"),
        ("Exports will fall next year.", "2019"),
        ("Exports fell a year earlier.", "2017"),
        ("Exports fell two years ago.", "2016"),
        ("Exports fell in the previous decade.", "2008/2018"),
        ("Exports fell over the past five years.", "2013/2018"),
    ],
)
def test_relative_times_count_from_the_dateline(text: str, expected: str) -> None:
    assert str(one(text, "2018-04-01").time) == expected
    assert find_times(text) == []  # without a dateline they are skipped


def test_story_relative_times_count_from_the_time_just_mentioned() -> None:
    text = "The line opened in 2013. The following year it doubled; a year later it halved."
    assert times(text, "2018-04-01") == [
        ("in 2013", "2013", "point"),
        ("The following year", "2014", "point"),
        ("a year later", "2015", "point"),
    ]


def test_recent_years_is_skipped() -> None:
    assert find_times("In recent years trade grew.", doc_date="2018") == []


def test_two_listed_years_are_two_points() -> None:
    assert times("Floods hit in 2016 and 2017.") == [
        ("2016", "2016", "point"),
        ("2017", "2017", "point"),
    ]


def test_footnote_marker_after_a_year() -> None:
    assert times("The line opened in 2017.44 Next came a road.") == [("in 2017", "2017", "point")]


@pytest.mark.parametrize(
    "text",
    [
        "They sent 2000 troops to the border.",
        "It cost $2016 per unit.",
        "The figure was 2,016 tonnes.",
        "The share was 2016.5 points.",
        "See pp. 2013 in the appendix.",
        "A population of 12019 people.",
        "Growth was 1999% of the base.",
        "No year here at all.",
        "The numbers 1850 and 2150 are out of range.",
    ],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert find_times(text) == []


def test_publication_date_is_never_a_default() -> None:
    assert find_times("Trade grew strongly.", doc_date="2018-04-01") == []


def test_start_and_end_bound_the_search_and_offsets_are_exact() -> None:
    text = "In 2010 it began; in 2012 it grew; in 2014 it ended."
    found = find_times(text, 15, 30)
    assert [(m.start, m.end, m.text) for m in found] == [(18, 25, "in 2012")]


def test_results_are_ordered_and_do_not_overlap() -> None:
    text = "From 2001 to 2005, then in May 2007, and since 2010, by the end of 2012 (2013)."
    found = find_times(text, doc_date="2014")
    assert [m.text for m in found] == [
        "From 2001 to 2005",
        "in May 2007",
        "since 2010",
        "by the end of 2012",
        "(2013)",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*" -–().x", "2016", "in ", "since ", "May ", "15 ", "and ", "year"]),
        max_size=25,
    ).map("".join),
    st.sampled_from([None, "2018", "2018-04-01", "garbage"]),
)
def test_find_times_never_raises(text: str, doc_date: str | None) -> None:
    previous_end = 0
    for m in find_times(text, doc_date=doc_date):
        assert previous_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        previous_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.sampled_from([None, "2018", "2018-04-01"]))
def test_arbitrary_text_never_raises(text: str, doc_date: str | None) -> None:
    for m in find_times(text, doc_date=doc_date):
        assert text[m.start : m.end] == m.text
    header_years(text)


def test_edges_of_intervals() -> None:
    assert times("It ended by the end of the 1990s.") == [
        ("by the end of the 1990s", "1999", "point")
    ]
    assert times("Since the beginning of the 2000s it grew.", "2018") == [
        ("Since the beginning of the 2000s", "2000/2018", "since")
    ]


def test_header_years() -> None:
    line = "Bilateral Trade Volume With Russia (2016)"
    assert header_years(line) == [(36, 40, 2016)]
    line = "Country  2015  2016  2017"
    assert header_years(line) == [(9, 13, 2015), (15, 19, 2016), (21, 25, 2017)]
    assert [y for _, _, y in header_years("| Partner | 2014 | 2015 |")] == [2014, 2015]
    assert [y for _, _, y in header_years("Partner\t2013-2015\t2016")] == [2015, 2016]
    assert [y for _, _, y in header_years("Exports to partners, 2016")] == [2016]


@pytest.mark.parametrize(
    "line",
    [
        "In 2014 the two sides signed a treaty.",
        "Relations between the partners in 2014 and beyond",
        "Exports rose to 2016 tonnes",
        "",
    ],
)
def test_header_years_ignores_prose(line: str) -> None:
    assert header_years(line) == []


def test_year_of() -> None:
    assert year_of(TimeRef("2013", "2016")) == 2016
    assert year_of("2017-08") == 2017
    assert year_of(one("Since 2009 it grew.", "2018")) == 2018
    with pytest.raises(ValueError):
        year_of("")


def test_a_year_earlier_counts_from_the_base_year_given() -> None:
    text = "up from 900 a year earlier"
    times = find_times(text, doc_date="2024-05-01", base_year=2021)
    assert [t.time.start for t in times] == ["2020"]
    assert [t.time.start for t in find_times(text, doc_date="2024-05-01")] == ["2023"]


def test_the_year_before_counts_back_from_the_year_named_before_it() -> None:
    times = find_times("It reached 5 in 2023, down from 7 the year before.", doc_date="2024-12-02")
    assert [str(t.time) for t in times] == ["2023", "2022"]
    assert find_times("the year before last", doc_date="2024-12-02") == []


def test_a_year_in_a_page_citation_is_no_time() -> None:
    assert times("They set three goals (Budget Review 2023-24, p. 12) for the port.") == []
    assert times("Trade grew (2016) and fell (see p. 4) in 2019.") == [
        ("(2016)", "2016", "point"),
        ("in 2019", "2019", "point"),
    ]
