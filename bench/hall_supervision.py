"""Electronic supervision at scale: the sweep over 100,000 open cases, and the supervisors'
dashboard rates over 1,000,000 closed ones.

    .venv/bin/python bench/hall_supervision.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

1. Makes a fresh PostgreSQL database (--database, dropped first; never the demo's), migrates
   the hall (`upgrade heads`), inserts the demo district's units, one centre with --windows
   windows (a clerk at each), an item per department, --open running cases whose promised dates
   spread from 10 days ago to 40 days ahead, and --closed completed cases over the last 12
   months, with the daily figures (`hall_completion_day`) the completion step keeps. Rows are
   made by PostgreSQL itself (INSERT … SELECT over generate_series): a million in seconds.
2. Times the sweep (`supervision.sweep.sweep`, in this process, on its own connection): the
   first one, which flags every overdue and near case and raises their alerts; the one a minute
   later, which finds nothing new (what every tick costs); and tomorrow's.
   Target: a full sweep of 100,000 open cases under 1 s.
3. Starts the hall service on the database (uvicorn, one process) and the gateway in front of it
   (uvicorn, one process, on a fresh database of its own, --database with `_gateway`, holding the
   gateway's demo district and users), and measures GET /supervision/rates for the busiest month
   by unit, window and clerk, --requests times each, 4 at a time: through the gateway
   (GET /api/hall/supervision/rates, signed in as the demo's district supervisor, as the
   dashboard asks it), then directly against the service with the token the gateway would
   forward; beside them the rates' SQL. Target: p95 under 200 ms through the gateway.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parents[1]
GATEWAY_DIR = ROOT / "gateway"
sys.path.insert(0, str(ROOT / "bench"))

from applications_inbox import sign_in, wait_until_up  # noqa: E402
from catalog_import import (  # noqa: E402
    district_units,
    fresh_database,
    insert_units,
    plain_url,
    sqlalchemy_url,
)
from hall_queue import migrate  # noqa: E402
from loadgen import percentile, run_on_uvloop  # noqa: E402
from sqlalchemy.ext.asyncio import async_sessionmaker  # noqa: E402

from sunshine_gateway.demo.data import DEMO_PASSWORD  # noqa: E402
from sunshine_hall.supervision.sweep import sweep  # noqa: E402
from sunshine_kit.calendar.days import WorkingDayCalendar, today  # noqa: E402
from sunshine_kit.db import create_engine  # noqa: E402

# Importing the kit's testing module gives this process, and the service it starts, the same
# fresh keys through the environment.
from sunshine_kit.testing import token_for  # noqa: E402

CASE_COLUMNS = (
    "number, query_code_hash, item_id, item_version, unit_id, centre_id, window_id, clerk,"
    " first_asked_by, channel, applicant_type, applicant_name, applicant_id_number,"
    " applicant_phone, green_channel, status, received_at, accepted_on, not_accepted_reason,"
    " decision, decision_reason, decided_on, decided_by, refusal_reviewed_by, completed_on,"
    " completed_at, on_the_spot, delivery_method, fee_fen, extension_working_days,"
    " legal_limit_days, promised_limit_days, legal_due_on, promised_due_on, due_provisional,"
    " warning, created_at, updated_at"
)


async def fill(url: str, windows: int, open_cases: int, closed: int) -> int:
    """The district, a centre, windows, items and the cases; the top unit's id."""
    conn = await asyncpg.connect(plain_url(url))
    try:
        units = district_units()
        await insert_units(conn, units)
        top = next(unit.id for unit, parent in units if parent is None)
        departments = [unit.id for unit, _ in units if unit.type == "department"]
        centre = await conn.fetchval(
            "INSERT INTO service_centre (unit_id, level, name, address, hours, phone, created_at)"
            " VALUES ($1, 'district', '锦华区政务服务中心', '', '', '', now()) RETURNING id",
            top,
        )
        for n in range(1, windows + 1):
            await conn.execute(
                "INSERT INTO service_window (id, centre_id, number, name, kind, ticket_prefix,"
                " open, created_at) VALUES ($1, $2, $1, $3, 'comprehensive', 'A', true, now())",
                n,
                centre,
                f"综合窗口{n}",
            )
        for n, unit in enumerate(departments, start=1):
            await conn.execute(
                "INSERT INTO service_item (id, code, unit_id, hall_level, category, name,"
                " legal_basis, conditions, procedure, kind, legal_limit_days,"
                " promised_limit_days, fee_basis, fee_standard, fee_fen, authority, location,"
                " hours, phone, online, status, version, created_at, updated_at, draft_pending)"
                " VALUES ($1, $2, $3, 'district', 'licensing', $4, '', '', '', 'promised', 20,"
                " 10, '', '', 0, '', '', '', '', false, 'published', 1, now(), now(), false)",
                n,
                f"BENCH-{n}",
                unit,
                f"基准事项{n}",
            )
        items = len(departments)
        # Item i belongs to department i; case k is of item k % items at window k % windows.
        common = (
            f"SELECT 'BJB' || lpad(k::text, 9, '0'), '', 1 + k % {items}, 1,"
            f" (ARRAY[{','.join(map(str, departments))}])[1 + k % {items}], {centre},"
            f" 1 + k % {windows}, 'bench' || (1 + k % {windows}), 'bench' || (1 + k % {windows}),"
            " 'window', 'natural_person', '申请人' || k, '', '', false,"
        )
        started = time.perf_counter()
        await conn.execute(
            f"INSERT INTO hall_case ({CASE_COLUMNS}) {common}"
            " 'accepted', now(), d - 14, '', NULL, '', NULL, '', '', NULL, NULL, false, '', 0, 0,"
            " 20, 10, d + 14, d, false, 'none', now(), now()"
            f" FROM generate_series(1, {open_cases}) AS k,"
            " LATERAL (SELECT current_date + (k % 50 - 10) AS d) AS due"
        )
        await conn.execute(
            f"INSERT INTO hall_case ({CASE_COLUMNS}) {common}"
            " 'completed', now(), a, '', 'granted', '', c, 'bench', '', c, now(), c = a, 'window',"
            " 0, 0, 20, 10, a + 28, a + 14, false, 'none', now(), now()"
            f" FROM generate_series({open_cases} + 1, {open_cases} + {closed}) AS k,"
            " LATERAL (SELECT current_date - 365 + (k % 360) AS a) AS accepted,"
            " LATERAL (SELECT a + (k % 7) * (k % 4) AS c) AS completed"
        )
        await conn.execute(
            "INSERT INTO hall_completion_day (completed_on, unit_id, window_id, clerk, completed,"
            " on_time, early, on_the_spot, fee_fen)"
            " SELECT completed_on, unit_id, window_id, clerk, count(*),"
            " count(*) FILTER (WHERE completed_on <= promised_due_on),"
            " count(*) FILTER (WHERE completed_on < promised_due_on),"
            " count(*) FILTER (WHERE on_the_spot), sum(fee_fen)"
            " FROM hall_case WHERE status = 'completed'"
            " GROUP BY completed_on, unit_id, window_id, clerk"
        )
        await conn.execute("ANALYZE")
        print(
            f"filled {open_cases:,} open and {closed:,} closed cases"
            f" in {time.perf_counter() - started:.1f} s"
        )
        return top
    finally:
        await conn.close()


async def time_sweeps(url: str) -> None:
    engine = create_engine(sqlalchemy_url(url))
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    calendar = WorkingDayCalendar()
    on = today()
    try:
        for label, day in (
            ("first sweep", on),
            ("a minute later", on),
            ("tomorrow", on + timedelta(days=1)),
        ):
            async with sessions() as session, session.begin():
                started = time.perf_counter()
                result = await sweep(session, calendar, day)
                elapsed = time.perf_counter() - started
            print(
                f"sweep ({label}): {elapsed * 1000:.0f} ms — {result.red:,} red,"
                f" {result.yellow:,} yellow, {result.alerts:,} alerts"
            )
    finally:
        await engine.dispose()


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
            "SUPERVISION_SWEEP_ENABLED": "false",
            "LOG_LEVEL": "WARNING",
        },
    )


async def rates_latencies(
    http: aiohttp.ClientSession,
    path: str,
    query: dict[str, str],
    headers: dict[str, str],
    requests: int,
) -> tuple[list[float], int]:
    """`requests` calls of the rates, 4 at a time (after one unmeasured); the latencies, and
    how many completed cases the month has."""
    semaphore = asyncio.Semaphore(4)
    latencies: list[float] = []
    completed = 0

    async def one() -> None:
        nonlocal completed
        async with semaphore:
            started = time.perf_counter()
            async with http.get(path, params=query, headers=headers) as answer:
                body = await answer.json()
                assert answer.status == 200, body
            latencies.append(time.perf_counter() - started)
            completed = body["total"]["completed"]

    await one()
    latencies.clear()
    await asyncio.gather(*(one() for _ in range(requests)))
    return latencies, completed


async def time_rates(
    url: str, routes: list[tuple[str, str, str, dict[str, str]]], requests: int
) -> None:
    """The rates by unit, window and clerk through each (label, base URL, path, headers)."""
    month = await busiest_month(url)
    for label, base, path, headers in routes:
        async with aiohttp.ClientSession(base) as http:
            for by in ("unit", "window", "clerk"):
                query = {"month": month, "by": by}
                latencies, completed = await rates_latencies(http, path, query, headers, requests)
                print(
                    f"rates by {by} {label} ({month}, {completed:,} completed):"
                    f" p50 {percentile(latencies, 50) * 1000:.1f} ms,"
                    f" p95 {percentile(latencies, 95) * 1000:.1f} ms"
                )
    conn = await asyncpg.connect(plain_url(url))
    try:
        started = time.perf_counter()
        await conn.fetch(
            "SELECT clerk, sum(completed), sum(on_time), sum(early), sum(on_the_spot)"
            " FROM hall_completion_day WHERE completed_on BETWEEN $1::date AND"
            " ($1::date + interval '1 month' - interval '1 day')::date GROUP BY clerk",
            date.fromisoformat(f"{month}-01"),
        )
        print(f"rates SQL alone (by clerk): {(time.perf_counter() - started) * 1000:.1f} ms")
    finally:
        await conn.close()


def prepare_gateway(url: str) -> None:
    """The gateway's tables and its demo district and users (its district supervisor signs in)
    on the fresh database `url`."""
    env = {**os.environ, "DATABASE_URL": sqlalchemy_url(url)}
    for command in (
        ["-m", "alembic", "-c", str(GATEWAY_DIR / "alembic.ini"), "upgrade", "heads"],
        ["-m", "sunshine_gateway.demo"],
    ):
        subprocess.run(
            [sys.executable, *command], env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT
        )


def start_gateway(url: str, port: int, hall: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "sunshine_gateway.main:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env={
            **os.environ,
            "DATABASE_URL": sqlalchemy_url(url),
            "HALL_URL": hall,
            "OUTBOX_WORKER_ENABLED": "false",
            "LOG_LEVEL": "WARNING",
        },
        cwd=ROOT,
    )


async def busiest_month(url: str) -> str:
    conn = await asyncpg.connect(plain_url(url))
    try:
        return str(
            await conn.fetchval(
                "SELECT to_char(completed_on, 'YYYY-MM') FROM hall_completion_day"
                " GROUP BY 1 ORDER BY sum(completed) DESC LIMIT 1"
            )
        )
    finally:
        await conn.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server (any db)")
    parser.add_argument("--database", default="bench_hall_supervision")
    parser.add_argument("--open", type=int, default=100_000)
    parser.add_argument("--closed", type=int, default=1_000_000)
    parser.add_argument("--windows", type=int, default=30)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8793, help="the hall's")
    parser.add_argument("--gateway-port", type=int, default=8790)
    args = parser.parse_args()
    url = await fresh_database(args.database_url, args.database)
    migrate(url)
    top = await fill(url, args.windows, args.open, args.closed)
    await time_sweeps(url)
    gateway_url = await fresh_database(args.database_url, f"{args.database}_gateway")
    prepare_gateway(gateway_url)
    hall = f"http://127.0.0.1:{args.port}"
    gateway = f"http://127.0.0.1:{args.gateway_port}"
    processes = [start_service(url, args.port), start_gateway(gateway_url, args.gateway_port, hall)]
    try:
        await wait_until_up(hall)
        await wait_until_up(gateway)
        signed_in = await sign_in(gateway, "supervisor", DEMO_PASSWORD)
        # The district (the top unit, as in the gateway's demo) and the supervisor role: what
        # the gateway forwards for its demo supervisor.
        forwarded = token_for("supervisor", unit_id=top, username="supervisor")
        await time_rates(
            url,
            [
                (
                    "through the gateway",
                    gateway,
                    "/api/hall/supervision/rates",
                    {"Authorization": f"Bearer {signed_in}"},
                ),
                (
                    "directly",
                    hall,
                    "/supervision/rates",
                    {"Authorization": f"Bearer {forwarded}"},
                ),
            ],
            args.requests,
        )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()


if __name__ == "__main__":
    run_on_uvloop(main())
