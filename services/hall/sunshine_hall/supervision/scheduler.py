"""Runs the supervision sweep in the app, every `supervision_sweep_seconds` (a minute by
default), in a transaction of its own. Every replica runs one; the sweep's advisory lock lets
one of them work at a time, and each alert is raised once whichever does."""

from __future__ import annotations

import asyncio
import contextlib

import structlog
from fastapi import FastAPI

from sunshine_hall.settings import HallSettings
from sunshine_hall.supervision.sweep import sweep
from sunshine_kit.calendar.days import today
from sunshine_kit.calendar.service import CalendarHolder
from sunshine_kit.db import Database, unit_of_work

log = structlog.get_logger()


async def sweep_once(database: Database, calendar: CalendarHolder, settings: HallSettings) -> None:
    async with database.sessionmaker() as session, unit_of_work(session):
        result = await sweep(
            session, await calendar.get(session), today(), settings.warning_yellow_working_days
        )
    if result.alerts:
        log.info("supervision_alerts_raised", alerts=result.alerts, red=result.red)


class SweepScheduler:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self, app: FastAPI) -> None:
        settings: HallSettings = app.state.settings
        self._task = asyncio.get_running_loop().create_task(self._run(app, settings))

    async def _run(self, app: FastAPI, settings: HallSettings) -> None:
        while True:
            try:
                await sweep_once(app.state.db, app.state.calendar, settings)
            except Exception:
                # A sweep that fails (database away) is tried again at the next tick.
                log.exception("supervision_sweep_failed")
            await asyncio.sleep(settings.supervision_sweep_seconds)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
