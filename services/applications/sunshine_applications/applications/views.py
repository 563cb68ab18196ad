"""What people see of applications: the staff view of one, the applicant's tracking view, and
the handlers' inbox."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Row, case, func, null, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications import clock as statutory
from sunshine_applications.applications.labels import OUTCOME_LABELS, STATUS_LABELS
from sunshine_applications.applications.models import (
    NOT_CLOSED,
    Channel,
    DisclosureApplication,
    Outcome,
    Status,
)
from sunshine_applications.applications.schemas import (
    ApplicationOut,
    ClockOut,
    InboxRow,
    NextAction,
    OpinionOut,
    PublicStatus,
    PublicStep,
)
from sunshine_applications.applications.service import Desk, answer_due, facts, opinions_of
from sunshine_applications.applications.steps import next_steps
from sunshine_applications.personal_data.masking import mask_applicant
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.service import get_unit, units_in_reach


def sees_personal_data(actor: Principal, application: DisclosureApplication) -> bool:
    """Only the application's handler sees the applicant's ID number, phone, e-mail and address
    in full; every other reader sees them masked (the rule: `personal_data.masking`)."""
    return application.handler is not None and actor.username == application.handler


def _outcome_label(application: DisclosureApplication) -> str | None:
    return OUTCOME_LABELS[Outcome(application.outcome)] if application.outcome else None


async def staff_view(desk: Desk) -> ApplicationOut:
    """The application as the caller sees it, with its clock and the steps they may take."""
    session, application = desk.session, desk.application
    unit = await get_unit(session, application.unit_id)
    opinions = await opinions_of(session, application.id)
    known = facts(application, opinions)
    clock = None if known is None else statutory.compute(desk.calendar, known, today())
    full = sees_personal_data(desk.actor, application)
    data: dict[str, Any] = {
        column.key: getattr(application, column.key)
        for column in DisclosureApplication.__table__.columns
    }
    if not full:
        data.update(mask_applicant(data))
    return ApplicationOut.model_validate(
        {
            **data,
            "unit_name": unit.name,
            "outcome_label": _outcome_label(application),
            "clock": None if clock is None else ClockOut(**clock.__dict__),
            "opinions": [
                OpinionOut.model_validate(o, from_attributes=True).model_copy(
                    update={"answer_due_on": answer_due(desk.calendar, o)}
                )
                for o in opinions
            ],
            "masked": not full,
            "next_steps": next_steps(desk.actor, application, opinions, desk.calendar),
        }
    )


async def public_status(session: AsyncSession, application: DisclosureApplication) -> PublicStatus:
    """What anyone with the tracking number and query code sees: the dates that matter to the
    applicant, and the result only once the reply has gone out."""
    unit = await get_unit(session, application.unit_id)
    steps = [PublicStep(at=application.submitted_on, what="提交申请")]
    if application.received_on:
        steps.append(PublicStep(at=application.received_on, what="机关收到申请"))
    if application.supplement_requested_on:
        steps.append(PublicStep(at=application.supplement_requested_on, what="发出补正通知"))
    if application.supplement_received_on:
        steps.append(PublicStep(at=application.supplement_received_on, what="收到补正材料"))
    if application.explanation_requested_on:
        steps.append(
            PublicStep(
                at=application.explanation_requested_on,
                what=f"要求说明理由（{application.explanation_due_on}前）",
            )
        )
    if application.explanation_received_on:
        steps.append(PublicStep(at=application.explanation_received_on, what="收到说明理由"))
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
    return PublicStatus(
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
        outcome_label=_outcome_label(application) if closed else None,
        outcome_explanation=application.outcome_explanation if closed else "",
        replied_on=application.replied_on,
        steps=steps,
    )


# --- the inbox -------------------------------------------------------------------------------

_APPLICATIONS = DisclosureApplication.__table__.c  # plain table columns: no ORM layer per query

# The inbox's order, one rule: what an open application waits for next and the day it is due.
# Online applications awaiting receipt head the list, oldest first: no clock runs until the
# office confirms receipt (条例第三十一条). The others follow by the day their next legal action
# is due: while the applicant is to supplement, explain or pay, the applicant's deadline (after
# it the office closes the application: 其他处理 1, 3 or 2); otherwise the reply's due date.
_WAITING_FOR: dict[Status, tuple[NextAction, Any]] = {
    Status.AWAITING_RECEIPT: (NextAction.CONFIRM_RECEIPT, _APPLICATIONS.submitted_on),
    Status.AWAITING_SUPPLEMENT: (NextAction.SUPPLEMENT, _APPLICATIONS.supplement_due_on),
    Status.AWAITING_EXPLANATION: (NextAction.EXPLANATION, _APPLICATIONS.explanation_due_on),
    Status.AWAITING_FEE: (NextAction.FEE, _APPLICATIONS.fee_due_on),
}
NEXT_ACTION_ON = case(
    *((_APPLICATIONS.status == status, day) for status, (_, day) in _WAITING_FOR.items()),
    (_APPLICATIONS.status == Status.CLOSED, null()),
    else_=_APPLICATIONS.reply_due_on,
)
INBOX_ORDER = (
    case((_APPLICATIONS.status == Status.AWAITING_RECEIPT, 0), else_=1),
    NEXT_ACTION_ON.asc().nulls_last(),
    _APPLICATIONS.id,
)


def next_action(status: Status) -> NextAction:
    """What the application waits for next (the same rule as `NEXT_ACTION_ON`)."""
    if status == Status.CLOSED:
        return NextAction.NONE
    return _WAITING_FOR[status][0] if status in _WAITING_FOR else NextAction.REPLY


def next_action_label(row: Row[*tuple[Any, ...]]) -> str:
    """The next step and its day, in the office's words, as the inbox's 下一步/期限 shows it."""
    status, on = Status(row.status), row.next_action_on
    match next_action(status):
        case NextAction.CONFIRM_RECEIPT:
            return f"确认收到（{row.submitted_on} 提交，确认后起算）"
        case NextAction.SUPPLEMENT:
            return f"等待补正，{on} 前；逾期未补正可按其他处理答复"
        case NextAction.EXPLANATION:
            return f"等待说明理由，{on} 前；逾期视为放弃申请"
        case NextAction.FEE:
            return f"等待缴费，{on} 前；逾期未缴可按其他处理答复"
        case NextAction.NONE:
            return f"已于 {row.replied_on} 答复" if row.replied_on else "已办结"
    if on is None:
        return "答复"
    if status == Status.DECIDED:
        return f"送达答复，{on} 前"
    if status == Status.CONSULTING:
        return f"征求意见中，{on} 前答复"
    if row.handler is None:
        return f"分配经办人，{on} 前答复"
    return f"{on} 前答复"


# What a row of the inbox shows: the columns it needs rather than whole applications, whose
# request texts and personal details the list never displays.
INBOX_COLUMNS = (
    _APPLICATIONS.id,
    _APPLICATIONS.tracking_number,
    _APPLICATIONS.unit_id,
    _APPLICATIONS.applicant_name,
    func.substr(_APPLICATIONS.description, 1, 120).label("description"),
    _APPLICATIONS.channel,
    _APPLICATIONS.status,
    _APPLICATIONS.handler,
    _APPLICATIONS.submitted_on,
    _APPLICATIONS.received_on,
    _APPLICATIONS.replied_on,
    _APPLICATIONS.reply_due_on,
    _APPLICATIONS.due_provisional,
    NEXT_ACTION_ON.label("next_action_on"),
)
_NOT_CLOSED = text(NOT_CLOSED)  # as the partial index ix_disclosure_application_open_due has it
# While these wait for the applicant (or are done), no clock runs and nothing is urgent.
_NOT_COUNTING = (Status.CLOSED, Status.AWAITING_SUPPLEMENT)


def _inbox_row(calendar: WorkingDayCalendar, application: Row[*tuple[Any, ...]]) -> InboxRow:
    """A row with the working days left on today's calendar, from the stored due date."""
    left = None
    urgency = statutory.Urgency.NONE
    provisional = application.due_provisional
    if application.reply_due_on is not None and application.status not in _NOT_COUNTING:
        count = calendar.working_days_between(today(), application.reply_due_on)
        # Only the due date's own year makes it provisional, not today's (as in the clock).
        left = count.days
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
        submitted_on=application.submitted_on,
        received_on=application.received_on,
        reply_due_on=application.reply_due_on,
        working_days_left=left,
        urgency=urgency,
        provisional=provisional,
        next_action=next_action(Status(application.status)),
        next_action_on=application.next_action_on,
        next_action_label=next_action_label(application),
    )


def matching(term: str) -> ColumnElement[bool]:
    """A search of the inbox: the tracking number, exact or its beginning (YSQ2026000…), or
    the applicant's or organisation's name, exact or its beginning (张, 张明). Names are kept in
    plain text (only contact data is encrypted), so they are compared in SQL, on the indexes of
    migration applications_0007."""
    return or_(
        _APPLICATIONS.tracking_number.startswith(term.upper(), autoescape=True),
        _APPLICATIONS.applicant_name.startswith(term, autoescape=True),
        _APPLICATIONS.organisation_name.startswith(term, autoescape=True),
    )


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
    q: str | None = None,
) -> tuple[list[InboxRow], int]:
    """Applications in reach, the next legal action first (`INBOX_ORDER`); urgency filters on
    the stored due date; a search looks at closed applications too."""
    units = await units_in_reach(session, actor, unit_id)
    query = select(*INBOX_COLUMNS).where(_APPLICATIONS.unit_id.in_(units))
    term = (q or "").strip()
    if term:
        query = query.where(matching(term))
    if status is not None:
        query = query.where(_APPLICATIONS.status == status)
    elif not include_closed and not term:
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
        query = query.where(_APPLICATIONS.status.not_in(_NOT_COUNTING))
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.execute(query.order_by(*INBOX_ORDER).offset(page.offset).limit(page.size))
    return [_inbox_row(calendar, row) for row in rows.all()], total


async def awaiting_receipt(session: AsyncSession, actor: Principal, unit_id: int | None) -> int:
    """Online applications in reach the office has not yet confirmed as received (Article 31):
    no clock runs until it does, so the inbox shows how many need it, whatever is filtered."""
    units = await units_in_reach(session, actor, unit_id)
    count = await session.scalar(
        select(func.count()).where(
            _APPLICATIONS.unit_id.in_(units),
            _APPLICATIONS.status == Status.AWAITING_RECEIPT,
        )
    )
    return count or 0
