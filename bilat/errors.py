"""bilat's errors. Each message starts with a searchable code: [E1xx] data, [E2xx] names,
[E3xx] store, [E4xx] input files."""

from __future__ import annotations


class BilatError(Exception):
    """Base of every error bilat reports to a user."""


class DataError(BilatError):
    """A data file (starter set, reference data, ontology) is malformed."""


class StoreError(BilatError):
    """The store cannot be opened, migrated or written."""


class InputError(BilatError):
    """A document given to bilat cannot be read."""
