"""The live hub: one task per process follows the `live_event` table and hands each new row to
the screens subscribed to its channel.

Every replica of the hall runs its own hub and reads the same table, so a screen connected to
any replica sees every event, in id order, whichever replica's transaction wrote it. The task
runs only while a screen is connected: it starts with the first subscriber (from the newest
event then, since a screen is sent the current state when it connects) and stops with the last.

Ids are handed out when a row is inserted, not when its transaction commits, so an event can
become visible after one with a higher id (two calls committing out of order). An id skipped
over is kept as a gap and asked for again on the following reads, for `GAP_SECONDS`; a rolled-
back transaction's ids never appear, and are then forgotten. One poll every `POLL_SECONDS` is
one indexed query per process, whatever the number of screens (bench/hall_queue.py: 500 screens).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import structlog
from fastapi import FastAPI
from sqlalchemy import or_, select

from sunshine_hall.live.models import LiveEvent
from sunshine_kit.db import Database

log = structlog.get_logger()

POLL_SECONDS = 0.25
GAP_SECONDS = 10.0
# A skipped run of ids longer than this is not a handful of concurrent transactions (a bulk
# rollback, a sequence moved by hand): it is not waited for.
MAX_GAP = 1000
BATCH = 1000
# Events a screen may fall behind by; past it the stream ends and the screen reconnects,
# receiving the current state again rather than a backlog.
QUEUE_SIZE = 256


@dataclass(frozen=True)
class LiveMessage:
    id: int
    channel: str
    kind: str
    data: dict[str, Any]


@dataclass(eq=False)
class Subscription:
    channel: str
    queue: asyncio.Queue[LiveMessage] = field(
        default_factory=lambda: asyncio.Queue(maxsize=QUEUE_SIZE)
    )
    overflowed: bool = False

    async def next(self, within: float) -> LiveMessage | None:
        """The next message, or None when none came within `within` seconds."""
        try:
            return await asyncio.wait_for(self.queue.get(), within)
        except TimeoutError:
            return None


class LiveHub:
    def __init__(self, database: Database, interval: float = POLL_SECONDS) -> None:
        self._database = database
        self.interval = interval
        self._channels: dict[str, set[Subscription]] = {}
        self._last_id = 0
        self._gaps: dict[int, float] = {}
        self._task: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()
        # The last event handed out on each channel: a state read before it is out of date.
        self.latest: dict[str, int] = {}

    @property
    def subscribers(self) -> int:
        return sum(len(subscriptions) for subscriptions in self._channels.values())

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def subscribe(self, channel: str) -> Subscription:
        """Follow `channel` from now on (close the subscription when done)."""
        subscription = Subscription(channel)
        async with self._starting:
            if not self.running:
                self._last_id = await self._newest_id()
                self._gaps.clear()
                self.latest.clear()
                self._task = asyncio.create_task(self._run(), name="live-hub")
            self._channels.setdefault(channel, set()).add(subscription)
        return subscription

    def close(self, subscription: Subscription) -> None:
        subscriptions = self._channels.get(subscription.channel)
        if subscriptions is not None:
            subscriptions.discard(subscription)
            if not subscriptions:
                del self._channels[subscription.channel]
        if not self._channels and self._task is not None:
            self._task.cancel()
            self._task = None

    async def stop(self) -> None:
        task, self._task = self._task, None
        self._channels.clear()
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _newest_id(self) -> int:
        async with self._database.engine.connect() as connection:
            await connection.execution_options(**self._database.read_options)
            newest = await connection.scalar(select(LiveEvent.id).order_by(LiveEvent.id.desc()))
        return int(newest or 0)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                rows = await self.read()
            except Exception:
                # The database away for a moment: the screens keep their state, and the next
                # read picks up from the same id.
                log.warning("live_hub_read_failed", exc_info=True)
                continue
            self.fan_out(rows)

    async def read(self) -> list[LiveMessage]:
        """The events after the last one seen, and those of the gaps that have appeared."""
        now = time.monotonic()
        self._gaps = {gap: until for gap, until in self._gaps.items() if until > now}
        newer = LiveEvent.id > self._last_id
        where = or_(newer, LiveEvent.id.in_(self._gaps)) if self._gaps else newer
        async with self._database.engine.connect() as connection:
            await connection.execution_options(**self._database.read_options)
            rows = await connection.execute(
                select(LiveEvent.id, LiveEvent.channel, LiveEvent.kind, LiveEvent.data)
                .where(where)
                .order_by(LiveEvent.id)
                .limit(BATCH)
            )
            messages = [LiveMessage(*row) for row in rows.all()]
        for message in messages:
            if message.id in self._gaps:
                del self._gaps[message.id]
            elif message.id > self._last_id:
                skipped = message.id - self._last_id - 1
                if 0 < skipped <= MAX_GAP:
                    for gap in range(self._last_id + 1, message.id):
                        self._gaps[gap] = now + GAP_SECONDS
                self._last_id = message.id
        return messages

    def fan_out(self, messages: Iterable[LiveMessage]) -> None:
        for message in messages:
            self.latest[message.channel] = max(self.latest.get(message.channel, 0), message.id)
            for subscription in list(self._channels.get(message.channel, ())):
                try:
                    subscription.queue.put_nowait(message)
                except asyncio.QueueFull:
                    subscription.overflowed = True
                    self.close(subscription)


def hub_of(app: FastAPI) -> LiveHub:
    """The process's hub (made on first use, on the app's database)."""
    hub: LiveHub | None = getattr(app.state, "live_hub", None)
    if hub is None:
        hub = app.state.live_hub = LiveHub(app.state.db)
    return hub
