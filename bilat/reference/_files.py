"""Reading the YAML files shipped in data/."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

DATA_FILES = ("countries_extra.yaml", "organisations.yaml", "leaders.yaml")


def read_yaml(name: str) -> Any:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
