"""The words questions are read by (vocabulary.yaml beside this file), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bilat.errors import DataError
from bilat.ontology import DIMENSIONS, indicators


@dataclass(frozen=True, slots=True)
class IndicatorRule:
    """When every pattern matches a question, it asks for these indicators (best first)."""

    patterns: tuple[re.Pattern[str], ...]
    indicators: tuple[str, ...]

    def matches(self, text: str) -> bool:
        return all(p.search(text) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class Action:
    """Something a question asks the date of ("leave"), and the event subtypes recording it."""

    name: str
    pattern: re.Pattern[str]
    subtypes: tuple[str, ...]
    membership: str | None  # "joined" / "left": the membership spell's date answers it
    founded: bool  # an organisation's founding date answers it


@dataclass(frozen=True, slots=True)
class Vocabulary:
    dimensions: dict[str, re.Pattern[str]]
    indicator_rules: tuple[IndicatorRule, ...]
    phrases: dict[str, tuple[str, str]]  # indicator -> (measure, figure)
    actions: tuple[Action, ...]
    related_events: dict[str, tuple[str, ...]]
    organisation_words: re.Pattern[str]
    key_indicators: dict[str, tuple[str, ...]]
    stopwords: frozenset[str]
    ordinary_words: frozenset[str]


def _word(word: str, last: bool) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word) + (r"(?:s|es)?" if last else "")


def _alternative(term: str) -> str:
    words = term.strip().split()
    return r"\s+".join(_word(w, i == len(words) - 1) for i, w in enumerate(words))


def compile_terms(terms: str) -> re.Pattern[str]:
    """ "troop*|air base" -> a case-insensitive pattern matching those whole words."""
    alternatives = [_alternative(t) for t in terms.split("|") if t.strip()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


def _known(names: list[str], where: str) -> tuple[str, ...]:
    unknown = [n for n in names if n not in indicators()]
    if unknown:
        raise DataError(f"[E102] vocabulary.yaml, {where}: unknown indicators {unknown}")
    return tuple(names)


def _build(data: dict[str, Any]) -> Vocabulary:
    unknown = set(data["dimensions"]) - set(DIMENSIONS)
    if unknown:
        raise DataError(f"[E102] vocabulary.yaml: unknown dimensions {sorted(unknown)}")
    rules = tuple(
        IndicatorRule(
            tuple(compile_terms(t) for t in rule["all"]),
            _known(rule["indicators"], f"rule {rule['all']}"),
        )
        for rule in data["indicators"]
    )
    actions = tuple(
        Action(
            name=name,
            pattern=compile_terms(spec["terms"]),
            subtypes=tuple(spec["subtypes"]),
            membership=spec.get("membership"),
            founded=bool(spec.get("founded", False)),
        )
        for name, spec in data["actions"].items()
    )
    return Vocabulary(
        dimensions={d: compile_terms(t) for d, t in data["dimensions"].items()},
        indicator_rules=rules,
        phrases={
            name: (str(forms[0]), str(forms[1]))
            for name, forms in zip(
                _known(list(data["phrases"]), "phrases"), data["phrases"].values(), strict=True
            )
        },
        actions=actions,
        related_events={
            k: tuple(v)
            for k, v in zip(
                _known(list(data["related_events"]), "related_events"),
                data["related_events"].values(),
                strict=True,
            )
        },
        organisation_words=compile_terms(data["organisation_words"]),
        key_indicators={
            d: _known(list(v), f"key_indicators.{d}") for d, v in data["key_indicators"].items()
        },
        stopwords=frozenset(str(data["stopwords"]).split()),
        ordinary_words=frozenset(str(data["ordinary_words"]).split()),
    )


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read and checked on first use."""
    text = resources.files(__package__).joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return _build(data)
