"""The timeline of a country or a pair: dated events, a yearly cooperation–conflict balance,
and how that balance changed around break years (by default 2014 and 2022).

Events are typed with PLOVER; each type has a quad class (1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict). The balance of a set of events is
(cooperation − conflict) / (cooperation + conflict), from −1 (all conflict) to +1 (all
cooperation), with material events weighing more than words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from typing import Any, Literal

from bilat.model import Event, Source, source_entry
from bilat.ontology import event_types
from bilat.reference import UnknownEntityError, memberships_of, name_of, regions
from bilat.report.format import MINUS
from bilat.store import Store

# Material acts (troops deployed, aid paid, sanctions imposed) cost more than statements, so
# they say more about a relation: they count twice in the balance (as in Goldstein-style
# weighting, simplified to two levels).
QUAD_WEIGHTS: dict[int, float] = {1: 1.0, 2: 2.0, 3: 1.0, 4: 2.0}
COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)
DEFAULT_BREAKS: tuple[int, ...] = (2014, 2022)
TOP_TYPES = 3  # how many of the most frequent event types a period lists

Link = Literal["direct", "regional", "organisation"]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """An event on the timeline and why it counts for the country or pair."""

    event: Event
    link: Link  # direct; through a region a side belongs to; through an organisation
    via: str | None = None  # the region or organisation the event counts through
    also: tuple[Event, ...] = ()  # the same happening as reported by other sources

    @property
    def year(self) -> int:
        # The start: an event is placed when it happened or began.
        return int(self.event.date.start[:4])

    @property
    def quad(self) -> int | None:
        kind = event_types().get(self.event.type)
        return kind.quad if kind else None

    def to_dict(self) -> dict[str, Any]:
        e, kind = self.event, event_types().get(self.event.type)
        return {
            "id": e.id,
            "date": str(e.date),
            "year": self.year,
            "type": e.type,
            "label": kind.label if kind else e.type,
            "quad": kind.quad if kind else None,
            "quad_label": kind.quad_label if kind else None,
            "subtype": e.subtype,
            "actors": list(e.actors),
            "actor_names": [name_of(a) for a in e.actors],
            "summary": e.summary,
            "source": e.source_id,
            "sentence": e.sentence,
            "locator": e.locator,
            "link": self.link,
            "regional": self.link == "regional",
            "via": self.via,
            "also_reported_by": [
                {"id": o.id, "source": o.source_id, "summary": o.summary, "sentence": o.sentence}
                for o in self.also
            ],
        }


@dataclass(frozen=True, slots=True)
class YearBalance:
    year: int
    counts: dict[int, int]  # quad class -> number of events
    balance: float | None  # None when no event of the year has a known quad class

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "counts": {str(q): n for q, n in self.counts.items()},
            "events": sum(self.counts.values()),
            "balance": _rounded(self.balance),
        }


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    start: int | None  # first year, None = open
    end: int | None  # last year, None = open
    events: int
    counts: dict[int, int]
    balance: float | None
    top_types: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "from": self.start,
            "to": self.end,
            "events": self.events,
            "counts": {str(q): n for q, n in self.counts.items()},
            "balance": _rounded(self.balance),
            "top_types": self.top_types,
        }


@dataclass(slots=True)
class Timeline:
    a: str
    b: str | None
    breaks: tuple[int, ...]
    events: list[TimelineEvent]
    years: list[YearBalance]
    gaps: list[int]  # years between the first and last event with no event at all
    periods: list[Period]
    comparisons: list[str]
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pair(self) -> list[str]:
        return [self.a] if self.b is None else [self.a, self.b]

    def names(self) -> dict[str, str]:
        ids = set(self.pair) | {actor for t in self.events for actor in t.event.actors}
        ids |= {t.via for t in self.events if t.via}
        return {i: name_of(i) for i in sorted(ids)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair": self.pair,
            "names": self.names(),
            "breaks": list(self.breaks),
            "events": [t.to_dict() for t in self.events],
            "years": [y.to_dict() for y in self.years],
            "gaps": self.gaps,
            "periods": [p.to_dict() for p in self.periods],
            "comparisons": self.comparisons,
            "sources": self.sources,
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


# -- which events count ---------------------------------------------------------------------


def regions_of(entity: str) -> set[str]:
    return {r.id for r in regions().values() if entity in r.members}


def _side(entity: str) -> set[str]:
    """The actors that stand for a side: the entity and any region it belongs to."""
    return {entity} | regions_of(entity)


def _organisations_of(entity: str, at: str) -> set[str]:
    try:
        spells = memberships_of(entity, at)
    except (UnknownEntityError, ValueError):  # an id or date the reference data cannot read
        return set()
    return {m.org for m in spells if m.status == "member"}


def _single_link(event: Event, a: str) -> TimelineEvent | None:
    actors = set(event.actors)
    if a in actors:
        return TimelineEvent(event, "direct")
    shared = sorted(regions_of(a) & actors)
    return TimelineEvent(event, "regional", shared[0]) if shared else None


def _pair_link(event: Event, a: str, b: str) -> TimelineEvent | None:
    """Both sides present as distinct actors (a region standing for a member), or, in a
    two-actor event, one side dealing with an organisation the other belongs to."""
    actors = set(event.actors)
    a_side, b_side = _side(a) & actors, _side(b) & actors
    if any(x != y for x in a_side for y in b_side):
        if a in actors and b in actors:
            return TimelineEvent(event, "direct")
        region = sorted((a_side - {a}) | (b_side - {b}))[0]
        return TimelineEvent(event, "regional", region)
    if len(event.actors) != 2:
        return None  # a crowded event needs both sides named
    for one_side, other in ((a_side, b), (b_side, a)):
        orgs = _organisations_of(other, event.date.start) & actors
        if one_side and orgs:
            return TimelineEvent(event, "organisation", sorted(orgs)[0])
    return None


def _happening(event: Event) -> tuple[str, str | None, tuple[str, ...], str]:
    return (event.type, event.subtype, event.actors, str(event.date))


def _merge_reports(linked: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """One entry per happening: the same type, actors and date from another source is a
    second report of it, not a second event, and must not count twice in the balance."""
    merged: dict[tuple[str, str | None, tuple[str, ...], str], TimelineEvent] = {}
    for t in linked:
        key = _happening(t.event)
        first = merged.get(key)
        sources = {first.event.source_id, *(o.source_id for o in first.also)} if first else set()
        if first is None:
            merged[key] = t
        elif t.event.source_id in sources:  # one source telling two alike events: keep both
            merged[(*key[:3], f"{key[3]}#{t.event.id}")] = t
        else:
            merged[key] = replace(first, also=(*first.also, t.event))
    return list(merged.values())


def select_events(events: Iterable[Event], a: str, b: str | None) -> list[TimelineEvent]:
    """The events that count for A (or the pair A–B), in date order."""
    found: dict[str, TimelineEvent] = {}
    for event in sorted(events, key=lambda e: (e.date.start, e.id)):
        linked = _single_link(event, a) if b is None else _pair_link(event, a, b)
        if linked is not None:
            found.setdefault(event.id, linked)
    merged = _merge_reports(found.values())
    return sorted(merged, key=lambda t: (t.event.date.start, t.event.id))


# -- the balance ----------------------------------------------------------------------------


def quad_counts(events: Iterable[TimelineEvent]) -> dict[int, int]:
    counts = Counter(t.quad for t in events if t.quad is not None)
    return {q: counts.get(q, 0) for q in (1, 2, 3, 4)}


def balance(counts: Mapping[int, int]) -> float | None:
    """(cooperation − conflict) / (cooperation + conflict), material events weighted."""
    cooperation = sum(QUAD_WEIGHTS[q] * counts.get(q, 0) for q in COOPERATION_QUADS)
    conflict = sum(QUAD_WEIGHTS[q] * counts.get(q, 0) for q in CONFLICT_QUADS)
    total = cooperation + conflict
    return None if total == 0 else (cooperation - conflict) / total


def yearly(events: Sequence[TimelineEvent]) -> tuple[list[YearBalance], list[int]]:
    """The balance of each year with events, and the years between with none (gaps)."""
    by_year: dict[int, list[TimelineEvent]] = {}
    for t in events:
        by_year.setdefault(t.year, []).append(t)
    years = []
    for year in sorted(by_year):
        counts = quad_counts(by_year[year])
        years.append(YearBalance(year, counts, balance(counts)))
    if not by_year:
        return years, []
    gaps = [y for y in range(min(by_year), max(by_year) + 1) if y not in by_year]
    return years, gaps


def _period_bounds(breaks: Sequence[int]) -> list[tuple[str, int | None, int | None]]:
    bounds: list[tuple[str, int | None, int | None]] = []
    starts: list[int | None] = [None, *breaks]
    ends: list[int | None] = [*(year - 1 for year in breaks), None]
    for start, end in zip(starts, ends, strict=True):
        if start is None:
            label = f"before {breaks[0]}" if breaks else "all years"
        elif end is None:
            label = f"{start} on"
        else:
            label = str(start) if start == end else f"{start}–{end}"
        bounds.append((label, start, end))
    return bounds


def _within(year: int, start: int | None, end: int | None) -> bool:
    return (start is None or year >= start) and (end is None or year <= end)


def _top_types(events: Iterable[TimelineEvent]) -> list[str]:
    counts = Counter(t.event.type for t in events)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in ranked[:TOP_TYPES]]


def periods(events: Sequence[TimelineEvent], breaks: Sequence[int]) -> list[Period]:
    """Counts and balance per period; the balance pools the period's events rather than
    averaging yearly balances, so a year with one event does not weigh like a busy one."""
    out: list[Period] = []
    for label, start, end in _period_bounds(breaks):
        inside = [t for t in events if _within(t.year, start, end)]
        counts = quad_counts(inside)
        out.append(
            Period(label, start, end, len(inside), counts, balance(counts), _top_types(inside))
        )
    return out


def signed(value: float) -> str:
    """+0.60 / −0.20: the sign always shown, with a true minus."""
    return f"{value:+.2f}".replace("-", MINUS)


def compare(before: Period, after: Period) -> str:
    """One sentence on how the balance moved at the start of `after`."""
    year = after.start
    counts = f"({before.events} → {after.events} events)"
    if before.balance is None or after.balance is None:
        return f"Around {year} there is too little to compare: {counts[1:-1]}."
    moved = after.balance - before.balance
    drift = (
        ", towards conflict"
        if moved < 0
        else ", towards cooperation"
        if moved > 0
        else ", unchanged"
    )
    return (
        f"After {year} the balance moved from {signed(before.balance)} to "
        f"{signed(after.balance)}{drift} {counts}."
    )


def _sources(events: Iterable[TimelineEvent], known: Mapping[str, Source]) -> list[dict[str, Any]]:
    cited = (e.source_id for t in events for e in (t.event, *t.also))
    return [source_entry(source_id, known.get(source_id)) for source_id in dict.fromkeys(cited)]


def normalise_breaks(breaks: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(breaks)))


def timeline(
    store: Store, a: str, b: str | None = None, *, breaks: Iterable[int] = DEFAULT_BREAKS
) -> Timeline:
    """The timeline of A, or of the pair A–B, from the events in the store."""
    cuts = normalise_breaks(breaks)
    wanted = _side(a) | (_side(b) if b else set())
    events = select_events(store.events(actors=sorted(wanted)), a, b)
    years, gaps = yearly(events)
    spans = periods(events, cuts)
    comparisons = [compare(spans[i], spans[i + 1]) for i in range(len(cuts))]
    sources = _sources(events, store.source_map())
    return Timeline(a, b, cuts, events, years, gaps, spans, comparisons, sources)


# -- the chart ------------------------------------------------------------------------------

_WIDTH, _HEIGHT = 640, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 24, 36, 40
_POSITIVE, _NEGATIVE, _NEUTRAL = "#0072B2", "#D55E00", "#6b7280"  # Okabe–Ito, as the briefs
BREAK_REACH = 3  # years before the first point within which a break is still drawn
_FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""


def _n(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _runs(years: Sequence[YearBalance]) -> list[list[YearBalance]]:
    """Consecutive years with a balance; a gap breaks the line rather than bridging it."""
    runs: list[list[YearBalance]] = []
    for y in years:
        if y.balance is None:
            continue
        if runs and runs[-1][-1].year == y.year - 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return runs


def _colour(value: float) -> str:
    return _POSITIVE if value > 0 else _NEGATIVE if value < 0 else _NEUTRAL


def timeline_chart_svg(tl: Timeline, names: Mapping[str, str]) -> str:
    """The yearly balance as an inline SVG: a line over years broken at gaps, points coloured
    by sign, a zero line, and a dashed marker where each break year begins."""
    who = "–".join(names.get(x, x) for x in tl.pair)
    title = f"Cooperation–conflict balance: {who}"
    points = [y for y in tl.years if y.balance is not None]
    head = (
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" '
        f'height="{_HEIGHT}" role="img" aria-label="{escape(title, quote=True)}" {_FONT} '
        f'font-size="12"><title>{escape(title)}</title>'
        f'<text x="{_LEFT}" y="20" font-size="14" font-weight="600" fill="#1f2933">'
        f"{escape(title)}</text>"
    )
    if not points:
        return head + f'<text x="{_WIDTH // 2}" y="150" text-anchor="middle">No events</text></svg>'
    # Stretch the axis to a break year just outside the data, so its marker still shows.
    near = [
        year
        for cut in tl.breaks
        if points[0].year - BREAK_REACH <= cut <= points[-1].year + 1
        for year in (cut - 1, cut)
    ]
    low = min(points[0].year, *near) if near else points[0].year
    high = max(points[-1].year, *near) if near else points[-1].year
    low, high = (low - 1, high + 1) if low == high else (low, high)
    bottom = _HEIGHT - _BOTTOM

    def px(year: float) -> float:
        return _LEFT + (year - low) / (high - low) * (_WIDTH - _LEFT - _RIGHT)

    def py(value: float) -> float:
        return _TOP + (1 - value) / 2 * (bottom - _TOP)

    parts = [head, *_axes(low, high, px, py, bottom)]
    for cut in tl.breaks:
        if low < cut <= high:
            x = _n(px(cut - 0.5))  # between the last year before and the first year after
            parts.append(
                f'<line class="break" x1="{x}" y1="{_TOP}" x2="{x}" y2="{bottom}" '
                f'stroke="#9ca3af" stroke-dasharray="4 3"/>'
                f'<text x="{x}" y="{_TOP - 4}" text-anchor="middle" fill="#4b5563">{cut}</text>'
            )
    for run in _runs(tl.years):
        coords = " ".join(f"{_n(px(y.year))},{_n(py(y.balance or 0.0))}" for y in run)
        parts.append(f'<polyline points="{coords}" fill="none" stroke="#9ca3af" stroke-width="2"/>')
    for y in points:
        value = y.balance or 0.0
        label = f"{y.year}: {signed(value)} ({sum(y.counts.values())} events)"
        parts.append(
            f'<circle cx="{_n(px(y.year))}" cy="{_n(py(value))}" r="4.5" fill="{_colour(value)}" '
            f'stroke="#ffffff" stroke-width="1.5"><title>{escape(label)}</title></circle>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _axes(
    low: int, high: int, px: Callable[[float], float], py: Callable[[float], float], bottom: float
) -> list[str]:
    parts = ['<g class="axes">']
    for tick in (-1.0, -0.5, 0.0, 0.5, 1.0):
        y = _n(py(tick))
        stroke = "#374151" if tick == 0 else "#e5e7eb"  # the zero line stands out
        parts.append(
            f'<line x1="{_LEFT}" y1="{y}" x2="{_WIDTH - _RIGHT}" y2="{y}" stroke="{stroke}"/>'
            f'<text x="{_LEFT - 6}" y="{y}" dy="4" text-anchor="end" fill="#4b5563">'
            f"{signed(tick) if tick else '0'}</text>"
        )
    step = max(1, (high - low + 9) // 10)
    for year in range(low, high + 1, step):
        x = _n(px(year))
        parts.append(
            f'<text x="{x}" y="{_n(bottom + 18)}" text-anchor="middle" fill="#4b5563">{year}</text>'
        )
    parts.append(
        f'<text x="14" y="{_n((_TOP + bottom) / 2)}" text-anchor="middle" fill="#4b5563" '
        f'transform="rotate(-90 14 {_n((_TOP + bottom) / 2)})">conflict ↔ cooperation</text>'
    )
    parts.append("</g>")
    return parts
