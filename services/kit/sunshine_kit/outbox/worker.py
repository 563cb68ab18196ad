from __future__ import annotations

import asyncio
import contextlib

import httpx
import structlog
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from sunshine_kit.auth import ServiceTokens
from sunshine_kit.outbox.service import deliver_due
from sunshine_kit.settings import Settings

log = structlog.get_logger()


class OutboxWorker:
    """Delivers due outbox messages in the background: on a timer, and at once after a commit."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        http: httpx.AsyncClient,
        settings: Settings,
        tokens: ServiceTokens,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._http = http
        self._settings = settings
        self._tokens = tokens
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        event.listen(Session, "after_commit", self._after_commit)
        self._task = asyncio.create_task(self._run(), name="outbox-worker")

    async def stop(self) -> None:
        event.remove(Session, "after_commit", self._after_commit)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def _after_commit(self, session: Session) -> None:
        if session.info.pop("outbox_pending", False):
            self._wake.set()

    async def _run(self) -> None:
        while True:
            try:
                tried = await deliver_due(
                    self._sessionmaker, self._http, self._settings, self._tokens
                )
            except Exception:
                log.exception("outbox_pass_failed")
                tried = 0
            if tried >= self._settings.outbox_batch_size:
                continue  # more may be waiting
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._settings.outbox_poll_seconds)
            self._wake.clear()
