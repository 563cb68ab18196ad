"""Applications for disclosure: intake, the statutory steps, the decision and the reply."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications import clock as statutory
from sunshine_applications.applications.models import (
    NOT_CLOSED,
    ApplicantType,
    Channel,
    DisclosureApplication,
    OpinionKind,
    OpinionRequest,
    Outcome,
    Remedy,
    Status,
    TrackingSequence,
)
from sunshine_applications.applications.schemas import (
    OUTCOME_LABELS,
    ApplicationIn,
    ApplicationOut,
    ClockOut,
    DecisionIn,
    ExtensionIn,
    FeeNoticeIn,
    InboxRow,
    OpinionIn,
    OpinionOut,
    PublicStatus,
    PublicStep,
    RegisteredApplicationIn,
    RemedyIn,
    RemedyUpdate,
    SupplementRequestIn,
)
from sunshine_applications.proposals import service as proposals  # a cycle: module, not names
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal, Role
from sunshine_kit.errors import Conflict, Forbidden, InvalidInput, NotFound
from sunshine_kit.http import ServiceClient
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.service import ensure_can_act_on, get_unit, units_in_reach
from sunshine_kit.workdays import WorkingDayCalendar, today

HANDLERS = (Role.APPLICATION_HANDLER, Role.OFFICE)
OPEN = (
    Status.AWAITING_RECEIPT,
    Status.IN_PROGRESS,
    Status.AWAITING_SUPPLEMENT,
    Status.CONSULTING,
    Status.AWAITING_FEE,
    Status.DECIDED,
)
STATUS_LABELS = {
    Status.AWAITING_RECEIPT: "已提交，待确认收到",
    Status.IN_PROGRESS: "办理中",
    Status.AWAITING_SUPPLEMENT: "待补正",
    Status.CONSULTING: "征求意见中",
    Status.AWAITING_FEE: "待缴纳信息处理费",
    Status.DECIDED: "答复拟定中",
    Status.CLOSED: "已答复",
}
# Query codes avoid characters people misread (0/O, 1/I/L).
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


# --- identity of an application --------------------------------------------------------------


async def next_tracking_number(session: AsyncSession, year: int) -> str:
    row = await session.scalar(
        select(TrackingSequence).where(TrackingSequence.year == year).with_for_update()
    )
    if row is None:
        row = TrackingSequence(year=year, last=0)
        session.add(row)
    row.last += 1
    await session.flush()
    return f"YSQ{year}{row.last:06d}"


def new_query_code() -> str:
    """The secret an applicant (or asker) keeps to follow their case without an account."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(8))


def query_code_hash(tracking_number: str, code: str) -> str:
    return hashlib.sha256(f"{tracking_number}:{code.strip().upper()}".encode()).hexdigest()


def fingerprint(id_number: str, description: str) -> str:
    """Same applicant, same information: what repeat detection compares."""
    text = _NOT_WORD.sub("", description).lower()
    return hashlib.sha256(f"{id_number.upper()}|{text}".encode()).hexdigest()


def mask_id(number: str) -> str:
    if len(number) <= 6:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_phone(phone: str) -> str:
    digits = phone.replace("-", "")
    if len(digits) < 7:
        return "*" * len(phone)
    return digits[:3] + "****" + digits[-4:]


# --- intake ----------------------------------------------------------------------------------


async def _create(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    body: ApplicationIn,
    *,
    channel: Channel,
    submitted_on: date,
    received_on: date | None,
    actor: Principal | str,
) -> tuple[DisclosureApplication, str]:
    unit = await get_unit(session, body.unit_id)
    if unit.closed:
        raise InvalidInput("unit_id", "该机关已撤销，请向承接其职能的机关申请")
    code = new_query_code()
    number = await next_tracking_number(session, submitted_on.year)
    print_ = fingerprint(body.id_number, body.description)
    earlier = await session.scalar(
        select(DisclosureApplication.id)
        .where(
            DisclosureApplication.unit_id == body.unit_id,
            DisclosureApplication.fingerprint == print_,
        )
        .order_by(DisclosureApplication.id)
        .limit(1)
    )
    application = DisclosureApplication(
        unit_id=unit.id,
        tracking_number=number,
        query_code_hash=query_code_hash(number, code),
        channel=channel,
        submitted_on=submitted_on,
        received_on=received_on,
        status=Status.AWAITING_RECEIPT if received_on is None else Status.IN_PROGRESS,
        fingerprint=print_,
        repeat_of_id=earlier,
        linked_item_ids=[],
        **body.model_dump(include=set(ApplicationIn.model_fields) - {"unit_id"}),
    )
    session.add(application)
    await session.flush()
    await refresh_due(session, calendar, application)
    await audit.record(
        session,
        actor=actor,
        action="application.received" if received_on else "application.submitted",
        entity_type="application",
        entity_id=application.id,
        after={
            "tracking_number": number,
            "channel": channel.value,
            "received_on": _iso(received_on),
        },
    )
    return application, code


async def submit_online(
    session: AsyncSession, calendar: WorkingDayCalendar, body: ApplicationIn
) -> tuple[DisclosureApplication, str]:
    """An applicant applies on the portal; the office confirms receipt (Article 31)."""
    return await _create(
        session,
        calendar,
        body,
        channel=Channel.ONLINE,
        submitted_on=today(),
        received_on=None,
        actor="applicant",
    )


async def register(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    body: RegisteredApplicationIn,
) -> tuple[DisclosureApplication, str]:
    """Staff record a letter, fax, e-mail or visit; the received date follows Article 31."""
    _ensure_handler(actor)
    await ensure_can_act_on(session, actor, body.unit_id)
    received = {
        Channel.IN_PERSON: body.submitted_on,
        Channel.LETTER: body.signed_for_on,
        Channel.FAX: body.confirmed_on,
        Channel.EMAIL: body.confirmed_on,
    }[body.channel]
    return await _create(
        session,
        calendar,
        ApplicationIn.model_validate(body.model_dump(include=set(ApplicationIn.model_fields))),
        channel=body.channel,
        submitted_on=body.submitted_on,
        received_on=received,
        actor=actor,
    )


# --- reading ---------------------------------------------------------------------------------


async def get_application(session: AsyncSession, application_id: int) -> DisclosureApplication:
    application = await session.get(DisclosureApplication, application_id)
    if application is None:
        raise NotFound("申请不存在", code="application_not_found")
    return application


async def for_staff(
    session: AsyncSession, actor: Principal, application_id: int
) -> DisclosureApplication:
    application = await get_application(session, application_id)
    await ensure_can_act_on(session, actor, application.unit_id)
    return application


async def opinions_of(session: AsyncSession, application_id: int) -> Sequence[OpinionRequest]:
    rows = await session.scalars(
        select(OpinionRequest)
        .where(OpinionRequest.application_id == application_id)
        .order_by(OpinionRequest.id)
    )
    return rows.all()


def facts(
    application: DisclosureApplication, opinions: Sequence[OpinionRequest]
) -> statutory.ClockFacts | None:
    if application.received_on is None:
        return None
    pauses = [statutory.Pause(o.asked_on, o.answered_on) for o in opinions]
    if application.fee_notified_on is not None:
        # The days an applicant takes to pay the fee do not count either.
        pauses.append(statutory.Pause(application.fee_notified_on, application.fee_paid_on))
    return statutory.ClockFacts(
        received_on=application.received_on,
        supplement_requested_on=application.supplement_requested_on,
        supplement_received_on=application.supplement_received_on,
        extension_working_days=application.extension_working_days,
        pauses=tuple(pauses),
        closed_on=application.replied_on,
    )


async def clock_of(
    session: AsyncSession, calendar: WorkingDayCalendar, application: DisclosureApplication
) -> statutory.Clock | None:
    known = facts(application, await opinions_of(session, application.id))
    return None if known is None else statutory.compute(calendar, known, today())


async def refresh_due(
    session: AsyncSession, calendar: WorkingDayCalendar, application: DisclosureApplication
) -> statutory.Clock | None:
    """Recompute the clock and keep its due date on the row (the inbox sorts by it)."""
    clock = await clock_of(session, calendar, application)
    application.reply_due_on = clock.reply_due_on if clock else None
    application.due_provisional = clock.provisional if clock else False
    await session.flush()
    return clock


def sees_personal_data(actor: Principal, application: DisclosureApplication) -> bool:
    """Only the handler who works on the application needs the full ID and phone numbers."""
    return application.handler is not None and actor.username == application.handler


async def staff_view(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
) -> ApplicationOut:
    unit = await get_unit(session, application.unit_id)
    opinions = await opinions_of(session, application.id)
    known = facts(application, opinions)
    clock = None if known is None else statutory.compute(calendar, known, today())
    full = sees_personal_data(actor, application)
    data: dict[str, Any] = {c.key: getattr(application, c.key) for c in _columns()}
    if not full:
        data["id_number"] = mask_id(application.id_number)
        data["phone"] = mask_phone(application.phone)
    return ApplicationOut.model_validate(
        {
            **data,
            "unit_name": unit.name,
            "outcome_label": OUTCOME_LABELS[Outcome(application.outcome)]
            if application.outcome
            else None,
            "clock": None if clock is None else ClockOut(**clock.__dict__),
            "opinions": [OpinionOut.model_validate(o, from_attributes=True) for o in opinions],
            "masked": not full,
        }
    )


def _columns() -> Sequence[Any]:
    return list(DisclosureApplication.__table__.columns)


def _urgency(calendar: WorkingDayCalendar, application: Row[*tuple[Any, ...]]) -> InboxRow:
    left = None
    urgency = statutory.Urgency.NONE
    provisional = application.due_provisional
    if application.reply_due_on is not None and application.status not in (
        Status.CLOSED,
        Status.AWAITING_SUPPLEMENT,
    ):
        count = calendar.working_days_between(today(), application.reply_due_on)
        left, provisional = count.days, provisional or count.provisional
        if left < 0:
            urgency = statutory.Urgency.OVERDUE
        elif left <= statutory.DUE_SOON_WORKING_DAYS:
            urgency = statutory.Urgency.DUE_SOON
        else:
            urgency = statutory.Urgency.NORMAL
    return InboxRow(
        id=application.id,
        tracking_number=application.tracking_number,
        unit_id=application.unit_id,
        applicant_name=application.applicant_name,
        description=application.description,
        channel=Channel(application.channel),
        status=Status(application.status),
        handler=application.handler,
        received_on=application.received_on,
        reply_due_on=application.reply_due_on,
        working_days_left=left,
        urgency=urgency,
        provisional=provisional,
    )


# What a row of the inbox shows: the columns it needs rather than whole applications, whose
# request texts and personal details the list never displays.
_APPLICATIONS = DisclosureApplication.__table__.c  # plain table columns: no ORM layer per query
INBOX_COLUMNS = (
    _APPLICATIONS.id,
    _APPLICATIONS.tracking_number,
    _APPLICATIONS.unit_id,
    _APPLICATIONS.applicant_name,
    func.substr(_APPLICATIONS.description, 1, 120).label("description"),
    _APPLICATIONS.channel,
    _APPLICATIONS.status,
    _APPLICATIONS.handler,
    _APPLICATIONS.received_on,
    _APPLICATIONS.reply_due_on,
    _APPLICATIONS.due_provisional,
)
_NOT_CLOSED = text(NOT_CLOSED)  # as the partial index ix_disclosure_application_open_due has it


async def inbox(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    page: PageParams,
    *,
    unit_id: int | None,
    status: Status | None,
    urgency: statutory.Urgency | None,
    mine: bool,
    include_closed: bool,
) -> tuple[list[InboxRow], int]:
    """Applications in reach, soonest due first; urgency filters on the stored due date."""
    units = await units_in_reach(session, actor, unit_id)
    query = select(*INBOX_COLUMNS).where(_APPLICATIONS.unit_id.in_(units))
    if status is not None:
        query = query.where(_APPLICATIONS.status == status)
    elif not include_closed:
        query = query.where(_NOT_CLOSED)
    if mine:
        query = query.where(_APPLICATIONS.handler == actor.username)
    now = today()
    if urgency == statutory.Urgency.OVERDUE:
        query = query.where(_APPLICATIONS.reply_due_on < now)
    elif urgency == statutory.Urgency.DUE_SOON:
        horizon = calendar.add_working_days(now, statutory.DUE_SOON_WORKING_DAYS).date
        query = query.where(
            _APPLICATIONS.reply_due_on >= now,
            _APPLICATIONS.reply_due_on <= horizon,
        )
    if urgency in (statutory.Urgency.OVERDUE, statutory.Urgency.DUE_SOON):
        query = query.where(
            _APPLICATIONS.status.not_in([Status.CLOSED, Status.AWAITING_SUPPLEMENT])
        )
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.execute(
        query.order_by(_APPLICATIONS.reply_due_on.asc().nulls_last(), _APPLICATIONS.id)
        .offset(page.offset)
        .limit(page.size)
    )
    return [_urgency(calendar, row) for row in rows.all()], total


async def track(
    session: AsyncSession, tracking_number: str, code: str
) -> tuple[DisclosureApplication, PublicStatus]:
    """The applicant's view, by tracking number and query code, with no account."""
    application = await session.scalar(
        select(DisclosureApplication).where(
            DisclosureApplication.tracking_number == tracking_number.strip().upper()
        )
    )
    expected = application.query_code_hash if application else "0" * 64
    given = query_code_hash(tracking_number.strip().upper(), code)
    if application is None or not hmac.compare_digest(expected, given):
        raise NotFound("申请编号或查询码不正确", code="application_not_found")
    unit = await get_unit(session, application.unit_id)
    steps = [PublicStep(at=application.submitted_on, what="提交申请")]
    if application.received_on:
        steps.append(PublicStep(at=application.received_on, what="机关收到申请"))
    if application.supplement_requested_on:
        steps.append(PublicStep(at=application.supplement_requested_on, what="发出补正通知"))
    if application.supplement_received_on:
        steps.append(PublicStep(at=application.supplement_received_on, what="收到补正材料"))
    if application.extension_notified_on:
        steps.append(
            PublicStep(
                at=application.extension_notified_on,
                what=f"延长答复期限{application.extension_working_days}个工作日",
            )
        )
    if application.fee_notified_on:
        steps.append(PublicStep(at=application.fee_notified_on, what="发出收费通知"))
    if application.replied_on:
        steps.append(PublicStep(at=application.replied_on, what="作出答复"))
    status = Status(application.status)
    closed = status == Status.CLOSED
    return application, PublicStatus(
        tracking_number=application.tracking_number,
        unit_name=unit.name,
        applicant_name=application.applicant_name,
        description=application.description,
        status=status,
        status_label=STATUS_LABELS[status],
        received_on=application.received_on,
        reply_due_on=application.reply_due_on,
        due_provisional=application.due_provisional,
        supplement_request=application.supplement_request,
        supplement_due_on=application.supplement_due_on,
        outcome_label=OUTCOME_LABELS[Outcome(application.outcome)]
        if closed and application.outcome
        else None,
        outcome_explanation=application.outcome_explanation if closed else "",
        replied_on=application.replied_on,
        steps=steps,
    )


# --- the steps -------------------------------------------------------------------------------


def _ensure_handler(actor: Principal) -> None:
    if not actor.has_any(*HANDLERS):
        raise Forbidden("只有依申请公开经办人或政务公开办可以办理申请", code="role_forbidden")


async def _step(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    action: str,
    details: dict[str, Any],
) -> None:
    await refresh_due(session, calendar, application)
    await audit.record(
        session,
        actor=actor,
        action=action,
        entity_type="application",
        entity_id=application.id,
        after={"status": application.status, **details},
    )


def _ensure_open(application: DisclosureApplication) -> None:
    if application.status == Status.CLOSED:
        raise Conflict("申请已办结", code="application_closed")


def _ensure_received(application: DisclosureApplication) -> None:
    if application.received_on is None:
        raise Conflict("请先确认收到申请", code="not_received")


def _not_before(field: str, value: date, earliest: date | None, what: str) -> None:
    if earliest is not None and value < earliest:
        raise InvalidInput(field, f"不能早于{what}（{earliest.isoformat()}）")


async def confirm_receipt(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    received_on: date,
) -> None:
    _ensure_handler(actor)
    if application.status != Status.AWAITING_RECEIPT:
        raise Conflict("该申请已确认收到", code="already_received")
    _not_before("received_on", received_on, application.submitted_on, "提交日期")
    application.received_on = received_on
    application.status = Status.IN_PROGRESS
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.received",
        {"received_on": _iso(received_on)},
    )


async def assign(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    handler: str,
) -> None:
    _ensure_handler(actor)
    _ensure_open(application)
    application.handler = handler
    await _step(session, calendar, actor, application, "application.assigned", {"handler": handler})


async def request_supplement(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    body: SupplementRequestIn,
) -> None:
    """补正通知: once, listing everything needed; the reply clock stops until it comes."""
    _ensure_handler(actor)
    _ensure_open(application)
    _ensure_received(application)
    if application.supplement_requested_on is not None:
        raise Conflict("补正通知只能发出一次", code="supplement_already_requested")
    _not_before("requested_on", body.requested_on, application.received_on, "收到申请日期")
    _not_before("due_on", body.due_on, body.requested_on, "通知日期")
    application.supplement_requested_on = body.requested_on
    application.supplement_request = body.request
    application.supplement_due_on = body.due_on
    application.status = Status.AWAITING_SUPPLEMENT
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.supplement_requested",
        {"requested_on": _iso(body.requested_on), "due_on": _iso(body.due_on)},
    )


async def receive_supplement(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    received_on: date,
) -> None:
    _ensure_handler(actor)
    if application.status != Status.AWAITING_SUPPLEMENT:
        raise Conflict("该申请不在待补正状态", code="not_awaiting_supplement")
    _not_before("received_on", received_on, application.supplement_requested_on, "补正通知日期")
    application.supplement_received_on = received_on
    application.status = Status.IN_PROGRESS
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.supplement_received",
        {"received_on": _iso(received_on)},
    )


async def ask_opinion(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    body: OpinionIn,
) -> OpinionRequest:
    """征求意见: the clock is suspended while the third party or agency answers."""
    _ensure_handler(actor)
    _ensure_open(application)
    _ensure_received(application)
    if application.status == Status.AWAITING_SUPPLEMENT:
        raise Conflict("待补正期间不计时，请收到补正后再征求意见", code="awaiting_supplement")
    _not_before("asked_on", body.asked_on, application.received_on, "收到申请日期")
    answer_due = None
    if body.kind == OpinionKind.THIRD_PARTY:
        answer_due, _ = statutory.third_party_answer_due(calendar, body.asked_on)
    opinion = OpinionRequest(
        application_id=application.id,
        kind=body.kind,
        party=body.party,
        asked_on=body.asked_on,
        answer_due_on=answer_due,
    )
    session.add(opinion)
    application.status = Status.CONSULTING
    await session.flush()
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.opinion_asked",
        {"kind": body.kind.value, "party": body.party, "asked_on": _iso(body.asked_on)},
    )
    return opinion


async def record_opinion(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    opinion_id: int,
    answered_on: date,
    answer: str,
) -> None:
    _ensure_handler(actor)
    opinion = await session.get(OpinionRequest, opinion_id)
    if opinion is None or opinion.application_id != application.id:
        raise NotFound("征求意见记录不存在", code="opinion_not_found")
    if opinion.answered_on is not None:
        raise Conflict("已记录该意见", code="opinion_answered")
    _not_before("answered_on", answered_on, opinion.asked_on, "征求意见日期")
    opinion.answered_on = answered_on
    opinion.answer = answer
    await session.flush()
    still_open = any(o.answered_on is None for o in await opinions_of(session, application.id))
    if not still_open and application.status == Status.CONSULTING:
        application.status = Status.IN_PROGRESS
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.opinion_answered",
        {"opinion_id": opinion_id, "answered_on": _iso(answered_on)},
    )


async def extend(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    body: ExtensionIn,
) -> None:
    """One extension of at most 20 working days, approved by the head and notified."""
    _ensure_handler(actor)
    _ensure_open(application)
    _ensure_received(application)
    if application.extension_working_days:
        raise Conflict("答复期限只能延长一次", code="already_extended")
    current = await clock_of(session, calendar, application)
    if current is not None and current.reply_due_on and body.notified_on > current.reply_due_on:
        raise InvalidInput("notified_on", "延期须在原答复期限届满前告知申请人")
    application.extension_working_days = body.working_days
    application.extension_approved_by = body.approved_by
    application.extension_reason = body.reason
    application.extension_notified_on = body.notified_on
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.extended",
        {"working_days": body.working_days, "approved_by": body.approved_by},
    )


async def notify_fee(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    body: FeeNoticeIn,
) -> None:
    """信息处理费: only for clearly unreasonable quantity or frequency; the days until payment
    do not count towards the reply."""
    _ensure_handler(actor)
    _ensure_open(application)
    _ensure_received(application)
    if application.fee_notified_on is not None:
        raise Conflict("已发出收费通知", code="fee_already_notified")
    _not_before("due_on", body.due_on, body.notified_on, "通知日期")
    application.fee_fen = body.fee_fen
    application.fee_notified_on = body.notified_on
    application.fee_due_on = body.due_on
    application.status = Status.AWAITING_FEE
    await _step(
        session, calendar, actor, application, "application.fee_notified", {"fee_fen": body.fee_fen}
    )


async def fee_paid(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    paid_on: date,
) -> None:
    _ensure_handler(actor)
    if application.status != Status.AWAITING_FEE:
        raise Conflict("该申请不在待缴费状态", code="not_awaiting_fee")
    _not_before("paid_on", paid_on, application.fee_notified_on, "收费通知日期")
    application.fee_paid_on = paid_on
    application.status = Status.IN_PROGRESS
    await _step(
        session, calendar, actor, application, "application.fee_paid", {"paid_on": _iso(paid_on)}
    )


async def decide(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    services: ServiceClient,
    actor: Principal,
    application: DisclosureApplication,
    body: DecisionIn,
) -> None:
    """The result, in the annual report's taxonomy, with reasons and legal basis."""
    _ensure_handler(actor)
    _ensure_open(application)
    _ensure_received(application)
    now = today()
    reason = (body.outcome, body.outcome_reason)
    if reason == (Outcome.OTHER, 1):
        overdue = (
            application.supplement_due_on is not None
            and application.supplement_received_on is None
            and application.supplement_due_on < now
        )
        if not overdue:
            raise InvalidInput(
                "outcome_reason", "只有补正期限届满仍未补正的申请才能按逾期不补正处理"
            )
    elif reason == (Outcome.OTHER, 2):
        lapsed = (
            application.fee_due_on is not None
            and application.fee_paid_on is None
            and application.fee_due_on < now
        )
        if not lapsed:
            raise InvalidInput(
                "outcome_reason", "只有缴费期限届满仍未缴费的申请才能按逾期未缴费处理"
            )
    elif application.status in (Status.AWAITING_SUPPLEMENT, Status.AWAITING_FEE):
        raise Conflict("申请尚待补正或缴费，不能作出该答复", code="not_ready")
    elif application.status == Status.CONSULTING:
        raise Conflict("征求意见尚未结束", code="consulting")
    for index, item_id in enumerate(body.linked_item_ids):
        await _ensure_published_item(services, item_id, f"linked_item_ids.{index}")
    application.outcome = body.outcome
    application.outcome_reason = body.outcome_reason
    application.outcome_explanation = body.explanation
    application.legal_basis = body.legal_basis
    application.linked_item_ids = list(body.linked_item_ids)
    application.decided_by = actor.username
    application.status = Status.DECIDED
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.decided",
        {"outcome": body.outcome.value, "outcome_reason": body.outcome_reason},
    )
    # Article 44: several applicants asked for this and it was disclosed → propose it to the
    # catalogue for proactive disclosure (see proposals.service).
    await proposals.propose_if_asked_often(session, application)


async def _ensure_published_item(services: ServiceClient, item_id: int, field: str) -> None:
    """A reply pointing to the catalogue must point to an item the public can open."""
    try:
        item = await services.get_json("catalog", f"/items/{item_id}")
    except NotFound:
        item = None
    if item is None or item.get("status") != "published":
        raise InvalidInput(field, f"公开目录中没有已发布的信息 {item_id}")


async def reply(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    application: DisclosureApplication,
    replied_on: date,
) -> None:
    _ensure_handler(actor)
    if application.status != Status.DECIDED:
        raise Conflict("请先拟定答复结果", code="not_decided")
    _not_before("replied_on", replied_on, application.received_on, "收到申请日期")
    application.replied_on = replied_on
    application.status = Status.CLOSED
    await _step(
        session,
        calendar,
        actor,
        application,
        "application.replied",
        {"replied_on": _iso(replied_on)},
    )


# --- remedies --------------------------------------------------------------------------------


async def add_remedy(
    session: AsyncSession, actor: Principal, application: DisclosureApplication, body: RemedyIn
) -> Remedy:
    """行政复议 / 行政诉讼 against how the application was handled (table 四)."""
    _ensure_handler(actor)
    remedy = Remedy(
        application_id=application.id,
        unit_id=application.unit_id,
        kind=body.kind,
        filed_on=body.filed_on,
        result=body.result,
        decided_on=body.decided_on,
        note=body.note,
    )
    session.add(remedy)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="application.remedy_added",
        entity_type="application",
        entity_id=application.id,
        after={"remedy_id": remedy.id, "kind": body.kind.value, "result": body.result.value},
    )
    return remedy


async def update_remedy(
    session: AsyncSession, actor: Principal, remedy_id: int, body: RemedyUpdate
) -> Remedy:
    _ensure_handler(actor)
    remedy = await session.get(Remedy, remedy_id)
    if remedy is None:
        raise NotFound("复议或诉讼记录不存在", code="remedy_not_found")
    await ensure_can_act_on(session, actor, remedy.unit_id)
    before = {"result": remedy.result}
    remedy.result = body.result
    remedy.decided_on = body.decided_on
    if body.note is not None:
        remedy.note = body.note
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="application.remedy_updated",
        entity_type="application",
        entity_id=remedy.application_id,
        before=before,
        after={"remedy_id": remedy.id, "result": body.result.value},
    )
    return remedy


async def remedies_of(session: AsyncSession, application_id: int) -> Sequence[Remedy]:
    rows = await session.scalars(
        select(Remedy).where(Remedy.application_id == application_id).order_by(Remedy.id)
    )
    return rows.all()


# --- keeping due dates current ---------------------------------------------------------------


async def recompute_open(session: AsyncSession, calendar: WorkingDayCalendar) -> int:
    """Recompute every open application's due date (after a year's arrangement is loaded)."""
    applications = (
        await session.scalars(
            select(DisclosureApplication).where(
                DisclosureApplication.status.in_([s.value for s in OPEN]),
                DisclosureApplication.received_on.is_not(None),
            )
        )
    ).all()
    by_application: dict[int, list[OpinionRequest]] = {}
    opinions = await session.scalars(
        select(OpinionRequest).where(
            OpinionRequest.application_id.in_(
                select(DisclosureApplication.id).where(
                    DisclosureApplication.status.in_([s.value for s in OPEN])
                )
            )
        )
    )
    for opinion in opinions.all():
        by_application.setdefault(opinion.application_id, []).append(opinion)
    now, changed = today(), 0
    for application in applications:
        known = facts(application, by_application.get(application.id, []))
        if known is None:
            continue
        clock = statutory.compute(calendar, known, now)
        if (clock.reply_due_on, clock.provisional) != (
            application.reply_due_on,
            application.due_provisional,
        ):
            application.reply_due_on = clock.reply_due_on
            application.due_provisional = clock.provisional
            changed += 1
    await session.flush()
    return changed


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def applicant_column(application: DisclosureApplication) -> str:
    """The column of table 三 the application counts in."""
    if application.applicant_type == ApplicantType.NATURAL_PERSON:
        return "natural_person"
    return application.organisation_kind or "other"
