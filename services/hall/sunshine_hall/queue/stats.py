"""Queue figures for reporting: tickets served, no-shows, and the average wait (taken → first
called) and service (called → finished) per window and per item over a period."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Float, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.items.models import ServiceItem
from sunshine_hall.queue.models import Ticket, TicketStatus
from sunshine_hall.queue.schemas import QueueFigure, QueueStats
from sunshine_hall.windows.models import ServiceCentre, Window


def seconds_between(later: Any, earlier: Any, dialect: str) -> ColumnElement[float]:
    """The seconds from `earlier` to `later`, on PostgreSQL and SQLite alike."""
    if dialect == "postgresql":
        return cast(func.extract("epoch", later - earlier), Float)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def _seconds(value: float | None) -> int | None:
    return None if value is None else round(value)


async def queue_stats(
    session: AsyncSession, centre: ServiceCentre, date_from: date, date_to: date
) -> QueueStats:
    dialect = session.get_bind().dialect.name
    served = Ticket.status == TicketStatus.FINISHED
    wait = seconds_between(Ticket.first_called_at, Ticket.taken_at, dialect)
    service = seconds_between(Ticket.finished_at, Ticket.called_at, dialect)
    figures = (
        func.count(case((served, 1))),
        func.count(case((Ticket.status == TicketStatus.NO_SHOW, 1))),
        func.avg(case((Ticket.first_called_at.is_not(None), wait))),
        func.avg(case((served, service))),
    )
    period = (
        Ticket.centre_id == centre.id,
        Ticket.service_day >= date_from,
        Ticket.service_day <= date_to,
    )
    total, *overall = (await session.execute(select(func.count(), *figures).where(*period))).one()
    by_window = await session.execute(
        select(Window.id, Window.number, Window.name, *figures)
        .join(Ticket, Ticket.called_window_id == Window.id)
        .where(*period)
        .group_by(Window.id, Window.number, Window.name)
        .order_by(Window.number)
    )
    by_item = await session.execute(
        select(ServiceItem.id, ServiceItem.name, *figures)
        .join(Ticket, Ticket.item_id == ServiceItem.id)
        .where(*period)
        .group_by(ServiceItem.id, ServiceItem.name)
        .order_by(ServiceItem.name)
    )
    return QueueStats(
        centre_id=centre.id,
        date_from=date_from,
        date_to=date_to,
        tickets=int(total),
        served=int(overall[0]),
        no_show=int(overall[1]),
        average_wait_seconds=_seconds(overall[2]),
        average_service_seconds=_seconds(overall[3]),
        by_window=[
            QueueFigure(
                id=row[0],
                name=f"{row[1]}号窗口 {row[2]}",
                served=int(row[3]),
                no_show=int(row[4]),
                average_wait_seconds=_seconds(row[5]),
                average_service_seconds=_seconds(row[6]),
            )
            for row in by_window.all()
        ],
        by_item=[
            QueueFigure(
                id=row[0],
                name=row[1],
                served=int(row[2]),
                no_show=int(row[3]),
                average_wait_seconds=_seconds(row[4]),
                average_service_seconds=_seconds(row[5]),
            )
            for row in by_item.all()
        ],
    )
