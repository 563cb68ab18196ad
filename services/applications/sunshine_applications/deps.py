"""What the routes are given already checked: the application or inquiry of the path, loaded
and within the caller's units (404 when there is none, 403 when it is another unit's), and the
clients of the other services."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from sunshine_applications.applications import service as applications
from sunshine_applications.applications.models import DisclosureApplication
from sunshine_applications.applications.service import Desk
from sunshine_applications.inquiries import service as inquiries
from sunshine_applications.inquiries.models import Inquiry
from sunshine_kit.auth import CurrentPrincipal
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.http import ServicesDep
from sunshine_kit.ids import RecordId


async def application_for_staff(
    application_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> DisclosureApplication:
    """The application of the path, within the caller's units."""
    return await applications.for_staff(session, principal, application_id)


StaffApplication = Annotated[DisclosureApplication, Depends(application_for_staff)]


async def desk_for_staff(
    application: StaffApplication,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> Desk:
    return Desk(session, calendar, principal, application)


# The application of the path, with the caller, session and calendar to read or handle it.
StaffDesk = Annotated[Desk, Depends(desk_for_staff)]


async def inquiry_for_staff(
    inquiry_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> Inquiry:
    """The inquiry of the path, within the caller's units."""
    return await inquiries.for_staff(session, principal, inquiry_id)


StaffInquiry = Annotated[Inquiry, Depends(inquiry_for_staff)]

Services = ServicesDep
