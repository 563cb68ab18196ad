"""Load the demo applications: `python -m sunshine_applications.demo [--count N] [--wait S]`.

Run once every process is up (scripts/stack.py does): the units come from the gateway through
the outbox, so it first waits for the demo district. Does nothing when the service already
holds applications, so it is safe on every start. Query codes are stored hashed only, personal
data encrypted with PERSONAL_DATA_KEY (the key the service runs with: scripts/stack.py passes
it to both).
"""

from __future__ import annotations

import asyncio

from sunshine_applications.demo.data import DISTRICT
from sunshine_applications.demo.loader import DEFAULT_COUNT, has_applications, load
from sunshine_applications.settings import ApplicationsSettings
from sunshine_kit.demo import arguments, load_once

if __name__ == "__main__":
    args = arguments(__doc__, count_flag="--count", default_count=DEFAULT_COUNT)
    asyncio.run(
        load_once(
            what="applications",
            database_url=ApplicationsSettings().database_url,
            wanted_units={DISTRICT},
            has_data=has_applications,
            load=lambda session: load(session, count=args.count),
            wait=args.wait,
        )
    )
