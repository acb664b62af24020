"""Currency words that several countries share ("rupees", "manats", "dinars"): the code is
the one of the country the text is about at that figure (`currency_words.yaml`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources

import yaml

from bilat.extract.types import EntityMention, Quantity


@cache
def shared_words() -> dict[str, dict[str, str]]:
    """Currency word -> {country: ISO 4217 code}, in the order the file lists them."""
    raw = resources.files(__package__).joinpath("currency_words.yaml").read_text("utf-8")
    return {str(word): dict(codes) for word, codes in yaml.safe_load(raw).items()}


@cache
def _shared_word() -> re.Pattern[str]:
    words = "|".join(sorted(shared_words(), key=len, reverse=True))
    return re.compile(rf"\b({words})s?\b", re.I)


def localise(quantity: Quantity, mentions: Sequence[EntityMention], topic: str | None) -> Quantity:
    """The quantity with its currency code set by the country named nearest to it (then
    the document's country) when its currency word is one several countries use."""
    if quantity.kind != "money":
        return quantity
    found = _shared_word().search(quantity.text)
    if found is None:
        return quantity
    codes = shared_words()[found.group(1).lower()]
    nearest = sorted(mentions, key=lambda m: abs(m.start - quantity.start))
    for entity in [*(m.entity for m in nearest), topic]:
        if entity in codes:
            return replace(quantity, unit=codes[entity])
    return replace(quantity, unit=next(iter(codes.values())))
