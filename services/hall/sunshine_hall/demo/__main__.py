"""Load the demo hall: `python -m sunshine_hall.demo [--days N] [--wait S]`.

Run once every process is up (scripts/stack.py does): the units come from the gateway through
the outbox, so it first waits for the demo district. Does nothing when the hall already has a
centre, so it is safe on every start. Query codes are stored hashed only, personal data
encrypted with PERSONAL_DATA_KEY (the key the service runs with: scripts/stack.py passes it).
"""

from __future__ import annotations

import asyncio

from sunshine_hall.demo.data import DISTRICT, HALL_UNIT
from sunshine_hall.demo.loader import DEFAULT_DAYS, has_hall, load
from sunshine_hall.settings import HallSettings
from sunshine_kit.demo import arguments, load_once

if __name__ == "__main__":
    args = arguments(__doc__, count_flag="--days", default_count=DEFAULT_DAYS)
    asyncio.run(
        load_once(
            what="hall",
            database_url=HallSettings().database_url,
            wanted_units={DISTRICT, HALL_UNIT, "东湖街道"},
            has_data=has_hall,
            load=lambda session: load(session, days=args.count),
            wait=args.wait,
        )
    )
