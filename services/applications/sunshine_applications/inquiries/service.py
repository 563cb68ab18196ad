"""Consultations and messages (咨询、领导信箱/留言): registered, answered in time, rated."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.schemas import RECEIVING_UNIT_TYPES
from sunshine_applications.errors import (
    ALREADY_RATED,
    INQUIRY_ANSWERED,
    INQUIRY_NOT_FOUND,
    NOT_ANSWERED,
)
from sunshine_applications.inquiries.models import (
    Inquiry,
    InquiryAction,
    InquiryChannel,
    InquiryKind,
    Satisfaction,
)
from sunshine_applications.inquiries.schemas import (
    KIND_LABELS,
    SATISFACTION_LABELS,
    AnswerIn,
    InquiryIn,
    InquiryOut,
    InquiryState,
    PublicInquiry,
    RegisteredInquiryIn,
    SatisfactionIn,
)
from sunshine_applications.personal_data.masking import mask_contact
from sunshine_kit import query_codes
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDate, WorkingDayCalendar, today
from sunshine_kit.errors import ROLE_FORBIDDEN, Conflict, Forbidden, InvalidInput, NotFound
from sunshine_kit.pagination import PageParams
from sunshine_kit.roles import Can
from sunshine_kit.units.service import ensure_can_act_on, get_unit, units_in_reach

# Working days to answer. The applications settings have no place for these yet, so they are
# fixed here: 5 for a consultation, 10 for a message to the leaders' mailbox.
ANSWER_WORKING_DAYS = {InquiryKind.CONSULTATION: 5, InquiryKind.MAILBOX: 10}


def answer_due(calendar: WorkingDayCalendar, kind: str, received_on: date) -> WorkingDate:
    """The day an inquiry of `kind` received on `received_on` is to be answered by."""
    return calendar.add_working_days(received_on, ANSWER_WORKING_DAYS[InquiryKind(kind)])


async def recompute_open(session: AsyncSession, calendar: WorkingDayCalendar) -> int:
    """Recompute every unanswered inquiry's answer deadline on the calendar as now loaded
    (after a year's arrangement is received or corrected); how many moved."""
    changed = 0
    open_ = await session.scalars(select(Inquiry).where(Inquiry.answered_on.is_(None)))
    for inquiry in open_.all():
        due = answer_due(calendar, inquiry.kind, inquiry.received_on)
        if (due.date, due.provisional) != (inquiry.answer_due_on, inquiry.due_provisional):
            inquiry.answer_due_on, inquiry.due_provisional = due.date, due.provisional
            changed += 1
    await session.flush()
    return changed


def token_hash(inquiry_id: int, token: str) -> str:
    return hashlib.sha256(f"inquiry:{inquiry_id}:{token.strip().upper()}".encode()).hexdigest()


def _ensure_answerer(actor: Principal) -> None:
    if not actor.can(Can.HANDLE_APPLICATIONS):
        raise Forbidden("只有依申请公开经办人或政务公开办可以登记和答复咨询", code=ROLE_FORBIDDEN)


async def _create(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    body: InquiryIn,
    *,
    channel: InquiryChannel,
    received_on: date,
    actor: Principal | str,
) -> tuple[Inquiry, str]:
    unit = await get_unit(session, body.unit_id)
    if unit.closed:
        raise InvalidInput("unit_id", "该单位已撤销，请向承接其职能的单位咨询")
    # Addressed where applications are (`RECEIVING_UNIT_TYPES`): the portal offers only these.
    if unit.type not in RECEIVING_UNIT_TYPES:
        raise InvalidInput(
            "unit_id", "社区、村民委员会不受理网上咨询和留言，请向所属街道办事处或乡镇人民政府提出"
        )
    due = answer_due(calendar, body.kind, received_on)
    inquiry = Inquiry(
        unit_id=unit.id,
        kind=body.kind,
        channel=channel,
        subject=body.subject,
        content=body.content,
        asker_name=body.asker_name,
        asker_contact=body.asker_contact,
        token_hash="",
        received_on=received_on,
        answer_due_on=due.date,
        due_provisional=due.provisional,
    )
    session.add(inquiry)
    await session.flush()
    code = query_codes.new_code()
    inquiry.token_hash = token_hash(inquiry.id, code)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=InquiryAction.RECEIVED,
        entity_type="inquiry",
        entity_id=inquiry.id,
        after={
            "kind": body.kind.value,
            "channel": channel.value,
            "received_on": received_on.isoformat(),
            "answer_due_on": due.date.isoformat(),
        },
    )
    return inquiry, code


async def submit_online(
    session: AsyncSession, calendar: WorkingDayCalendar, body: InquiryIn
) -> tuple[Inquiry, str]:
    """Someone asks on the portal; it counts from today (Beijing time)."""
    return await _create(
        session, calendar, body, channel=InquiryChannel.ONLINE, received_on=today(), actor="asker"
    )


async def register(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    body: RegisteredInquiryIn,
) -> tuple[Inquiry, str]:
    """Staff record a consultation taken at the counter or on the phone."""
    _ensure_answerer(actor)
    await ensure_can_act_on(session, actor, body.unit_id)
    if body.received_on > today():
        raise InvalidInput("received_on", "收到日期不能晚于今天")
    return await _create(
        session,
        calendar,
        InquiryIn.model_validate(body.model_dump(include=set(InquiryIn.model_fields))),
        channel=body.channel,
        received_on=body.received_on,
        actor=actor,
    )


async def for_staff(session: AsyncSession, actor: Principal, inquiry_id: int) -> Inquiry:
    inquiry = await session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFound("咨询或留言不存在", code=INQUIRY_NOT_FOUND)
    await ensure_can_act_on(session, actor, inquiry.unit_id)
    return inquiry


def sees_contact(actor: Principal, inquiry: Inquiry) -> bool:
    """Those who may answer see the contact to call back; once answered, only who answered.
    Everyone else sees it masked (the rule: `personal_data.masking`)."""
    if not actor.can(Can.HANDLE_APPLICATIONS):
        return False
    return inquiry.answered_by is None or inquiry.answered_by == actor.username


def staff_view(actor: Principal, inquiry: Inquiry) -> InquiryOut:
    """The inquiry as `actor` sees it; the loader or the list has checked their units."""
    full = sees_contact(actor, inquiry)
    return InquiryOut(
        id=inquiry.id,
        unit_id=inquiry.unit_id,
        kind=InquiryKind(inquiry.kind),
        kind_label=KIND_LABELS[InquiryKind(inquiry.kind)],
        channel=InquiryChannel(inquiry.channel),
        subject=inquiry.subject,
        content=inquiry.content,
        asker_name=inquiry.asker_name,
        asker_contact=inquiry.asker_contact if full else mask_contact(inquiry.asker_contact),
        masked=not full,
        received_on=inquiry.received_on,
        answer_due_on=inquiry.answer_due_on,
        due_provisional=inquiry.due_provisional,
        overdue=inquiry.answered_on is None and inquiry.answer_due_on < today(),
        can_answer=inquiry.answered_on is None and actor.can(Can.HANDLE_APPLICATIONS),
        answered_on=inquiry.answered_on,
        answer=inquiry.answer,
        answered_by=inquiry.answered_by,
        satisfaction=inquiry.satisfaction,
        created_at=inquiry.created_at,
    )


async def list_inquiries(
    session: AsyncSession,
    actor: Principal,
    page: PageParams,
    *,
    unit_id: int | None,
    state: InquiryState | None,
) -> tuple[list[InquiryOut], int]:
    """Inquiries in reach, open ones first and soonest due first."""
    units = await units_in_reach(session, actor, unit_id)
    query = select(Inquiry).where(Inquiry.unit_id.in_(units))
    if state == InquiryState.ANSWERED:
        query = query.where(Inquiry.answered_on.is_not(None))
    elif state is not None:
        query = query.where(Inquiry.answered_on.is_(None))
    if state == InquiryState.OVERDUE:
        query = query.where(Inquiry.answer_due_on < today())
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.scalars(
        query.order_by(Inquiry.answered_on.is_not(None), Inquiry.answer_due_on, Inquiry.id)
        .offset(page.offset)
        .limit(page.size)
    )
    return [staff_view(actor, inquiry) for inquiry in rows.all()], total


async def answer(session: AsyncSession, actor: Principal, inquiry: Inquiry, body: AnswerIn) -> None:
    """Answer once; the answer is what the asker reads with the code."""
    _ensure_answerer(actor)
    if inquiry.answered_on is not None:
        raise Conflict("该咨询或留言已答复", code=INQUIRY_ANSWERED)
    if body.answered_on < inquiry.received_on:
        raise InvalidInput("answered_on", f"不能早于收到日期（{inquiry.received_on.isoformat()}）")
    if body.answered_on > today():
        raise InvalidInput("answered_on", "答复日期不能晚于今天")
    inquiry.answered_on = body.answered_on
    inquiry.answer = body.answer
    inquiry.answered_by = actor.username
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=InquiryAction.ANSWERED,
        entity_type="inquiry",
        entity_id=inquiry.id,
        after={
            "answered_on": body.answered_on.isoformat(),
            "on_time": body.answered_on <= inquiry.answer_due_on,
        },
    )


async def with_token(session: AsyncSession, inquiry_id: int, token: str) -> Inquiry:
    """The inquiry, if `token` is its code; the same answer whether the id or the code is wrong."""
    inquiry = await session.get(Inquiry, inquiry_id)
    expected = inquiry.token_hash if inquiry else "0" * 64
    if inquiry is None or not hmac.compare_digest(expected, token_hash(inquiry_id, token)):
        raise NotFound("编号或查询码不正确", code=INQUIRY_NOT_FOUND)
    return inquiry


async def public_view(session: AsyncSession, inquiry: Inquiry) -> PublicInquiry:
    unit = await get_unit(session, inquiry.unit_id)
    kind = InquiryKind(inquiry.kind)
    rated = inquiry.satisfaction
    return PublicInquiry(
        id=inquiry.id,
        unit_name=unit.name,
        kind=kind,
        kind_label=KIND_LABELS[kind],
        subject=inquiry.subject,
        content=inquiry.content,
        received_on=inquiry.received_on,
        answer_due_on=inquiry.answer_due_on,
        answered_on=inquiry.answered_on,
        answer=inquiry.answer,
        satisfaction=rated,
        satisfaction_label=None if rated is None else SATISFACTION_LABELS[Satisfaction(rated)],
    )


async def rate(session: AsyncSession, inquiry_id: int, body: SatisfactionIn) -> Inquiry:
    """The asker rates the answer, once."""
    inquiry = await with_token(session, inquiry_id, body.token)
    if inquiry.answered_on is None:
        raise Conflict("尚未答复，答复后才能评价", code=NOT_ANSWERED)
    if inquiry.satisfaction is not None:
        raise Conflict("已评价", code=ALREADY_RATED)
    inquiry.satisfaction = body.satisfaction
    await session.flush()
    await audit.record(
        session,
        actor="asker",
        action=InquiryAction.RATED,
        entity_type="inquiry",
        entity_id=inquiry.id,
        after={"satisfaction": body.satisfaction.value},
    )
    return inquiry
