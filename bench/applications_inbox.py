"""The applications inbox at 100,000 applications: recomputing due dates, and the inbox under load.

    .venv/bin/python bench/applications_inbox.py \\
        --database-url postgresql://postgres@127.0.0.1:5432/postgres

1. Fills a fresh PostgreSQL database (--database, dropped first) with the gateway demo's units
   and --count applications from the demo generator (sunshine_applications.demo: every state,
   outcome, supplement, consultation, extension and fee, dates from the statutory clock), spread
   over the same year and a half — so about 4% are open (the last few weeks), as in an office.
2. (a) Times service.recompute_open over every open application twice: as it is (nothing to
   change) and after the stored due dates are wiped (every row rewritten, as when a year's
   holiday arrangement changes them all).
3. (b) Starts the applications service on that database (uvicorn, one process) and drives, open
   loop at --rate requests/s for --duration s each, GET /applications?unit_id=…&urgency=due_soon
   and the unfiltered inbox (soonest due first), printing p50/p95/p99; then the same SQL the
   inbox runs, directly with asyncpg. With --gateway-url the same load goes through a running
   gateway instead (its applications service must use this database; signs in as --username).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from catalog_import import (  # noqa: E402
    district_units,
    fresh_database,
    insert_units,
    plain_url,
    sqlalchemy_url,
)
from loadgen import (  # noqa: E402
    HEADER,
    captured,
    client_session,
    open_loop,
    report,
    run_on_uvloop,
    timed_sql,
)

from sunshine_applications.applications import service, views  # noqa: E402
from sunshine_applications.applications.clock import Urgency  # noqa: E402
from sunshine_applications.demo.loader import load  # noqa: E402
from sunshine_kit.auth import Principal  # noqa: E402
from sunshine_kit.calendar.service import build_calendar  # noqa: E402
from sunshine_kit.db import Database  # noqa: E402
from sunshine_kit.pagination import PageParams  # noqa: E402
from sunshine_kit.roles import Role  # noqa: E402

# Importing the kit's testing module also gives this process, and the service it starts, the
# same fresh keys (token signing, personal-data encryption) through the environment.
from sunshine_kit.testing import token_for  # noqa: E402

SERVICE_DIR = ROOT / "services" / "applications"
OPEN = [s.value for s in service.OPEN]
BUREAU = "锦华区教育局"


def migrate(url: str) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "alembic",
            "-c",
            str(SERVICE_DIR / "alembic.ini"),
            "upgrade",
            "heads",
        ],
        env={**os.environ, "DATABASE_URL": sqlalchemy_url(url)},
        check=True,
        stdout=subprocess.DEVNULL,
    )


async def fill(url: str, count: int) -> None:
    conn = await asyncpg.connect(plain_url(url))
    try:
        await insert_units(conn, district_units())
    finally:
        await conn.close()
    database = Database(sqlalchemy_url(url))
    try:
        started = time.monotonic()
        async with database.sessionmaker() as session, session.begin():
            written = await load(session, count=count)
        print(f"filled: {written} applications in {time.monotonic() - started:.1f}s")
    finally:
        await database.dispose()
    conn = await asyncpg.connect(plain_url(url))
    try:
        await conn.execute("ANALYZE")
        by_status = await conn.fetch(
            "SELECT status, count(*) AS n FROM disclosure_application GROUP BY 1 ORDER BY 2 DESC"
        )
        print("  " + ", ".join(f"{r['status']} {r['n']}" for r in by_status))
    finally:
        await conn.close()


async def recompute(url: str) -> None:
    database = Database(sqlalchemy_url(url))
    try:
        for label, wipe in (("nothing to change", False), ("every due date rewritten", True)):
            if wipe:
                async with database.sessionmaker() as session, session.begin():
                    await session.execute(
                        text(
                            "UPDATE disclosure_application SET reply_due_on = NULL"
                            " WHERE status = ANY(:open) AND received_on IS NOT NULL"
                        ),
                        {"open": OPEN},
                    )
            async with database.sessionmaker() as session:
                calendar = await build_calendar(session)
                started = time.perf_counter()
                changed = await service.recompute_open(session, calendar)
                computed = time.perf_counter() - started
                await session.commit()
                total = time.perf_counter() - started
            print(
                f"(a) recompute_open, {label}: {changed} changed,"
                f" {computed:.2f}s computed + flushed, {total:.2f}s with the commit"
            )
    finally:
        await database.dispose()
    # The rewrite leaves thousands of dead rows that autovacuum would clean up in the middle of
    # (b); an office recomputes once a year, so (b) measures the table as it usually is.
    conn = await asyncpg.connect(plain_url(url))
    try:
        await conn.execute("VACUUM ANALYZE disclosure_application")
    finally:
        await conn.close()


async def wait_until_up(base: str, patience: float = 60) -> None:
    deadline = time.monotonic() + patience
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.3)
    raise SystemExit(f"the service at {base} did not start")


async def sign_in(gateway: str, username: str, password: str) -> str:
    async with httpx.AsyncClient() as client:
        answer = await client.post(
            f"{gateway}/api/auth/login", json={"username": username, "password": password}
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])


def start_service(url: str, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "sunshine_applications.main:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env={
            **os.environ,
            "DATABASE_URL": sqlalchemy_url(url),
            "OUTBOX_WORKER_ENABLED": "false",
            "LOG_LEVEL": "WARNING",
        },
    )


async def drive(args: argparse.Namespace, url: str) -> None:
    conn = await asyncpg.connect(plain_url(url))
    try:
        units = {r["name"]: r["id"] for r in await conn.fetch("SELECT id, name FROM unit")}
        district = units["锦华区人民政府"]
    finally:
        await conn.close()
    bureau = units[BUREAU]
    process = None
    if args.gateway_url:
        base, inbox = args.gateway_url, "/api/applications/applications"
        token = await sign_in(args.gateway_url, args.username, args.password)
        where = f"through the gateway {args.gateway_url}"
    else:
        base, inbox = f"http://127.0.0.1:{args.port}", "/applications"
        process = start_service(url, args.port)
        token = token_for("office", unit_id=district, username="office", lifetime=3600)
        where = "directly on the applications service (one uvicorn process)"
    try:
        await wait_until_up(base if process else args.gateway_url)
        headers = {"Authorization": f"Bearer {token}"}
        async with client_session(base, 200, headers=headers) as client:
            for _ in range(20):  # warm the connection pool and the calendar cache
                async with client.get(inbox, params={"unit_id": str(bureau)}) as r:
                    await r.read()
            print(f"\n(b) the inbox {where}, {args.rate:.0f} req/s for {args.duration:.0f}s each")
            print(HEADER)
            soon = await open_loop(
                "due soon, one unit",
                client,
                lambda: (inbox, {"unit_id": str(bureau), "urgency": "due_soon"}),
                args.rate,
                args.duration,
            )
            report(soon, await sql_latencies(url, district, bureau), args.rate)
            pages = list(range(1, 6))
            whole = await open_loop(
                "whole district, by due date",
                client,
                lambda: (inbox, {"page": str(random.choice(pages))}),
                args.rate,
                args.duration,
            )
            report(whole, await sql_latencies(url, district, None), args.rate)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)


async def sql_latencies(url: str, district: int, due_soon_in: int | None) -> list[float]:
    """The inbox's statements (views.inbox, captured as it runs them), one request after
    another, directly on the database."""
    database = Database(sqlalchemy_url(url))
    async with database.sessionmaker() as session:
        calendar = await build_calendar(session)
    office = Principal("1", "office", frozenset({Role.OFFICE}), unit_id=district)
    urgency = Urgency.DUE_SOON if due_soon_in is not None else None
    page = PageParams(page=1, size=20)
    requests = await captured(
        database.engine,
        lambda s: views.inbox(
            s,
            calendar,
            office,
            page,
            unit_id=due_soon_in,
            status=None,
            urgency=urgency,
            mine=False,
            include_closed=False,
        ),
    )
    await database.dispose()
    conn = await asyncpg.connect(plain_url(url))
    try:
        await timed_sql(conn, [requests] * 20)
        return await timed_sql(conn, [requests] * 300)
    finally:
        await conn.close()


async def main(args: argparse.Namespace) -> None:
    url = plain_url(args.database_url)
    if not args.keep:
        url = await fresh_database(url, args.database)
        migrate(url)
        await fill(url, args.count)
    else:
        head, _, _ = url.rpartition("/")
        url = f"{head}/{args.database}"
    await recompute(url)
    await drive(args, url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="the PostgreSQL server")
    parser.add_argument("--database", default="bench_applications_inbox")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="reuse the database a run filled")
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=8790, help="for the service started here")
    parser.add_argument("--gateway-url", help="drive a running gateway instead")
    parser.add_argument("--username", default="office")
    parser.add_argument("--password", default="Sunshine@2026")
    run_on_uvloop(main(parser.parse_args()))
