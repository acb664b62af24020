"""Sentence splitting: abbreviations, decimals, headings, quotes and exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.extract.sentences import split_sentences


def texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, start, end)]


def test_simple_sentences_and_exact_offsets() -> None:
    text = "  Alpha went home.  Beta stayed!\tGamma? "
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 18), (20, 32), (33, 39)]
    assert texts(text) == ["Alpha went home.", "Beta stayed!", "Gamma?"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials of the U.S. Treasury met on Monday.",
        "Troops from the U.K. Ministry of Defence arrived.",
        "The U.N. Security Council voted twice.",
        "Dr. Ivanova chaired the panel.",
        "Mr. Lee and Mrs. Park signed it.",
        "Prof. Berg wrote the preface.",
        "See Table No. 4 for details.",
        "It appeared in vol. 12 of the review.",
        "The quote is on pp. 45-47 of the book.",
        "The quote is on p. 45 of the book.",
        "Several partners, e.g. Norway and Chile, abstained.",
        "Only one partner, i.e. Norway, abstained.",
        "Grain, oil, metals, etc. were shipped abroad.",
        "The treaty was signed on Jan. 14 in the capital.",
        "The talks resumed on Sept. 3 after a break.",
        "The summit moved to Feb. 20 at short notice.",
        "They met in St. Petersburg last spring.",
        "Gen. Sokolov and Lt. Col. Varga inspected the unit.",
        "The budget is approx. 40 percent larger.",
        "It was a contest of capital vs. labour.",
        "A paper by J. Smith started the debate.",
        "Halford J. Mackinder proposed the heartland idea.",
        "George H. W. Bush visited the region.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert texts(text) == [text]


def test_etc_before_a_capital_ends_the_sentence() -> None:
    assert texts("They traded grain, oil, etc. The volumes grew.") == [
        "They traded grain, oil, etc.",
        "The volumes grew.",
    ]


def test_dotted_acronym_before_a_sentence_opener_ends_the_sentence() -> None:
    assert texts("Sanctions were imposed by the U.S. The next day talks stopped.") == [
        "Sanctions were imposed by the U.S.",
        "The next day talks stopped.",
    ]


def test_number_abbreviation_without_a_number_ends_the_sentence() -> None:
    assert texts("The answer was no. Then they left.") == ["The answer was no.", "Then they left."]


@pytest.mark.parametrize(
    "text",
    [
        "Exports grew by 12.9 percent over the year.",
        "The share fell to 3.5% of the total in the end.",
        "Version 2.0 of the plan and 1.25 million tonnes were agreed.",
    ],
)
def test_decimals_never_split(text: str) -> None:
    assert texts(text) == [text]


def test_blank_line_always_ends_a_sentence() -> None:
    assert texts("a fragment without a stop\n\nanother fragment") == [
        "a fragment without a stop",
        "another fragment",
    ]
    assert texts("ends with Dr.\n  \nNext paragraph.") == ["ends with Dr.", "Next paragraph."]


def test_headings_and_table_rows_end_at_the_line() -> None:
    text = "Trade Between Two Partners\nPartner  2015  2016\nNorland  1.2  1.4\nThe table shows it."
    assert texts(text) == [
        "Trade Between Two Partners",
        "Partner  2015  2016",
        "Norland  1.2  1.4",
        "The table shows it.",
    ]


def test_wrapped_prose_lines_are_joined() -> None:
    text = (
        "The agreement that the two governments signed was\nextended twice, in\nSpring and autumn."
    )
    assert texts(text) == [text]


def test_bullets_on_their_own_lines() -> None:
    text = "Key points:\n• first point without stop\n• second point"
    assert texts(text) == ["Key points:", "• first point without stop", "• second point"]


def test_closing_quotes_and_brackets_stay_with_the_sentence() -> None:
    assert texts("He said “we will stay.” Next they left.") == [
        "He said “we will stay.”",
        "Next they left.",
    ]
    assert texts('She replied "no more." (It was late.) Then silence.') == [
        'She replied "no more."',
        "(It was late.)",
        "Then silence.",
    ]


def test_question_and_exclamation_marks() -> None:
    assert texts("Will it last? Nobody knows! Perhaps.") == [
        "Will it last?",
        "Nobody knows!",
        "Perhaps.",
    ]
    assert texts("“Why?” she asked.") == ["“Why?” she asked."]


def test_footnote_markers_glued_after_the_period() -> None:
    assert texts("The plant opened in 2017.44 Next came the road.") == [
        "The plant opened in 2017.44",
        "Next came the road.",
    ]
    assert texts("It was adopted by the council.12 The vote was close.") == [
        "It was adopted by the council.12",
        "The vote was close.",
    ]
    assert texts("A quote “from the source.”3 More text.") == [
        "A quote “from the source.”3",
        "More text.",
    ]


def test_lower_case_after_a_period_does_not_split() -> None:
    assert texts("The firm (est. in the north) grew.") == ["The firm (est. in the north) grew."]


def test_ellipsis() -> None:
    assert texts("It covers the region . . . and beyond.") == [
        "It covers the region . . . and beyond."
    ]


def test_start_and_end_bound_the_split() -> None:
    text = "Skip this. Take this one. And this. Not this."
    sentences = split_sentences(text, 11, 35)
    assert [text[s.start : s.end] for s in sentences] == ["Take this one.", "And this."]
    assert all(11 <= s.start < s.end <= 35 for s in sentences)


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []
    assert split_sentences("abc", 2, 1) == []
    assert texts("abc", 0, 100) == ["abc"]


def test_crlf_line_endings() -> None:
    assert texts("First line.\r\n\r\nSecond line.") == ["First line.", "Second line."]


_ALPHABET = st.sampled_from(
    [*"ab AB.!?\n\t\"'”’()0123456789,;:-•", "Dr.", "U.S.", "e.g.", "12.5", "\n\n", "  "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(-5, 90), st.integers(-5, 90))
def test_sentences_are_ordered_disjoint_trimmed_and_in_bounds(
    text: str, start: int, end: int
) -> None:
    sentences = split_sentences(text, start, end)
    low, high = max(0, start), min(len(text), end)
    previous_end = low
    for s in sentences:
        assert previous_end <= s.start < s.end <= high
        chunk = text[s.start : s.end]
        assert chunk == chunk.strip()
        previous_end = s.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises_and_covers_all_non_space(text: str) -> None:
    sentences = split_sentences(text)
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())
