"""Document metadata: the sidecar (strict), the file's own metadata (lenient), their merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import InputError
from bilat.ingest.metadata import (
    DEFAULT_GRADE_REASON,
    UNEXPLAINED_GRADE_REASON,
    DocumentMeta,
    find_sidecar,
    is_sidecar,
    lenient_date,
    load_sidecar,
    merge_metadata,
    parse_date,
    read_sidecar,
)


def sidecar(tmp_path: Path, text: str, name: str = "report.pdf.meta.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def sidecar_error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_sidecar(path)
    return str(caught.value)


# --- finding the sidecar ----------------------------------------------------------------------


def test_the_sidecar_is_found_beside_the_document(tmp_path: Path) -> None:
    document = tmp_path / "report.pdf"
    assert find_sidecar(document) is None
    shared = sidecar(tmp_path, "title: Shared\n", "report.meta.yaml")
    assert find_sidecar(document) == shared
    own = sidecar(tmp_path, "title: Own\n", "report.pdf.meta.yaml")
    assert find_sidecar(document) == own  # the more specific name wins
    assert load_sidecar(document) == {"title": "Own"}


def test_a_document_without_a_sidecar_has_no_sidecar_metadata(tmp_path: Path) -> None:
    assert load_sidecar(tmp_path / "alone.txt") == {}


def test_sidecars_are_recognised_by_name() -> None:
    assert is_sidecar(Path("a/report.pdf.meta.yaml")) and is_sidecar(Path("report.meta.yml"))
    assert not is_sidecar(Path("report.yaml")) and not is_sidecar(Path("report.pdf"))


# --- reading the sidecar (strict) -------------------------------------------------------------


def test_a_sidecar_is_read_and_normalised(tmp_path: Path) -> None:
    path = sidecar(
        tmp_path,
        "title: Grain on the steppe\n"
        "publisher: Steppe Review\n"
        "author: [Aigerim Sadykova, Bolat Nurlanov]\n"
        "date: 2019-04-12\n"  # YAML reads this as a date
        "url: https://steppe-review.example/grain\n"
        "grade: b\n"
        "grade_reason: an established outlet, sometimes wrong on figures\n"
        "source: steppe-review-2019\n",
    )
    assert read_sidecar(path) == {
        "title": "Grain on the steppe",
        "publisher": "Steppe Review",
        "author": "Aigerim Sadykova; Bolat Nurlanov",
        "date": "2019-04-12",
        "url": "https://steppe-review.example/grain",
        "grade": "B",
        "grade_reason": "an established outlet, sometimes wrong on figures",
        "source": "steppe-review-2019",
    }


@pytest.mark.parametrize(("written", "read"), [("2019", "2019"), ("'2019-04'", "2019-04")])
def test_sidecar_dates_of_year_or_month_precision(tmp_path: Path, written: str, read: str) -> None:
    assert read_sidecar(sidecar(tmp_path, f"date: {written}\n")) == {"date": read}


def test_an_empty_sidecar_says_nothing(tmp_path: Path) -> None:
    assert read_sidecar(sidecar(tmp_path, "# nothing yet\n")) == {}


def test_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    path = sidecar(tmp_path, "title: Grain\nreliability: B\n")
    assert sidecar_error(path).startswith(f"[E408] {path}: unknown key 'reliability'")


@pytest.mark.parametrize("grade", ["G", "AB", "1", "excellent"])
def test_a_bad_grade_is_an_error(tmp_path: Path, grade: str) -> None:
    path = sidecar(tmp_path, f"grade: {grade}\n")
    assert sidecar_error(path).startswith(
        f"[E408] {path}: grade '{grade}' is not one of A, B, C, D, E, F"
    )


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("April 2019", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2019/04/12", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("'19'", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("'2019-13'", "does not exist"),
        ("'2019-02-30'", "does not exist"),
    ],
)
def test_a_bad_date_is_an_error_with_the_reason(tmp_path: Path, date: str, reason: str) -> None:
    path = sidecar(tmp_path, f"date: {date}\n")
    message = sidecar_error(path)
    assert message.startswith(f"[E408] {path}: date '")
    assert reason in message


def test_a_bad_source_id_is_an_error(tmp_path: Path) -> None:
    path = sidecar(tmp_path, "source: steppe review 2019\n")
    assert sidecar_error(path).startswith(f"[E408] {path}: source id 'steppe review 2019'")


def test_a_mapping_where_text_belongs_is_an_error(tmp_path: Path) -> None:
    path = sidecar(tmp_path, "title:\n  en: Grain\n")
    assert sidecar_error(path).startswith(f"[E408] {path}: 'title' must be text")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = sidecar(tmp_path, "title: Grain\ngrade: [B\n")
    message = sidecar_error(path)
    assert message.startswith(f"[E408] {path}: not valid YAML: ")
    assert "(line " in message


def test_a_list_instead_of_keys_is_an_error(tmp_path: Path) -> None:
    path = sidecar(tmp_path, "- title\n- grade\n")
    assert sidecar_error(path).startswith(f"[E408] {path}: expected keys (title,")


# --- dates ------------------------------------------------------------------------------------


def test_parse_date_accepts_three_precisions_only() -> None:
    assert [parse_date(d) for d in ("2019", "2019-04", "2019-04-12")] == [
        "2019",
        "2019-04",
        "2019-04-12",
    ]
    with pytest.raises(ValueError, match="is not YYYY"):
        parse_date("2019-04-12T08:00")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2019-04-12T08:00:00Z", "2019-04-12"),
        ("2019-04", "2019-04"),
        ("2019-04-31", None),
        ("20190412", None),
        ("last spring", None),
    ],
)
def test_lenient_dates_take_the_iso_prefix_or_nothing(written: str, read: str | None) -> None:
    assert lenient_date(written) == read


# --- merging ----------------------------------------------------------------------------------


def test_nothing_known_gives_an_ungraded_document() -> None:
    assert merge_metadata({}, {}) == DocumentMeta(
        grade="F", grade_reason="not graded: no grade given with the document"
    )
    assert DEFAULT_GRADE_REASON.startswith("not graded: ")


def test_the_sidecar_wins_over_the_file() -> None:
    meta = merge_metadata(
        {"title": "From the page", "author": "Page Author", "date": "2019-04-12T08:00:00Z"},
        {"title": "From the sidecar", "grade": "B", "grade_reason": "a careful outlet"},
    )
    assert meta == DocumentMeta(
        title="From the sidecar",
        author="Page Author",
        date="2019-04-12",
        grade="B",
        grade_reason="a careful outlet",
    )
    assert meta.year == 2019


def test_what_the_file_says_wrongly_is_dropped_not_fatal() -> None:
    meta = merge_metadata({"date": "someday", "grade": "Z", "source": "a b", "colour": "red"}, {})
    assert meta == DocumentMeta()


def test_a_grade_keeps_the_reason_given_with_it() -> None:
    file_meta = {"grade": "A", "grade_reason": "the page says it is the best"}
    assert merge_metadata(file_meta, {"grade": "D"}).grade_reason == UNEXPLAINED_GRADE_REASON
    assert merge_metadata(file_meta, {}).grade_reason == "the page says it is the best"


def test_the_merge_checks_sidecar_values_too() -> None:
    with pytest.raises(InputError, match=r"^\[E408\] sidecar metadata: grade 'Q'"):
        merge_metadata({}, {"grade": "Q"})


def test_an_explicit_source_id_is_kept() -> None:
    assert merge_metadata({}, {"source": "steppe-2019"}).source_id == "steppe-2019"
