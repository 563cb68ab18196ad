"""The office's overview of the catalogue: per unit, the numbers of the 期限监督 lists.

Counted by the very functions that page those lists (`items.views.deadline_rows`,
`items.views.missing_interpretations`), one unit at a time with a page of one row, so that
each number is the total of the list it links to and the rules live in one place. A district
of ~80 units asks ~240 small indexed queries; measured well under a second on the demo.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.items import views
from sunshine_catalog.overview.schemas import CatalogOverview, UnitItemFigures
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.models import Unit

ONE_ROW = PageParams(page=1, size=1)


async def unit_figures(
    session: AsyncSession, calendar: WorkingDayCalendar, unit: Unit, today: date
) -> UnitItemFigures:
    """One unit's three deadline figures, as its lists count them."""
    own = {unit.id}
    _, at_risk = await views.deadline_rows(session, calendar, own, "at_risk", today, ONE_ROW)
    _, late = await views.deadline_rows(session, calendar, own, "late", today, ONE_ROW)
    _, missing = await views.missing_interpretations(session, calendar, own, today, ONE_ROW)
    return UnitItemFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        parent_id=unit.parent_id,
        at_risk=at_risk,
        late=late,
        missing_interpretations=missing,
    )


async def overview(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    unit: Unit,
    unit_ids: set[int],
    today: date,
) -> CatalogOverview:
    """The figures of every open unit of `unit_ids`, in the tree's order."""
    units = (
        await session.scalars(
            select(Unit)
            .where(Unit.id.in_(unit_ids), Unit.closed.is_(False))
            .order_by(Unit.id != unit.id, Unit.sort_order, Unit.id)
        )
    ).all()
    return CatalogOverview(
        unit_id=unit.id,
        unit_name=unit.name,
        today=today,
        units=[await unit_figures(session, calendar, u, today) for u in units],
    )
