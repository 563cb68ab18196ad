"""Load the demo catalogue: `python -m sunshine_catalog.demo [--items N] [--wait SECONDS]`.

Run once every process is up (scripts/stack.py does): the units come from the gateway through
the outbox, so it first waits for the demo district. Does nothing when the catalog already
holds items, so it is safe on every start.
"""

from __future__ import annotations

import asyncio

from sunshine_catalog.demo import data
from sunshine_catalog.demo.loader import DEFAULT_COUNT, has_items, load
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit.demo import arguments, load_once

if __name__ == "__main__":
    args = arguments(__doc__, count_flag="--items", default_count=DEFAULT_COUNT)
    asyncio.run(
        load_once(
            what="catalog",
            database_url=CatalogSettings().database_url,
            wanted_units={data.DISTRICT, *data.DEPARTMENTS},
            has_data=has_items,
            load=lambda session: load(session, count=args.count),
            wait=args.wait,
        )
    )
