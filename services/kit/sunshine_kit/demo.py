"""Running a component's demo loader: `python -m sunshine_<component>.demo` on every start.

Each component's demo package supplies what is its own (how to tell that its data is there,
how to write it); this module does what they share: wait for the demo district to arrive from
the gateway's outbox, skip a database that already holds data, time the load, report it.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable, Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.db import Database
from sunshine_kit.units.models import Unit

SETTLE_SECONDS = 3.0


async def wait_for_district(database: Database, wanted: Collection[str], patience: float) -> bool:
    """Wait until the units named in `wanted` have arrived and no more have come for a while.

    The gateway's outbox sends the district in batches; a loader that started on the first
    batch would leave the later units without data.
    """
    deadline = time.monotonic() + patience
    last_count, stable_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        async with database.sessionmaker() as session:
            names = set((await session.scalars(select(Unit.name))).all())
        if len(names) != last_count:
            last_count, stable_since = len(names), time.monotonic()
        elif set(wanted) <= names and time.monotonic() - stable_since >= SETTLE_SECONDS:
            return True
        await asyncio.sleep(0.5)
    return False


async def load_once(
    *,
    what: str,
    database_url: str,
    wanted_units: Collection[str],
    has_data: Callable[[AsyncSession], Awaitable[bool]],
    load: Callable[[AsyncSession], Awaitable[int]],
    wait: float,
) -> None:
    """Load the demo data of one component unless it is there already (safe on every start)."""
    database = Database(database_url)
    try:
        async with database.sessionmaker() as session:
            if await has_data(session):
                print(f"{what}: demo data already present")
                return
        if not await wait_for_district(database, wanted_units, wait):
            print(f"{what}: the demo district did not arrive within {wait:.0f}s; nothing written")
            return
        started = time.monotonic()
        async with database.sessionmaker() as session, session.begin():
            written = await load(session)
        print(f"{what}: demo data loaded, {written} records in {time.monotonic() - started:.1f}s")
    finally:
        await database.dispose()


def arguments(doc: str | None, *, count_flag: str, default_count: int) -> argparse.Namespace:
    """The demo runner's command line: how many records, how long to wait for the units."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument(count_flag, dest="count", type=int, default=default_count)
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for the units")
    return parser.parse_args()
