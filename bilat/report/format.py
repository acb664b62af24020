"""How figures, times, parties and sources read to a human: one place for every renderer.

Every renderer (terminal, Markdown, HTML, charts) formats through these functions, so a
figure reads the same wherever it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bilat.ontology import indicators

MINUS = "\u2212"  # a true minus sign: a hyphen is easy to misread in a table of figures
EN_DASH = "\u2013"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONEY_SCALES: tuple[tuple[float, str], ...] = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
_QUALIFIER_WORDS = {"approx": "about", "at_least": "at least", "at_most": "up to"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_CITE = re.compile(r"\[(\d+)\]")

# How the subject and object of an indicator read in a sentence, and the arrow between
# their codes in a table. The default fits the many "received from the partner" indicators.
_DEFAULT_RELATION = ("{s} from {o}", "←")
_SYMMETRIC_RELATION = ("{s} and {o}", "↔")
_RELATIONS: dict[str, tuple[str, str]] = {
    "exports": ("{s} to {o}", "→"),
    "gas_exports": ("{s} to {o}", "→"),
    "external_debt": ("{s} to {o}", "→"),
    "external_debt_share": ("{s} to {o}", "→"),
    "migrants": ("{s} in {o}", "→"),
    "migrant_share": ("{s} in {o}", "→"),
    "students": ("{s} in {o}", "→"),
    "oil_transit_share": ("{s} via {o}", "→"),
    "public_support": ("{s} for {o}", "→"),
    "trade_share": ("{s} with {o}", "↔"),
    "agreements": ("{s} with {o}", "↔"),
    "agreements_value": ("{s} with {o}", "↔"),
    "joint_ventures": ("{s} with {o}", "↔"),
    "exercise_troops": ("{s} with {o}", "↔"),
    "military_trained": ("{s} by {o}", "←"),
    "debt_relief": ("{s} by {o}", "←"),
    "investment_share": ("{o} in {s}", "←"),
    "arms_import_share": ("{o} in {s}", "←"),
    "oil_production_share": ("{o} in {s}", "←"),
    "ethnic_share": ("{s}, people with kin in {o}", "←"),
}


def format_year(value: float) -> str:
    """A year as written, without a thousands separator: 2016, not 2,016."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def format_number(value: float, *, signed: bool = False) -> str:
    """A number with thousands separators and only the decimals that carry meaning."""
    magnitude = abs(value)
    if magnitude >= 100 or magnitude == int(magnitude):
        text = f"{magnitude:,.0f}"
    elif magnitude >= 10:
        text = f"{magnitude:,.1f}"
    elif magnitude >= 1:
        text = f"{magnitude:.2f}"
    else:
        text = f"{magnitude:.2g}"
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    if text == "0":
        return "0"
    if value < 0:
        return MINUS + text
    return "+" + text if signed else text


def _money(value: float, code: str, *, signed: bool = False) -> tuple[str, str]:
    """A money amount split as (number, scale word): (12.9, "bn") reads "USD 12.9 bn"."""
    for factor, word in _MONEY_SCALES:
        if abs(value) >= factor:
            return format_number(value / factor, signed=signed), word
    return format_number(value, signed=signed), ""


def _money_text(code: str, number: str, scale: str) -> str:
    return f"{code} {number} {scale}".rstrip()


def _amount(value: float, unit: str, *, signed: bool = False) -> str:
    """One value with its unit, e.g. "30.4%", "7,000 persons", "USD 333 m"."""
    if _is_currency(unit):
        return _money_text(unit, *_money(value, unit, signed=signed))
    number = format_number(value, signed=signed)
    if unit == "percent":
        return f"{number}%"
    if unit == "count" or not unit:
        return number
    if unit == "persons" and abs(value) == 1:
        return f"{number} person"
    return f"{number} {unit}"


def _range(low: float, high: float, unit: str) -> str:
    """A range with the unit said once: "500,000–1,000,000 persons", "USD 1–2 bn"."""
    if _is_currency(unit):
        low_number, low_scale = _money(low, unit)
        high_number, high_scale = _money(high, unit)
        if low_scale == high_scale:
            return _money_text(unit, f"{low_number}{EN_DASH}{high_number}", high_scale)
        low_text = f"{low_number} {low_scale}".rstrip()
        return _money_text(unit, f"{low_text}{EN_DASH}{high_number}", high_scale)
    span = f"{format_number(low)}{EN_DASH}{format_number(high)}"
    if unit == "percent":
        return f"{span}%"
    if unit == "count" or not unit:
        return span
    return f"{span} {unit}"


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def format_value(
    value: float,
    unit: str,
    value_max: float | None = None,
    qualifier: str = "exact",
) -> str:
    """A claim's figure as a reader says it: "about 30 bcm", "change of −28%", "up to 30%"."""
    if qualifier == "change":
        # A change always shows its sign: "+12.3%" must not be read as a level of 12.3%.
        text = _amount(value, unit, signed=True)
        if value_max is not None and value_max != value:
            text += " to " + _amount(value_max, unit, signed=True)
        return f"change of {text}"
    if value_max is not None and value_max != value:
        text = _range(value, value_max, unit)
    else:
        text = _amount(value, unit)
    word = _QUALIFIER_WORDS.get(qualifier)
    return f"{word} {text}" if word else text


def format_claim_value(claim: Mapping[str, Any]) -> str:
    """The figure of a claim dict of the brief."""
    return format_value(
        float(claim["value"]),
        str(claim.get("unit") or ""),
        None if claim.get("value_max") is None else float(claim["value_max"]),
        str(claim.get("qualifier") or "exact"),
    )


def format_axis_value(value: float, unit: str) -> str:
    """A short tick label: the unit's code or name goes on the axis title instead."""
    if _is_currency(unit):
        number, scale = _money(value, unit)
        return f"{number} {scale}".rstrip()
    number = format_number(value)
    return f"{number}%" if unit == "percent" else number


def unit_label(unit: str) -> str:
    """The unit as an axis title names it."""
    return {"percent": "%", "count": "number", "": "value"}.get(unit, unit)


def _date(text: str) -> str:
    match = _DATE.match(text)
    if not match:
        return text
    year, month, day = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"


def format_time(time: str | int | None) -> str:
    """ "2016", "2013/2016" → "2013–2016", "2017-08" → "Aug 2017"; no time → "n.d."."""
    if time is None or time == "":
        return "n.d."
    start, _, end = str(time).partition("/")
    if not end:
        return _date(start)
    return f"{_date(start)}{EN_DASH}{_date(end)}"


def display_name(code: str | None, names: Mapping[str, str]) -> str:
    """The display name of a country or organisation id; the id itself when none is known."""
    if code is None:
        return ""
    return names.get(code, code)


def _relation(indicator: str) -> tuple[str, str]:
    if indicator in _RELATIONS:
        return _RELATIONS[indicator]
    known = indicators().get(indicator)
    return _SYMMETRIC_RELATION if known and known.symmetric else _DEFAULT_RELATION


def parties(claim: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Who a claim is about, in words: "Kyrgyzstan from Russia", "Kazakhstan and Russia"."""
    subject, obj = claim.get("subject"), claim.get("object")
    if subject and obj:
        template, _ = _relation(str(claim.get("indicator", "")))
        return template.format(s=display_name(subject, names), o=display_name(obj, names))
    return display_name(subject or obj, names)


def direction(claim: Mapping[str, Any]) -> str:
    """Who a claim is about, as codes with an arrow: "KGZ ← RUS"."""
    subject, obj = claim.get("subject"), claim.get("object")
    if subject and obj:
        _, arrow = _relation(str(claim.get("indicator", "")))
        return f"{subject} {arrow} {obj}"
    return str(subject or obj or "")


def cite_marker(n: int | None) -> str:
    return "" if n is None else f"[{n}]"


def split_cites(text: str) -> list[str | int]:
    """Text with its citation markers split out: "a [1] b" → ["a ", 1, " b"]."""
    parts: list[str | int] = []
    for index, piece in enumerate(_CITE.split(text)):
        if index % 2:
            parts.append(int(piece))
        elif piece:
            parts.append(piece)
    return parts


def describe_claim(claim: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """One line for a claim.

    "Remittances as share of GDP — Kyrgyzstan from Russia: 30.4% (2016) [2]"
    """
    label = claim.get("label") or claim.get("indicator") or "Figure"
    who = parties(claim, names)
    head = f"{label} — {who}" if who else str(label)
    line = f"{head}: {format_claim_value(claim)} ({format_time(claim.get('time'))})"
    marker = cite_marker(claim.get("cite"))
    return f"{line} {marker}" if marker else line


def format_citation(source: Mapping[str, Any]) -> str:
    """A source as a reference-list entry: "Author (2018). Title. Publisher."."""
    who = source.get("author") or source.get("publisher") or "Unknown author"
    year = source.get("year") or "n.d."
    title = str(source.get("title") or source.get("id") or "Untitled").rstrip(".")
    publisher = source.get("publisher") if source.get("author") else None
    text = f"{who} ({year}). {title}."
    return f"{text} {publisher}." if publisher else text


def grade_of(brief: Mapping[str, Any], cite: int | None) -> str:
    """The reliability grade of the source behind a citation number ("?" if unknown)."""
    for source in brief.get("sources") or []:
        if source.get("n") == cite:
            return str(source.get("grade") or "?")
    return "?"


def quad_is_conflict(quad: int | None) -> bool:
    """PLOVER quads 3 and 4 are verbal and material conflict; 1 and 2 are cooperation."""
    return quad in (3, 4)


def pair_title(brief: Mapping[str, Any]) -> str:
    """The brief's title: "Kazakhstan and Russia"."""
    names = brief.get("names") or {}
    pair = list(brief.get("pair") or [])
    return " and ".join(display_name(code, names) for code in pair) or "Bilateral brief"


def membership_rows(brief: Mapping[str, Any]) -> list[tuple[str, list[str], bool]]:
    """Memberships as table rows: (organisation, one cell per country of the pair, is_past).

    Shared memberships first, then those of one side only, then past ones; a cell is "—"
    where that country is not (or was not) a member.
    """
    memberships = brief.get("memberships") or {}
    pair = [str(code) for code in brief.get("pair") or []]
    rows: list[tuple[str, list[str], bool]] = []

    def org(entry: Mapping[str, Any]) -> str:
        name, code = entry.get("name"), entry.get("org")
        return f"{name} ({code})" if name and name != code else str(code or name or "")

    for entry in memberships.get("shared") or []:
        since = entry.get("since") or {}
        cells = [f"since {format_time(since.get(c))}" for c in pair]
        rows.append((org(entry), cells, False))
    only = memberships.get("only") or {}
    for code in pair:
        for entry in only.get(code) or []:
            text = f"since {format_time(entry.get('since'))}"
            status = entry.get("status")
            if status and status != "member":
                text = f"{status}, {text}"
            rows.append((org(entry), [text if c == code else "—" for c in pair], False))
    for entry in memberships.get("past") or []:
        period = f"{format_time(entry.get('joined'))} {EN_DASH} {format_time(entry.get('left'))}"
        text = f"member {period} (left)"
        rows.append((org(entry), [text if c == entry.get("member") else "—" for c in pair], True))
    return rows


def series_table(
    series: Mapping[str, Any],
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """A chart series as a table: the year headings, and per line its key and year cells."""
    lines: Mapping[str, Any] = series.get("lines") or {}
    years = sorted({point[0] for points in lines.values() for point in points})
    rows: list[tuple[str, list[str]]] = []
    for key, points in lines.items():
        by_year = {point[0]: float(point[1]) for point in points}
        rows.append((key, [format_number(by_year[y]) if y in by_year else "—" for y in years]))
    return [format_year(y) for y in years], rows


def conflict_figure(conflict: Mapping[str, Any], names: Mapping[str, str]) -> tuple[str, str]:
    """What a conflict is about: (label, "Kazakhstan and Russia (2016)")."""
    label = str(conflict.get("label") or conflict.get("indicator") or "")
    who = parties(conflict, names)
    if conflict.get("time"):
        who = f"{who} ({format_time(conflict.get('time'))})".strip()
    return label, who


def format_spread(spread: float | None) -> str:
    """A relative difference as a percentage: 0.22 → "22%"."""
    return "" if spread is None else f"{format_number(float(spread) * 100)}%"
