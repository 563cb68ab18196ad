"""Load the demo applications: `python -m sunshine_applications.demo [--count N] [--wait S]`.

Run once every process is up (scripts/stack.py does): the units come from the gateway through
the outbox, so it first waits for the demo district. Does nothing when the service already
holds applications, so it is safe on every start. Query codes are stored hashed only.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from sunshine_applications.demo import DEFAULT_COUNT, has_applications, load, wait_for_district
from sunshine_kit.db import Database
from sunshine_kit.settings import Settings


async def main(count: int, wait: float) -> None:
    database = Database(Settings(service_name="applications").database_url)
    try:
        async with database.sessionmaker() as session:
            if await has_applications(session):
                print("applications demo data already present")
                return
        if not await wait_for_district(database, wait):
            print(
                f"applications demo: the demo district did not arrive within {wait:.0f}s;"
                " no applications written"
            )
            return
        started = time.monotonic()
        async with database.sessionmaker() as session, session.begin():
            written = await load(session, count=count)
        print(
            f"applications demo data loaded: {written} applications"
            f" in {time.monotonic() - started:.1f}s"
        )
    finally:
        await database.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="how many applications")
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for the units")
    args = parser.parse_args()
    asyncio.run(main(args.count, args.wait))
