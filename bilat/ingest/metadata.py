"""What is known about a document besides its text: front matter, the sidecar, and their merge.

Three layers, the later winning: the file's own metadata (HTML meta tags, PDF info, a YAML
front matter block), then a sidecar ``FILE.meta.yaml`` written for bilat. The file's own
metadata is taken leniently (a value we cannot read is dropped: it was written for other tools).
The sidecar is written by a person for bilat, so it is checked strictly and every mistake is an
[E408] error naming the sidecar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bilat.errors import InputError
from bilat.model import GRADES

KEYS = ("title", "publisher", "author", "date", "url", "grade", "grade_reason", "source")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")

DEFAULT_GRADE = "F"
DEFAULT_GRADE_REASON = "not graded: no grade given with the document"
UNEXPLAINED_GRADE_REASON = "graded where the document was supplied; no reason given"

# Names other tools (Jekyll, Hugo, Pandoc) use in front matter for the keys bilat knows.
_FRONT_MATTER_ALIASES = {
    "authors": "author",
    "published": "date",
    "pubdate": "date",
    "site": "publisher",
    "sitename": "publisher",
    "link": "url",
    "source_id": "source",
}
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_YAML_KEY_LINE = re.compile(r"[A-Za-z_][\w -]*:(\s|$)")
_FENCE_OPEN = "---"
_FENCE_CLOSE = ("---", "...")
_MAX_FRONT_MATTER_LINES = 200  # a leading "---" with no close nearby is a rule, not a block


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """The metadata bilat keeps for a document, after merging the file and its sidecar."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None  # ISO prefix: "2019", "2019-04", "2019-04-12"
    url: str | None = None
    grade: str = DEFAULT_GRADE
    grade_reason: str = DEFAULT_GRADE_REASON
    source_id: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


# --- dates and values -------------------------------------------------------------------------


def parse_date(value: str) -> str:
    """Check an ISO date of year, month or day precision; raise ValueError saying why not."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"date '{value}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    return _checked_date(match, value)


def lenient_date(value: str) -> str | None:
    """The ISO prefix of a date written by another tool ("2019-04-12T08:00:00Z"), or None."""
    match = _DATE.match(value.strip())
    if not match or value.strip()[match.end() : match.end() + 1].isdigit():
        return None
    try:
        return _checked_date(match, value)
    except ValueError:
        return None


def _checked_date(match: re.Match[str], value: str) -> str:
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"date '{value}' does not exist ({exc})") from None
    return "-".join(part for part in (year, month, day) if part)


def _as_text(value: object) -> str | None:
    """A YAML scalar as text; raise TypeError for values that cannot be one (mappings)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("yes/no")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    if isinstance(value, list | tuple):  # several authors
        parts = [_as_text(item) for item in value]
        return "; ".join(part for part in parts if part) or None
    raise TypeError(type(value).__name__)


# --- the sidecar (strict) ---------------------------------------------------------------------


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIXES)


def find_sidecar(document: Path) -> Path | None:
    """The sidecar of a document: report.pdf.meta.yaml, else report.meta.yaml (either .yml)."""
    names = [document.name + suffix for suffix in SIDECAR_SUFFIXES]
    if document.suffix:  # the shared form covers report.pdf and report.html alike
        names += [document.stem + suffix for suffix in SIDECAR_SUFFIXES]
    for name in names:
        candidate = document.with_name(name)
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(sidecar: Path) -> dict[str, str]:
    """A sidecar's keys, checked and normalised; [E401]/[E408] if it cannot be used."""
    try:
        text = sidecar.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"[E401] {sidecar}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"[E408] {sidecar}: not UTF-8 text ({exc.reason})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"[E408] {sidecar}: not valid YAML: {_yaml_problem(exc)}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            f"[E408] {sidecar}: expected keys ({', '.join(KEYS)}), got a {type(data).__name__}"
        )
    return validate_meta(data, where=str(sidecar))


def load_sidecar(document: Path) -> dict[str, str]:
    """The checked sidecar of a document, or {} if it has none."""
    sidecar = find_sidecar(document)
    return read_sidecar(sidecar) if sidecar else {}


def validate_meta(data: Mapping[Any, object], *, where: str) -> dict[str, str]:
    """Strictly check metadata written for bilat: known keys, a grade A-F, an ISO date."""
    checked: dict[str, str] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise InputError(
                f"[E408] {where}: unknown key '{key}' (expected one of: {', '.join(KEYS)})"
            )
        name = str(key)
        try:
            text = _as_text(value)
        except TypeError:
            raise InputError(f"[E408] {where}: '{name}' must be text, not {value!r}") from None
        if text is None:
            continue
        if name == "grade":
            grade = text.upper()
            if len(grade) != 1 or grade not in GRADES:
                raise InputError(
                    f"[E408] {where}: grade '{text}' is not one of A, B, C, D, E, F "
                    "(Admiralty reliability of the source)"
                )
            text = grade
        elif name == "date":
            try:
                text = parse_date(text)
            except ValueError as exc:
                raise InputError(f"[E408] {where}: {exc}") from None
        elif name == "source" and not _SOURCE_ID.fullmatch(text):
            raise InputError(
                f"[E408] {where}: source id '{text}' may hold only letters, digits, "
                "'.', '_', ':' and '-'"
            )
        checked[name] = text
    return checked


def _yaml_problem(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        return f"{exc.problem} (line {exc.problem_mark.line + 1})"
    return str(exc)


# --- the file's own metadata (lenient) --------------------------------------------------------


def clean_file_meta(meta: Mapping[str, str]) -> dict[str, str]:
    """Keep the usable known keys of metadata found in a file; drop what cannot be read."""
    cleaned: dict[str, str] = {}
    for key in KEYS:
        value = (meta.get(key) or "").strip()
        if key == "grade":
            value = value.upper() if len(value) == 1 and value.upper() in GRADES else ""
        elif key == "date":
            value = lenient_date(value) or ""
        elif key == "source" and not _SOURCE_ID.fullmatch(value):
            value = ""
        if value:
            cleaned[key] = value
    return cleaned


def parse_front_matter(text: str, *, where: str) -> tuple[dict[str, str], int]:
    """Metadata from a YAML block fenced by "---" lines at the very start, and where the body
    starts (0 without one). The text itself is left alone so offsets stay those of the file.

    A fenced block that does not start like YAML (a horizontal rule and prose) is body text; one
    that does but fails to parse is an [E408] error, as silently losing a grade would be worse.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _FENCE_OPEN:
        return {}, 0
    for index, line in enumerate(lines[1:_MAX_FRONT_MATTER_LINES], start=1):
        if line.rstrip() in _FENCE_CLOSE:
            block = "".join(lines[1:index])
            body_start = sum(len(part) for part in lines[: index + 1])
            break
    else:
        return {}, 0
    first = next((line.strip() for line in block.splitlines() if line.strip()), "")
    if first and not _YAML_KEY_LINE.match(first):
        return {}, 0
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        raise InputError(
            f"[E408] {where}: the front matter is not valid YAML: {_yaml_problem(exc)}"
        ) from exc
    if data is None:
        return {}, body_start
    if not isinstance(data, dict):
        return {}, 0
    found: dict[str, str] = {}
    for raw_key, value in data.items():
        key = _FRONT_MATTER_ALIASES.get(str(raw_key).lower(), str(raw_key).lower())
        if key not in KEYS or key in found:
            continue  # other tools' keys (layout, tags) are theirs, not errors
        try:
            text_value = _as_text(value)
        except TypeError:
            continue
        if text_value:
            found[key] = text_value
    return found, body_start


# --- the merge --------------------------------------------------------------------------------


def merge_metadata(file_meta: Mapping[str, str], sidecar_meta: Mapping[str, str]) -> DocumentMeta:
    """The sidecar over the file's own metadata; the grade keeps the reason given with it."""
    own = clean_file_meta(file_meta)
    side = validate_meta(
        dict(sidecar_meta), where="sidecar metadata"
    )  # idempotent on checked input
    merged = {**own, **side}
    if "grade" in side:
        grade, reason = side["grade"], side.get("grade_reason") or UNEXPLAINED_GRADE_REASON
    elif "grade" in own:
        grade = own["grade"]
        reason = merged.get("grade_reason") or UNEXPLAINED_GRADE_REASON
    else:
        grade, reason = DEFAULT_GRADE, merged.get("grade_reason") or DEFAULT_GRADE_REASON
    return DocumentMeta(
        title=merged.get("title"),
        publisher=merged.get("publisher"),
        author=merged.get("author"),
        date=merged.get("date"),
        url=merged.get("url"),
        grade=grade,
        grade_reason=reason,
        source_id=merged.get("source"),
    )
