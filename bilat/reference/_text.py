"""Normalising names so that case, accents, quotes, dots and spacing do not matter."""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›.]")
_SPACE = re.compile(r"[\s,;:()\[\]/_\-‐‑‒–—―]+")


def normalise(text: str) -> str:
    """A lookup key: "the U.S." -> "us", "Côte d'Ivoire" -> "cote divoire"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = _DROP.sub("", plain.replace("&", " and "))
    plain = _SPACE.sub(" ", plain).strip()
    return plain[4:] if plain.startswith("the ") else plain
