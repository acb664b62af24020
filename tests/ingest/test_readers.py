"""Reading document files: exact text, encodings, HTML, PDF, and a coded error for bad input."""

from __future__ import annotations

import gzip
import io
import random
import socket
import zipfile
from pathlib import Path

import pytest
import trafilatura
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bilat.errors import InputError
from bilat.ingest.readers import RawText, read_document

from .builders import FAKE_AES_ENCRYPTION, build_pdf, encrypt_pdf

# Our own sentences, written for these tests.
RUSSIAN = (
    "Казахстан продал соседям пять миллионов тонн пшеницы в 2018 году, больше, чем годом ранее.\n"
    "Товарооборот с Китаем вырос на двенадцать процентов.\n"
)
FRENCH = (
    "Le Kazakhstan a exporté cinq millions de tonnes de blé en 2018 ; les échanges avec la "
    "Chine ont progressé de douze pour cent selon le comité des douanes.\n"
)
GERMAN = "Die Ausfuhren Kasachstans stiegen 2018 um zwölf Prozent; Weizen für Märkte in Übersee.\n"
KAZAKH = "Қазақстан 2018 жылы көршілеріне бес миллион тонна астық сатты. Сауда өсті.\n"
ENGLISH = "Kazakhstan exported 5 million tonnes of grain in 2018.\n\nTrade with China grew 12%.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def error_of(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path, **kwargs)
    return str(caught.value)


# --- plain text and encodings -----------------------------------------------------------------


def test_utf8_text_is_returned_exactly_as_decoded(tmp_path: Path) -> None:
    text = "Title\r\n\r\nKazakhstan  exported\t5 million tonnes.\r\n\n\nTrade grew 12%.  \n"
    raw = read_document(write(tmp_path, "notes.txt", text))
    assert raw == RawText(text, "text/plain", {}, (), 0)


def test_a_utf8_byte_order_mark_is_dropped_and_nothing_else(tmp_path: Path) -> None:
    raw = read_document(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8")))
    assert raw.text == RUSSIAN


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", RUSSIAN),
        ("latin-1", FRENCH),
        ("latin-1", GERMAN),
        ("koi8-r", RUSSIAN),
        ("kz1048", KAZAKH),
        ("utf-16", RUSSIAN),  # Python writes a byte-order mark
        ("utf-16-be", "\ufeff" + ENGLISH),  # a big-endian mark, written by hand
        ("utf-16-le", RUSSIAN),  # no mark: detected from the NUL pattern
    ],
)
def test_legacy_and_utf16_encodings_are_decoded_right(
    tmp_path: Path, encoding: str, text: str
) -> None:
    raw = read_document(write(tmp_path, "legacy.txt", text.encode(encoding)))
    assert raw.text == text.lstrip("\ufeff")


def test_random_high_bytes_are_refused_not_guessed(tmp_path: Path) -> None:
    # charset-normalizer finds no candidate it can read as text for these.
    rng = random.Random(2024)
    path = write(tmp_path, "noise.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))
    assert error_of(path) == (
        f"[E402] {path}: cannot tell the text encoding (tried UTF-8 and detection)"
    )


def test_a_short_ambiguous_legacy_text_is_refused_rather_than_guessed(tmp_path: Path) -> None:
    # Detection does offer decodings here (cp1251, cp1125, mac_greek ... all clean), but none
    # reads as a language (coherence 0): the reader only accepts a confident result.
    path = write(tmp_path, "short.txt", "Добрый день".encode("cp1251"))
    assert error_of(path).startswith(f"[E402] {path}: cannot tell the text encoding")


def test_a_false_byte_order_mark_is_an_encoding_error(tmp_path: Path) -> None:
    path = write(tmp_path, "liar.txt", b"\xef\xbb\xbfGrain \xff\xfe exports")
    assert error_of(path).startswith(f"[E402] {path}: starts with a UTF-8 byte-order mark")


def test_an_unknown_extension_is_read_as_plain_text(tmp_path: Path) -> None:
    raw = read_document(write(tmp_path, "notes.rst", ENGLISH))
    assert (raw.text, raw.media_type) == (ENGLISH, "text/plain")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00\ufeff"),
        min_size=1,
    )
)
def test_any_utf8_text_round_trips_exactly(tmp_path: Path, text: str) -> None:
    assume(text.strip() and not text.startswith("---") and not text.lstrip().startswith("%PDF-"))
    raw = read_document(write(tmp_path, "any.txt", text.encode("utf-8")))
    assert raw.text == text and raw.body_start == 0


# --- front matter -----------------------------------------------------------------------------

FRONT_MATTER = (
    "---\n"
    "title: Grain on the steppe\n"
    "author: [Aigerim Sadykova, Bolat Nurlanov]\n"
    "date: 2019-04-12\n"
    "publisher: Steppe Review\n"
    "grade: b\n"
    "layout: post\n"
    "---\n"
)


def test_front_matter_becomes_metadata_and_the_text_keeps_it(tmp_path: Path) -> None:
    text = FRONT_MATTER + "# Grain on the steppe\n\n" + ENGLISH
    raw = read_document(write(tmp_path, "report.md", text))
    assert raw.text == text  # offsets stay those of the file
    assert raw.media_type == "text/markdown"
    assert raw.body_start == len(FRONT_MATTER)
    assert raw.body.startswith("# Grain on the steppe")
    assert raw.metadata == {
        "title": "Grain on the steppe",
        "author": "Aigerim Sadykova; Bolat Nurlanov",
        "date": "2019-04-12",
        "publisher": "Steppe Review",
        "grade": "b",  # checked and normalised when merged, not here
    }


def test_front_matter_with_windows_line_ends(tmp_path: Path) -> None:
    text = "---\r\ntitle: Grain\r\n---\r\nBody text here.\r\n"
    raw = read_document(write(tmp_path, "crlf.txt", text))
    assert raw.metadata == {"title": "Grain"}
    assert raw.text[raw.body_start :] == "Body text here.\r\n"


def test_a_horizontal_rule_and_prose_is_not_front_matter(tmp_path: Path) -> None:
    text = "---\nThe exports grew, and then they fell again.\n---\n" + ENGLISH
    raw = read_document(write(tmp_path, "rule.md", text))
    assert (raw.body_start, raw.metadata) == (0, {})


def test_broken_front_matter_is_an_error_not_silently_lost(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.md", "---\ntitle: [Grain\ngrade: B\n---\n" + ENGLISH)
    assert error_of(path).startswith(f"[E408] {path}: the front matter is not valid YAML")


def test_front_matter_without_a_body_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "only.md", "---\ntitle: Nothing else\n---\n\n")
    assert error_of(path) == f"[E406] {path}: empty document"


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Grain on the steppe | Steppe Review</title>
<meta name="author" content="Aigerim Sadykova">
<meta property="article:published_time" content="2019-04-12T08:00:00Z">
<meta property="og:site_name" content="Steppe Review">
<link rel="canonical" href="https://steppe-review.example/grain">
<style>p { color: grey }</style><script>var hidden = "not part of the text";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<article><h1>Grain on the steppe</h1>
<p>Kazakhstan exported 5 million tonnes of grain in 2018,
   more than in any year before.</p>
<p>Trade with <b>China</b> grew by 12 percent, the customs committee said.</p>
</article>
<footer>All rights reserved.</footer>
</body></html>
"""
PARA_1 = "Kazakhstan exported 5 million tonnes of grain in 2018, more than in any year before."
PARA_2 = "Trade with China grew by 12 percent, the customs committee said."


def test_html_main_text_has_paragraphs_between_blank_lines(tmp_path: Path) -> None:
    raw = read_document(write(tmp_path, "grain.html", PAGE))
    assert raw.media_type == "text/html"
    assert f"{PARA_1}\n\n{PARA_2}" in raw.text
    assert "hidden" not in raw.text and "color" not in raw.text
    assert raw.pages == () and raw.body_start == 0


def test_html_metadata_comes_from_the_markup(tmp_path: Path) -> None:
    raw = read_document(write(tmp_path, "grain.htm", PAGE))
    assert raw.metadata == {
        "title": "Grain on the steppe",
        "author": "Aigerim Sadykova",
        "date": "2019-04-12",
        "publisher": "Steppe Review",
        "url": "https://steppe-review.example/grain",
    }


def test_html_is_read_without_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the HTML reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert PARA_2 in read_document(write(tmp_path, "grain.html", PAGE)).text


def test_html_falls_back_to_all_visible_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    raw = read_document(write(tmp_path, "grain.html", PAGE))
    assert f"{PARA_1}\n\n{PARA_2}" in raw.text
    assert raw.text.startswith("Home | About")
    assert "hidden" not in raw.text and "Steppe Review" not in raw.text  # script, <title>


def test_html_tables_and_lists_keep_their_rows(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Exports</title></head><body><article>"
        "<p>Grain exports by year, in million tonnes, as the ministry reported them.</p>"
        "<table><tr><th>Year</th><th>Tonnes</th></tr><tr><td>2018</td><td>5</td></tr></table>"
        "<ul><li>wheat mostly</li><li>some barley</li></ul></article></body></html>"
    )
    raw = read_document(write(tmp_path, "table.html", page))
    assert "Year | Tonnes\n2018 | 5" in raw.text
    assert "• wheat mostly\n• some barley" in raw.text


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Зерно</title></head><body><p>Пшеница.</p><p>Ячмень.</p></body></html>"
    )
    raw = read_document(write(tmp_path, "ru.html", page.encode("cp1251")))
    assert "Пшеница.\n\nЯчмень." in raw.text


def test_html_without_extension_is_recognised(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "grain", PAGE)).media_type == "text/html"


def test_html_without_visible_text_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.html", "<html><head><title>T</title></head><body> </body></html>")
    assert error_of(path).startswith(f"[E406] {path}: empty document")


def test_a_parser_failure_becomes_an_input_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(trafilatura, "extract", explode)
    path = write(tmp_path, "grain.html", PAGE)
    assert error_of(path) == f"[E410] {path}: cannot parse the document (RuntimeError: parser bug)"


# --- PDF --------------------------------------------------------------------------------------

PAGE_1 = ["Kazakhstan exported 5 million tonnes", "of grain in 2018."]
PAGE_2 = ["Trade with China (by value) grew 12%."]
INFO = {
    "Title": "Grain on the steppe",
    "Author": "Aigerim Sadykova",
    "CreationDate": "D:20190412080000Z",
}


def test_pdf_text_per_page_with_page_offsets(tmp_path: Path) -> None:
    raw = read_document(write(tmp_path, "grain.pdf", build_pdf([PAGE_1, PAGE_2], INFO)))
    page_1, page_2 = "\n".join(PAGE_1), "\n".join(PAGE_2)
    assert raw.media_type == "application/pdf"
    assert raw.text == f"{page_1}\n\n{page_2}"
    assert raw.pages == (0, len(page_1) + 2)
    assert raw.text[raw.pages[1] :] == page_2
    assert raw.metadata == {
        "title": "Grain on the steppe",
        "author": "Aigerim Sadykova",
        "date": "2019-04-12",
    }


def test_a_pdf_is_recognised_by_its_header_whatever_its_name(tmp_path: Path) -> None:
    raw = read_document(write(tmp_path, "download", build_pdf([PAGE_1])))
    assert raw.media_type == "application/pdf"


def test_a_word_processor_file_name_is_not_a_title(tmp_path: Path) -> None:
    pdf = build_pdf([PAGE_1], {"Title": "Microsoft Word - draft3.docx"})
    assert "title" not in read_document(write(tmp_path, "draft.pdf", pdf)).metadata


def test_a_truncated_pdf_is_refused(tmp_path: Path) -> None:
    pdf = build_pdf([PAGE_1, PAGE_2], INFO)
    path = write(tmp_path, "cut.pdf", pdf[: len(pdf) // 2])
    assert error_of(path).startswith(f"[E403] {path}: not a readable PDF (truncated")


def test_a_corrupt_pdf_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.pdf", b"%PDF-1.4\n1 0 obj\n<< garbage\nnot a pdf\n%%EOF\n")
    assert error_of(path).startswith(f"[E403] {path}: not a readable PDF (")


def test_a_text_file_named_pdf_is_not_a_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, "fake.pdf", ENGLISH)
    assert error_of(path) == f"[E403] {path}: not a readable PDF (no %PDF header)"


def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.pdf", encrypt_pdf(build_pdf([PAGE_1]), "secret"))
    assert error_of(path) == f"[E403] {path}: not a readable PDF (encrypted; it needs a password)"


def test_a_pdf_encrypted_with_an_empty_password_is_read(tmp_path: Path) -> None:
    raw = read_document(write(tmp_path, "open.pdf", encrypt_pdf(build_pdf([PAGE_1]), "")))
    assert raw.text == "\n".join(PAGE_1)


def test_a_pdf_encryption_we_cannot_open_is_refused(tmp_path: Path) -> None:
    pdf = build_pdf([PAGE_1], trailer_extra=FAKE_AES_ENCRYPTION)
    path = write(tmp_path, "aes.pdf", pdf)
    assert error_of(path).startswith(f"[E403] {path}: not a readable PDF (")


def test_a_pdf_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", build_pdf([[], []]))
    assert error_of(path) == (
        f"[E404] {path}: the PDF has no text layer (scanned?); OCR is not supported"
    )


# --- files that are not documents -------------------------------------------------------------


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("chart.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
        ("report.docx", _zip_bytes(), "ZIP archive"),
        ("report.txt.gz", gzip.compress(ENGLISH.encode()), "gzip archive"),
        ("tool", b"\x7fELF\x02\x01\x01" + bytes(64), "ELF executable"),
        ("data.txt", b"header\x00\x01\x02\x03" * 20, "NUL bytes"),
        ("chart.pdf", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
    ],
)
def test_binary_files_are_not_documents(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = write(tmp_path, name, data)
    message = error_of(path)
    assert message.startswith(f"[E405] {path}: binary file, not a document")
    assert kind in message


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  ", "  \n".encode("utf-16")])
def test_empty_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "empty.txt", data)
    assert error_of(path) == f"[E406] {path}: empty document"


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "long.txt", ENGLISH * 10)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    message = error_of(path, max_bytes=100)
    assert message.startswith(f"[E407] {path}: ")
    assert message.endswith("MB limit; split it or raise --max-mb")


def test_the_size_limit_is_shown_in_megabytes(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "x" * (3 * 2**20))
    assert error_of(path, max_bytes=2 * 2**20) == (
        f"[E407] {path}: 3 MB is over the 2 MB limit; split it or raise --max-mb"
    )


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "exact.txt", "x" * 100), max_bytes=100).text == "x" * 100


def test_a_missing_file_names_the_os_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    assert error_of(path) == f"[E401] {path}: cannot read: No such file or directory"


def test_a_directory_is_not_a_document(tmp_path: Path) -> None:
    assert error_of(tmp_path) == f"[E401] {tmp_path}: cannot read: it is a directory"
