"""`bilat load-starter`: put the bundled starter dataset into the store."""

from __future__ import annotations

from bilat.cli.app import DbOption, app, console, open_store
from bilat.starter import load_starter
from bilat.store import Store, WriteResult


def load_starter_into(store: Store) -> WriteResult:
    return store.write(load_starter())


@app.command("load-starter")
def load_starter_cli(db: DbOption = None) -> None:
    """Load the bundled starter dataset (curated claims, events and their sources)."""
    with open_store(db) as store:
        added = load_starter_into(store)
        total = store.counts()
    console.print(
        f"Starter data: added {added.claims} claims, {added.events} events, "
        f"{added.sources} sources. The store at {store.url} now holds "
        f"{total['claims']} claims, {total['events']} events, {total['sources']} sources."
    )
