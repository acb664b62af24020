"""How figures, times, events and sources read in an answer."""

from __future__ import annotations

from bilat.answer.vocabulary import vocabulary
from bilat.model import Claim, Event, Source
from bilat.ontology import indicators
from bilat.reference import name_of, organisations
from bilat.report.format import format_time, format_value


def name(entity: str) -> str:
    """How an entity reads in a sentence: "Kazakhstan", "the Eurasian Economic Union"."""
    return f"the {name_of(entity)}" if entity in organisations() else name_of(entity)


def measure(indicator: str, subject: str | None) -> str:
    """What is measured, without the partner: "share of Turkmenistan's trade"."""
    forms = vocabulary().phrases.get(indicator)
    s = name(subject) if subject else "the country"
    if forms:
        return forms[0].format(s=s)
    return f"{_label(indicator)} ({s})"


def figure(indicator: str, subject: str | None, obj: str | None) -> str:
    """What is measured, with the partner: "Russia's share of Kazakhstan's trade"."""
    if obj is None:
        return measure(indicator, subject)
    forms = vocabulary().phrases.get(indicator)
    s = name(subject) if subject else "the country"
    if forms:
        return forms[1].format(s=s, o=name(obj))
    return f"{_label(indicator)} ({s}, {name(obj)})"


def _label(indicator: str) -> str:
    spec = indicators().get(indicator)
    label = spec.label if spec else indicator.replace("_", " ")
    return label[:1].lower() + label[1:]


def value(claim: Claim) -> str:
    """ "44%", "about USD 2 bn", "change of −28%"."""
    return format_value(claim.value, claim.unit, claim.value_max, claim.qualifier)


def when(claim: Claim) -> str:
    """The claim's time as a reader says it: "2018", "Aug 2017", "undated"."""
    return format_time(str(claim.time)) if claim.time else "undated"


def claim_text(claim: Claim) -> str:
    """ "Russia's share of Kazakhstan's trade: 20% (2018)"."""
    return f"{figure(claim.indicator, claim.subject, claim.object)}: {value(claim)} ({when(claim)})"


def event_text(event: Event) -> str:
    """ "Jan 2022 — Russian troops were sent to Kazakhstan"."""
    # A curated summary is written to be read; an extracted one only lists the parties.
    curated = event.method == "curated"
    text = (event.summary if curated else event.sentence) or event.summary or ""
    summary = " ".join(text.split()).rstrip(".")
    return f"{format_time(str(event.date))} — {summary}"


def source_name(source: Source | None) -> str:
    """Who says it: "Arkady Dubnov (2018)", "Emerging Europe (2022)"."""
    if source is None:
        return "an unknown source"
    who = source.author or source.publisher or source.title
    if "(" in who:  # "Editorial staff (no byline in the text)": the publisher reads better
        who = source.publisher or who
    return f"{who} ({source.year})" if source.year else who


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def listing(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
