"""parse_number: digits with any thousands/decimal notation, scale words, number words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.extract.numbers import normalise_digits, parse_number, parse_words

THOUSANDS = [",", " ", "\u00a0", "\u2009", "\u202f"]
SCALES = {
    "thousand": 3,
    "k": 3,
    "million": 6,
    "mn": 6,
    "mln": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "bln": 9,
    "trillion": 12,
    "tn": 12,
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.9", 12.9),
        ("7,000", 7000.0),
        ("7 000", 7000.0),
        ("7\u00a0000", 7000.0),
        ("7\u2009000", 7000.0),
        ("7\u202f000", 7000.0),
        ("16,3", 16.3),
        ("12,9", 12.9),
        ("0,75", 0.75),
        ("1,234,567", 1234567.0),
        ("1.234.567", 1234567.0),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1 234 567,25", 1234567.25),
        ("1.234", 1.234),  # one dot is always a decimal point
        ("  42  ", 42.0),
        ("-5", -5.0),
        ("1.5bn", 1.5e9),
        ("1.5 bn", 1.5e9),
        ("2 billion", 2e9),
        ("16,3 million", 16.3e6),
        ("3m", 3e6),
        ("5k", 5000.0),
        ("4 mln", 4e6),
        ("1.2 trillion", 1.2e12),
        ("3 tn", 3e12),
        ("$1.5b", 1.5e9),
        ("US$ 2b", 2e9),
        ("USD 40 million", 40e6),
        ("one", 1.0),
        ("Seven", 7.0),
        ("twenty", 20.0),
        ("twenty-five", 25.0),
        ("ninety nine", 99.0),
        ("hundred", 100.0),
        ("a hundred", 100.0),
        ("two hundred and fifty", 250.0),
        ("three thousand", 3000.0),
        ("one million two hundred thousand", 1.2e6),
        ("a million", 1e6),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("half", 0.5),
        ("a third", 1 / 3),
        ("two thirds", 2 / 3),
        ("three quarters", 0.75),
        ("a quarter", 0.25),
        ("half a million", 5e5),
        ("one and a half million", 1.5e6),
        ("two and a half", 2.5),
        ("ten-fold", 10.0),
        ("tenfold", 10.0),
        ("3-fold", 3.0),
        ("1.5 million", 1.5e6),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    value = parse_number(text)
    assert value is not None
    assert math.isclose(value, expected, rel_tol=1e-12)


def test_scaled_values_are_exact() -> None:
    # 12.9 billion is the float nearest 12 900 000 000, not 12.9 * 1e9 with its error.
    assert parse_number("12.9 billion") == 12_900_000_000.0
    assert parse_number("173.05 billion") == 173_050_000_000.0
    assert parse_number("1.1 billion") == 1_100_000_000.0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1.5b",  # "b" is a billion only after a currency
        "12 apples",
        "1,23,4",
        "1,2,3",
        ",5",
        "1.2.3",
        "7 00",
        "two and three",
        "two three",
        "twenty eleven",
        "a",
        "and",
        "nan",
        "inf",
        "1e999",
        "fold",
        "-",
        "$",
    ],
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_helpers() -> None:
    assert normalise_digits("1,234,567.5") == "1234567.5"
    assert normalise_digits("7\u00a0000") == "7000"
    assert normalise_digits("16,3") == "16.3"
    assert normalise_digits("x12") is None
    assert parse_words("a third") == pytest.approx(1 / 3)
    assert parse_words("forty") == 40.0
    assert parse_words("") is None


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(THOUSANDS))
def test_integers_with_thousands_separators_round_trip(n: int, sep: str) -> None:
    assert parse_number(_group(n, sep)) == float(n)


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(THOUSANDS),
    st.integers(min_value=0, max_value=999_999),
    st.integers(min_value=1, max_value=6),
)
def test_decimal_point_round_trips(n: int, sep: str, frac: int, places: int) -> None:
    digits = str(frac % 10**places).zfill(places)
    assert parse_number(f"{_group(n, sep)}.{digits}") == float(f"{n}.{digits}")


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([".", " ", "\u00a0", "\u202f"]),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=2),
)
def test_decimal_comma_round_trips(n: int, sep: str, frac: int, places: int) -> None:
    # A decimal comma is read as such when one or two digits follow it.
    digits = str(frac % 10**places).zfill(places)
    assert parse_number(f"{_group(n, sep)},{digits}") == float(f"{n}.{digits}")


@given(
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=4),
    st.sampled_from(["", ","]),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(["", " "]),
)
def test_scale_words_round_trip(x: float, places: int, comma: str, scale: str, gap: str) -> None:
    written = f"{x:{comma}.{places}f}"
    value = parse_number(f"{written}{gap}{scale}")
    assert value is not None
    expected = float(f"{x:.{places}f}") * 10.0 ** SCALES[scale]
    assert math.isclose(value, expected, rel_tol=1e-9)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_float_repr_round_trips(x: float) -> None:
    # Python's own float notation, exponent included, reads back.
    value = parse_number(repr(x))
    assert value is not None
    assert math.isclose(value, x, rel_tol=1e-9, abs_tol=0.0) or value == x


@given(st.text())
def test_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or math.isfinite(value)


@given(
    st.lists(
        st.sampled_from(
            [
                *("one", "two", "twenty", "hundred", "thousand", "million", "a", "and"),
                *("half", "third", "thirds", "dozen", "-", "fold", "1,5", "7 000", "bn", "$"),
            ]
        ),
        max_size=6,
    ).map(" ".join)
)
def test_never_raises_on_number_like_text(text: str) -> None:
    value = parse_number(text)
    assert value is None or math.isfinite(value)
