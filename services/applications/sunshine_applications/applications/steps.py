"""The steps of handling an application (条例第三十条至第三十三条), and which may be taken now.

Every step's preconditions are written once, in `PRECONDITIONS`: a step refuses with the first
that fails (403 for the caller's role, 409 for where the application stands, as each says), and
the staff view's `next_steps` lists the steps none of whose preconditions fail, so the console
never offers a step the service would refuse. The caller's unit scope is settled before, when
the application is loaded for them (`service.for_staff`). What a step is given (its dates, the
catalogue items a reply links) is checked in the step itself: that is about the input, not the
state. A step bounded in time (a supplement notice, a fee notice, a request to explain) is
judged on the day it is dated, and `next_steps` judges it on today: a step the law no longer
allows today is not offered, though one dated on a day it was allowed may still be recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sunshine_applications.applications import clock as statutory
from sunshine_applications.applications import service
from sunshine_applications.applications.models import (
    ApplicationStep,
    DisclosureApplication,
    HistoryAction,
    OpinionRequest,
    Outcome,
    Status,
)
from sunshine_applications.applications.schemas import (
    DecisionIn,
    ExplanationReceivedIn,
    ExplanationRequestIn,
    ExtensionIn,
    FeeNoticeIn,
    OpinionIn,
    SupplementRequestIn,
)
from sunshine_applications.applications.service import Desk
from sunshine_applications.errors import (
    ALREADY_EXTENDED,
    ALREADY_RECEIVED,
    APPLICATION_CLOSED,
    AWAITING_SUPPLEMENT,
    CONSULTING,
    EXPLANATION_ALREADY_REQUESTED,
    EXPLANATION_LAPSED,
    FEE_ALREADY_NOTIFIED,
    NOT_AWAITING_EXPLANATION,
    NOT_AWAITING_FEE,
    NOT_AWAITING_SUPPLEMENT,
    NOT_DECIDED,
    NOT_READY,
    NOT_RECEIVED,
    OPINION_ANSWERED,
    OPINION_NOT_FOUND,
    REPLY_PERIOD_OVER,
    SUPPLEMENT_ALREADY_REQUESTED,
    SUPPLEMENT_NOTICE_LATE,
)
from sunshine_applications.proposals.service import propose_if_asked_often
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.errors import AppError, Conflict, InvalidInput, NotFound
from sunshine_kit.http import ServiceClient

# 不予处理 4 (无正当理由大量、频繁申请), the row of table 三 for Article 35's unreasonable request.
UNREASONABLE_REQUEST = 4


class Decision(Enum):
    """The kinds of decision whose preconditions differ."""

    ORDINARY = "ordinary"
    SUPPLEMENT_LAPSED = "supplement_lapsed"  # 其他处理 1: 逾期不补正
    FEE_LAPSED = "fee_lapsed"  # 其他处理 2: 逾期未缴纳信息处理费
    # 其他处理 3 (其他): also an applicant who did not explain by the day (Article 35, clock.py).
    OTHER = "other"

    @classmethod
    def of(cls, outcome: Outcome, reason: int | None) -> Decision:
        if (outcome, reason) == (Outcome.OTHER, 1):
            return cls.SUPPLEMENT_LAPSED
        if (outcome, reason) == (Outcome.OTHER, 2):
            return cls.FEE_LAPSED
        if (outcome, reason) == (Outcome.OTHER, 3):
            return cls.OTHER
        return cls.ORDINARY


@dataclass(frozen=True)
class Standing:
    """Where an application stands, for one caller on one day: what preconditions look at.

    `opinion` and `decision` name the opinion to answer and the kind of decision when a step is
    asked for; left empty, the question is whether there is any (for `next_steps`). `dated` is
    the day a step bounded in time is dated (a notice's date); left empty, today.
    """

    actor: Principal
    application: DisclosureApplication
    opinions: Sequence[OpinionRequest]
    today: date
    calendar: WorkingDayCalendar
    opinion: OpinionRequest | None = None
    decision: Decision | None = None
    dated: date | None = None

    @property
    def on(self) -> date:
        """The day a step bounded in time is judged on."""
        return self.dated or self.today

    def clock(self) -> statutory.Clock | None:
        """The application's clock today, as the staff view shows it."""
        known = service.facts(self.application, self.opinions)
        return None if known is None else statutory.compute(self.calendar, known, self.today)


Precondition = Callable[[Standing], AppError | None]


def _unless(holds: bool, message: str, code: str) -> AppError | None:
    """The conflict (409) to answer when a precondition does not hold."""
    return None if holds else Conflict(message, code=code)


def _handler(s: Standing) -> AppError | None:
    return service.handler_refusal(s.actor)


def _open(s: Standing) -> AppError | None:
    return _unless(s.application.status != Status.CLOSED, "申请已办结", APPLICATION_CLOSED)


def _received(s: Standing) -> AppError | None:
    return _unless(s.application.received_on is not None, "请先确认收到申请", NOT_RECEIVED)


def _awaiting_receipt(s: Standing) -> AppError | None:
    awaiting = s.application.status == Status.AWAITING_RECEIPT
    return _unless(awaiting, "该申请已确认收到", ALREADY_RECEIVED)


def _supplement_notice_in_time(s: Standing) -> AppError | None:
    """Article 30: the supplement notice goes out within 7 working days of receipt. After that
    it is refused, not recorded as late: the Regulations give the office no second chance to
    stop the clock, so it must decide on the application as it stands (无法提供 3 if it is still
    unclear), and a late notice recorded here would stop a clock that kept running. Checked on
    the notice's date (today for `next_steps`), so that a notice sent in time may still be
    recorded."""
    if s.application.received_on is None:
        return None
    last, _ = statutory.supplement_notice_due(s.calendar, s.application.received_on)
    message = f"补正通知须在收到申请之日起7个工作日内发出（最迟{last.isoformat()}），已逾期"
    return _unless(s.on <= last, message, SUPPLEMENT_NOTICE_LATE)


def _supplement_not_requested(s: Standing) -> AppError | None:
    """Article 30: one supplement notice, listing everything needed."""
    requested = s.application.supplement_requested_on is not None
    return _unless(not requested, "补正通知只能发出一次", SUPPLEMENT_ALREADY_REQUESTED)


def _supplement_awaited(application: DisclosureApplication) -> bool:
    requested = application.supplement_requested_on is not None
    return requested and application.supplement_received_on is None


def _awaiting_supplement(s: Standing) -> AppError | None:
    awaiting = s.application.status != Status.CLOSED and _supplement_awaited(s.application)
    return _unless(awaiting, "该申请不在待补正状态", NOT_AWAITING_SUPPLEMENT)


def _not_awaiting_supplement(s: Standing) -> AppError | None:
    awaiting = _supplement_awaited(s.application)
    return _unless(not awaiting, "待补正期间不计时，请收到补正后再办理", AWAITING_SUPPLEMENT)


def _explanation_awaited(application: DisclosureApplication) -> bool:
    requested = application.explanation_requested_on is not None
    return requested and application.explanation_received_on is None


def _explanation_not_requested(s: Standing) -> AppError | None:
    """Article 35: the applicant is asked once to explain the request."""
    requested = s.application.explanation_requested_on is not None
    return _unless(not requested, "已要求申请人说明理由", EXPLANATION_ALREADY_REQUESTED)


def _within_reply_period(s: Standing, what: str) -> AppError | None:
    """A step that stops or moves the clock (a fee notice, Article 42; a request to explain,
    Article 35; an extension, Article 33) is taken within the reply period, not after the reply
    was due: it would otherwise hide an overdue reply. Judged on the step's date (today for
    `next_steps`)."""
    clock = s.clock()
    due = None if clock is None else clock.reply_due_on
    message = f"{what}须在答复期限（{due}）内发出"
    return _unless(due is None or s.on <= due, message, REPLY_PERIOD_OVER)


def _fee_notice_in_time(s: Standing) -> AppError | None:
    return _within_reply_period(s, "收费通知")


def _extension_in_time(s: Standing) -> AppError | None:
    """Article 33: the applicant is told of an extension before the reply was due."""
    return _within_reply_period(s, "延期告知")


def _explanation_request_in_time(s: Standing) -> AppError | None:
    return _within_reply_period(s, "说明理由通知")


def _awaiting_explanation(s: Standing) -> AppError | None:
    """The explanation is recorded while it is awaited, on or before the day the notice named:
    after that the applicant is taken to have given the request up (clock.py)."""
    application = s.application
    awaiting = application.status != Status.CLOSED and _explanation_awaited(application)
    if (refused := _unless(awaiting, "未要求申请人说明理由", NOT_AWAITING_EXPLANATION)) is not None:
        return refused
    due = application.explanation_due_on
    message = f"申请人未在{due}前说明理由，视为放弃申请，可按“其他处理”答复"
    return _unless(due is None or s.on <= due, message, EXPLANATION_LAPSED)


def _opinion_open(s: Standing) -> AppError | None:
    asked = [s.opinion] if s.opinion is not None else s.opinions
    open_ = any(opinion.answered_on is None for opinion in asked)
    return _unless(open_, "已记录该意见", OPINION_ANSWERED)


def _not_extended(s: Standing) -> AppError | None:
    """Article 33: one extension."""
    extended = bool(s.application.extension_working_days)
    return _unless(not extended, "答复期限只能延长一次", ALREADY_EXTENDED)


def _fee_not_notified(s: Standing) -> AppError | None:
    notified = s.application.fee_notified_on is not None
    return _unless(not notified, "已发出收费通知", FEE_ALREADY_NOTIFIED)


def _fee_awaited(application: DisclosureApplication) -> bool:
    return application.fee_notified_on is not None and application.fee_paid_on is None


def _awaiting_fee(s: Standing) -> AppError | None:
    """A fee notified and not paid, whatever else is open (a consultation): the payment is
    recorded. Not once decided (其他处理 2 after the fee lapsed) or closed."""
    application = s.application
    awaiting = application.status not in (Status.DECIDED, Status.CLOSED)
    awaiting &= _fee_awaited(application)
    return _unless(awaiting, "该申请不在待缴费状态", NOT_AWAITING_FEE)


def _lapsed(due_on: date | None, done_on: date | None, today: date) -> bool:
    """The applicant's time (to supplement, to pay) ran out with nothing done."""
    return due_on is not None and done_on is None and due_on < today


def _fee_lapsed(s: Standing) -> bool:
    """Article 42: a fee not paid within 20 working days of the notice lapses."""
    notified, paid = s.application.fee_notified_on, s.application.fee_paid_on
    if notified is None or paid is not None:
        return False
    last = s.calendar.add_working_days(notified, statutory.FEE_PAYMENT_WORKING_DAYS).date
    return last < s.today


def _consultations_over(s: Standing) -> bool:
    """Every consultation answered, or past its 15 working days unanswered: then the office
    decides (Article 32) and another agency's silence is consent (Article 34)."""
    return all(
        o.answered_on is not None or service.answer_due(s.calendar, o) < s.today for o in s.opinions
    )


def _decision_refusal(s: Standing, kind: Decision) -> AppError | None:
    application = s.application
    if kind == Decision.SUPPLEMENT_LAPSED:
        if _lapsed(application.supplement_due_on, application.supplement_received_on, s.today):
            return None
        reason = "只有补正期限届满仍未补正的申请才能按逾期不补正处理"
        return InvalidInput("outcome_reason", reason)
    if kind == Decision.FEE_LAPSED:
        if _fee_lapsed(s):
            return None
        reason = "只有收费通知之日起20个工作日内仍未缴费的申请才能按逾期未缴费处理"
        return InvalidInput("outcome_reason", reason)
    if _explanation_awaited(application):
        # Article 35: the explanation decides (不予处理 4, or a later reply date); none by the
        # day, the applicant gave the request up: 其他处理 3.
        lapsed = _lapsed(application.explanation_due_on, None, s.today)
        if kind == Decision.OTHER and lapsed:
            return None
        reason = "申请人尚未说明理由；逾期未说明的，按“其他处理”第3项答复"
        return Conflict(reason, code=NOT_READY)
    if _supplement_awaited(application) or _fee_awaited(application):
        return Conflict("申请尚待补正或缴费，不能作出该答复", code=NOT_READY)
    return _unless(_consultations_over(s), "征求意见尚未结束", CONSULTING)


def _ready_to_decide(s: Standing) -> AppError | None:
    """Ordinarily with nothing outstanding; as abandoned (其他处理 1, 2) once the applicant's
    time to supplement or to pay has run out, whatever else is outstanding."""
    kinds = [s.decision] if s.decision is not None else list(Decision)
    refusals = [_decision_refusal(s, kind) for kind in kinds]
    return None if any(r is None for r in refusals) else refusals[0]


def _decided(s: Standing) -> AppError | None:
    return _unless(s.application.status == Status.DECIDED, "请先拟定答复结果", NOT_DECIDED)


# Every step is for the handlers' role group first (`_handler`), then these, in this order.
PRECONDITIONS: dict[ApplicationStep, tuple[Precondition, ...]] = {
    ApplicationStep.RECEIPT: (_awaiting_receipt,),
    ApplicationStep.ASSIGN: (_open,),
    ApplicationStep.SUPPLEMENT_REQUEST: (
        _open,
        _received,
        _supplement_not_requested,
        _supplement_notice_in_time,
    ),
    ApplicationStep.SUPPLEMENT_RECEIVED: (_awaiting_supplement,),
    ApplicationStep.EXPLANATION_REQUEST: (
        _open,
        _received,
        _not_awaiting_supplement,
        _explanation_not_requested,
        _explanation_request_in_time,
    ),
    ApplicationStep.EXPLANATION_RECEIVED: (_awaiting_explanation,),
    ApplicationStep.OPINIONS: (_open, _received, _not_awaiting_supplement),
    ApplicationStep.OPINION_ANSWER: (_opinion_open,),
    ApplicationStep.EXTENSION: (_open, _received, _not_extended, _extension_in_time),
    ApplicationStep.FEE_NOTICE: (_open, _received, _fee_not_notified, _fee_notice_in_time),
    ApplicationStep.FEE_PAID: (_awaiting_fee,),
    ApplicationStep.DECISION: (_open, _received, _ready_to_decide),
    ApplicationStep.REPLY: (_decided,),
    # A reconsideration or lawsuit may be brought whatever the application's state (even
    # against a failure to reply), so recording one asks nothing more.
    ApplicationStep.REMEDIES: (),
}


# The step a status waits for, which the console offers first.
AWAITED_STEP: dict[Status, ApplicationStep] = {
    Status.AWAITING_RECEIPT: ApplicationStep.RECEIPT,
    Status.AWAITING_SUPPLEMENT: ApplicationStep.SUPPLEMENT_RECEIVED,
    Status.AWAITING_EXPLANATION: ApplicationStep.EXPLANATION_RECEIVED,
    Status.CONSULTING: ApplicationStep.OPINION_ANSWER,
    Status.AWAITING_FEE: ApplicationStep.FEE_PAID,
    Status.DECIDED: ApplicationStep.REPLY,
}


def refusal(step: ApplicationStep, standing: Standing) -> AppError | None:
    """Why `step` cannot be taken now, or None when it can."""
    for precondition in (_handler, *PRECONDITIONS[step]):
        if (refused := precondition(standing)) is not None:
            return refused
    return None


def next_steps(
    actor: Principal,
    application: DisclosureApplication,
    opinions: Sequence[OpinionRequest],
    calendar: WorkingDayCalendar,
) -> list[ApplicationStep]:
    """The steps `actor` may take on the application now, the next one first (the console
    offers it after each step): the one its status waits for, then the others in the order of
    the workflow. Once a handler is named, naming another comes after them (before the
    remedies, which stand aside)."""
    standing = Standing(actor, application, opinions, today(), calendar)
    order = list(ApplicationStep)
    if application.handler is not None:
        order.remove(ApplicationStep.ASSIGN)
        order.insert(order.index(ApplicationStep.REMEDIES), ApplicationStep.ASSIGN)
    if (awaited := AWAITED_STEP.get(Status(application.status))) is not None:
        order.remove(awaited)
        order.insert(0, awaited)
    return [step for step in order if refusal(step, standing) is None]


async def ensure_allowed(
    desk: Desk,
    step: ApplicationStep,
    *,
    opinion: OpinionRequest | None = None,
    decision: Decision | None = None,
    dated: date | None = None,
) -> None:
    """Raise the refusal of `step`, if any: the same answer `next_steps` gives (on the day the
    step is `dated`, when it is bounded in time)."""
    opinions = await service.opinions_of(desk.session, desk.application.id)
    standing = Standing(
        desk.actor, desk.application, opinions, today(), desk.calendar, opinion, decision, dated
    )
    if (refused := refusal(step, standing)) is not None:
        raise refused


async def _opinions(desk: Desk) -> Sequence[OpinionRequest]:
    return await service.opinions_of(desk.session, desk.application.id)


async def _record(desk: Desk, action: HistoryAction, details: dict[str, Any]) -> None:
    """After a step: the due date follows it, and the history says who took it."""
    await service.refresh_due(desk.session, desk.calendar, desk.application)
    await audit.record(
        desk.session,
        actor=desk.actor,
        action=action,
        entity_type="application",
        entity_id=desk.application.id,
        after={"status": desk.application.status, **details},
    )


def _not_after_today(field: str, value: date) -> None:
    """What is recorded as done cannot have been done after today (in Beijing)."""
    if value > today():
        raise InvalidInput(field, f"不能晚于今天（{today().isoformat()}）")


def _not_before(field: str, value: date, earliest: date | None, what: str) -> None:
    if earliest is not None and value < earliest:
        raise InvalidInput(field, f"不能早于{what}（{earliest.isoformat()}）")


# --- the steps, in the order of the workflow -------------------------------------------------


async def confirm_receipt(desk: Desk, received_on: date) -> None:
    """确认收到: an online application's received date (Article 31); the clock starts."""
    await ensure_allowed(desk, ApplicationStep.RECEIPT)
    application = desk.application
    _not_after_today("received_on", received_on)
    _not_before("received_on", received_on, application.submitted_on, "提交日期")
    application.received_on = received_on
    application.status = Status.IN_PROGRESS
    await _record(desk, HistoryAction.RECEIVED, {"received_on": received_on.isoformat()})


async def assign(desk: Desk, handler: str) -> None:
    """分配经办人: the handler who sees the applicant's personal numbers."""
    await ensure_allowed(desk, ApplicationStep.ASSIGN)
    desk.application.handler = handler
    await _record(desk, HistoryAction.ASSIGNED, {"handler": handler})


async def request_supplement(desk: Desk, body: SupplementRequestIn) -> None:
    """补正通知: once, listing everything needed; the reply clock stops until it comes."""
    await ensure_allowed(desk, ApplicationStep.SUPPLEMENT_REQUEST, dated=body.requested_on)
    application = desk.application
    _not_before("requested_on", body.requested_on, application.received_on, "收到申请日期")
    _not_before("due_on", body.due_on, body.requested_on, "通知日期")
    application.supplement_requested_on = body.requested_on
    application.supplement_request = body.request
    application.supplement_due_on = body.due_on
    application.status = service.open_status(application, await _opinions(desk))
    await _record(
        desk,
        HistoryAction.SUPPLEMENT_REQUESTED,
        {"requested_on": body.requested_on.isoformat(), "due_on": body.due_on.isoformat()},
    )


async def receive_supplement(desk: Desk, received_on: date) -> None:
    """收到补正: the 20 working days start again, from zero, on this day."""
    await ensure_allowed(desk, ApplicationStep.SUPPLEMENT_RECEIVED)
    application = desk.application
    _not_after_today("received_on", received_on)
    _not_before("received_on", received_on, application.supplement_requested_on, "补正通知日期")
    application.supplement_received_on = received_on
    application.status = service.open_status(application, await _opinions(desk))
    await _record(desk, HistoryAction.SUPPLEMENT_RECEIVED, {"received_on": received_on.isoformat()})


async def request_explanation(desk: Desk, body: ExplanationRequestIn) -> None:
    """说明理由 (Article 35): a request clearly beyond a reasonable quantity or frequency; the
    applicant explains by the day the notice names (`working_days` after it, on the calendar),
    the reply clock not running meanwhile. Within the reply period, once."""
    await ensure_allowed(desk, ApplicationStep.EXPLANATION_REQUEST, dated=body.requested_on)
    application = desk.application
    _not_after_today("requested_on", body.requested_on)
    _not_before("requested_on", body.requested_on, application.received_on, "收到申请日期")
    due, _ = statutory.explanation_due(desk.calendar, body.requested_on, body.working_days)
    application.explanation_requested_on = body.requested_on
    application.explanation_request = body.request
    application.explanation_due_on = due
    application.status = service.open_status(application, await _opinions(desk))
    await _record(
        desk,
        HistoryAction.EXPLANATION_REQUESTED,
        {"requested_on": body.requested_on.isoformat(), "due_on": due.isoformat()},
    )


async def receive_explanation(desk: Desk, body: ExplanationReceivedIn) -> None:
    """收到说明 (Article 35): the clock runs again. Unreasonable: the office answers 不予处理 4
    (decided here, the reply follows). Reasonable but not answerable within Article 33's time:
    the later reply date the office sets becomes the due date."""
    await ensure_allowed(desk, ApplicationStep.EXPLANATION_RECEIVED, dated=body.received_on)
    application = desk.application
    _not_after_today("received_on", body.received_on)
    _not_before(
        "received_on", body.received_on, application.explanation_requested_on, "说明理由通知日期"
    )
    application.explanation_received_on = body.received_on
    application.explanation_reasonable = body.reasonable
    if body.later_reply_on is not None:
        statutory_due = await service.clock_of(desk.session, desk.calendar, application)
        due = None if statutory_due is None else statutory_due.reply_due_on
        if due is not None and body.later_reply_on <= due:
            message = f"须晚于第三十三条规定的答复期限（{due.isoformat()}），否则按原期限答复"
            raise InvalidInput("later_reply_on", message)
    application.later_reply_on = body.later_reply_on
    if body.reasonable:
        application.status = service.open_status(application, await _opinions(desk))
    else:
        application.outcome = Outcome.NOT_PROCESSED
        application.outcome_reason = UNREASONABLE_REQUEST
        application.outcome_explanation = body.finding
        application.legal_basis = "《中华人民共和国政府信息公开条例》第三十五条"
        application.linked_item_ids = []
        application.decided_by = desk.actor.username
        application.status = Status.DECIDED
    await _record(
        desk,
        HistoryAction.EXPLANATION_RECEIVED,
        {
            "received_on": body.received_on.isoformat(),
            "reasonable": body.reasonable,
            "later_reply_on": body.later_reply_on and body.later_reply_on.isoformat(),
        },
    )


async def ask_opinion(desk: Desk, body: OpinionIn) -> OpinionRequest:
    """征求意见: the clock is suspended while the third party or agency answers."""
    await ensure_allowed(desk, ApplicationStep.OPINIONS)
    application = desk.application
    _not_before("asked_on", body.asked_on, application.received_on, "收到申请日期")
    letter_received_on = body.letter_received_on or body.asked_on
    _not_before("letter_received_on", letter_received_on, body.asked_on, "发函日期")
    opinion = OpinionRequest(
        application_id=application.id,
        kind=body.kind,
        party=body.party,
        asked_on=body.asked_on,
        letter_received_on=letter_received_on,
        answer_due_on=statutory.consulted_answer_due(desk.calendar, letter_received_on)[0],
    )
    desk.session.add(opinion)
    await desk.session.flush()
    application.status = service.open_status(application, await _opinions(desk))
    await _record(
        desk,
        HistoryAction.OPINION_ASKED,
        {"kind": body.kind.value, "party": body.party, "asked_on": body.asked_on.isoformat()},
    )
    return opinion


async def record_opinion(desk: Desk, opinion_id: int, answered_on: date, answer: str) -> None:
    """记录意见: once the last open consultation is answered, the clock runs again."""
    application = desk.application
    opinion = await desk.session.get(OpinionRequest, opinion_id)
    if opinion is None or opinion.application_id != application.id:
        raise NotFound("征求意见记录不存在", code=OPINION_NOT_FOUND)
    await ensure_allowed(desk, ApplicationStep.OPINION_ANSWER, opinion=opinion)
    _not_after_today("answered_on", answered_on)
    _not_before("answered_on", answered_on, opinion.asked_on, "征求意见日期")
    opinion.answered_on = answered_on
    opinion.answer = answer
    await desk.session.flush()
    if application.status not in (Status.DECIDED, Status.CLOSED):
        application.status = service.open_status(application, await _opinions(desk))
    await _record(
        desk,
        HistoryAction.OPINION_ANSWERED,
        {"opinion_id": opinion_id, "answered_on": answered_on.isoformat()},
    )


async def extend(desk: Desk, body: ExtensionIn) -> None:
    """One extension of at most 20 working days, approved by the head and notified in time."""
    await ensure_allowed(desk, ApplicationStep.EXTENSION, dated=body.notified_on)
    application = desk.application
    application.extension_working_days = body.working_days
    application.extension_approved_by = body.approved_by
    application.extension_reason = body.reason
    application.extension_notified_on = body.notified_on
    await _record(
        desk,
        HistoryAction.EXTENDED,
        {"working_days": body.working_days, "approved_by": body.approved_by},
    )


async def notify_fee(desk: Desk, body: FeeNoticeIn) -> None:
    """信息处理费: only for clearly unreasonable quantity or frequency; the days until payment
    do not count towards the reply."""
    await ensure_allowed(desk, ApplicationStep.FEE_NOTICE, dated=body.notified_on)
    application = desk.application
    _not_before("due_on", body.due_on, body.notified_on, "通知日期")
    application.fee_fen = body.fee_fen
    application.fee_notified_on = body.notified_on
    application.fee_due_on = body.due_on
    application.status = service.open_status(application, await _opinions(desk))
    await _record(desk, HistoryAction.FEE_NOTIFIED, {"fee_fen": body.fee_fen})


async def fee_paid(desk: Desk, paid_on: date) -> None:
    """The applicant paid: the clock runs again."""
    await ensure_allowed(desk, ApplicationStep.FEE_PAID)
    application = desk.application
    _not_after_today("paid_on", paid_on)
    _not_before("paid_on", paid_on, application.fee_notified_on, "收费通知日期")
    application.fee_paid_on = paid_on
    # The clock stays suspended while a consultation is open (clock.py): so does the status.
    application.status = service.open_status(application, await _opinions(desk))
    await _record(desk, HistoryAction.FEE_PAID, {"paid_on": paid_on.isoformat()})


async def decide(desk: Desk, services: ServiceClient, body: DecisionIn) -> None:
    """The result, in the annual report's taxonomy, with reasons and legal basis."""
    kind = Decision.of(body.outcome, body.outcome_reason)
    await ensure_allowed(desk, ApplicationStep.DECISION, decision=kind)
    for index, item_id in enumerate(body.linked_item_ids):
        await _ensure_published_item(services, item_id, f"linked_item_ids.{index}")
    application = desk.application
    application.outcome = body.outcome
    application.outcome_reason = body.outcome_reason
    application.outcome_explanation = body.explanation
    application.legal_basis = body.legal_basis
    application.linked_item_ids = list(body.linked_item_ids)
    application.decided_by = desk.actor.username
    application.status = Status.DECIDED
    await _record(
        desk,
        HistoryAction.DECIDED,
        {"outcome": body.outcome.value, "outcome_reason": body.outcome_reason},
    )
    # Article 44: several applicants asked for this and it was disclosed → propose it to the
    # catalogue for proactive disclosure.
    await propose_if_asked_often(desk.session, application)


async def _ensure_published_item(services: ServiceClient, item_id: int, field: str) -> None:
    """A reply pointing to the catalogue must point to an item the public can open."""
    try:
        item = await services.get_json("catalog", f"/items/{item_id}")
    except NotFound:
        item = None
    if item is None or item.get("status") != "published":
        raise InvalidInput(field, f"公开目录中没有已发布的信息 {item_id}")


async def reply(desk: Desk, replied_on: date) -> None:
    """作出答复: the reply was delivered; the application is closed."""
    await ensure_allowed(desk, ApplicationStep.REPLY)
    application = desk.application
    _not_after_today("replied_on", replied_on)
    _not_before("replied_on", replied_on, application.received_on, "收到申请日期")
    application.replied_on = replied_on
    application.status = Status.CLOSED
    await _record(desk, HistoryAction.REPLIED, {"replied_on": replied_on.isoformat()})
