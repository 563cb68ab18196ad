"""The office's overview of applications: per unit, how many are due soon and overdue.

Counted by the inbox itself (`applications.views.inbox`, a page of one row per unit and
urgency), so that each number is the total of the inbox list it links to — the same rule the
monthly bulletin's `due_soon`/`overdue` state — and no second copy of the rule exists.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications import views
from sunshine_applications.applications.clock import Urgency
from sunshine_applications.overview.schemas import ApplicationsOverview, UnitApplicationFigures
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.models import Unit

ONE_ROW = PageParams(page=1, size=1)


async def _count(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    principal: Principal,
    unit_id: int,
    urgency: Urgency,
) -> int:
    _, total = await views.inbox(
        session,
        calendar,
        principal,
        ONE_ROW,
        unit_id=unit_id,
        status=None,
        urgency=urgency,
        mine=False,
        include_closed=False,
    )
    return total


async def overview(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    principal: Principal,
    unit: Unit,
    unit_ids: set[int],
) -> ApplicationsOverview:
    """The figures of every open unit of `unit_ids`, in the tree's order."""
    units = (
        await session.scalars(
            select(Unit)
            .where(Unit.id.in_(unit_ids), Unit.closed.is_(False))
            .order_by(Unit.id != unit.id, Unit.sort_order, Unit.id)
        )
    ).all()
    return ApplicationsOverview(
        unit_id=unit.id,
        unit_name=unit.name,
        units=[
            UnitApplicationFigures(
                unit_id=u.id,
                unit_name=u.name,
                parent_id=u.parent_id,
                due_soon=await _count(session, calendar, principal, u.id, Urgency.DUE_SOON),
                overdue=await _count(session, calendar, principal, u.id, Urgency.OVERDUE),
            )
            for u in units
        ],
    )
