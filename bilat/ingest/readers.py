"""Read a document file (txt, md, html, pdf) into its text, media type and own metadata.

`read_document` is a pure function of the file: it writes nothing, and for every input it
cannot use it raises an InputError whose message starts with a code and names the file:

    [E401] cannot read the path        [E405] binary file, not a document
    [E402] cannot tell the encoding    [E406] empty document
    [E403] not a readable PDF          [E407] over the size limit
    [E404] PDF without a text layer    [E408] bad front matter (see metadata.py)
    [E410] a parser failed unexpectedly on the file

Plain text is returned exactly as decoded, because extraction offsets count characters of "the
file decoded as UTF-8"; only a byte-order mark is dropped.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Final

import trafilatura
from charset_normalizer import CharsetMatch, from_bytes
from pypdf import PasswordType, PdfReader

from bilat.errors import InputError
from bilat.ingest.metadata import parse_front_matter

DEFAULT_MAX_BYTES: Final = 50 * 2**20

PLAIN, MARKDOWN, HTML, PDF = "text/plain", "text/markdown", "text/html", "application/pdf"
_MEDIA_TYPES: Final = {
    ".txt": PLAIN,
    ".text": PLAIN,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".pdf": PDF,
}


@dataclass(frozen=True, slots=True)
class RawText:
    """What a file says: its text, media type, own metadata and where PDF pages start."""

    text: str
    media_type: str
    metadata: dict[str, str] = field(default_factory=dict)
    pages: tuple[int, ...] = ()  # char offset in `text` where each PDF page starts
    body_start: int = 0  # char offset after a front matter block (0 without one)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawText:
    """Read one document file; raise InputError ([E401]-[E410]) for anything unusable."""
    data = _read_bytes(path, max_bytes)
    if not data:
        raise InputError(f"[E406] {path}: empty document")
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"[E405] {path}: binary file, not a document ({kind})")
    media_type = _MEDIA_TYPES.get(path.suffix.lower())
    # A PDF named otherwise is still a PDF; only a .pdf may have junk before its header.
    if media_type == PDF or data[:1024].lstrip().startswith(b"%PDF-"):
        return _read_pdf(path, data)
    try:
        if media_type == HTML:
            return _read_html(path, _decode(path, data, declared=_declared_charset(data)))
        text = _decode(path, data)
        if media_type is None and _looks_like_html(text):
            return _read_html(path, text)
        return _read_text(path, text, media_type or PLAIN)
    except InputError:
        raise
    except Exception as exc:  # a parser bug must still name the file, never escape raw
        raise InputError(
            f"[E410] {path}: cannot parse the document ({type(exc).__name__}: {exc})"
        ) from exc


# --- bytes ------------------------------------------------------------------------------------


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing oversized files before reading them."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InputError(f"[E401] {path}: cannot read: it is {what}")
        if info.st_size > max_bytes:
            raise _too_large(path, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
            if len(data) > max_bytes:
                raise _too_large(path, os.fstat(handle.fileno()).st_size, max_bytes)
    except OSError as exc:
        raise InputError(f"[E401] {path}: cannot read: {exc.strerror or exc}") from exc
    return data


def _too_large(path: Path, size: int, limit: int) -> InputError:
    return InputError(
        f"[E407] {path}: {_mb(size)} MB is over the {_mb(limit)} MB limit; "
        "split it or raise --max-mb"
    )


def _mb(size: int) -> str:
    mb = size / 2**20
    return f"{mb:.1f}".removesuffix(".0") if mb >= 0.1 else f"{mb:.2g}"


_BINARY_MAGIC: Final = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive (docx, xlsx, epub?)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE file (old .doc or .xls)"),
    (b"SQLite format 3\x00", "SQLite database"),
)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


# --- decoding ---------------------------------------------------------------------------------

_BOMS: Final = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Legacy encodings charset-normalizer's open search misses on short texts (KOI8-R Russian comes
# back as Shift-JIS, short German as Big5); searching them by name as well finds them.
_LEGACY: Final = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "kz1048",
    "mac_cyrillic",
    "iso8859_5",
    "cp1253",
    "cp1254",
    "cp1256",
    "cp1257",
)
# When candidates read about equally well, the commoner encoding wins (cp1252 over cp775).
_PREFERRED: Final = (
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "utf_32_le",
    "utf_32_be",
    "cp1252",
    "latin_1",
    "iso8859_15",
    "kz1048",  # before cp1251: Kazakh letters decode wrongly in cp1251, Russian the same
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "mac_cyrillic",
    "iso8859_5",
    "cp1250",
    "iso8859_2",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "shift_jis",
    "cp932",
    "euc_jp",
    "euc_kr",
    "cp949",
    "mac_roman",
)
_MAX_CHAOS: Final = 0.1  # charset-normalizer's "mess" of the decoded text, 0 = clean
_MIN_COHERENCE: Final = 0.2  # how well it reads as some language; 0 = no language recognised
_TIE: Final = 0.05  # candidates this close in score are equally good
_CONTROL_CHARS: Final = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _decode(path: Path, data: bytes, *, declared: str | None = None) -> str:
    """Text from bytes: a byte-order mark, else UTF-8, else a declared charset, else a
    confident detection; never a lossy decode."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"[E402] {path}: starts with a {codec.upper()} byte-order mark but is not "
                    f"{codec.upper()} ({exc.reason} at byte {exc.start + len(bom)})"
                ) from exc
    if b"\x00" in data[:8192]:  # binary, unless it is UTF-16/32 without a mark
        text = _detect(data, unicode_only=True)
        if text is None:
            raise InputError(f"[E405] {path}: binary file, not a document (NUL bytes)")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration lies; fall through to detection
    text = _detect(data)
    if text is None:
        raise InputError(
            f"[E402] {path}: cannot tell the text encoding (tried UTF-8 and detection)"
        )
    return text


def _detect(data: bytes, *, unicode_only: bool = False) -> str | None:
    """Decode with the encoding charset-normalizer is confident about, or None.

    Confident: the decoded text is clean (low chaos) and reads as a language (coherence);
    random bytes and short ambiguous texts get no such candidate and are refused.
    """
    matches = list(from_bytes(data))
    if not unicode_only:
        matches += list(from_bytes(data, cp_isolation=list(_LEGACY)))
    candidates = [
        match
        for match in matches
        if match.chaos <= _MAX_CHAOS
        and match.coherence >= _MIN_COHERENCE
        and (not unicode_only or match.encoding.startswith(("utf_16", "utf_32")))
    ]
    if not candidates:
        return None
    best = max(_score(match) for match in candidates)
    close = [match for match in candidates if _score(match) >= best - _TIE]
    for match in sorted(close, key=lambda match: (_rank(match), -_score(match))):
        codec = min(match.could_be_from_charset, key=_rank_name)
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue  # the sample read well but the whole file does not
        if len(_CONTROL_CHARS.findall(text)) <= len(text) // 1000:
            return text
    return None


def _score(match: CharsetMatch) -> float:
    return match.coherence - 2 * match.chaos


def _rank_name(name: str) -> int:
    return _PREFERRED.index(name) if name in _PREFERRED else len(_PREFERRED)


def _rank(match: CharsetMatch) -> int:
    return min(_rank_name(name) for name in match.could_be_from_charset)


_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)|<\?xml[^>]*?encoding\s*=\s*["']([-\w.:]+)""",
    re.IGNORECASE,
)
# Browsers read these labels as windows-1252 (WHATWG); so do we.
_WEB_ALIASES: Final = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _WEB_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<?xml") and "<html" in text[:1000].lower()
    )


# --- plain text and Markdown ------------------------------------------------------------------


def _read_text(path: Path, text: str, media_type: str) -> RawText:
    metadata, body_start = parse_front_matter(text, where=str(path))
    if not text[body_start:].strip():
        raise InputError(f"[E406] {path}: empty document")
    return RawText(text, media_type, metadata, (), body_start)


# --- HTML -------------------------------------------------------------------------------------

# htmldate: only dates the page states in its markup, never guesses from the text.
_DATE_CONFIG: Final = {"original_date": True, "extensive_search": False}


def _read_html(path: Path, html: str) -> RawText:
    """Main text by trafilatura (offline: it is given the markup, never a URL to fetch),
    rendered with a blank line between blocks, because paragraphs are counted by them."""
    extracted = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        favor_recall=True,
        with_metadata=False,
    )
    text = _render_trafilatura_xml(extracted) if isinstance(extracted, str) else ""
    if not text.strip():  # too short or unusual for trafilatura: take every visible word
        text = _render_html(html)
    if not text.strip():
        raise InputError(f"[E406] {path}: empty document (no visible text in the HTML)")
    found = trafilatura.extract_metadata(html, date_config=dict(_DATE_CONFIG))
    metadata: dict[str, str] = {}
    for key, attribute in (
        ("title", "title"),
        ("author", "author"),
        ("date", "date"),
        ("publisher", "sitename"),
        ("url", "url"),
    ):
        value = getattr(found, attribute, None)
        if isinstance(value, str) and value.strip():
            metadata[key] = value.strip()
    return RawText(text, HTML, metadata)


class _BlockWriter:
    """Collects text from start/end/data events into blocks separated by blank lines."""

    def __init__(self, blocks: frozenset[str], skip: frozenset[str]) -> None:
        self._block_tags = blocks
        self._skip_tags = skip
        self._skipping = 0
        self._preformatted = 0
        self._parts: list[str] = []  # the line being written
        self._lines: list[str] = []  # the block being written
        self._blocks: list[str] = []
        self._bullet = False

    def start(self, tag: str) -> None:
        if tag in self._skip_tags:
            self._skipping += 1
        elif tag in self._block_tags:
            self._end_block()
        elif tag in _LINE_TAGS:
            self._end_line()
            self._bullet = tag in _ITEM_TAGS
        elif tag in _BREAK_TAGS:
            self._end_line()
        elif tag in _CELL_TAGS and "".join(self._parts).strip():
            self._parts.append(" | ")
        if tag == "pre":
            self._preformatted += 1

    def end(self, tag: str) -> None:
        if tag in self._skip_tags:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._block_tags:
            self._end_block()
        elif tag in _LINE_TAGS:
            self._end_line()
        elif tag in _CELL_TAGS:
            self._parts.append(" ")
        if tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)

    def data(self, text: str) -> None:
        if self._skipping or not text:
            return
        if self._bullet and text.strip():
            self._parts.append("• ")  # not "-": a dash before a number reads as a minus
            self._bullet = False
        if not self._preformatted:
            self._parts.append(text)
            return
        first, *rest = text.split("\n")
        self._parts.append(first)
        for line in rest:
            self._end_line()
            self._parts.append(line)

    def result(self) -> str:
        self._end_block()
        return "\n\n".join(self._blocks)

    def _end_line(self) -> None:
        line = " ".join("".join(self._parts).split())  # markup whitespace is not content
        if line:
            self._lines.append(line)
        self._parts = []

    def _end_block(self) -> None:
        self._end_line()
        if self._lines:
            self._blocks.append("\n".join(self._lines))
        self._lines = []
        self._bullet = False


_LINE_TAGS: Final = frozenset({"li", "item", "tr", "row", "dt", "dd"})
_ITEM_TAGS: Final = frozenset({"li", "item"})
_BREAK_TAGS: Final = frozenset({"br", "lb"})
_CELL_TAGS: Final = frozenset({"td", "th", "cell"})
_HTML_BLOCKS: Final = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote"}
    | {"pre", "section", "article", "main", "header", "footer", "nav", "aside", "figure"}
    | {"figcaption", "address", "form", "fieldset", "hr", "caption", "details", "summary"}
)
_HTML_SKIP: Final = frozenset({"script", "style", "noscript", "template", "title", "svg", "math"})
# trafilatura's XML: <head> is a heading, <list>/<quote>/<code> are blocks.
_XML_BLOCKS: Final = frozenset({"p", "head", "list", "table", "quote", "code", "main"})
_XML_SKIP: Final = frozenset({"comments", "graphic"})


def _render_trafilatura_xml(xml: str) -> str:
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return ""
    main = root.find("main")
    if main is None:
        return ""
    writer = _BlockWriter(_XML_BLOCKS, _XML_SKIP)

    def walk(element: ET.Element) -> None:
        writer.start(element.tag)
        writer.data(element.text or "")
        for child in element:
            walk(child)
        writer.end(element.tag)
        writer.data(element.tail or "")

    walk(main)
    return writer.result()


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.writer = _BlockWriter(_HTML_BLOCKS, _HTML_SKIP)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.writer.start(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.writer.start(tag)
        self.writer.end(tag)

    def handle_endtag(self, tag: str) -> None:
        self.writer.end(tag)

    def handle_data(self, data: str) -> None:
        self.writer.data(data)


def _render_html(html: str) -> str:
    """All visible text of a page, one block per block element."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    return parser.writer.result()


# --- PDF --------------------------------------------------------------------------------------

_PDF_DATE: Final = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_JUNK_PDF_TITLE: Final = re.compile(
    r"untitled|microsoft (word|powerpoint) - .*|.*\.(docx?|odt|rtf|indd|tex|pdf)", re.IGNORECASE
)


def _read_pdf(path: Path, data: bytes) -> RawText:
    """Text of every page joined by a blank line, with the offset where each page starts."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"[E403] {path}: not a readable PDF (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:  # pypdf would quietly read what is left of a cut file
        raise InputError(f"[E403] {path}: not a readable PDF (truncated: no %%EOF at the end)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise InputError(f"[E403] {path}: not a readable PDF (encrypted; it needs a password)")
        texts = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                texts.append(page.extract_text() or "")
            except Exception as exc:
                raise InputError(
                    f"[E403] {path}: not a readable PDF (page {number}: "
                    f"{type(exc).__name__}: {exc})"
                ) from exc
    except InputError:
        raise
    except Exception as exc:  # pypdf's errors are many and not all PdfReadError
        raise InputError(
            f"[E403] {path}: not a readable PDF ({type(exc).__name__}: {exc})"
        ) from exc
    if not texts:
        raise InputError(f"[E406] {path}: empty document (the PDF has no pages)")
    if not any(text.strip() for text in texts):
        raise InputError(
            f"[E404] {path}: the PDF has no text layer (scanned?); OCR is not supported"
        )
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 2
    return RawText("\n\n".join(texts), PDF, _pdf_metadata(reader), tuple(starts))


def _pdf_metadata(reader: PdfReader) -> dict[str, str]:
    """Title, author and creation date from the PDF info; a broken entry is skipped."""
    found: dict[str, str] = {}
    try:
        info = reader.metadata
        if info is None:
            return found
        title, author = info.title, info.author
        created = info.get("/CreationDate")
    except Exception:  # metadata is a bonus; a broken info dictionary must not lose the text
        return found
    if isinstance(title, str) and title.strip() and not _JUNK_PDF_TITLE.fullmatch(title.strip()):
        found["title"] = title.strip()
    if isinstance(author, str) and author.strip():
        found["author"] = author.strip()
    match = _PDF_DATE.match(str(created or "").strip())
    if match:
        found["date"] = "-".join(part for part in match.groups() if part)
    return found
