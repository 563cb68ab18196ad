"""The receiving side of the outbox: each idempotency key takes effect once."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Header
from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class ReceivedMessage(Base):
    """A message already applied; a redelivery with the same key is acknowledged and ignored."""

    __tablename__ = "received_message"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


IdempotencyKey = Annotated[
    str, Header(alias="Idempotency-Key", min_length=8, max_length=200, description="发送方的幂等键")
]


async def first_delivery(session: AsyncSession, key: str, *, source: str) -> bool:
    """Record `key` in the caller's transaction; False when it was applied before."""
    if await session.get(ReceivedMessage, key) is not None:
        return False
    session.add(ReceivedMessage(key=key, source=source))
    await session.flush()
    return True
