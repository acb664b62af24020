"""Which indicator a figure measures, chosen from the cue words around it.

The rules are data, in `cues.yaml` beside this module: the first rule of the figure's kind
whose cue words its clause (else its sentence) holds names the indicator, and says how to
read the actors around the figure. A few overrides come before the rules: a headcount that
a country owns is its population, and the capital of a bank or fund is nobody's investment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from bilat.extract.types import Quantity, Role

_LEVEL_KINDS = ("money", "persons", "count", "volume")
# A word, as the cue rules and the readers of an actor's role count words.
WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class CueRule:
    indicator: str
    kinds: frozenset[str]
    all: tuple[re.Pattern[str], ...]
    near: tuple[re.Pattern[str], ...]
    none: tuple[re.Pattern[str], ...]
    possessive: Role
    agent: Role
    prepositions: dict[str, Role | None]  # None: the word says nothing of the side
    demonym: Role | None
    receiver: Role = "subject"  # what "A received / took / bought" makes A


@cache
def cue_rules() -> tuple[CueRule, ...]:
    text = resources.files(__package__).joinpath("cues.yaml").read_text(encoding="utf-8")
    rules: list[CueRule] = []
    for spec in yaml.safe_load(text):
        roles: dict[str, Any] = spec.get("roles", {})
        rules.append(
            CueRule(
                indicator=spec["indicator"],
                kinds=frozenset(spec["kinds"]),
                all=tuple(_group(g) for g in spec.get("all", [])),
                near=tuple(_group(g) for g in spec.get("near", [])),
                none=tuple(_group(g) for g in spec.get("none", [])),
                possessive=roles.get("possessive", "subject"),
                agent=roles.get("agent", "subject"),
                prepositions=dict(roles.get("prepositions", {})),
                demonym=roles.get("demonym"),
                receiver=roles.get("receiver", "subject"),
            )
        )
    return tuple(rules)


@cache
def rules_by_indicator() -> dict[str, CueRule]:
    return {r.indicator: r for r in cue_rules()}


def _group(stems: Sequence[str]) -> re.Pattern[str]:
    """One expression for a group of cue stems; each matches at the start of a word."""
    return re.compile(" (?:" + "|".join(re.escape(stem) for stem in stems) + ")")


def _has_any(words: str, group: re.Pattern[str]) -> bool:
    # `words` is " " + lower-case text with single spaces between words.
    return group.search(words) is not None


@lru_cache(maxsize=64)  # the figures of one sentence read the same words again and again
def _words(text: str) -> str:
    return " " + " ".join(WORD.findall(text.lower())) + " "


@cache
def _rules_of_kind(kind: str) -> tuple[CueRule, ...]:
    return tuple(rule for rule in cue_rules() if kind in rule.kinds)


def _first_rule(kind: str, cue_words: str, near_words: str) -> CueRule | None:
    for rule in _rules_of_kind(kind):
        if not all(_has_any(cue_words, g) for g in rule.all):
            continue
        if not all(_has_any(near_words, g) for g in rule.near):
            continue
        if any(_has_any(cue_words, g) for g in rule.none):
            continue
        return rule
    return None


def choose_indicator(
    quantity: Quantity, sentence: str, near_text: str, lead: str | None = None
) -> tuple[str, bool]:
    """The indicator of a figure and whether a cue rule fired: the words of its own clause
    decide first, then `lead` (the indicator of the figure of the same unit before it in the
    sentence, which an elliptical figure continues), the whole sentence only when neither
    says anything."""
    indicator, cued, _ = choose(quantity, sentence, near_text, lead)
    return indicator, cued


def choose(
    quantity: Quantity, sentence: str, near_text: str, lead: str | None = None
) -> tuple[str, bool, CueRule | None]:
    """`choose_indicator`, with the rule that fired. A rule of indicator "other" names no
    indicator but says how to read the actors ("sent 2 million tonnes to A")."""
    near_words = _words(near_text)
    sentence_words = _words(sentence)
    # "trade fell by 28 %" changes the trade volume: a change in percent is read first as a
    # change of the level it moves (money, people, things, gas).
    kinds: list[str] = [quantity.kind]
    if quantity.qualifier == "change" and quantity.kind == "percent":
        kinds = [*_LEVEL_KINDS, "percent"]
    for words in (near_words, sentence_words):
        for kind in kinds:
            found = _first_rule(kind, words, near_words)
            if found:
                return found.indicator, found.indicator != "other", found
        if lead is not None and lead != "other":
            return lead, True, rules_by_indicator().get(lead)
    return "other", False, None


# "Tajikistan's 8 million people", "the country's 20 million inhabitants": a headcount that
# belongs to a country is its population, whatever the sentence goes on to say.
_OWNED_FIGURE = re.compile(
    r"['’]s\s+(?:(?:some|about|around|roughly|nearly|almost|over|just)\s+)?$"
)
# "its registered capital of $100 billion": the capital of a bank or fund, which nobody
# invested in anyone in particular.
CAPITAL_OF = re.compile(
    r"\b(?:registered|charter|authori[sz]ed|paid-in|subscribed|share)\s+capital\s+"
    r"(?:of\s+|is\s+|was\s+|stood at\s+)?(?:about\s+|some\s+|nearly\s+)?$",
    re.I,
)
_HEADCOUNT_NOUNS = {"people", "inhabitants", "residents", "citizens", "population"}


def is_headcount(quantity: Quantity, text: str, floor: int) -> bool:
    return (
        quantity.kind == "persons"
        and quantity.noun in _HEADCOUNT_NOUNS
        and _OWNED_FIGURE.search(text, max(floor, quantity.start - 24), quantity.start) is not None
    )
