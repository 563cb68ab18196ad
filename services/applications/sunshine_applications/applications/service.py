"""Applications for disclosure (依申请公开): intake, loading one for staff or for its applicant,
and the statutory clock kept on each row. The steps are in `steps`, what people see in `views`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications import clock as statutory
from sunshine_applications.applications.identity import (
    fingerprint,
    fingerprints,
    next_tracking_number,
)
from sunshine_applications.applications.models import (
    Channel,
    DisclosureApplication,
    HistoryAction,
    OpinionRequest,
    Status,
)
from sunshine_applications.applications.schemas import ApplicationIn, RegisteredApplicationIn
from sunshine_applications.errors import APPLICATION_NOT_FOUND
from sunshine_kit import query_codes
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.errors import ROLE_FORBIDDEN, Forbidden, InvalidInput, NotFound
from sunshine_kit.roles import Can
from sunshine_kit.units.models import UnitType
from sunshine_kit.units.service import ensure_can_act_on, get_unit

OPEN = (
    Status.AWAITING_RECEIPT,
    Status.IN_PROGRESS,
    Status.AWAITING_SUPPLEMENT,
    Status.AWAITING_EXPLANATION,
    Status.CONSULTING,
    Status.AWAITING_FEE,
    Status.DECIDED,
)


@dataclass(frozen=True)
class Desk:
    """An application a staff member has open: who they are, with which session and calendar
    it is read or handled. Reaching one (`for_staff`) has already checked their unit's scope."""

    session: AsyncSession
    calendar: WorkingDayCalendar
    actor: Principal
    application: DisclosureApplication


def handler_refusal(actor: Principal) -> Forbidden | None:
    """Why `actor` may not handle applications, or None: registering and every step belong to
    the handlers' role group (依申请公开经办人、政务公开办)."""
    if actor.can(Can.HANDLE_APPLICATIONS):
        return None
    return Forbidden("只有依申请公开经办人或政务公开办可以办理申请", code=ROLE_FORBIDDEN)


# --- intake ----------------------------------------------------------------------------------


async def ensure_may_register(
    session: AsyncSession, actor: Principal, body: RegisteredApplicationIn
) -> None:
    """Who may register an application for which unit. A handler, for the units in reach. A
    window of the 政务服务中心 receives applications handed in at the hall on behalf of every
    unit of the region (一窗受理), so for any unit, but only in person (当面提交): a letter, fax
    or e-mail reaches the unit itself. The window sees the receipt and nothing else."""
    if actor.can(Can.HANDLE_APPLICATIONS):
        await ensure_can_act_on(session, actor, body.unit_id)
    elif not actor.can(Can.REGISTER_APPLICATIONS):
        raise Forbidden(
            "只有依申请公开经办人、政务公开办或政务服务中心窗口可以登记申请", code=ROLE_FORBIDDEN
        )
    elif body.channel != Channel.IN_PERSON:
        raise InvalidInput("channel", "政务服务中心窗口只登记当面提交的申请", code="in_person_only")


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
    # Residents' and villagers' committees are self-governing bodies, not administrative organs
    # the Regulations bind (第二条, 第十条); the street or township above them answers.
    if unit.type in (UnitType.COMMUNITY, UnitType.VILLAGE):
        raise InvalidInput(
            "unit_id", "社区、村民委员会不是行政机关，请向所属街道办事处或乡镇人民政府提出申请"
        )
    code = query_codes.new_code()
    number = await next_tracking_number(session, submitted_on.year)
    earlier = await session.scalar(
        select(DisclosureApplication.id)
        .where(
            DisclosureApplication.unit_id == body.unit_id,
            DisclosureApplication.fingerprint.in_(fingerprints(body.id_number, body.description)),
        )
        .order_by(DisclosureApplication.id)
        .limit(1)
    )
    application = DisclosureApplication(
        unit_id=unit.id,
        tracking_number=number,
        query_code_hash=query_codes.code_hash(number, code),
        channel=channel,
        submitted_on=submitted_on,
        received_on=received_on,
        status=Status.AWAITING_RECEIPT if received_on is None else Status.IN_PROGRESS,
        fingerprint=fingerprint(body.id_number, body.description),
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
        action=HistoryAction.RECEIVED if received_on else HistoryAction.SUBMITTED,
        entity_type="application",
        entity_id=application.id,
        after={
            "tracking_number": number,
            "channel": channel.value,
            "received_on": None if received_on is None else received_on.isoformat(),
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
    await ensure_may_register(session, actor, body)
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


# --- loading ---------------------------------------------------------------------------------


async def get_application(session: AsyncSession, application_id: int) -> DisclosureApplication:
    application = await session.get(DisclosureApplication, application_id)
    if application is None:
        raise NotFound("申请不存在", code=APPLICATION_NOT_FOUND)
    return application


async def for_staff(
    session: AsyncSession, actor: Principal, application_id: int
) -> DisclosureApplication:
    """The application, if it belongs to a unit the caller's scope reaches (404, 403)."""
    application = await get_application(session, application_id)
    await ensure_can_act_on(session, actor, application.unit_id)
    return application


async def for_applicant(
    session: AsyncSession, tracking_number: str, code: str
) -> DisclosureApplication:
    """The application of a tracking number and its query code, for whoever holds both; the
    same answer whether the number or the code is wrong, in the same time."""
    number = tracking_number.strip().upper()
    application = await session.scalar(
        select(DisclosureApplication).where(DisclosureApplication.tracking_number == number)
    )
    expected = application.query_code_hash if application else "0" * 64
    if application is None or not query_codes.code_matches(number, code, expected):
        raise NotFound("申请编号或查询码不正确", code=APPLICATION_NOT_FOUND)
    return application


async def opinions_of(session: AsyncSession, application_id: int) -> Sequence[OpinionRequest]:
    rows = await session.scalars(
        select(OpinionRequest)
        .where(OpinionRequest.application_id == application_id)
        .order_by(OpinionRequest.id)
    )
    return rows.all()


# --- the statutory clock ---------------------------------------------------------------------


def facts(
    application: DisclosureApplication, opinions: Sequence[OpinionRequest]
) -> statutory.ClockFacts | None:
    """What the clock counts from, as recorded; None until the application is received."""
    if application.received_on is None:
        return None
    pauses = [statutory.Pause(o.asked_on, o.answered_on, o.letter_received_on) for o in opinions]
    if application.fee_notified_on is not None:
        # The days an applicant takes to pay the fee do not count either.
        pauses.append(statutory.Pause(application.fee_notified_on, application.fee_paid_on))
    return statutory.ClockFacts(
        received_on=application.received_on,
        supplement_requested_on=application.supplement_requested_on,
        supplement_received_on=application.supplement_received_on,
        extension_working_days=application.extension_working_days,
        pauses=tuple(pauses),
        explanation=statutory.explanation_pause(
            application.explanation_requested_on,
            application.explanation_due_on,
            application.explanation_received_on,
        ),
        later_reply_on=application.later_reply_on,
        closed_on=application.replied_on,
    )


def open_status(application: DisclosureApplication, opinions: Sequence[OpinionRequest]) -> Status:
    """Where an open application stands after a step, from what is recorded rather than from
    the step last taken: several waits may be open at once (a fee and a consultation), and each
    step's precondition looks at its own facts. The status names the first the applicant or the
    office is waiting for: a supplement, an explanation, the fee, then a consultation."""
    if application.received_on is None:
        return Status.AWAITING_RECEIPT
    if application.supplement_requested_on and not application.supplement_received_on:
        return Status.AWAITING_SUPPLEMENT
    if application.explanation_requested_on and not application.explanation_received_on:
        return Status.AWAITING_EXPLANATION
    if application.fee_notified_on and not application.fee_paid_on:
        return Status.AWAITING_FEE
    if any(o.answered_on is None for o in opinions):
        return Status.CONSULTING
    return Status.IN_PROGRESS


def answer_due(calendar: WorkingDayCalendar, opinion: OpinionRequest) -> date:
    """The day the consulted party's 15 working days end, on the calendar as now loaded."""
    return statutory.consulted_answer_due(calendar, opinion.letter_received_on)[0]


async def clock_of(
    session: AsyncSession, calendar: WorkingDayCalendar, application: DisclosureApplication
) -> statutory.Clock | None:
    known = facts(application, await opinions_of(session, application.id))
    return None if known is None else statutory.compute(calendar, known, today())


async def refresh_due(
    session: AsyncSession, calendar: WorkingDayCalendar, application: DisclosureApplication
) -> statutory.Clock | None:
    """Recompute the clock and keep its due date on the row (the inbox sorts by it)."""
    known = facts(application, await opinions_of(session, application.id))
    clock = None if known is None else statutory.kept(calendar, known, today())
    application.reply_due_on = clock.reply_due_on if clock else None
    application.due_provisional = clock.provisional if clock else False
    await session.flush()
    return clock


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
        opinion.answer_due_on = answer_due(calendar, opinion)
    now, changed = today(), 0
    for application in applications:
        known = facts(application, by_application.get(application.id, []))
        if known is None:
            continue
        clock = statutory.kept(calendar, known, now)
        if (clock.reply_due_on, clock.provisional) != (
            application.reply_due_on,
            application.due_provisional,
        ):
            application.reply_due_on = clock.reply_due_on
            application.due_provisional = clock.provisional
            changed += 1
    await session.flush()
    return changed
