"""Loading a year's holiday arrangement and sending it to every service."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.auth import Principal
from sunshine_kit.calendar import service as calendar
from sunshine_kit.calendar.models import CalendarYear
from sunshine_kit.calendar.schemas import YearArrangementIn, YearArrangementPush
from sunshine_kit.outbox.service import enqueue
from sunshine_kit.settings import SERVICE_NAMES


async def load_year(
    session: AsyncSession, actor: Principal, year: int, body: YearArrangementIn
) -> CalendarYear:
    """Store the year and queue it for every service, in one transaction."""
    row = await calendar.load_year(session, actor, year, body)
    push = YearArrangementPush(year=year, **body.model_dump()).model_dump(mode="json")
    load_id = uuid.uuid4().hex[:12]
    for service in SERVICE_NAMES:
        enqueue(
            session,
            destination=service,
            method="PUT",
            path=f"/calendar/years/{year}",
            payload=push,
            key=f"calendar-{year}-{load_id}-{service}",
        )
    return row
