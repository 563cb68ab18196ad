"""好差评 and 效能投诉 over HTTP: the public rating page and complaint form, the windows'
tablets, and the supervisors' follow-ups and complaints."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_hall.cases.models import Case
from sunshine_hall.ratings import complaints, service, views
from sunshine_hall.ratings.deps import (
    CentresInReach,
    ComplaintInReach,
    FollowUpInReach,
    PairedTablet,
)
from sunshine_hall.ratings.models import ComplaintStatus, FollowUpStatus, RatingChannel
from sunshine_hall.ratings.schemas import (
    CaseKey,
    CentreTargets,
    CloseComplaintIn,
    CloseFollowUpIn,
    ComplaintIn,
    ComplaintOut,
    ComplaintPage,
    ComplaintReceipt,
    FollowUpOut,
    FollowUpPage,
    HandleComplaintIn,
    InvitationIn,
    InvitationOut,
    PublicRatingIn,
    RateableCase,
    RatingOut,
    TabletKey,
    TabletRatingIn,
)
from sunshine_hall.windows.access import can_manage_centre, window_to_serve
from sunshine_hall.windows.models import ServiceCentre, Window
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, Conflict, Forbidden, NotFound
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can
from sunshine_kit.units.service import units_in_reach

router = APIRouter(tags=["ratings"], responses=ERROR_RESPONSES)
_supervisors = [require(Can.SUPERVISE_HALL)]
NO_WINDOW = "case_without_window"


@router.post("/ratings/lookup", response_model=RateableCase)
async def look_up_case_to_rate(body: CaseKey, session: SessionDep) -> RateableCase:
    """The case the rating page is about, found by its number and query code."""
    case = await service.case_by_key(session, body.number, body.code)
    return await views.rateable_case(session, case, await service.rating_of(session, case.id))


@router.post("/ratings", response_model=RatingOut, status_code=201)
async def rate_case(body: PublicRatingIn, session: SessionDep, calendar: CalendarDep) -> RatingOut:
    """Rate a completed case once, on the public page (办件编号 + 查询码)."""
    case = await service.case_by_key(session, body.number, body.code)
    rating, follow_up = await service.rate(
        session,
        calendar,
        case,
        level=body.level,
        comment=body.comment,
        channel=RatingChannel.PUBLIC_PAGE,
        actor="public",
    )
    return views.rating_view(rating, follow_up.id if follow_up else None)


@router.put(
    "/ratings/tablets/{window_id}",
    response_model=TabletKey,
    dependencies=[require(Can.MANAGE_HALL)],
)
async def pair_rating_tablet(
    window_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> TabletKey:
    """Pair the window's rating tablet (评价器): a new key, shown once; the old one stops."""
    window = await session.get(Window, window_id)
    if window is None:
        raise NotFound("窗口不存在")
    centre = await session.get(ServiceCentre, window.centre_id)
    if centre is None or not await can_manage_centre(session, principal, centre):
        raise Forbidden("无权管理该服务中心的窗口", code="centre_forbidden")
    return TabletKey(window_id=window.id, key=await service.pair_tablet(session, principal, window))


@router.get("/ratings/tablets/{window_id}/invitation", response_model=InvitationOut | None)
async def tablet_invitation(window_id: PairedTablet, session: SessionDep) -> InvitationOut | None:
    """What the window's tablet shows now: the case just completed there, or nothing."""
    invitation = await service.current_invitation(session, window_id)
    return None if invitation is None else await views.invitation_view(session, invitation)


@router.post("/ratings/tablets/{window_id}/ratings", response_model=RatingOut, status_code=201)
async def rate_at_tablet(
    window_id: PairedTablet, body: TabletRatingIn, session: SessionDep, calendar: CalendarDep
) -> RatingOut:
    """The applicant rates on the window's tablet the case it offers."""
    rating, follow_up = await service.rate_at_tablet(
        session, calendar, window_id, body.invitation_id, level=body.level, comment=body.comment
    )
    return views.rating_view(rating, follow_up.id if follow_up else None)


@router.post(
    "/ratings/invitations",
    response_model=InvitationOut,
    status_code=201,
    dependencies=[require(Can.SERVE_AT_WINDOW)],
)
async def invite_rating(
    body: InvitationIn, session: SessionDep, principal: CurrentPrincipal
) -> InvitationOut:
    """Offer the rating of a case completed at one's window on that window's tablet (请评价)."""
    case = await session.get(Case, body.case_id)
    if case is None:
        raise NotFound("办件不存在")
    if case.window_id is None:
        raise Conflict("该办件不是在窗口办理的", code=NO_WINDOW)
    await window_to_serve(session, principal, case.window_id)
    invitation = await service.invite_rating(session, case)
    if invitation is None:
        raise Conflict("办件尚未办结或已评价", code=service.CASE_NOT_COMPLETED)
    return await views.invitation_view(session, invitation)


@router.get("/ratings/follow-ups", response_model=FollowUpPage, dependencies=_supervisors)
async def list_follow_ups(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    unit_id: OptionalIdFilter = None,
    status: Annotated[FollowUpStatus | None, Query(description="open、closed")] = None,
    overdue: Annotated[bool | None, Query(description="只看逾期未办结的")] = None,
) -> FollowUpPage:
    """差评回访整改: open ones first by due date, overdue ones flagged."""
    units = await units_in_reach(session, principal, unit_id, below=True)
    return await views.follow_up_page(session, units, page, status=status, overdue=overdue)


@router.post(
    "/ratings/follow-ups/{follow_up_id}/close",
    response_model=FollowUpOut,
    dependencies=_supervisors,
)
async def close_follow_up(
    follow_up: FollowUpInReach,
    body: CloseFollowUpIn,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> FollowUpOut:
    """Close a follow-up with the result of the call-back and what was put right."""
    await service.close_follow_up(session, principal, follow_up, body.result)
    return await views.one_follow_up(session, follow_up)


@router.get("/complaints/targets", response_model=list[CentreTargets])
async def complaint_targets(session: SessionDep) -> list[CentreTargets]:
    """The centres, windows and staff names a complaint may name (public)."""
    return await complaints.targets(session)


@router.post("/complaints", response_model=ComplaintReceipt, status_code=201)
async def file_complaint(body: ComplaintIn, session: SessionDep) -> ComplaintReceipt:
    """效能投诉 about a window or one of its staff, from anyone; answered with its number."""
    complaint = await complaints.receive(session, body)
    return ComplaintReceipt(number=complaint.number, received_at=complaint.received_at)


@router.get("/complaints", response_model=ComplaintPage, dependencies=_supervisors)
async def list_complaints(
    session: SessionDep,
    centres: CentresInReach,
    page: PageDep,
    status: Annotated[
        ComplaintStatus | None, Query(description="received、handling、closed")
    ] = None,
) -> ComplaintPage:
    """Complaints about the windows of the centres in reach, newest first (contacts masked)."""
    items, total = await views.complaint_page(session, centres, page, status=status)
    return ComplaintPage(items=items, total=total, page=page.page, size=page.size)


@router.post(
    "/complaints/{complaint_id}/handling", response_model=ComplaintOut, dependencies=_supervisors
)
async def handle_complaint(
    complaint: ComplaintInReach,
    body: HandleComplaintIn,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ComplaintOut:
    """Record the investigation (调查处理情况); the complaint is then being handled."""
    await complaints.handle(session, principal, complaint, body.note)
    return await views.one_complaint(session, complaint)


@router.post(
    "/complaints/{complaint_id}/close", response_model=ComplaintOut, dependencies=_supervisors
)
async def close_complaint(
    complaint: ComplaintInReach,
    body: CloseComplaintIn,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ComplaintOut:
    """Close the complaint with its result (处理结果)."""
    await complaints.close(session, principal, complaint, body.result)
    return await views.one_complaint(session, complaint)
