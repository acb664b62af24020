"""Building Document and Source records: content ids, titles, source ids, the load shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import InputError
from bilat.ingest.documents import build_document, load, normalise_for_id, slug, source_id
from bilat.ingest.metadata import DocumentMeta
from bilat.ingest.readers import RawText, read_document
from bilat.model import Document

from .builders import build_pdf

TEXT = (
    "Grain on the steppe\n\n"
    "Kazakhstan exported 5 million tonnes of grain in 2018.\n\n"
    "Trade with China grew by 12 percent.\n"
)
REWRAPPED = (
    "Grain on the steppe\r\n\r\n\r\n"
    "Kazakhstan  exported 5 million\n tonnes of grain in 2018.\n\n"
    "\tTrade with China grew by 12\u00a0percent.   "
)


def built(text: str, meta: DocumentMeta | None = None, name: str = "notes.txt") -> Document:
    document, _ = build_document(Path(name), RawText(text, "text/plain"), meta or DocumentMeta())
    return document


def test_normalise_for_id_composes_and_collapses() -> None:
    assert normalise_for_id("  Almaty\u00a0and\n\tAstana  ") == "Almaty and Astana"
    assert normalise_for_id("Aue\u0301zov") == normalise_for_id("Auézov")


def test_the_same_words_differently_spaced_are_the_same_document() -> None:
    assert built(TEXT).id == built(REWRAPPED).id


def test_changed_words_are_a_new_version() -> None:
    assert built(TEXT).id != built(TEXT.replace("12 percent", "13 percent")).id


def test_the_id_does_not_depend_on_path_or_metadata() -> None:
    graded = DocumentMeta(title="Other title", grade="B", grade_reason="careful")
    assert built(TEXT).id == built(TEXT, graded, "elsewhere/copy.md").id


def test_reingesting_a_file_gives_the_same_records(tmp_path: Path) -> None:
    path = tmp_path / "grain.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert load(path) == load(path)


def test_a_document_records_what_was_read() -> None:
    raw = RawText("Page one.\n\nPage two.", "application/pdf", {}, (0, 11))
    meta = DocumentMeta(title="Grain", date="2019-04")
    document, source = build_document(Path("in/grain.pdf"), raw, meta)
    assert document.path == "in/grain.pdf"  # as given, not resolved
    assert (document.title, document.published) == ("Grain", "2019-04")
    assert (document.media_type, document.pages) == ("application/pdf", (0, 11))
    assert document.text == raw.text and document.source_id == source.id


def test_the_title_falls_back_to_the_first_heading_then_the_file_name() -> None:
    assert built("# Grain on the steppe\n\nBody.\n").title == "Grain on the steppe"
    assert built("\n\n  Grain on the steppe  \nBody.\n").title == "Grain on the steppe"
    assert built("word " * 60, name="dir/long-report.txt").title == "long-report"


def test_the_title_skips_front_matter() -> None:
    raw = RawText("---\nlayout: post\n---\n# Real title\n\nBody.\n", "text/markdown", {}, (), 20)
    assert build_document(Path("a.md"), raw, DocumentMeta())[0].title == "Real title"


# --- sources ----------------------------------------------------------------------------------


def test_a_source_carries_the_metadata_and_grade() -> None:
    meta = DocumentMeta(
        title="Grain on the steppe",
        publisher="Steppe Review",
        author="Aigerim Sadykova",
        date="2019-04-12",
        url="https://steppe-review.example/grain",
        grade="B",
        grade_reason="careful outlet",
    )
    _, source = build_document(Path("grain.txt"), RawText(TEXT, "text/plain"), meta)
    assert source.id == "steppe-review-2019-grain-on-the-steppe"
    assert (source.title, source.author, source.publisher) == (
        "Grain on the steppe",
        "Aigerim Sadykova",
        "Steppe Review",
    )
    assert (source.year, source.grade, source.grade_reason) == (2019, "B", "careful outlet")
    assert source.url == "https://steppe-review.example/grain"


def test_an_ungraded_source_says_so() -> None:
    _, source = build_document(Path("grain.txt"), RawText(TEXT, "text/plain"), DocumentMeta())
    assert source.grade == "F" and source.grade_reason.startswith("not graded: ")


@pytest.mark.parametrize(
    ("meta", "path", "expected"),
    [
        (DocumentMeta(author="Aigerim Sadykova; Bolat N."), "x.txt", "aigerim-sadykova-nd-grain"),
        (DocumentMeta(date="2017"), "reports/steppe/x.txt", "steppe-2017-grain"),
        (DocumentMeta(source_id="my-own-id"), "x.txt", "my-own-id"),
        (
            DocumentMeta(publisher="Степной вестник", date="2020"),
            "x.txt",
            "stepnoj-vestnik-2020-grain",
        ),
    ],
)
def test_source_ids(meta: DocumentMeta, path: str, expected: str) -> None:
    assert source_id(meta, "Grain", Path(path)) == expected


def test_source_ids_are_short_ascii_slugs() -> None:
    meta = DocumentMeta(publisher="The Royal Institute of International Affairs", date="2019")
    title = "Russia, China and the West in Central Asia: a very long title indeed, with more words"
    found = source_id(meta, title, Path("x.txt"))
    assert len(found) <= 60 and found == slug(found)
    assert found.startswith("the-royal-institute-of-2019-russia-china-and-the-west")


def test_apostrophes_vanish_from_slugs() -> None:
    assert slug("Kazakhstan’s ties") == slug("Kazakhstan's ties") == "kazakhstans-ties"


def test_a_title_in_an_unfoldable_script_still_gets_a_distinct_id() -> None:
    meta = DocumentMeta(publisher="Xinhua", date="2019")
    first = source_id(meta, "中国与哈萨克斯坦", Path("x.txt"))
    second = source_id(meta, "中亚经济", Path("x.txt"))
    assert first.startswith("xinhua-2019-t") and first != second


# --- load -------------------------------------------------------------------------------------


def test_load_merges_the_sidecar_and_returns_where_the_body_starts(tmp_path: Path) -> None:
    front = "---\ntitle: From the front matter\nauthor: Aigerim Sadykova\n---\n"
    path = tmp_path / "grain.md"
    path.write_text(front + TEXT, encoding="utf-8")
    (tmp_path / "grain.md.meta.yaml").write_text(
        "publisher: Steppe Review\ndate: 2019-04\ngrade: C\n", encoding="utf-8"
    )
    document, source, body_start = load(path)
    assert body_start == len(front) and document.text == front + TEXT
    assert document.title == "From the front matter" and document.published == "2019-04"
    assert source.id == "steppe-review-2019-from-the-front-matter"
    assert (source.author, source.grade) == ("Aigerim Sadykova", "C")


def test_load_reads_a_pdf_with_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "grain.pdf"
    path.write_bytes(build_pdf([["Exports rose."], ["Imports fell."]], {"Title": "Trade"}))
    document, source, body_start = load(path)
    assert document.pages == (0, len("Exports rose.") + 2) and body_start == 0
    assert document.title == source.title == "Trade"
    assert document.id == Document.make_id(normalise_for_id(read_document(path).text))


def test_load_stops_at_a_bad_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "grain.txt"
    path.write_text(TEXT, encoding="utf-8")
    sidecar = tmp_path / "grain.meta.yaml"
    sidecar.write_text("grade: excellent\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^\[E408\] ") as caught:
        load(path)
    assert str(sidecar) in str(caught.value)


def test_load_respects_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "grain.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match=r"^\[E407\] "):
        load(path, max_bytes=10)
