"""Writing the demo applications into the database, in a few batched statements."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import (
    DisclosureApplication,
    OpinionRequest,
    Remedy,
    TrackingSequence,
)
from sunshine_applications.demo import inquiries
from sunshine_applications.demo.generator import records
from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.calendar.days import today as beijing_today
from sunshine_kit.calendar.service import build_calendar
from sunshine_kit.units.models import Unit

DEFAULT_COUNT = 800
SEED = 2026
BATCH = 500


async def has_applications(session: AsyncSession) -> bool:
    return (await session.scalar(select(DisclosureApplication.id).limit(1))) is not None


async def demo_units(session: AsyncSession) -> list[Unit]:
    """The government, its departments, streets and townships (not communities or villages)."""
    rows = await session.scalars(
        select(Unit)
        .where(
            Unit.closed.is_(False),
            Unit.type.in_(["government", "department", "street", "township"]),
        )
        .order_by(Unit.id)
    )
    return list(rows.all())


async def _insert(session: AsyncSession, table: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        await session.execute(insert(table), rows[start : start + BATCH])


async def load(
    session: AsyncSession,
    *,
    count: int = DEFAULT_COUNT,
    today: date | None = None,
    seed: int = SEED,
) -> int:
    """Write about `count` applications, and consultations and messages; 0 when there are
    applications already or no units."""
    if await has_applications(session):
        return 0
    units = await demo_units(session)
    if not units:
        return 0
    calendar = await build_calendar(session)
    day = today or beijing_today()
    made = records(
        units,
        calendar,
        day,
        count=count,
        seed=seed,
        first_id=(await session.scalar(select(func.max(DisclosureApplication.id))) or 0) + 1,
    )
    await _insert(session, DisclosureApplication.__table__, made.applications)
    await _insert(session, OpinionRequest.__table__, made.opinions)
    await _insert(session, Remedy.__table__, made.remedies)
    await _insert(session, AuditEntry.__table__, made.audit)
    await _advance_sequences(session, made.last_numbers)
    await inquiries.load(session, units, calendar, day, seed=seed)
    if (await session.connection()).dialect.name == "postgresql":
        # The rows came with their ids: the table's own sequence continues after them.
        await session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('disclosure_application', 'id'),"
                " (SELECT max(id) FROM disclosure_application))"
            )
        )
    return len(made.applications)


async def _advance_sequences(session: AsyncSession, used: dict[int, int]) -> None:
    """The tracking numbers handed out here are gone: the service continues after them."""
    for year, last in used.items():
        row = await session.get(TrackingSequence, year)
        if row is None:
            session.add(TrackingSequence(year=year, last=last))
        else:
            row.last = max(row.last, last)
    await session.flush()
