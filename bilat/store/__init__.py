"""The claim store: SQL tables, migrations, and the `Store` that reads and writes them."""

from bilat.store.sql import Batch, Store, WriteResult, resolve_url

__all__ = ["Batch", "Store", "WriteResult", "resolve_url"]
