"""From a read file and its metadata to the Document and Source records bilat stores.

A document's id is the hash of its text with whitespace normalised, so re-ingesting the same
content (even re-wrapped) is a no-op and any change to the words is a new version. The hash
covers the whole text, front matter included, because mention offsets index into that text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from bilat.ingest.metadata import DocumentMeta, load_sidecar, merge_metadata
from bilat.ingest.readers import DEFAULT_MAX_BYTES, RawText, read_document
from bilat.model import Document, Source

_WHITESPACE = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SOURCE_ID = 60
_MAX_WHO = 24
_MAX_TITLE_LINE = 150  # a longer first line is a paragraph, not a title

# Cyrillic titles and publishers are common in this corpus; ASCII folding alone would erase
# them. Apostrophes go without a trace, so "Kazakhstan's" and "Kazakhstan’s" slug alike.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("'’ʼ‘`", ""),
        **dict(zip("абвгдезийклмнопрстуфхцы", "abvgdezijklmnoprstufhcy", strict=True)),
        **{"ё": "e", "ж": "zh", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": ""},
        **{"э": "e", "ю": "yu", "я": "ya", "є": "ye", "ї": "yi", "і": "i", "ў": "u"},
        **dict(zip("әғқңөұүһҳҷӣӯ", "agqnouuhhjiu", strict=True)),
    }
)


def normalise_for_id(text: str) -> str:
    """The text as its id sees it: NFC, every whitespace run one space, no ends."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def slug(text: str, max_chars: int = _MAX_SOURCE_ID) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    words = _NOT_SLUG.sub("-", folded.encode("ascii", "ignore").decode("ascii")).strip("-")
    if len(words) <= max_chars:
        return words
    cut = words[: max_chars + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:max_chars]).strip("-")


def first_line_title(body: str) -> str | None:
    """The first non-empty line, without Markdown heading marks, if it is short enough."""
    for line in body.splitlines():
        title = line.strip().lstrip("#").strip().strip("*_").strip()
        if title:
            return title if len(title) <= _MAX_TITLE_LINE else None
    return None


def source_id(meta: DocumentMeta, title: str, path: Path) -> str:
    """meta.source_id, else who-year-title: "steppe-review-2019-kazakh-trade-notes"."""
    if meta.source_id:
        return meta.source_id
    first_author = (meta.author or "").split(";")[0]
    who = meta.publisher or first_author or path.absolute().parent.name
    prefix = f"{slug(who, _MAX_WHO) or 'unknown'}-{meta.year or 'nd'}-"
    what = slug(title, max(8, _MAX_SOURCE_ID - len(prefix)))
    # A title in a script we cannot fold (Chinese, Arabic) still needs a stable, distinct id.
    return prefix + (what or "t" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8])


def build_document(path: Path, raw: RawText, meta: DocumentMeta) -> tuple[Document, Source]:
    """The Document (this version of the text) and the Source it comes from."""
    title = meta.title or first_line_title(raw.body) or path.stem
    source = Source(
        id=source_id(meta, title, path),
        title=title,
        author=meta.author,
        publisher=meta.publisher,
        year=meta.year,
        grade=meta.grade,
        grade_reason=meta.grade_reason,
        url=meta.url,
    )
    document = Document(
        id=Document.make_id(normalise_for_id(raw.text)),
        source_id=source.id,
        path=str(path),
        title=title,
        text=raw.text,
        published=meta.date,
        media_type=raw.media_type,
        pages=raw.pages,
    )
    return document, source


def load(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, Source, int]:
    """Read a file, merge its sidecar over its own metadata, build the records; also return
    where the body starts (after front matter) so callers can skip it when extracting."""
    raw = read_document(path, max_bytes=max_bytes)
    meta = merge_metadata(raw.metadata, load_sidecar(path))
    document, source = build_document(path, raw, meta)
    return document, source, raw.body_start
