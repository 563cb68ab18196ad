"""Load the demo reports: `python -m sunshine_reporting.demo [--wait SECONDS]`.

Run once every process is up (scripts/stack.py does), after the other services' demos: the
reports are read from them over HTTP with this service's token. Does nothing when an annual
report exists already, so it is safe on every start.
"""

from __future__ import annotations

import argparse
import asyncio

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.auth import ServiceTokens
from sunshine_kit.demo import load_once
from sunshine_kit.http import ServiceClient
from sunshine_kit.settings import Settings
from sunshine_reporting.demo.loader import DISTRICT, DRAFT_DEPARTMENTS, has_reports, load


async def main(wait: float) -> None:
    settings = Settings(service_name="reporting")
    async with httpx.AsyncClient(timeout=settings.http_timeout_seconds) as http:
        services = ServiceClient(http, settings, ServiceTokens(settings))

        async def write(session: AsyncSession) -> int:
            return await load(session, services)

        await load_once(
            what="reporting",
            database_url=settings.database_url,
            wanted_units={DISTRICT, *DRAFT_DEPARTMENTS},
            has_data=has_reports,
            load=write,
            wait=wait,
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for the units")
    asyncio.run(main(parser.parse_args().wait))
