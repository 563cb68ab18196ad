from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from sunshine_applications.applications import service
from sunshine_applications.applications.clock import Urgency
from sunshine_applications.applications.models import DisclosureApplication, Status
from sunshine_applications.applications.schemas import (
    ApplicationIn,
    ApplicationOut,
    AssignIn,
    ConfirmReceiptIn,
    DecisionIn,
    ExtensionIn,
    FeeNoticeIn,
    FeePaidIn,
    InboxPage,
    OpinionAnswerIn,
    OpinionIn,
    PublicStatus,
    RegisteredApplicationIn,
    RemedyIn,
    RemedyOut,
    RemedyUpdate,
    ReplyIn,
    Submitted,
    SupplementReceivedIn,
    SupplementRequestIn,
    TrackIn,
)
from sunshine_kit.audit import service as audit
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import CurrentPrincipal, Role, StaffRoles, require_roles
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.pagination import PageDep

router = APIRouter(prefix="/applications", tags=["applications"], responses=ERROR_RESPONSES)
_staff = [require_roles(*StaffRoles)]
_handlers = [require_roles(Role.APPLICATION_HANDLER, Role.OFFICE)]


@router.post("", response_model=Submitted, status_code=201)
async def apply_online(
    body: ApplicationIn, session: SessionDep, calendar: CalendarDep
) -> Submitted:
    """Apply online (public, no account). Keep the tracking number and query code."""
    application, code = await service.submit_online(session, calendar, body)
    return Submitted(
        tracking_number=application.tracking_number,
        query_code=code,
        received_on=application.received_on,
    )


@router.post("/track", response_model=PublicStatus)
async def track(body: TrackIn, session: SessionDep) -> PublicStatus:
    """Follow an application with its tracking number and query code (public)."""
    _, status = await service.track(session, body.tracking_number, body.query_code)
    return status


@router.post("/registered", response_model=Submitted, status_code=201, dependencies=_handlers)
async def register(
    body: RegisteredApplicationIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> Submitted:
    """Record an application received by letter, fax, e-mail or in person."""
    application, code = await service.register(session, calendar, principal, body)
    return Submitted(
        tracking_number=application.tracking_number,
        query_code=code,
        received_on=application.received_on,
    )


@router.get("", response_model=InboxPage, dependencies=_staff)
async def inbox(
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
    page: PageDep,
    unit_id: int | None = None,
    status: Status | None = None,
    urgency: Annotated[Urgency | None, Query(description="due_soon 或 overdue")] = None,
    mine: Annotated[bool, Query(description="只看我经办的")] = False,
    include_closed: bool = False,
) -> InboxPage:
    """The handlers' inbox, soonest due first, with working days left."""
    rows, total = await service.inbox(
        session,
        calendar,
        principal,
        page,
        unit_id=unit_id,
        status=status,
        urgency=urgency,
        mine=mine,
        include_closed=include_closed,
    )
    return InboxPage(items=rows, total=total, page=page.page, size=page.size)


@router.get("/{application_id}", response_model=ApplicationOut, dependencies=_staff)
async def read(
    application_id: int,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    application = await service.for_staff(session, principal, application_id)
    return await service.staff_view(session, calendar, principal, application)


@router.get("/{application_id}/history", response_model=list[AuditEntryOut], dependencies=_staff)
async def history(
    application_id: int, session: SessionDep, principal: CurrentPrincipal
) -> list[AuditEntryOut]:
    """The application's full timeline, newest first."""
    await service.for_staff(session, principal, application_id)
    entries = await audit.history(
        session, entity_type="application", entity_id=str(application_id), limit=500
    )
    return [AuditEntryOut.model_validate(e) for e in entries]


async def _after(
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
    application: DisclosureApplication,
) -> ApplicationOut:
    """The application as it stands after a step, as the caller sees it."""
    return await service.staff_view(session, calendar, principal, application)


@router.post("/{application_id}/receipt", response_model=ApplicationOut)
async def confirm_receipt(
    application_id: int,
    body: ConfirmReceiptIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    """Confirm receipt of an online application: the received date of Article 31."""
    application = await service.for_staff(session, principal, application_id)
    await service.confirm_receipt(session, calendar, principal, application, body.received_on)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/assign", response_model=ApplicationOut)
async def assign(
    application_id: int,
    body: AssignIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    application = await service.for_staff(session, principal, application_id)
    await service.assign(session, calendar, principal, application, body.handler)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/supplement-request", response_model=ApplicationOut)
async def request_supplement(
    application_id: int,
    body: SupplementRequestIn,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    """补正通知 (once, within 7 working days of receipt); the clock stops."""
    application = await service.for_staff(session, principal, application_id)
    await service.request_supplement(session, calendar, principal, application, body)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/supplement-received", response_model=ApplicationOut)
async def receive_supplement(
    application_id: int,
    body: SupplementReceivedIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    """The supplement arrived: the 20 working days start again from this day."""
    application = await service.for_staff(session, principal, application_id)
    await service.receive_supplement(session, calendar, principal, application, body.received_on)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/opinions", response_model=ApplicationOut)
async def ask_opinion(
    application_id: int,
    body: OpinionIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    """征求第三方或其他机关意见: the clock is suspended until the answer."""
    application = await service.for_staff(session, principal, application_id)
    await service.ask_opinion(session, calendar, principal, application, body)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/opinions/{opinion_id}/answer", response_model=ApplicationOut)
async def record_opinion(
    application_id: int,
    opinion_id: int,
    body: OpinionAnswerIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    application = await service.for_staff(session, principal, application_id)
    await service.record_opinion(
        session,
        calendar,
        principal,
        application,
        opinion_id,
        body.answered_on,
        body.answer,
    )
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/extension", response_model=ApplicationOut)
async def extend(
    application_id: int,
    body: ExtensionIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    """One extension of at most 20 working days."""
    application = await service.for_staff(session, principal, application_id)
    await service.extend(session, calendar, principal, application, body)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/fee-notice", response_model=ApplicationOut)
async def notify_fee(
    application_id: int,
    body: FeeNoticeIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    application = await service.for_staff(session, principal, application_id)
    await service.notify_fee(session, calendar, principal, application, body)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/fee-paid", response_model=ApplicationOut)
async def fee_paid(
    application_id: int,
    body: FeePaidIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    application = await service.for_staff(session, principal, application_id)
    await service.fee_paid(session, calendar, principal, application, body.paid_on)
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/decision", response_model=ApplicationOut)
async def decide(
    application_id: int,
    body: DecisionIn,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    """The result in the annual report's taxonomy, with reasons and legal basis."""
    application = await service.for_staff(session, principal, application_id)
    await service.decide(
        session,
        calendar,
        request.app.state.services,
        principal,
        application,
        body,
    )
    return await _after(session, calendar, principal, application)


@router.post("/{application_id}/reply", response_model=ApplicationOut)
async def reply(
    application_id: int,
    body: ReplyIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> ApplicationOut:
    """The reply was delivered: the application is closed."""
    application = await service.for_staff(session, principal, application_id)
    await service.reply(session, calendar, principal, application, body.replied_on)
    return await _after(session, calendar, principal, application)


@router.get("/{application_id}/remedies", response_model=list[RemedyOut], dependencies=_staff)
async def remedies(
    application_id: int, session: SessionDep, principal: CurrentPrincipal
) -> list[RemedyOut]:
    await service.for_staff(session, principal, application_id)
    return [
        RemedyOut.model_validate(r, from_attributes=True)
        for r in await service.remedies_of(session, application_id)
    ]


@router.post("/{application_id}/remedies", response_model=RemedyOut, status_code=201)
async def add_remedy(
    application_id: int, body: RemedyIn, session: SessionDep, principal: CurrentPrincipal
) -> RemedyOut:
    """Record a 行政复议 or 行政诉讼 against the application."""
    application = await service.for_staff(session, principal, application_id)
    remedy = await service.add_remedy(session, principal, application, body)
    return RemedyOut.model_validate(remedy, from_attributes=True)


@router.patch("/remedies/{remedy_id}", response_model=RemedyOut)
async def update_remedy(
    remedy_id: int, body: RemedyUpdate, session: SessionDep, principal: CurrentPrincipal
) -> RemedyOut:
    remedy = await service.update_remedy(session, principal, remedy_id, body)
    return RemedyOut.model_validate(remedy, from_attributes=True)


@router.post("/due-dates/recompute", dependencies=[require_roles(Role.OPS_ADMIN)])
async def recompute(session: SessionDep, calendar: CalendarDep) -> dict[str, int]:
    """Recompute every open application's due date (after loading a year's arrangement)."""
    changed = await service.recompute_open(session, calendar)
    return {"changed": changed}
