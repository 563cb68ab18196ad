from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_applications.stats import period, service
from sunshine_applications.stats.schemas import ApplicationFigures, PeriodApplicationFigures
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import CustomPlans, SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.periods import check_period
from sunshine_kit.roles import Can
from sunshine_kit.units.service import get_unit, units_in_reach

router = APIRouter(
    prefix="/stats", tags=["stats"], responses=ERROR_RESPONSES, dependencies=[CustomPlans]
)


@router.get(
    "/units/{unit_id}/applications",
    response_model=ApplicationFigures,
    dependencies=[require(Can.WORK_IN_CONSOLE)],
)
async def application_figures(
    unit_id: RecordId,
    session: SessionDep,
    principal: CurrentPrincipal,
    year: Annotated[int, Query(ge=2000, le=2100, description="年度")],
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> ApplicationFigures:
    """Tables 三 and 四 of the annual report, consultations and fees of a unit's year
    (staff and other services)."""
    unit_ids = await units_in_reach(session, principal, unit_id, below=below)
    unit = await get_unit(session, unit_id)
    return await service.application_figures(session, unit, unit_ids, year, below)


@router.get(
    "/units/{unit_id}/applications/period",
    response_model=PeriodApplicationFigures,
    dependencies=[require(Can.WORK_IN_CONSOLE)],
)
async def application_period_figures(
    unit_id: RecordId,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
    date_from: Annotated[date, Query(ge=date(2000, 1, 1), description="期间起（含）")],
    date_to: Annotated[date, Query(le=date(2100, 12, 31), description="期间止（含）")],
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> PeriodApplicationFigures:
    """A period's applications and consultations of a unit, unit by unit (with `below`, every
    unit of its subtree), and the open applications near or past their reply date now — for
    the monthly bulletin and work summaries (staff and other services)."""
    check_period(date_from, date_to)
    unit_ids = await units_in_reach(session, principal, unit_id, below=below)
    unit = await get_unit(session, unit_id)
    return await period.period_figures(session, calendar, unit, unit_ids, date_from, date_to, below)
