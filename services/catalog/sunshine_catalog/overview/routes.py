from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_catalog.fields import FIRST_YEAR, LAST_YEAR
from sunshine_catalog.overview import service
from sunshine_catalog.overview.schemas import CatalogOverview
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.days import today as beijing_today
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.roles import Can
from sunshine_kit.units.service import get_unit, units_in_reach

router = APIRouter(prefix="/overview", tags=["overview"], responses=ERROR_RESPONSES)


@router.get(
    "/units/{unit_id}",
    response_model=CatalogOverview,
    dependencies=[require(Can.READ_ITEMS)],
)
async def catalog_overview(
    unit_id: RecordId,
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
    today: Annotated[
        date | None,
        Query(
            ge=date(FIRST_YEAR, 1, 1),
            le=date(LAST_YEAR, 12, 31),
            description="按哪一天计算，默认今天",
        ),
    ] = None,
) -> CatalogOverview:
    """工作台概览: items at risk, late and policy documents without their 解读, unit by unit for
    the unit and those below it (catalogue staff and supervisors within their scope); each
    figure is the total of the 期限监督 list of that unit."""
    # Those below for the office and supervisors; a unit's own staff count their unit.
    unit_ids = await units_in_reach(session, principal, unit_id, below=principal.reaches_subtree)
    unit = await get_unit(session, unit_id)
    return await service.overview(session, calendar, unit, unit_ids, today or beijing_today())
