"""The outbox against an HTTP receiver that fails in the ways real ones do."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from sunshine_kit.auth import ServiceTokens, decode_token
from sunshine_kit.db import utcnow
from sunshine_kit.outbox import service as outbox
from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.settings import Settings

SETTINGS = Settings(
    service_name="gateway",
    catalog_url="http://catalog.test",
    outbox_max_attempts=3,
    outbox_backoff_seconds=2,
)


class Receiver:
    """An HTTP endpoint answering with the statuses it is given, recording what it received."""

    def __init__(self, *statuses: int | type[Exception]) -> None:
        self.statuses = list(statuses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status = self.statuses.pop(0) if self.statuses else 204
        if isinstance(status, type):
            raise status("connection refused")
        return httpx.Response(status, text="receiver says no" if status >= 300 else "")


@pytest.fixture
async def makers(session: AsyncSession) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    connection = await session.connection()
    yield async_sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


async def run(makers: async_sessionmaker[AsyncSession], receiver: Receiver) -> Callable[[], object]:
    async with httpx.AsyncClient(transport=httpx.MockTransport(receiver)) as http:
        return await outbox.deliver_due(makers, http, SETTINGS, ServiceTokens(SETTINGS))


async def queued(session: AsyncSession, key: str = "unit-7-v1-catalog") -> OutboxMessage:
    message = outbox.enqueue(
        session,
        destination="catalog",
        method="PUT",
        path="/org/units/7",
        payload={"id": 7, "name": "东湖街道"},
        key=key,
    )
    await session.commit()
    return message


async def make_due(session: AsyncSession, message: OutboxMessage) -> None:
    await session.refresh(message)
    message.next_attempt_at = utcnow() - timedelta(seconds=1)
    await session.commit()


async def test_delivery_carries_key_service_token_and_payload(
    session: AsyncSession, makers: async_sessionmaker[AsyncSession]
) -> None:
    message = await queued(session)
    receiver = Receiver(204)
    assert await run(makers, receiver) == 1
    request = receiver.requests[0]
    assert request.method == "PUT" and str(request.url) == "http://catalog.test/org/units/7"
    assert request.headers["Idempotency-Key"] == "unit-7-v1-catalog"
    at_catalog = Settings(service_name="catalog")
    caller = decode_token(at_catalog, request.headers["Authorization"].removeprefix("Bearer "))
    assert caller.is_service and caller.username == "gateway"
    await session.refresh(message)
    assert message.status == "delivered" and message.attempts == 1


async def test_a_down_receiver_is_retried_with_growing_waits_then_reached(
    session: AsyncSession, makers: async_sessionmaker[AsyncSession]
) -> None:
    message = await queued(session)
    receiver = Receiver(httpx.ConnectError, 503, 204)
    await run(makers, receiver)
    await session.refresh(message)
    assert message.status == "pending" and message.attempts == 1
    first_wait = message.next_attempt_at - utcnow()
    assert timedelta(seconds=1) < first_wait <= timedelta(seconds=2)
    assert await run(makers, receiver) == 0  # not due yet: nothing is sent early

    await make_due(session, message)
    await run(makers, receiver)
    await session.refresh(message)
    assert message.attempts == 2 and "HTTP 503" in (message.last_error or "")
    assert timedelta(seconds=3) < message.next_attempt_at - utcnow() <= timedelta(seconds=4)

    await make_due(session, message)
    await run(makers, receiver)
    await session.refresh(message)
    assert message.status == "delivered"
    keys = {r.headers["Idempotency-Key"] for r in receiver.requests}
    assert keys == {"unit-7-v1-catalog"}


async def test_after_the_last_try_the_message_is_dead_and_can_be_replayed(
    session: AsyncSession, makers: async_sessionmaker[AsyncSession]
) -> None:
    message = await queued(session)
    receiver = Receiver(500, 500, 500, 204)
    for _ in range(3):
        await make_due(session, message)
        await run(makers, receiver)
    await session.refresh(message)
    assert message.status == "dead" and message.attempts == 3
    assert [m.id for m in await outbox.list_messages(session, outbox.OutboxStatus.DEAD, 10)] == [
        message.id
    ]

    await outbox.replay(session, message.id)
    await session.commit()
    await run(makers, receiver)
    await session.refresh(message)
    assert message.status == "delivered"


async def test_a_receiver_that_rejects_the_message_sends_it_straight_to_dead(
    session: AsyncSession, makers: async_sessionmaker[AsyncSession]
) -> None:
    message = await queued(session)
    await run(makers, Receiver(422))
    await session.refresh(message)
    assert message.status == "dead" and message.attempts == 1
    assert "HTTP 422" in (message.last_error or "")


async def test_a_message_of_a_rolled_back_change_is_never_sent(
    session: AsyncSession, makers: async_sessionmaker[AsyncSession]
) -> None:
    outbox.enqueue(
        session, destination="catalog", path="/org/units/8", payload={}, key="unit-8-v1-catalog"
    )
    await session.rollback()
    receiver = Receiver()
    assert await run(makers, receiver) == 0
    assert receiver.requests == []
