from __future__ import annotations

from fastapi import APIRouter

from sunshine_applications.overview import service
from sunshine_applications.overview.schemas import ApplicationsOverview
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.roles import Can
from sunshine_kit.units.service import get_unit, units_in_reach

router = APIRouter(prefix="/overview", tags=["overview"], responses=ERROR_RESPONSES)


@router.get(
    "/units/{unit_id}",
    response_model=ApplicationsOverview,
    dependencies=[require(Can.READ_APPLICATIONS)],
)
async def applications_overview(
    unit_id: RecordId,
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
) -> ApplicationsOverview:
    """工作台概览: open applications due within 5 working days and past their reply date, unit
    by unit for the unit and those below it (handlers, the office and supervisors within their
    scope); each figure is the total of the inbox filtered by that unit and urgency."""
    # Those below for the office and supervisors; a unit's own staff count their unit.
    unit_ids = await units_in_reach(session, principal, unit_id, below=principal.reaches_subtree)
    unit = await get_unit(session, unit_id)
    return await service.overview(session, calendar, principal, unit, unit_ids)
