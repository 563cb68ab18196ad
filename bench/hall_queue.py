"""The hall's queue under load: call-next with 50 windows calling at once, and the live board
with 500 connected screens.

    .venv/bin/python bench/hall_queue.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

1. Makes a fresh PostgreSQL database (--database, dropped first; never the demo's), migrates
   the hall (`upgrade heads`), inserts the demo district's units, one centre with --windows
   windows that all accept one item, a clerk stationed at each, and --windows × --calls waiting
   tickets of today.
2. Starts the hall service on it (uvicorn, one process) and measures, directly against the
   service (not through the gateway), the call-next latency's p50/p95/p99 (target p95 < 20 ms)
   and that no ticket was called twice: first every window's clerk at the same instant (a
   burst of --windows calls), then each window calling and finishing --calls tickets after
   random pauses of --interval seconds on average (2.5 s: 20 calls/s, ten times a busy hall).
3. Opens --screens server-sent-event streams of the centre's board
   (GET /live/board/{centre}), waits for every screen's first state, then calls --board-calls
   tickets, one every 0.5 s, and measures for each call and each screen the delay from sending
   call-next to the event's arrival at the screen (target: within 1 s at 500 screens).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from applications_inbox import wait_until_up  # noqa: E402
from catalog_import import (  # noqa: E402
    district_units,
    fresh_database,
    insert_units,
    plain_url,
    sqlalchemy_url,
)
from loadgen import percentile, run_on_uvloop  # noqa: E402

from sunshine_kit.calendar.days import today  # noqa: E402

# Importing the kit's testing module gives this process, and the service it starts, the same
# fresh keys through the environment.
from sunshine_kit.testing import token_for  # noqa: E402

SERVICE_DIR = ROOT / "services" / "hall"


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


async def fill(url: str, windows: int, tickets: int) -> tuple[int, list[int]]:
    """The centre, its windows (a clerk `bench<n>` at each) and the waiting tickets."""
    conn = await asyncpg.connect(plain_url(url))
    try:
        units = district_units()
        await insert_units(conn, units)
        top = next(unit.id for unit, parent in units if parent is None)
        centre = await conn.fetchval(
            "INSERT INTO service_centre (unit_id, level, name, address, hours, phone, created_at)"
            " VALUES ($1, 'district', '锦华区政务服务中心', '', '', '', now()) RETURNING id",
            top,
        )
        item = await conn.fetchval(
            "INSERT INTO service_item (code, unit_id, hall_level, category, name, legal_basis,"
            " conditions, procedure, kind, legal_limit_days, promised_limit_days, fee_basis,"
            " fee_standard, fee_fen, authority, location, hours, phone, online, status, version,"
            " created_at, updated_at, draft_pending)"
            " VALUES ('BENCH-1', $1, 'district', 'public_service', '社保卡申领', '', '', '',"
            " 'instant', 0, 0, '', '', 0, '', '', '', '', false, 'published', 1, now(), now(),"
            " false) RETURNING id",
            top,
        )
        window_ids = []
        for number in range(1, windows + 1):
            window = await conn.fetchval(
                "INSERT INTO service_window (centre_id, number, name, kind, ticket_prefix, open,"
                " created_at) VALUES ($1, $2, $3, 'comprehensive', 'A', true, now()) RETURNING id",
                centre,
                number,
                f"综合窗口{number}",
            )
            await conn.execute(
                "INSERT INTO window_item (window_id, item_id) VALUES ($1, $2)", window, item
            )
            await conn.execute(
                "INSERT INTO window_staff (window_id, account, display_name) VALUES ($1, $2, $2)",
                window,
                f"bench{number}",
            )
            window_ids.append(window)
        day = today()
        await conn.executemany(
            "INSERT INTO queue_ticket (centre_id, service_day, sequence, number, area, item_id,"
            " priority, priority_reason, issued_by, status, taken_at, called_by, calls,"
            " case_number) VALUES ($1, $2, $3, $4, 'A', $5, 'none', '', '', 'waiting', $6, '',"
            " 0, '')",
            [(centre, day, n, f"A{n:04d}", item, datetime.now(UTC)) for n in range(1, tickets + 1)],
        )
        await conn.execute(
            "INSERT INTO queue_counter (centre_id, service_day, last_sequence) VALUES ($1, $2, $3)",
            centre,
            day,
            tickets,
        )
        await conn.execute("ANALYZE")
        return centre, window_ids
    finally:
        await conn.close()


def start_service(url: str, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "sunshine_hall.main:app",
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


def clerk(number: int) -> dict[str, str]:
    token = token_for("window_clerk", unit_id=1, username=f"bench{number}", user_id=number)
    return {"Authorization": f"Bearer {token}"}


async def calling(base: str, window_ids: list[int], calls: int, interval: float) -> None:
    """Every window's clerk calls and finishes `calls` tickets, all windows at once: first in a
    burst (every window at the same instant, once), then at a clerk's pace, each window after a
    random pause of `interval` seconds on average (open loop)."""
    numbers: list[str] = []
    errors: dict[int, int] = {}
    connector = aiohttp.TCPConnector(limit=len(window_ids) + 10)
    async with aiohttp.ClientSession(base, connector=connector) as http:

        async def call(position: int, window_id: int, latencies: list[float]) -> None:
            headers = clerk(position + 1)
            started = time.perf_counter()
            async with http.post(
                f"/queue/windows/{window_id}/call-next", headers=headers
            ) as answer:
                body = await answer.json()
                latencies.append(time.perf_counter() - started)
            if answer.status != 200 or body["ticket"] is None:
                errors[answer.status] = errors.get(answer.status, 0) + 1
                return
            numbers.append(body["ticket"]["number"])
            async with http.post(
                f"/queue/tickets/{body['ticket']['id']}/finish",
                json={"case_number": ""},
                headers=headers,
            ) as done:
                await done.read()

        burst: list[float] = []
        await asyncio.gather(*(call(n, w, burst) for n, w in enumerate(window_ids)))
        paced: list[float] = []

        async def window(position: int, window_id: int) -> None:
            pauses = random.Random(position)
            for _ in range(calls):
                await asyncio.sleep(pauses.expovariate(1 / interval))
                await call(position, window_id, paced)

        started = time.perf_counter()
        await asyncio.gather(*(window(n, w) for n, w in enumerate(window_ids)))
        elapsed = time.perf_counter() - started
    for label, latencies in (
        (f"{len(window_ids)} windows in one burst", burst),
        (f"{len(window_ids)} windows, {len(paced) / elapsed:.0f} calls/s", paced),
    ):
        p50, p95, p99 = (percentile(latencies, p) * 1000 for p in (50, 95, 99))
        print(
            f"call-next, {label}: {len(latencies)} calls,"
            f" p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms"
        )
    print(
        f"  tickets called: {len(numbers)}, called twice: {len(numbers) - len(set(numbers))},"
        f" errors: {errors or 'none'}"
    )


async def screen(
    http: aiohttp.ClientSession, centre: int, ready: asyncio.Event, arrived: dict[str, list[float]]
) -> None:
    """One display screen: reads the stream, noting when each call's event arrives."""
    async with http.get(f"/live/board/{centre}", headers={"Accept": "text/event-stream"}) as stream:
        kind = ""
        async for raw in stream.content:
            line = raw.decode().rstrip("\r\n")
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                if kind == "state":
                    ready.set()
                elif kind == "call":
                    number = json.loads(line[6:])["number"]
                    arrived.setdefault(number, []).append(time.perf_counter())


async def board(base: str, centre: int, window_ids: list[int], screens: int, calls: int) -> None:
    arrived: dict[str, list[float]] = {}
    readies = [asyncio.Event() for _ in range(screens)]
    connector = aiohttp.TCPConnector(limit=screens + 20)
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=10)
    async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as http:
        started = time.perf_counter()
        tasks = [asyncio.create_task(screen(http, centre, r, arrived)) for r in readies]
        await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), 60)
        print(
            f"board: {screens} screens connected, each with its state,"
            f" in {time.perf_counter() - started:.1f}s"
        )
        sent: dict[str, float] = {}
        for n in range(calls):
            window_id = window_ids[n % len(window_ids)]
            headers = clerk(n % len(window_ids) + 1)
            at = time.perf_counter()
            async with http.post(
                f"/queue/windows/{window_id}/call-next", headers=headers
            ) as answer:
                ticket = (await answer.json())["ticket"]
            sent[ticket["number"]] = at
            async with http.post(
                f"/queue/tickets/{ticket['id']}/finish", json={"case_number": ""}, headers=headers
            ) as done:
                await done.read()
            await asyncio.sleep(0.5)
        await asyncio.sleep(2)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    delays = [
        t - sent[number] for number, times in arrived.items() if number in sent for t in times
    ]
    expected = screens * calls
    p50, p95, worst = (
        percentile(delays, 50),
        percentile(delays, 95),
        max(delays, default=float("nan")),
    )
    print(
        f"board: {calls} calls × {screens} screens: {len(delays)}/{expected} events arrived;"
        f" call → screen p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms,"
        f" max {worst * 1000:.0f} ms"
    )


async def main(args: argparse.Namespace) -> None:
    url = await fresh_database(args.database_url, args.database)
    migrate(url)
    tickets = args.windows * (args.calls + 1) + args.board_calls + 10
    centre, window_ids = await fill(url, args.windows, tickets)
    print(f"filled: centre {centre}, {len(window_ids)} windows, {tickets} waiting tickets")
    service = start_service(url, args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        await wait_until_up(base)
        await calling(base, window_ids, args.calls, args.interval)
        await board(base, centre, window_ids, args.screens, args.board_calls)
    finally:
        service.terminate()
        service.wait(timeout=20)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server (any database)")
    parser.add_argument("--database", default="bench_hall_queue")
    parser.add_argument("--windows", type=int, default=50)
    parser.add_argument("--calls", type=int, default=10, help="paced calls per window")
    parser.add_argument(
        "--interval", type=float, default=2.5, help="mean seconds between a window's calls"
    )
    parser.add_argument("--screens", type=int, default=500)
    parser.add_argument("--board-calls", type=int, default=20)
    parser.add_argument("--port", type=int, default=8103)
    run_on_uvloop(main(parser.parse_args()))
