"""What the desk, the lists and the applicant see of a case: masked personal data, its clock,
its timeline, and the steps that may come next (the SPA shows buttons from `next_steps`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases import clock
from sunshine_hall.cases.models import (
    Case,
    CaseExtension,
    CaseStatus,
    CaseStep,
    CaseSuspension,
    MissingMaterialsNotice,
)
from sunshine_hall.cases.schemas import (
    CaseOut,
    CaseRow,
    ClockOut,
    ExtensionOut,
    MaterialRef,
    NoticeOut,
    ProgressOut,
    StepOut,
    SubCaseOut,
    SuspensionOut,
)
from sunshine_hall.cases.service import clock_of, may_handle
from sunshine_hall.items.models import ItemMaterial, ServiceItem
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.errors import NotFound
from sunshine_kit.personal_data import mask_id, mask_phone
from sunshine_kit.query_codes import code_matches
from sunshine_kit.roles import Can

STATUS_LABELS = {
    CaseStatus.RECEIVED: "已收件，待受理",
    CaseStatus.AWAITING_MATERIALS: "一次性告知，待补齐材料",
    CaseStatus.ACCEPTED: "已受理，办理中",
    CaseStatus.SUSPENDED: "特别程序中（不计时）",
    CaseStatus.DECIDED: "已作出决定，待办结",
    CaseStatus.COMPLETED: "已办结",
    CaseStatus.NOT_ACCEPTED: "不予受理",
}

STEP_LABELS = {
    "received": "收件",
    "accepted": "受理",
    "notified_missing": "一次性告知",
    "not_accepted": "不予受理",
    "suspended": "特别程序开始（中止计时）",
    "resumed": "特别程序结束（恢复计时）",
    "extended": "延期",
    "decided_granted": "决定：准予",
    "decided_denied": "决定：不予",
    "completed": "办结",
    "delivered": "送达",
    "split": "发起并联审批",
    "refusal_reviewed": "否定报备已审核",
}


def mask_name(name: str) -> str:
    """张*, 欧阳**: the family name (first character) only."""
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else name


def _step(step: CaseStep) -> StepOut:
    return StepOut(
        step=step.step,
        label=STEP_LABELS.get(step.step, step.step),
        note=step.note,
        by=step.by,
        at=step.at,
    )


def row(case: Case, item_name: str) -> CaseRow:
    return CaseRow(
        id=case.id,
        number=case.number,
        item_id=case.item_id,
        item_name=item_name,
        unit_id=case.unit_id,
        window_id=case.window_id,
        clerk=case.clerk,
        applicant_name=case.applicant_name,
        status=case.status,
        status_label=STATUS_LABELS[CaseStatus(case.status)],
        green_channel=case.green_channel,
        accepted_on=case.accepted_on,
        promised_due_on=case.promised_due_on,
        legal_due_on=case.legal_due_on,
        warning=case.warning,
        completed_on=case.completed_on,
    )


async def next_steps(
    session: AsyncSession, principal: Principal, case: Case, open_sub_cases: int, split: bool
) -> list[str]:
    """The steps the caller may take on the case now (the rules of `steps`, named once more)."""
    steps: list[str] = []
    if await may_handle(session, principal, case):
        status = CaseStatus(case.status)
        if status is CaseStatus.RECEIVED:
            steps += ["accept", "notify_missing", "refuse"]
        elif status is CaseStatus.AWAITING_MATERIALS:
            steps += ["accept", "refuse"]
        elif status is CaseStatus.ACCEPTED:
            steps += ["add_step", "suspend", "decide"]
            if case.parent_id is None and not split:
                steps.append("split")
        elif status is CaseStatus.SUSPENDED:
            steps.append("resume")
        elif status is CaseStatus.DECIDED and not open_sub_cases:
            steps.append("complete")
        elif status is CaseStatus.COMPLETED and case.delivered_on is None:
            steps.append("deliver")
        if (
            status in (CaseStatus.ACCEPTED, CaseStatus.SUSPENDED)
            and case.extension_working_days < clock.MAX_EXTENSION_WORKING_DAYS
        ):
            steps.append("extend")
    if (
        principal.can(Can.SUPERVISE_HALL)
        and case.refusal_reported_at is not None
        and not case.refusal_reviewed_by
    ):
        steps.append("review_refusal")
    return steps


async def case_out(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    principal: Principal,
    case: Case,
    yellow_working_days: int = clock.YELLOW_WORKING_DAYS,
) -> CaseOut:
    item = await session.get(ServiceItem, case.item_id)
    assert item is not None
    on = today()
    computed = await clock_of(session, calendar, case, on, yellow_working_days)
    notices = await session.scalars(
        select(MissingMaterialsNotice)
        .where(MissingMaterialsNotice.case_id == case.id)
        .order_by(MissingMaterialsNotice.id)
    )
    suspensions = await session.scalars(
        select(CaseSuspension).where(CaseSuspension.case_id == case.id).order_by(CaseSuspension.id)
    )
    extensions = await session.scalars(
        select(CaseExtension).where(CaseExtension.case_id == case.id).order_by(CaseExtension.id)
    )
    steps = await session.scalars(
        select(CaseStep).where(CaseStep.case_id == case.id).order_by(CaseStep.at, CaseStep.id)
    )
    subs = (
        await session.execute(
            select(Case, ServiceItem.name)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .where(Case.parent_id == case.id)
            .order_by(Case.id)
        )
    ).all()
    materials = await session.scalars(
        select(ItemMaterial)
        .where(ItemMaterial.item_id == case.item_id)
        .order_by(ItemMaterial.sort_order, ItemMaterial.id)
    )
    open_subs = sum(1 for sub, _ in subs if sub.status != CaseStatus.COMPLETED)
    completion = None
    if computed is not None and case.completed_on is not None and case.accepted_on is not None:
        completion = clock.completion(case.accepted_on, computed.promised_due_on, case.completed_on)
    return CaseOut(
        **row(case, item.name).model_dump(),
        item_kind=item.kind,
        item_version=case.item_version,
        item_materials=[MaterialRef(id=m.id, name=m.name, required=m.required) for m in materials],
        centre_id=case.centre_id,
        ticket_id=case.ticket_id,
        parent_id=case.parent_id,
        channel=case.channel,
        applicant_type=case.applicant_type,
        applicant_id_number=mask_id(case.applicant_id_number) if case.applicant_id_number else "",
        applicant_phone=mask_phone(case.applicant_phone) if case.applicant_phone else "",
        first_asked_by=case.first_asked_by,
        received_at=case.received_at,
        not_accepted_reason=case.not_accepted_reason,
        decision=case.decision,
        decision_reason=case.decision_reason,
        decided_on=case.decided_on,
        decided_by=case.decided_by,
        refusal_reported_at=case.refusal_reported_at,
        refusal_reviewed_by=case.refusal_reviewed_by,
        on_the_spot=case.on_the_spot,
        delivered_on=case.delivered_on,
        delivery_method=case.delivery_method,
        fee_fen=case.fee_fen,
        extension_working_days=case.extension_working_days,
        clock=ClockOut(
            accepted_on=case.accepted_on,
            legal_due_on=computed.legal_due_on if computed else None,
            promised_due_on=computed.promised_due_on if computed else None,
            working_days_left=computed.working_days_left if computed else None,
            legal_working_days_left=computed.legal_working_days_left if computed else None,
            paused_working_days=computed.paused_working_days if computed else 0,
            suspended=computed.suspended if computed else False,
            warning=computed.warning if computed else clock.Warning.NONE,
            legal_overdue=computed.legal_overdue if computed else False,
            provisional=computed.provisional if computed else False,
            completion=completion,
        ),
        notices=[NoticeOut.model_validate(n, from_attributes=True) for n in notices],
        suspensions=[SuspensionOut.model_validate(s, from_attributes=True) for s in suspensions],
        extensions=[ExtensionOut.model_validate(e, from_attributes=True) for e in extensions],
        steps=[_step(s) for s in steps],
        sub_cases=[
            SubCaseOut(
                id=sub.id, number=sub.number, item_name=name, unit_id=sub.unit_id, status=sub.status
            )
            for sub, name in subs
        ],
        next_steps=await next_steps(session, principal, case, open_subs, bool(subs)),
    )


async def progress(session: AsyncSession, number: str, code: str) -> ProgressOut:
    """The applicant's view, with the number and query code (404 for either wrong)."""
    case = await session.scalar(select(Case).where(Case.number == number.strip().upper()))
    if case is None or not code_matches(case.number, code, case.query_code_hash):
        raise NotFound("办件编号或查询码不正确", code="case_not_found")
    item = await session.get(ServiceItem, case.item_id)
    assert item is not None
    missing: list[str] = []
    if case.status == CaseStatus.AWAITING_MATERIALS:
        notice = await session.scalar(
            select(MissingMaterialsNotice)
            .where(MissingMaterialsNotice.case_id == case.id)
            .order_by(MissingMaterialsNotice.id.desc())
            .limit(1)
        )
        if notice is not None:
            missing = [f"{m['name']}：{m['problem']}" for m in notice.materials]
    steps = await session.scalars(
        select(CaseStep).where(CaseStep.case_id == case.id).order_by(CaseStep.at, CaseStep.id)
    )
    return ProgressOut(
        number=case.number,
        item_name=item.name,
        applicant_name=mask_name(case.applicant_name),
        status=case.status,
        status_label=STATUS_LABELS[CaseStatus(case.status)],
        accepted_on=case.accepted_on,
        promised_due_on=case.promised_due_on,
        completed_on=case.completed_on,
        delivered_on=case.delivered_on,
        missing_materials=missing,
        # The timeline without who did what: staff accounts are not the applicant's business.
        steps=[_step(s).model_copy(update={"by": "", "note": ""}) for s in steps],
    )
