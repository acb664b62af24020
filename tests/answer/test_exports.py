"""The package's public names are all in __all__, and all of them exist."""

from __future__ import annotations

import bilat.answer


def test_all_is_complete() -> None:
    public = {
        name
        for name, value in vars(bilat.answer).items()
        if not name.startswith("_") and not isinstance(value, type(bilat))
    }
    assert public - {"annotations"} == set(bilat.answer.__all__)
    for name in bilat.answer.__all__:
        assert hasattr(bilat.answer, name)
