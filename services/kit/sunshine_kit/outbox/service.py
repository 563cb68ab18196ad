"""Transactional outbox: write the message with the change, deliver it later, never drop it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import httpx
import structlog
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from sunshine_kit.auth import ServiceTokens
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, NotFound
from sunshine_kit.metrics import OUTBOX_ATTEMPTS
from sunshine_kit.outbox.models import OutboxMessage, OutboxStatus
from sunshine_kit.settings import Settings

log = structlog.get_logger()

CLAIM_SECONDS = 120
# A 4xx other than these means the receiver rejects the message itself: retrying cannot help.
RETRYABLE_4XX = frozenset({408, 409, 423, 425, 429})


def enqueue(
    session: AsyncSession,
    *,
    destination: str,
    path: str,
    payload: dict[str, Any],
    key: str,
    method: str = "POST",
) -> OutboxMessage:
    """Add a message to the caller's transaction; it is sent only if that transaction commits."""
    message = OutboxMessage(
        key=key, destination=destination, path=path, payload=payload, method=method
    )
    session.add(message)
    session.info["outbox_pending"] = True
    return message


def backoff(settings: Settings, attempts: int) -> timedelta:
    seconds = settings.outbox_backoff_seconds * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, settings.outbox_backoff_max_seconds))


async def claim_due(session: AsyncSession, limit: int) -> list[int]:
    """Claim due messages for this worker; SKIP LOCKED lets several replicas share the work."""
    now = utcnow()
    query = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.next_attempt_at <= now,
            (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until <= now),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list((await session.scalars(query)).all())
    if ids:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids))
            .values(claimed_until=utcnow() + timedelta(seconds=CLAIM_SECONDS))
        )
    return ids


async def deliver_one(
    sessionmaker: async_sessionmaker[AsyncSession],
    http: httpx.AsyncClient,
    settings: Settings,
    tokens: ServiceTokens,
    message_id: int,
) -> str:
    """Send one claimed message and record the outcome; returns the new status."""
    async with sessionmaker() as session:
        message = await session.get(OutboxMessage, message_id)
        if message is None or message.status != OutboxStatus.PENDING:
            return "skipped"
        destination, method, path = message.destination, message.method, message.path
        payload, key = message.payload, message.key

    error: str | None = None
    retryable = True
    headers = {"Idempotency-Key": key, "X-Request-ID": f"outbox-{message_id}"}
    if destination in settings.service_urls:
        # Only our own components get our service token; an outside receiver (a provincial
        # platform) must never be handed a credential that opens our services.
        headers["Authorization"] = f"Bearer {tokens.token(destination)}"
    try:
        response = await http.request(
            method,
            settings.url_of(destination) + path,
            json=payload,
            headers=headers,
            timeout=settings.http_timeout_seconds,
        )
        if response.status_code >= 300:
            error = f"HTTP {response.status_code}: {response.text[:500]}"
            retryable = response.status_code >= 500 or response.status_code in RETRYABLE_4XX
    except (httpx.HTTPError, ValueError) as exc:
        error = f"{type(exc).__name__}: {exc}"[:500] or type(exc).__name__

    async with sessionmaker() as session, session.begin():
        message = await session.get(OutboxMessage, message_id)
        assert message is not None
        message.attempts += 1
        message.claimed_until = None
        if error is None:
            message.status = OutboxStatus.DELIVERED
            message.delivered_at = utcnow()
            message.last_error = None
        else:
            message.last_error = error
            if not retryable or message.attempts >= settings.outbox_max_attempts:
                message.status = OutboxStatus.DEAD
                log.error(
                    "outbox_dead", message_id=message_id, destination=destination, error=error
                )
            else:
                message.next_attempt_at = utcnow() + backoff(settings, message.attempts)
                log.warning(
                    "outbox_retry", message_id=message_id, destination=destination, error=error
                )
        OUTBOX_ATTEMPTS.labels(destination=destination, outcome=message.status).inc()
        return message.status


async def deliver_due(
    sessionmaker: async_sessionmaker[AsyncSession],
    http: httpx.AsyncClient,
    settings: Settings,
    tokens: ServiceTokens,
) -> int:
    """One pass of the worker: claim what is due and deliver it; returns how many were tried."""
    async with sessionmaker() as session, session.begin():
        ids = await claim_due(session, settings.outbox_batch_size)
    for message_id in ids:
        await deliver_one(sessionmaker, http, settings, tokens, message_id)
    return len(ids)


async def list_messages(
    session: AsyncSession, status: OutboxStatus, limit: int
) -> Sequence[OutboxMessage]:
    result = await session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == status)
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    return result.all()


async def summary(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    )
    counts = {status.value: 0 for status in OutboxStatus}
    counts.update({status: count for status, count in rows.all()})
    return counts


async def replay(session: AsyncSession, message_id: int) -> OutboxMessage:
    """Put a dead message back in the queue, as if new."""
    message = await session.get(OutboxMessage, message_id)
    if message is None:
        raise NotFound("消息不存在", code="outbox_message_not_found")
    if message.status != OutboxStatus.DEAD:
        raise Conflict("只有投递失败的消息可以重新投递", code="outbox_not_dead")
    message.status = OutboxStatus.PENDING
    message.attempts = 0
    message.next_attempt_at = utcnow()
    message.claimed_until = None
    session.info["outbox_pending"] = True
    return message
