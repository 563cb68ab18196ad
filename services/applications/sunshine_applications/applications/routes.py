"""HTTP for applications: applying and following one, the inbox, the staff view, each step
and the remedies. What is checked before a body runs comes from `deps`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_applications.applications import remedies as remedy_records
from sunshine_applications.applications import service, steps, views
from sunshine_applications.applications.clock import Urgency
from sunshine_applications.applications.models import Status
from sunshine_applications.applications.schemas import (
    ApplicationIn,
    ApplicationOut,
    AssignIn,
    ConfirmReceiptIn,
    DecisionIn,
    ExplanationReceivedIn,
    ExplanationRequestIn,
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
from sunshine_applications.deps import Services, StaffApplication, StaffDesk
from sunshine_applications.letters import service as letters
from sunshine_applications.letters.schemas import LetterContent
from sunshine_kit.audit import service as audit
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can
from sunshine_kit.units.service import require_at_top

router = APIRouter(prefix="/applications", tags=["applications"], responses=ERROR_RESPONSES)
# Reading is open to every staff role within its units (publishers look up what was asked);
# each step is for the handlers' role group, and says why it is refused (409) otherwise.
# Applications carry applicants' personal data: read by those who handle or supervise them.
_staff = [require(Can.READ_APPLICATIONS)]
_handlers = [require(Can.HANDLE_APPLICATIONS)]


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
    application = await service.for_applicant(session, body.tracking_number, body.query_code)
    return await views.public_status(session, application)


@router.post(
    "/registered",
    response_model=Submitted,
    status_code=201,
    dependencies=[require(Can.REGISTER_APPLICATIONS)],
)
async def register(
    body: RegisteredApplicationIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> Submitted:
    """Record an application received by letter, fax, e-mail or in person: a handler for the
    units in reach; a window of the 政务服务中心 in person, for any unit."""
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
    unit_id: OptionalIdFilter = None,
    status: Status | None = None,
    urgency: Annotated[Urgency | None, Query(description="due_soon 或 overdue")] = None,
    mine: Annotated[bool, Query(description="只看我经办的")] = False,
    include_closed: bool = False,
    q: Annotated[
        str | None,
        Query(max_length=50, description="申请编号（全部或开头）或申请人、组织名称（全部或开头）"),
    ] = None,
) -> InboxPage:
    """The handlers' inbox, the next legal action first: online applications awaiting receipt,
    then by the day the next action is due (`next_action_on`), with working days left."""
    rows, total = await views.inbox(
        session,
        calendar,
        principal,
        page,
        unit_id=unit_id,
        status=status,
        urgency=urgency,
        mine=mine,
        include_closed=include_closed,
        q=q,
    )
    return InboxPage(
        items=rows,
        total=total,
        page=page.page,
        size=page.size,
        awaiting_receipt=await views.awaiting_receipt(session, principal, unit_id),
    )


@router.get("/{application_id}", response_model=ApplicationOut, dependencies=_staff)
async def read(desk: StaffDesk) -> ApplicationOut:
    """The application, its clock, and the steps the caller may take now (`next_steps`)."""
    return await views.staff_view(desk)


@router.get("/{application_id}/history", response_model=list[AuditEntryOut], dependencies=_staff)
async def history(application: StaffApplication, session: SessionDep) -> list[AuditEntryOut]:
    """The application's full timeline, newest first."""
    entries = await audit.history(
        session, entity_type="application", entity_id=str(application.id), limit=500
    )
    return [AuditEntryOut.model_validate(e) for e in entries]


@router.get("/{application_id}/letter", response_model=LetterContent, dependencies=_handlers)
async def letter(
    application: StaffApplication, session: SessionDep, principal: CurrentPrincipal
) -> LetterContent:
    """The reply letter's text (答复告知书), as the DOCX and PDF lay it out: for the handler to
    read in the console before sending it; once the decision is taken (409 before)."""
    full = views.sees_personal_data(principal, application)
    return await letters.compose(session, application, personal_data=full)


# --- the steps: each answers with the application as it stands after it ----------------------


@router.post("/{application_id}/receipt", response_model=ApplicationOut, dependencies=_handlers)
async def confirm_receipt(body: ConfirmReceiptIn, desk: StaffDesk) -> ApplicationOut:
    """Confirm receipt of an online application: the received date of Article 31."""
    await steps.confirm_receipt(desk, body.received_on)
    return await views.staff_view(desk)


@router.post("/{application_id}/assign", response_model=ApplicationOut, dependencies=_handlers)
async def assign(body: AssignIn, desk: StaffDesk) -> ApplicationOut:
    """Name the handler, who alone sees the applicant's personal data in full."""
    await steps.assign(desk, body.handler)
    return await views.staff_view(desk)


@router.post(
    "/{application_id}/supplement-request", response_model=ApplicationOut, dependencies=_handlers
)
async def request_supplement(body: SupplementRequestIn, desk: StaffDesk) -> ApplicationOut:
    """补正通知 (once, within 7 working days of receipt); the clock stops."""
    await steps.request_supplement(desk, body)
    return await views.staff_view(desk)


@router.post(
    "/{application_id}/supplement-received", response_model=ApplicationOut, dependencies=_handlers
)
async def receive_supplement(body: SupplementReceivedIn, desk: StaffDesk) -> ApplicationOut:
    """The supplement arrived: the 20 working days start again from this day."""
    await steps.receive_supplement(desk, body.received_on)
    return await views.staff_view(desk)


@router.post(
    "/{application_id}/explanation-request", response_model=ApplicationOut, dependencies=_handlers
)
async def request_explanation(body: ExplanationRequestIn, desk: StaffDesk) -> ApplicationOut:
    """说明理由 (Article 35): within the reply period, once; the clock does not run until the
    explanation comes or the day named (15 working days unless set) passes."""
    await steps.request_explanation(desk, body)
    return await views.staff_view(desk)


@router.post(
    "/{application_id}/explanation-received", response_model=ApplicationOut, dependencies=_handlers
)
async def receive_explanation(body: ExplanationReceivedIn, desk: StaffDesk) -> ApplicationOut:
    """The explanation came (by the day named): unreasonable, 不予处理 4 is decided; reasonable,
    the clock runs again, to the later reply date when one is set."""
    await steps.receive_explanation(desk, body)
    return await views.staff_view(desk)


@router.post("/{application_id}/opinions", response_model=ApplicationOut, dependencies=_handlers)
async def ask_opinion(body: OpinionIn, desk: StaffDesk) -> ApplicationOut:
    """征求第三方或其他机关意见: the clock is suspended until the answer."""
    await steps.ask_opinion(desk, body)
    return await views.staff_view(desk)


@router.post(
    "/{application_id}/opinions/{opinion_id}/answer",
    response_model=ApplicationOut,
    dependencies=_handlers,
)
async def record_opinion(
    application_id: RecordId, opinion_id: RecordId, body: OpinionAnswerIn, desk: StaffDesk
) -> ApplicationOut:
    """Record the answer of a consultation; the clock runs again once none is open."""
    # `application_id` is the desk's; named here only so that the API documents the path's
    # parameters in the path's order.
    await steps.record_opinion(desk, opinion_id, body.answered_on, body.answer)
    return await views.staff_view(desk)


@router.post("/{application_id}/extension", response_model=ApplicationOut, dependencies=_handlers)
async def extend(body: ExtensionIn, desk: StaffDesk) -> ApplicationOut:
    """One extension of at most 20 working days."""
    await steps.extend(desk, body)
    return await views.staff_view(desk)


@router.post("/{application_id}/fee-notice", response_model=ApplicationOut, dependencies=_handlers)
async def notify_fee(body: FeeNoticeIn, desk: StaffDesk) -> ApplicationOut:
    """信息处理费 notice; the days until payment do not count."""
    await steps.notify_fee(desk, body)
    return await views.staff_view(desk)


@router.post("/{application_id}/fee-paid", response_model=ApplicationOut, dependencies=_handlers)
async def fee_paid(body: FeePaidIn, desk: StaffDesk) -> ApplicationOut:
    """The applicant paid the fee: the clock runs again."""
    await steps.fee_paid(desk, body.paid_on)
    return await views.staff_view(desk)


@router.post("/{application_id}/decision", response_model=ApplicationOut, dependencies=_handlers)
async def decide(body: DecisionIn, desk: StaffDesk, services: Services) -> ApplicationOut:
    """The result in the annual report's taxonomy, with reasons and legal basis."""
    await steps.decide(desk, services, body)
    return await views.staff_view(desk)


@router.post("/{application_id}/reply", response_model=ApplicationOut, dependencies=_handlers)
async def reply(body: ReplyIn, desk: StaffDesk) -> ApplicationOut:
    """The reply was delivered: the application is closed."""
    await steps.reply(desk, body.replied_on)
    return await views.staff_view(desk)


# --- remedies --------------------------------------------------------------------------------


@router.get("/{application_id}/remedies", response_model=list[RemedyOut], dependencies=_staff)
async def remedies(application: StaffApplication, session: SessionDep) -> list[RemedyOut]:
    return [
        RemedyOut.model_validate(r, from_attributes=True)
        for r in await remedy_records.remedies_of(session, application.id)
    ]


@router.post(
    "/{application_id}/remedies",
    response_model=RemedyOut,
    status_code=201,
    dependencies=_handlers,
)
async def add_remedy(body: RemedyIn, desk: StaffDesk) -> RemedyOut:
    """Record a 行政复议 or 行政诉讼 against the application."""
    remedy = await remedy_records.add_remedy(desk, body)
    return RemedyOut.model_validate(remedy, from_attributes=True)


@router.patch("/remedies/{remedy_id}", response_model=RemedyOut, dependencies=_handlers)
async def update_remedy(
    remedy_id: RecordId, body: RemedyUpdate, session: SessionDep, principal: CurrentPrincipal
) -> RemedyOut:
    """The result of a reconsideration or lawsuit, once decided."""
    remedy = await remedy_records.update_remedy(session, principal, remedy_id, body)
    return RemedyOut.model_validate(remedy, from_attributes=True)


@router.post("/due-dates/recompute", dependencies=[require_at_top(Can.MANAGE_CALENDAR)])
async def recompute(session: SessionDep, calendar: CalendarDep) -> dict[str, int]:
    """Recompute every open application's due date (after loading a year's arrangement)."""
    changed = await service.recompute_open(session, calendar)
    return {"changed": changed}
