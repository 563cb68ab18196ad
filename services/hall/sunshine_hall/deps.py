"""What the routes are given already checked: the case of the path, loaded and readable by the
caller (404 when there is none, 403 otherwise), with what handling it needs."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from sunshine_hall.cases import service as cases
from sunshine_hall.cases.models import Case
from sunshine_hall.cases.service import Desk
from sunshine_hall.settings import HallSettings
from sunshine_kit.auth import CurrentPrincipal
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.ids import RecordId


def hall_settings(request: Request) -> HallSettings:
    settings = request.app.state.settings
    assert isinstance(settings, HallSettings)
    return settings


Settings = Annotated[HallSettings, Depends(hall_settings)]


async def case_for_staff(
    case_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> Case:
    """The case of the path, if the caller may read it."""
    return await cases.for_staff(session, principal, case_id)


StaffCase = Annotated[Case, Depends(case_for_staff)]


async def desk_for_staff(
    case: StaffCase,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
    settings: Settings,
) -> Desk:
    return Desk(session, calendar, principal, settings, case)


# The case of the path, with the caller, session, calendar and settings to read or handle it.
StaffDesk = Annotated[Desk, Depends(desk_for_staff)]
