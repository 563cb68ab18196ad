"""Load the demo catalogue: `python -m sunshine_catalog.demo [--items N] [--wait SECONDS]`.

Run once every process is up (scripts/stack.py does): the units come from the gateway through
the outbox, so it first waits for the demo district. Does nothing when the catalog already
holds items, so it is safe on every start.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from sunshine_catalog.demo.loader import DEFAULT_COUNT, has_items, load, wait_for_district
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit.db import Database


async def main(count: int, wait: float) -> None:
    database = Database(CatalogSettings().database_url)
    try:
        async with database.sessionmaker() as session:
            if await has_items(session):
                print("catalog demo data already present")
                return
        if not await wait_for_district(database, wait):
            print(
                f"catalog demo: the demo district did not arrive within {wait:.0f}s;"
                " no items written"
            )
            return
        started = time.monotonic()
        async with database.sessionmaker() as session, session.begin():
            written = await load(session, count=count)
        print(f"catalog demo data loaded: {written} items in {time.monotonic() - started:.1f}s")
    finally:
        await database.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=DEFAULT_COUNT, help="about how many items")
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for the units")
    args = parser.parse_args()
    asyncio.run(main(args.items, args.wait))
