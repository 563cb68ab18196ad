"""What the follow-up, complaint and tablet screens show, read in one query per page."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case
from sunshine_hall.items.models import ServiceItem
from sunshine_hall.ratings.masking import mask_name
from sunshine_hall.ratings.models import (
    CaseRating,
    Complaint,
    ComplaintStatus,
    FollowUp,
    FollowUpStatus,
    RatingInvitation,
)
from sunshine_hall.ratings.schemas import (
    LEVEL_LABELS,
    ComplaintOut,
    FollowUpOut,
    FollowUpPage,
    InvitationOut,
    RateableCase,
    RatingOut,
)
from sunshine_hall.windows.models import ServiceCentre, Window, WindowStaff
from sunshine_kit.calendar.days import today
from sunshine_kit.pagination import PageParams
from sunshine_kit.personal_data import mask_phone
from sunshine_kit.units.models import Unit


def rating_view(rating: CaseRating, follow_up_id: int | None = None) -> RatingOut:
    return RatingOut(
        id=rating.id,
        case_id=rating.case_id,
        level=rating.level,
        level_label=LEVEL_LABELS[rating.level],
        channel=rating.channel,
        comment=rating.comment,
        rated_at=rating.rated_at,
        follow_up_id=follow_up_id,
    )


async def rateable_case(
    session: AsyncSession, case: Case, rating: CaseRating | None
) -> RateableCase:
    item_name = await session.scalar(select(ServiceItem.name).where(ServiceItem.id == case.item_id))
    unit_name = await session.scalar(select(Unit.name).where(Unit.id == case.unit_id))
    return RateableCase(
        number=case.number,
        item_name=item_name or "",
        unit_name=unit_name or "",
        completed_on=case.completed_on,
        rated=rating is not None,
        level=rating.level if rating is not None else None,
    )


def window_label(centre_name: str, window: Window) -> str:
    return f"{centre_name} {window.number}号窗口（{window.name}）"


async def invitation_view(session: AsyncSession, invitation: RatingInvitation) -> InvitationOut:
    row = (
        await session.execute(
            select(Case.number, Case.clerk, ServiceItem.name, Window, ServiceCentre.name)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .join(Window, Window.id == invitation.window_id)
            .join(ServiceCentre, ServiceCentre.id == Window.centre_id)
            .where(Case.id == invitation.case_id)
        )
    ).one()
    number, clerk, item_name, window, centre_name = row
    clerk_name = await session.scalar(
        select(WindowStaff.display_name).where(
            WindowStaff.window_id == window.id, WindowStaff.account == clerk
        )
    )
    return InvitationOut(
        id=invitation.id,
        window_id=window.id,
        window_label=window_label(centre_name, window),
        case_number=number,
        item_name=item_name,
        clerk_name=clerk_name or "",
        expires_at=invitation.expires_at,
    )


async def follow_up_page(
    session: AsyncSession,
    units: Collection[int],
    page: PageParams,
    *,
    status: FollowUpStatus | None,
    overdue: bool | None,
) -> FollowUpPage:
    """Follow-ups of the units in reach, open ones first by due date; overdue ones flagged."""
    now = today()
    where: list[ColumnElement[bool]] = [FollowUp.unit_id.in_(units)]
    if status is not None:
        where.append(FollowUp.status == status)
    if overdue is True:
        where += [FollowUp.status == FollowUpStatus.OPEN, FollowUp.due_on < now]
    elif overdue is False:
        where.append((FollowUp.status != FollowUpStatus.OPEN) | (FollowUp.due_on >= now))
    total = await session.scalar(select(func.count()).select_from(FollowUp).where(*where))
    rows = await session.execute(
        select(FollowUp, CaseRating, Case.number, ServiceItem.name, Unit.name)
        .join(CaseRating, CaseRating.id == FollowUp.rating_id)
        .join(Case, Case.id == FollowUp.case_id)
        .join(ServiceItem, ServiceItem.id == Case.item_id)
        .join(Unit, Unit.id == FollowUp.unit_id)
        .where(*where)
        .order_by((FollowUp.status == FollowUpStatus.OPEN).desc(), FollowUp.due_on, FollowUp.id)
        .offset(page.offset)
        .limit(page.size)
    )
    return FollowUpPage(
        items=[follow_up_view(*row, now) for row in rows.all()],
        total=total or 0,
        page=page.page,
        size=page.size,
    )


def follow_up_view(
    follow_up: FollowUp,
    rating: CaseRating,
    case_number: str,
    item_name: str,
    unit_name: str,
    now: date,
) -> FollowUpOut:
    is_open = follow_up.status == FollowUpStatus.OPEN
    return FollowUpOut(
        id=follow_up.id,
        case_id=follow_up.case_id,
        case_number=case_number,
        item_name=item_name,
        unit_id=follow_up.unit_id,
        unit_name=unit_name,
        level=rating.level,
        level_label=LEVEL_LABELS[rating.level],
        comment=rating.comment,
        status=follow_up.status,
        opened_on=follow_up.opened_on,
        due_on=follow_up.due_on,
        overdue=is_open and now > follow_up.due_on,
        result=follow_up.result,
        closed_on=follow_up.closed_on,
        closed_by=follow_up.closed_by,
        actions=["close"] if is_open else [],
    )


async def one_follow_up(session: AsyncSession, follow_up: FollowUp) -> FollowUpOut:
    row = (
        await session.execute(
            select(CaseRating, Case.number, ServiceItem.name, Unit.name)
            .join(Case, Case.id == CaseRating.case_id)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .join(Unit, Unit.id == follow_up.unit_id)
            .where(CaseRating.id == follow_up.rating_id)
        )
    ).one()
    return follow_up_view(follow_up, *row, today())


COMPLAINT_ACTIONS = {
    ComplaintStatus.RECEIVED: ["handle", "close"],
    ComplaintStatus.HANDLING: ["handle", "close"],
    ComplaintStatus.CLOSED: [],
}


def complaint_view(
    complaint: Complaint, centre_name: str, window: Window, clerk_name: str
) -> ComplaintOut:
    return ComplaintOut(
        id=complaint.id,
        number=complaint.number,
        centre_name=centre_name,
        window_label=f"{window.number}号窗口（{window.name}）",
        clerk_name=clerk_name,
        content=complaint.content,
        complainant_name=mask_name(complaint.complainant_name),
        complainant_phone=mask_phone(complaint.complainant_phone),
        status=complaint.status,
        handling_note=complaint.handling_note,
        result=complaint.result,
        handled_by=complaint.handled_by,
        received_at=complaint.received_at,
        closed_at=complaint.closed_at,
        actions=COMPLAINT_ACTIONS[ComplaintStatus(complaint.status)],
    )


async def complaint_page(
    session: AsyncSession,
    centre_ids: Collection[int],
    page: PageParams,
    *,
    status: ComplaintStatus | None,
) -> tuple[list[ComplaintOut], int]:
    """Complaints about the windows of the centres in reach, newest first."""
    where: list[ColumnElement[bool]] = [Complaint.centre_id.in_(centre_ids)]
    if status is not None:
        where.append(Complaint.status == status)
    total = await session.scalar(select(func.count()).select_from(Complaint).where(*where))
    rows = (
        await session.execute(
            select(Complaint, ServiceCentre.name, Window)
            .join(ServiceCentre, ServiceCentre.id == Complaint.centre_id)
            .join(Window, Window.id == Complaint.window_id)
            .where(*where)
            .order_by(Complaint.id.desc())
            .offset(page.offset)
            .limit(page.size)
        )
    ).all()
    names = await clerk_names(session, [(c.window_id, c.clerk) for c, _, _ in rows])
    return [
        complaint_view(c, centre, window, names.get((c.window_id, c.clerk), ""))
        for c, centre, window in rows
    ], total or 0


async def clerk_names(
    session: AsyncSession, pairs: Collection[tuple[int, str]]
) -> dict[tuple[int, str], str]:
    wanted = {p for p in pairs if p[1]}
    if not wanted:
        return {}
    rows = await session.execute(
        select(WindowStaff.window_id, WindowStaff.account, WindowStaff.display_name).where(
            WindowStaff.window_id.in_({w for w, _ in wanted}),
            WindowStaff.account.in_({a for _, a in wanted}),
        )
    )
    return {(w, a): name or a for w, a, name in rows.all()}


async def one_complaint(session: AsyncSession, complaint: Complaint) -> ComplaintOut:
    centre_name, window = (
        await session.execute(
            select(ServiceCentre.name, Window)
            .join(Window, Window.centre_id == ServiceCentre.id)
            .where(Window.id == complaint.window_id)
        )
    ).one()
    names = await clerk_names(session, [(complaint.window_id, complaint.clerk)])
    return complaint_view(
        complaint, centre_name, window, names.get((complaint.window_id, complaint.clerk), "")
    )
