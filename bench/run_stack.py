"""The whole platform on PostgreSQL, with the catalog on the database catalog_import.py filled.

    .venv/bin/python bench/run_stack.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

The same processes as `make run` (scripts/stack.py's Stack), each component on a PostgreSQL
database of its own: the gateway, applications, hall and reporting on fresh ones
(bench_gateway, …), the catalog on --catalog-database as the import left it (its demo sees the
items and skips). Runs until Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

from catalog_import import fresh_database, sqlalchemy_url, with_database  # noqa: E402
from stack import COMPONENTS, Stack  # noqa: E402


async def databases(server: str, existing: dict[str, str]) -> dict[str, str]:
    urls = {}
    for component in COMPONENTS:
        if component.name in existing:
            name = existing[component.name]
            conn = await asyncpg.connect(with_database(server, name))
            await conn.close()
            urls[component.name] = sqlalchemy_url(with_database(server, name))
        else:
            urls[component.name] = sqlalchemy_url(
                await fresh_database(server, f"bench_{component.name}")
            )
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="the PostgreSQL server")
    parser.add_argument("--catalog-database", default="bench_catalog")
    parser.add_argument(
        "--applications-database",
        help="run applications on this database as it is (e.g. the one applications_inbox.py "
        "filled) rather than on a fresh one",
    )
    parser.add_argument("--port", type=int, default=8000, help="the gateway's; services follow")
    parser.add_argument(
        "--catalog-workers",
        type=int,
        default=1,
        help="catalog worker processes (uvicorn --workers), as a cluster runs replicas",
    )
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args()

    existing = {"catalog": args.catalog_database}
    if args.applications_database:
        existing["applications"] = args.applications_database
    urls = asyncio.run(databases(args.database_url, existing))
    stack = Stack(
        urls,
        base_port=args.port,
        log_dir=ROOT / "var" / "bench-log",
        # The catalog's search index built in two segments, not eight (SearchIndex).
        # The load comes from one address: the per-address search limit would stop it at once.
        extra_env={
            "LOG_LEVEL": args.log_level,
            "SEARCH_INDEX_MEMORY_MB": "1000",
            "PUBLIC_SEARCH_RATE_LIMIT": "1000000/minute",
        },
        workers={"catalog": args.catalog_workers},
        ready_timeout=600.0,  # the catalog builds its search index of the million items first
    )
    stack.migrate()
    stack.serve(f"platform on PostgreSQL at {stack.url('gateway')} (Ctrl-C stops)")


if __name__ == "__main__":
    main()
