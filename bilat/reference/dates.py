"""Dates as precise as known ("1992", "2015-08", "2015-08-12"), read as their first day."""

from __future__ import annotations

import datetime as dt
import re

DateLike = dt.date | str | int

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def iso(value: object) -> str | None:
    """The ISO text of a YAML scalar: PyYAML reads unquoted dates as dates and years as ints."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def is_iso_date(value: object) -> bool:
    """True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real calendar date."""
    text = iso(value)
    if text is None or not _ISO.match(text):
        return False
    try:
        as_date(text)
    except ValueError:
        return False
    return True


def as_date(value: DateLike) -> dt.date:
    """The first day of the period a date names; a partial date stands for its start."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    found = _ISO.match(text)
    if not found:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = found.groups()
    return dt.date(int(year), int(month or 1), int(day or 1))


def within(at: dt.date, start: str, end: str | None) -> bool:
    """Whether a spell from start (inclusive) to end (exclusive, None = still running) covers at."""
    return as_date(start) <= at and (end is None or at < as_date(end))
