"""The open-loop load generator, the SQL beside it, and the report the benchmarks share."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import asyncpg
import uvloop
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession


def run_on_uvloop(main: Coroutine[Any, Any, None]) -> None:
    """Run a benchmark on uvloop, as uvicorn runs the services: the load generator shares the
    two cores with what it measures, and uvloop's client side costs less CPU per request."""
    uvloop.run(main)


def client_session(
    base_url: str,
    connections: int = 100,
    timeout: float = 30.0,
    headers: dict[str, str] | None = None,
) -> aiohttp.ClientSession:
    """The load's HTTP client. aiohttp rather than httpx: it spends about a tenth of the CPU per
    request, and the client shares this machine's two cores with what it measures."""
    return aiohttp.ClientSession(
        base_url=base_url,
        connector=aiohttp.TCPConnector(limit=connections),
        timeout=aiohttp.ClientTimeout(total=timeout),
        headers=headers,
    )


HEADER = f"{'':<28}{'rate/s':>8}{'ok/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}  errors"


@dataclass
class Run:
    label: str
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0
    send_lag: float = 0.0

    @property
    def ok(self) -> int:
        return self.statuses.get("200", 0)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def open_loop(
    label: str,
    client: aiohttp.ClientSession,
    next_request: Callable[[], tuple[str, dict[str, str]]],
    rate: float,
    duration: float,
    grace: float = 30.0,
    connections: int = 100,
) -> Run:
    """Request i is due at start + i/rate whatever happened to the earlier ones; its latency runs
    from that due time, so a slow server shows as latency, not as a lower rate."""
    run = Run(label)
    # perf_counter, not the loop's clock: uvloop's counts whole milliseconds.
    clock = time.perf_counter
    in_flight = asyncio.Semaphore(connections)
    total = int(rate * duration)
    start = clock() + 0.2
    finished = start

    async def one(due: float) -> None:
        nonlocal finished
        path, params = next_request()
        try:
            # Waiting here for a free connection counts in the latency, like any queueing.
            async with in_flight, client.get(path, params=params) as response:
                await response.read()
            status = str(response.status)
        except (aiohttp.ClientError, TimeoutError) as exc:
            status = type(exc).__name__
        now = clock()
        finished = max(finished, now)
        run.latencies.append(now - due)
        run.statuses[status] += 1

    tasks = []
    for n in range(total):
        due = start + n / rate
        wait = due - clock()
        if wait > 0:
            await asyncio.sleep(wait)
        else:
            run.send_lag = max(run.send_lag, -wait)
        tasks.append(asyncio.create_task(one(due)))
    # Bounded in time: whatever has not come back `grace` seconds after the last send is
    # counted as unanswered, and abandoned.
    _, unanswered = await asyncio.wait(tasks, timeout=grace)
    for task in unanswered:
        task.cancel()
    if unanswered:
        run.statuses["unanswered"] += len(unanswered)
        await asyncio.wait(unanswered)
    run.elapsed = finished - start
    return run


async def sequential(count: int, query: Callable[[int], Awaitable[object]]) -> list[float]:
    latencies = []
    for n in range(count):
        started = time.perf_counter()
        await query(n)
        latencies.append(time.perf_counter() - started)
    return latencies


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f}"


def report(
    run: Run, sql: list[float] | None, rate: float, direct: str = "same queries in SQL"
) -> None:
    errors = {k: v for k, v in run.statuses.items() if k != "200"}
    p50, p95, p99 = (percentile(run.latencies, p) for p in (50, 95, 99))
    print(
        f"{run.label:<28}{rate:>8.0f}{run.ok / run.elapsed:>9.1f}{ms(p50)}{ms(p95)}{ms(p99)}"
        f"  {sum(errors.values())} {dict(errors) if errors else ''}"
    )
    if run.send_lag > 0.05:
        print(f"{'':<28}(the load generator fell behind by up to {run.send_lag:.2f}s)")
    if sql:
        s50, s95 = percentile(sql, 50), percentile(sql, 95)
        print(
            f"{'  ' + direct:<28}{'':>8}{'':>9}{ms(s50)}{ms(s95)}{'':>9}"
            f"  HTTP/direct p50 ×{p50 / s50:.1f}, p95 ×{p95 / s95:.1f}"
        )


Statements = list[tuple[str, tuple[Any, ...]]]


async def captured(
    engine: AsyncEngine, work: Callable[[AsyncSession], Awaitable[object]]
) -> Statements:
    """The SQL (text and parameters) the service's own code sends for `work`, so that the
    figures beside the load are of the very statements the service runs."""
    statements: Statements = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, tuple(parameters or ())))

    event.listen(engine.sync_engine, "before_cursor_execute", grab)
    try:
        async with AsyncSession(engine) as session:
            await work(session)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", grab)
    return statements


async def timed_sql(db: asyncpg.Connection, requests: list[Statements]) -> list[float]:
    """Each request's statements run one after another on one asyncpg connection."""

    async def run_one(n: int) -> None:
        for statement, parameters in requests[n]:
            await db.fetch(statement, *parameters)

    return await sequential(len(requests), run_one)
