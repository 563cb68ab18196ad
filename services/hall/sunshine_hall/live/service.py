"""Writing the events the live screens follow, in the transaction of the change they tell."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.live.models import LiveEvent

ALERTS = "alerts"


def board_channel(centre_id: int) -> str:
    """The channel of a centre's display screens."""
    return f"board:{centre_id}"


def publish(session: AsyncSession, channel: str, kind: str, data: dict[str, Any]) -> None:
    """Add an event: it reaches the screens when (and only if) the change commits."""
    session.add(LiveEvent(channel=channel, kind=kind, data=data))
