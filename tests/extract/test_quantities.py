"""find_quantities: money, percentages, counts, units, ranges, qualifiers, changes and the
numbers that are not measures. All sentences here are written for these tests."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.extract.quantities import find_quantities
from bilat.extract.types import Quantity

UNITS = {"percent", "persons", "count", "km", "miles", "bcm", "tonnes", "years", "months", "days"}


def check(text: str, quantities: list[Quantity], lo: int = 0, hi: int | None = None) -> None:
    """The contract every result keeps."""
    hi = len(text) if hi is None else hi
    previous_end = lo
    for q in quantities:
        assert lo <= q.start < q.end <= hi
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_end  # sorted, no overlap
        previous_end = q.end
        assert math.isfinite(q.value)
        assert q.value_max is None or math.isfinite(q.value_max)
        assert q.unit in UNITS or (len(q.unit) == 3 and q.unit.isupper())
        assert (q.kind == "money") == (q.unit not in UNITS)


def found(text: str) -> list[Quantity]:
    quantities = find_quantities(text)
    check(text, quantities)
    return quantities


def one(text: str) -> Quantity:
    quantities = found(text)
    assert len(quantities) == 1, quantities
    return quantities[0]


def texts(text: str) -> list[str]:
    return [q.text for q in found(text)]


# --- money -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Exports came to $12.9 billion last year.", "$12.9 billion", 12.9e9, "USD"),
        ("a loan of ZMW 2,5 billion for roads", "ZMW 2,5 billion", 2.5e9, "ZMW"),
        ("power sales worth NPR 17 billion", "NPR 17 billion", 17e9, "NPR"),
        ("The bank lent US$333 million to the utility.", "US$333 million", 333e6, "USD"),
        ("a grant of US$ 22 million for schools", "US$ 22 million", 22e6, "USD"),
        ("workers sent home US $ 2.2 billion", "US $ 2.2 billion", 2.2e9, "USD"),
        ("an aid package of US\\$333 million", "US\\$333 million", 333e6, "USD"),
        ("an aid package of US\\\\$1 billion", "US\\\\$1 billion", 1e9, "USD"),
        ("a loan of USD 1.5bn was agreed", "USD 1.5bn", 1.5e9, "USD"),
        ("it cost 1.5 billion dollars to build", "1.5 billion dollars", 1.5e9, "USD"),
        ("a pledge of $40 billion for roads", "$40 billion", 40e9, "USD"),
        ("the railway cost $1.9 billion", "$1.9 billion", 1.9e9, "USD"),
        ("a fund of €3 million", "€3 million", 3e6, "EUR"),
        ("a fund of EUR 3m", "EUR 3m", 3e6, "EUR"),
        ("trade worth 173.05 billion yuan", "173.05 billion yuan", 173.05e9, "CNY"),
        ("a credit line of RMB 5 billion", "RMB 5 billion", 5e9, "CNY"),
        ("a contract worth £ 8.10 million", "£ 8.10 million", 8.1e6, "GBP"),
        ("a mine bought for C$ 16.4 million", "C$ 16.4 million", 16.4e6, "CAD"),
        ("a stake sold for A$40 million", "A$40 million", 40e6, "AUD"),
        ("a budget of 1.2 trillion rubles", "1.2 trillion rubles", 1.2e12, "RUB"),
        ("a budget of 1.2 trillion roubles", "1.2 trillion roubles", 1.2e12, "RUB"),
        ("a bond of 100 billion tenge", "100 billion tenge", 100e9, "KZT"),
        ("fees of 500 million som", "500 million som", 500e6, "KGS"),
        ("a subsidy of 20 million somoni", "20 million somoni", 20e6, "TJS"),
        ("revenue of 3 billion manat", "3 billion manat", 3e9, "TMT"),
        ("wages of 900 billion sum", "900 billion sum", 900e9, "UZS"),
        ("wages of 900 billion soum", "900 billion soum", 900e9, "UZS"),
        ("a loan of ¥5 billion for a port", "¥5 billion", 5e9, "CNY"),
        ("a loan of ¥5 billion, paid in yen", "¥5 billion", 5e9, "JPY"),
        ("it paid $433 for each permit", "$433", 433.0, "USD"),
        ("reserves of 30 billion US dollars", "30 billion US dollars", 30e9, "USD"),
        ("a $5-billion deal", "$5-billion", 5e9, "USD"),
        ("a $2.5bn loan", "$2.5bn", 2.5e9, "USD"),
        ("a $2.5b loan", "$2.5b", 2.5e9, "USD"),
    ],
)
def test_money(text: str, span: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.text, q.unit, q.kind, q.qualifier) == (span, unit, "money", "exact")
    assert q.value == pytest.approx(value, rel=1e-12)


def test_money_offsets_are_exact() -> None:
    text = "Since then China has lent US$ 22 million and later $1.9 billion."
    first, second = found(text)
    assert (first.start, first.end) == (text.index("US$"), text.index(" and"))
    assert (second.start, second.end) == (text.index("$1.9"), len(text) - 1)


def test_vague_money_is_the_least_amount() -> None:
    q = one("China has put billions of dollars into pipelines.")
    assert (q.text, q.value, q.unit, q.qualifier) == ("billions of dollars", 2e9, "USD", "at_least")
    q = one("It spent hundreds of millions of euros on it.")
    assert (q.value, q.unit, q.qualifier) == (2e8, "EUR", "at_least")


def test_som_and_sum_need_a_number() -> None:
    assert found("The som fell against the dollar.") == []
    assert found("That is the sum of it.") == []


def test_b_is_a_billion_only_after_a_currency() -> None:
    assert found("see figure 5b below") == []


# --- percent -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("unemployment stood at 30.4 percent", "30.4 percent", 30.4),
        ("a share of 25% of exports", "25%", 25.0),
        ("a share of 27 % of exports", "27 %", 27.0),
        ("roughly 12.3 per cent of voters", "12.3 per cent", 12.3),
        ("a tariff of 30.4 pct on steel", "30.4 pct", 30.4),
        ("a share of 16,5 % of imports", "16,5 %", 16.5),
        ("ten percent of the budget", "ten percent", 10.0),
    ],
)
def test_percent(text: str, span: str, value: float) -> None:
    q = one(text)
    assert (q.text, q.unit, q.kind) == (span, "percent", "percent")
    assert q.value == pytest.approx(value)


def test_list_of_percentages() -> None:
    quantities = found("Polls gave 61 %, 57 % and 44 % to the three parties.")
    assert [(q.text, q.value) for q in quantities] == [("61 %", 61), ("57 %", 57), ("44 %", 44)]


def test_half_of_with_a_qualifier_is_a_percentage() -> None:
    q = one("Almost half of the grain goes abroad.")
    assert (q.text, q.value, q.unit, q.qualifier) == ("half", 50.0, "percent", "approx")
    assert found("In the second half of 2019 the talks stalled.") == []
    assert found("A third country joined the talks.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The port handles two thirds of the grain shipped east.", "two thirds", 200 / 3),
        ("Wages sent home make up one third of the economy.", "one third", 100 / 3),
        ("A quarter of the budget goes to roads.", "A quarter", 25.0),
        ("Half of the loans were never repaid.", "Half", 50.0),
    ],
)
def test_a_fraction_of_something_is_a_share(text: str, span: str, value: float) -> None:
    q = one(text)
    assert (q.text, q.unit, q.qualifier) == (span, "percent", "exact")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "A quarter of a century has passed since the treaty.",
        "The first half of the year was calm.",
        "Half of 2020 went by without a meeting.",
    ],
)
def test_a_fraction_of_a_period_is_no_share(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Cross-border trade shrank ten-fold after the war.", "ten-fold", -90.0),
        ("Its grain exports grew threefold in a decade.", "threefold", 200.0),
        ("The plan foresees a 5-fold increase in output.", "5-fold", 400.0),
        ("Visitors saw a tenfold drop in flights.", "tenfold", -90.0),
    ],
)
def test_a_fold_change_is_a_percentage_change(text: str, span: str, value: float) -> None:
    q = one(text)
    assert (q.text, q.unit, q.qualifier) == (span, "percent", "change")
    assert q.value == pytest.approx(value)


def test_a_count_of_a_named_set() -> None:
    q = one("The navy keeps depots in three of the countries.")
    assert (q.text, q.value, q.unit) == ("three of the countries", 3.0, "count")
    assert found("It is one of the countries that abstained.") == []
    assert found("Two of the largest banks closed.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The region saw two coups in a decade.", "count"),
        ("An alliance of six former Soviet republics answered.", "count"),
        ("Two presidents went into exile.", "persons"),
        ("Some 40,000 veterans draw a pension.", "persons"),
    ],
)
def test_counted_nouns_of_politics(text: str, unit: str) -> None:
    assert one(text).unit == unit


# --- counts and persons ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "kind", "noun"),
    [
        ("The base hosts 7,000 troops.", "7,000 troops", 7000, "persons", "troops"),
        ("The base hosts 7 000 troops.", "7 000 troops", 7000, "persons", "troops"),
        ("The base hosts 7\u00a0000 troops.", "7\u00a0000 troops", 7000, "persons", "troops"),
        ("about 400 soldiers guard it", "400 soldiers", 400, "persons", "soldiers"),
        (
            "there are 150,000 Central Asian students abroad",
            "150,000 Central Asian students",
            150000,
            "persons",
            "students",
        ),
        (
            "some 2.5 million migrant workers",
            "2.5 million migrant workers",
            2.5e6,
            "persons",
            "workers",
        ),
        ("it hosts 500 Kazakhs", "500 Kazakhs", 500, "persons", "kazakhs"),
        (
            "they signed 60 bilateral agreements",
            "60 bilateral agreements",
            60,
            "count",
            "agreements",
        ),
        ("they set up 7,500 joint ventures", "7,500 joint ventures", 7500, "count", "ventures"),
        ("they run 12 factories", "12 factories", 12, "count", "factories"),
        ("they built 35 substations", "35 substations", 35, "count", "substations"),
        ("two Korean companies bid", "two Korean companies", 2, "count", "companies"),
        ("ten trade agreements were signed", "ten trade agreements", 10, "count", "agreements"),
        ("a dozen agreements were signed", "a dozen agreements", 12, "count", "agreements"),
        ("a million people left", "a million people", 1e6, "persons", "people"),
        ("thousands of refugees", "thousands of refugees", 2000, "persons", "refugees"),
        (
            "tens of thousands of workers",
            "tens of thousands of workers",
            20000,
            "persons",
            "workers",
        ),
        ("several hundred officers", "several hundred officers", 200, "persons", "officers"),
        ("half a million people", "half a million people", 5e5, "persons", "people"),
    ],
)
def test_counts(text: str, span: str, value: float, kind: str, noun: str) -> None:
    q = one(text)
    assert (q.text, q.kind, q.unit, q.noun) == (span, kind, kind, noun)
    assert q.value == pytest.approx(value)


def test_counted_list() -> None:
    quantities = found("The drill involved 4,000 troops; more than 50 aircraft; and 900 vehicles.")
    assert [(q.text, q.value, q.kind, q.qualifier, q.noun) for q in quantities] == [
        ("4,000 troops", 4000, "persons", "exact", "troops"),
        ("50 aircraft", 50, "count", "at_least", "aircraft"),
        ("900 vehicles", 900, "count", "exact", "vehicles"),
    ]


def test_partitive_noun() -> None:
    q = one("It received 2,300 pieces of artillery.")
    assert (q.text, q.value, q.kind, q.noun) == (
        "2,300 pieces of artillery",
        2300,
        "count",
        "artillery",
    )


def test_long_modifier_chain() -> None:
    q = one("There are 8,200 Turkish and Turkish–Georgian joint ventures.")
    assert (q.text, q.noun) == ("8,200 Turkish and Turkish–Georgian joint ventures", "ventures")


def test_scaled_number_without_a_noun_is_a_count() -> None:
    q = one("The census put the population at 16,3 million.")
    assert (q.text, q.value, q.unit, q.kind, q.noun) == (
        "16,3 million",
        16.3e6,
        "count",
        "count",
        None,
    )
    q = one("Its population is 1.5 million.")
    assert (q.value, q.noun) == (1.5e6, None)


def test_of_whom_counts_persons() -> None:
    cadets, officers = found("It trained 3,400 cadets, 1,200 of whom were officers.")
    assert (cadets.text, cadets.kind, cadets.noun) == ("3,400 cadets", "persons", "cadets")
    assert (officers.text, officers.value, officers.kind, officers.noun) == (
        "1,200",
        1200,
        "persons",
        None,
    )


def test_strength_of_a_force() -> None:
    q = one("A 2,000-strong battalion arrived.")
    assert (q.text, q.value, q.kind, q.noun) == ("2,000-strong", 2000, "persons", None)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("One in five workers left.", "One in five", 20.0),
        ("one out of 4 adults", "one out of 4", 25.0),
    ],
)
def test_one_in_n_is_a_share(text: str, span: str, value: float) -> None:
    q = one(text)
    assert (q.text, q.unit, q.value) == (span, "percent", value)


def test_references_to_a_known_set_are_not_counts() -> None:
    assert found("The three republics share a river, and the two countries disagree.") == []


# --- distances, volumes, masses, durations -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "kind"),
    [
        ("a 6,000 km frontier", "6,000 km", 6000, "km", "distance"),
        ("a 6,000 km-long frontier", "6,000 km", 6000, "km", "distance"),
        ("the 4,100-kilometer frontier", "4,100-kilometer", 4100, "km", "distance"),
        ("a road of 4,100 kilometres", "4,100 kilometres", 4100, "km", "distance"),
        ("a canal of 200 miles", "200 miles", 200, "miles", "distance"),
        (
            "it shipped 30 billion cubic meters of gas",
            "30 billion cubic meters",
            30,
            "bcm",
            "volume",
        ),
        ("it shipped 30 bcm of gas", "30 bcm", 30, "bcm", "volume"),
        ("it shipped 30 bn m3 of gas", "30 bn m3", 30, "bcm", "volume"),
        ("it stores 500 million cubic metres", "500 million cubic metres", 0.5, "bcm", "volume"),
        ("it grew 5 million tonnes of wheat", "5 million tonnes", 5e6, "tonnes", "mass"),
        ("it sold 800 tons of cotton", "800 tons", 800, "tonnes", "mass"),
        ("a lease of 15 years", "15 years", 15, "years", "duration"),
        ("a lease of six months", "six months", 6, "months", "duration"),
        ("a 49-year lease", "49-year", 49, "years", "duration"),
        ("a visit of 10 days", "10 days", 10, "days", "duration"),
        ("a visit of two weeks", "two weeks", 14, "days", "duration"),
        ("a freeze of two decades", "two decades", 20, "years", "duration"),
    ],
)
def test_units(text: str, span: str, value: float, unit: str, kind: str) -> None:
    q = one(text)
    assert (q.text, q.unit, q.kind) == (span, unit, kind)
    assert q.value == pytest.approx(value)


def test_areas_and_ages_are_not_emitted() -> None:
    assert found("a park of 400 square kilometres") == []
    assert found("a 25-year-old engineer") == []


# --- ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        (
            "between 300,000 and 1 million migrants",
            "300,000 and 1 million migrants",
            3e5,
            1e6,
            "persons",
        ),
        ("between 300,000 and 1 million", "300,000 and 1 million", 3e5, 1e6, "count"),
        ("20,000-40,000 troops", "20,000-40,000 troops", 2e4, 4e4, "persons"),
        ("20,000–40,000 troops", "20,000–40,000 troops", 2e4, 4e4, "persons"),
        ("an estimated 20,000–40,000 were displaced", "20,000–40,000", 2e4, 4e4, "count"),
        ("from 5 to 10 percent", "5 to 10 percent", 5, 10, "percent"),
        ("rates of 4 to 9 percent", "4 to 9 percent", 4, 9, "percent"),
        ("a cost of $1-2 billion", "$1-2 billion", 1e9, 2e9, "USD"),
        ("a cost of $1 billion to $2 billion", "$1 billion to $2 billion", 1e9, 2e9, "USD"),
        ("a cost of 1.5–2 million euros", "1.5–2 million euros", 1.5e6, 2e6, "EUR"),
        ("a share between 3 and 8 %", "3 and 8 %", 3, 8, "percent"),
    ],
)
def test_ranges(text: str, span: str, low: float, high: float, unit: str) -> None:
    q = one(text)
    assert (q.text, q.unit) == (span, unit)
    assert q.value == pytest.approx(low)
    assert q.value_max == pytest.approx(high)


def test_range_with_inner_qualifiers() -> None:
    q = one("The share swung between less than 3 and a maximum of 11 percent.")
    assert (q.text, q.value, q.value_max, q.unit) == (
        "3 and a maximum of 11 percent",
        3,
        11,
        "percent",
    )


def test_decreasing_pair_is_not_a_range() -> None:
    quantities = found("The rate went from 12 percent to 8 percent.")
    assert [(q.text, q.value, q.value_max) for q in quantities] == [
        ("12 percent", 12, None),
        ("8 percent", 8, None),
    ]


def test_separate_figures_are_not_a_range() -> None:
    quantities = found("the ratio was 31 percent (Iran) to 12 percent (Oman)")
    assert [q.text for q in quantities] == ["31 percent", "12 percent"]
    assert all(q.value_max is None for q in quantities)


def test_and_without_between_is_a_list() -> None:
    quantities = found("They sent 300 troops and 40 advisers.")
    assert [(q.value, q.value_max) for q in quantities] == [(300, None), (40, None)]


# --- qualifiers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "qualifier"),
    [
        ("about", "approx"),
        ("around", "approx"),
        ("approximately", "approx"),
        ("roughly", "approx"),
        ("some", "approx"),
        ("nearly", "approx"),
        ("almost", "approx"),
        ("close to", "approx"),
        ("an estimated", "approx"),
        ("circa", "approx"),
        ("~", "approx"),
        ("more than", "at_least"),
        ("over", "at_least"),
        ("above", "at_least"),
        ("at least", "at_least"),
        ("in excess of", "at_least"),
        ("upwards of", "at_least"),
        ("exceeding", "at_least"),
        ("up to", "at_most"),
        ("less than", "at_most"),
        ("under", "at_most"),
        ("below", "at_most"),
        ("at most", "at_most"),
        ("no more than", "at_most"),
    ],
)
def test_qualifiers_stay_outside_the_span(prefix: str, qualifier: str) -> None:
    text = f"The fund holds {prefix} $4 billion in bonds."
    q = one(text)
    assert (q.text, q.value, q.qualifier) == ("$4 billion", 4e9, qualifier)
    assert q.start == text.index("$4")


def test_qualifier_on_counts_and_words() -> None:
    q = one("It hosts over 1 million people.")
    assert (q.text, q.value, q.kind, q.qualifier) == (
        "1 million people",
        1e6,
        "persons",
        "at_least",
    )
    q = one("It signed more than ten investment agreements.")
    assert (q.text, q.value, q.qualifier, q.noun) == (
        "ten investment agreements",
        10,
        "at_least",
        "agreements",
    )


# --- changes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Trade fell by 28% in a year.", "28%", -28.0),
        ("Trade fell by 28 % year-on-year.", "28 %", -28.0),
        ("Arrivals rose by 12.3 % last year.", "12.3 %", 12.3),
        ("Output declined 19 % in May.", "19 %", -19.0),
        ("Remittances dropped by nearly half.", "half", -50.0),
        ("Prices fell by a third.", "a third", -100 / 3),
        ("There was an increase of 6 % in sales.", "6 %", 6.0),
        ("Exports grew 5% in 2020.", "5%", 5.0),
        ("It reported a 28% drop in sales.", "28%", -28.0),
        ("Exports were down 16 % on the year.", "16 %", -16.0),
        ("Imports were up 12 % on the year.", "12 %", 12.0),
        ("Imports (up 12 %) were strong.", "12 %", 12.0),
        ("Debt fell by $2 billion.", "$2 billion", -2e9),
        ("The garrison shrank by 1,500 troops.", "1,500 troops", -1500.0),
    ],
)
def test_changes(text: str, span: str, value: float) -> None:
    q = one(text)
    assert (q.text, q.qualifier) == (span, "change")
    assert q.value == pytest.approx(value)


def test_signed_figures_are_changes() -> None:
    quantities = found("Exports (+5%) held up while imports (-3 %) and re-exports −2.5% fell.")
    assert [(q.text, q.value, q.qualifier) for q in quantities] == [
        ("+5%", 5.0, "change"),
        ("-3 %", -3.0, "change"),
        ("−2.5%", -2.5, "change"),
    ]


def test_a_change_verb_governs_a_list() -> None:
    quantities = found("Inflows from both countries have fallen by 19 % and 16 %.")
    assert [(q.text, q.value, q.qualifier) for q in quantities] == [
        ("19 %", -19.0, "change"),
        ("16 %", -16.0, "change"),
    ]
    quantities = found("Visits rose by [12.3 %](#) and 6 % respectively.")
    assert [(q.value, q.qualifier) for q in quantities] == [(12.3, "change"), (6.0, "change")]


def test_particles_and_starting_points_are_not_changes() -> None:
    q = one("Migrants made up 32 percent of the workforce.")
    assert q.qualifier == "exact"
    first, second = found("Stock reached $984 million, up from $45 million in 2005.")
    assert (first.qualifier, second.qualifier) == ("exact", "exact")
    assert second.value == 45e6
    q = one("They set up 12 joint ventures.")
    assert (q.qualifier, q.value) == ("exact", 12)
    q = one("The share rose to 40 percent.")
    assert (q.qualifier, q.value) == ("exact", 40)


# --- what is not a measure ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 2016.",
        "It lasted from 2013–2015 and again 2008-2012.",
        "They met on May 24, 2011 in the capital.",
        "Growth slowed in the 1990s and in the mid-2000s.",
        "Relations cooled after the war.12 Then they improved.",
        "It was founded in 2017.44 Later it grew.",
        "The 11th Brigade and the 58th Army moved.",
        "The 58 Brigade moved north.",
        "Jets of the type Su-27 and helicopters Mi-24 landed.",
        "It bought S-300 systems and Su-30SM jets.",
        "The G7 and the G20 met.",
        "The COVID-19 cases rose.",
        "See pp. 120-135 and p. 12 for details.",
        "1. Introduction\n2) Background\n(3) Methods\n• 4 Results",
        "The meeting began at 10:30 and ended at 14.45.",
        "Call +7 727 250 1234 for details.",
        "Journal of Studies, vol. 14, no.3, 2010.",
        "Working Paper No. 7, Table 2 and Figure 3.",
        "See https://example.org/reports/2019/5-million-troops.html today.",
        "Neighbour's Rank 2",
        "The 2016 prices were high.",
        "It is, in a word, one of the best.",
        "There is one day left.",
        "During the first half of 2019 nothing moved.",
    ],
)
def test_not_measures(text: str) -> None:
    assert found(text) == []


def test_footnote_after_a_figure_keeps_the_figure() -> None:
    assert texts("Trade could reach $7 billion in 2019.31 Meanwhile talks went on.") == [
        "$7 billion"
    ]
    assert texts("Loans reached $4 billion.15 Later on they fell.") == ["$4 billion"]


def test_year_with_qualifier_and_noun_is_a_count() -> None:
    q = one("It deployed some 2000 troops.")
    assert (q.value, q.kind, q.qualifier) == (2000, "persons", "approx")


# --- scanning a part of the text ---------------------------------------------------------


def test_start_and_end_offsets() -> None:
    text = "First 10 troops. Then 20 troops. Last 30 troops."
    lo, hi = text.index("Then"), text.index(" Last")
    quantities = find_quantities(text, lo, hi)
    check(text, quantities, lo, hi)
    assert [(q.text, q.start) for q in quantities] == [("20 troops", text.index("20"))]
    assert find_quantities(text, 5, 5) == []
    assert find_quantities(text, 0, 10_000) == found(text)


def test_seeds_keep_the_contract(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        quantities = found(text)
        assert quantities
        for q in quantities:
            assert not (q.text.isdigit() and len(q.text) == 4)  # no bare years


# --- never raises; offsets hold ----------------------------------------------------------

TOKENS = [
    "7,000",
    "7 000",
    "16,3",
    "1.5",
    "2017.44",
    "2013–2015",
    "$",
    "US$",
    "US\\$",
    "EUR",
    "€",
    "billion",
    "million",
    "bn",
    "m",
    "%",
    "percent",
    "per cent",
    "troops",
    "Kazakhs",
    "joint ventures",
    "of whom",
    "km",
    "-kilometer",
    "bcm",
    "cubic meters",
    "tonnes",
    "years",
    "between",
    "and",
    "from",
    "to",
    "-",
    "–",
    "about",
    "more than",
    "up to",
    "fell by",
    "rose",
    "up",
    "down",
    "an increase of",
    "drop",
    "half",
    "a",
    "third",
    "two",
    "thirds",
    "dozen",
    "thousands of",
    "billions of",
    "dollars",
    "several",
    "hundred",
    "the",
    "five",
    "countries",
    "Russia.",
    "12",
    "201st",
    "Su-",
    "25",
    "pp.",
    "No.",
    "http://x.org/",
    ":",
    "30",
    "\n",
    "1.",
    "(",
    ")",
    "[",
    "](#)",
    ",",
    ";",
    "¥",
    "yen",
    "~",
    "square",
    "kilometres",
    "year-old",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.sampled_from(["", " "]))
def test_contract_on_number_like_text(tokens: list[str], glue: str) -> None:
    text = glue.join(tokens) if glue else " ".join(tokens).replace(" -", "-")
    check(text, find_quantities(text))


@given(st.text())
def test_contract_on_any_text(text: str) -> None:
    check(text, find_quantities(text))


@given(st.text(alphabet=st.sampled_from("0123456789 ,.-–$%€abmk\u00a0\nBtn")), st.data())
def test_contract_on_any_slice(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(min_value=0, max_value=len(text)))
    hi = data.draw(st.integers(min_value=lo, max_value=len(text)))
    check(text, find_quantities(text, lo, hi), lo, hi)


def test_the_number_of_a_noun_makes_a_bare_figure_count_it() -> None:
    from bilat.extract.pipeline import extract_text

    rows = list(
        extract_text("The plan would raise the number of Georgian students in Japan to 1,200.")
    )
    assert [(r["text"], r["value"], r["unit"]) for r in rows] == [("1,200", 1200.0, "persons")]
    years = list(extract_text("The number of flights has grown every year since 2015."))
    assert years == []


def test_a_population_of_a_named_country_counts_people() -> None:
    from bilat.extract.pipeline import extract_text

    rows = list(extract_text("Recent statistics put the population of Georgia at 3,7 million."))
    assert [(r["value"], r["unit"], r["indicator"], r["subject"]) for r in rows] == [
        (3_700_000.0, "persons", "population", "GEO")
    ]


def test_counts_that_continue_a_count_of_people_are_people() -> None:
    from bilat.extract.pipeline import extract_text

    text = "About 3.1 million Russian tourists came in 2019, against 0.9 million in 2022."
    rows = list(extract_text(text))
    assert [(r["value"], r["unit"]) for r in rows] == [
        (3_100_000.0, "persons"),
        (900_000.0, "persons"),
    ]


def test_a_population_that_passed_a_figure_counts_people() -> None:
    from bilat.extract.pipeline import extract_text

    rows = list(extract_text("Egypt's population passed 100 million in 2020."))
    assert [(r["unit"], r["indicator"]) for r in rows] == [("persons", "population")]


def test_a_unit_statement_is_not_an_amount() -> None:
    from bilat.extract.pipeline import extract_text

    assert list(extract_text("All figures are in billions of US dollars.")) == []
    assert [r["value"] for r in extract_text("China lent billions of dollars to Laos.")] == [2e9]


def test_a_table_cell_does_not_count_the_next_rows_label() -> None:
    from bilat.extract.quantities import find_quantities

    text = "Partner  2022  2023\nNetherlands  590  612\nUnited States  667  702\n"
    found = find_quantities(text, 0, len(text))
    assert all("\n" not in q.text for q in found)


def test_a_plural_demonym_in_ans_counts_people() -> None:
    from bilat.extract.pipeline import extract_text

    rows = list(extract_text("About 300,000 Kenyans work in Qatar."))
    assert [(r["text"], r["unit"]) for r in rows] == [("300,000 Kenyans", "persons")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The two foreign ministers have met 7 times since the war.", "7 times"),
        ("Patrol boats crossed the line nine times in May.", "nine times"),
    ],
)
def test_how_often_is_a_count(text: str, span: str) -> None:
    q = one(text)
    assert (q.text, q.unit) == (span, "count")


@pytest.mark.parametrize(
    "text", ["Its debt is 3 times larger than in 2010.", "The new port is ten times the size."]
)
def test_times_as_a_ratio_is_no_count(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Minsk ordered 8 Yak-130 jets and four Mi-35 helicopters.", "8 Yak-130 jets", "count"),
        ("The air force took delivery of six MiG-29 fighters.", "six MiG-29 fighters", "count"),
        ("Some 300 fighters crossed the border.", "300 fighters", "persons"),
    ],
)  # fmt: skip
def test_a_model_name_counts_machines(text: str, span: str, unit: str) -> None:
    q = found(text)[0]
    assert (q.text, q.unit) == (span, unit)


def test_a_people_noun_inside_a_thing_is_no_head() -> None:
    q = one("The army received 30 armoured personnel carriers.")
    assert (q.text, q.unit) == ("30 armoured personnel carriers", "count")


def test_a_base_named_with_an_article_is_one_base() -> None:
    from bilat.extract.singles import single_bases

    text = "Turkey keeps an airbase in Qatar and a naval base near Doha; the base rate fell."
    found = [(q.text, q.value, q.unit) for q in single_bases(text, 0, len(text), [], [])]
    assert found == [("an airbase", 1.0, "count"), ("a naval base", 1.0, "count")]
    assert single_bases("It has a broad base of support.", 0, 31, [], []) == []


def test_a_capitalised_word_that_is_also_a_currency_code_is_no_currency() -> None:
    assert [q.text for q in found("The TOP 10 partners and ALL 5 members.")] == [
        "10 partners",
        "5 members",
    ]
