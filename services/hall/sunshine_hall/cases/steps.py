"""Every transition of a case, each allowed only where the case stands (409 otherwise, with a
code the desk reads); `views.next_steps` names the same rules for the SPA. Each step is
audited, logged on the case's timeline, and leaves the stored dates as the clock says."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from sunshine_hall.cases import clock
from sunshine_hall.cases.models import (
    Case,
    CaseExtension,
    CaseStatus,
    CaseSuspension,
    Decision,
    MissingMaterialsNotice,
)
from sunshine_hall.cases.schemas import (
    CaseReceiveIn,
    CompleteIn,
    DecideIn,
    DeliverIn,
    ExtendIn,
    NoticeIn,
    RefuseIn,
    ResumeIn,
    ReviewIn,
    StepIn,
    SubCasesIn,
    SuspendIn,
)
from sunshine_hall.cases.service import (
    Desk,
    log_step,
    new_case,
    refresh_dates,
    suspensions_of,
    to_handle,
)
from sunshine_hall.items.models import ItemMaterial, ItemStatus, ServiceItem
from sunshine_hall.publicity.service import publish_decision
from sunshine_hall.ratings.service import invite_rating
from sunshine_hall.supervision.models import CompletionDay
from sunshine_hall.windows.models import Window
from sunshine_kit.audit import service as audit
from sunshine_kit.calendar.days import today
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, Forbidden, InvalidInput
from sunshine_kit.roles import Can

WRONG_STATE = "case_wrong_state"
SUB_CASES_OPEN = "sub_cases_open"
EXTENSION_TOO_LONG = "extension_too_long"
ALREADY_DELIVERED = "already_delivered"
ALREADY_REVIEWED = "already_reviewed"
NOT_A_REFUSAL = "not_a_refusal"
ALREADY_SPLIT = "already_split"

RECEIVABLE = (CaseStatus.RECEIVED, CaseStatus.AWAITING_MATERIALS)


def _expect(case: Case, *statuses: CaseStatus, doing: str) -> None:
    if case.status not in statuses:
        raise Conflict(f"办件当前状态不能{doing}", code=WRONG_STATE)


async def _audit(desk: Desk, action: str, after: dict[str, Any], before: str) -> None:
    await audit.record(
        desk.session,
        actor=desk.principal,
        action=f"case.{action}",
        entity_type="hall_case",
        entity_id=desk.case.id,
        before={"status": before},
        after={"status": desk.case.status, **after},
    )


async def _refresh(desk: Desk) -> None:
    await refresh_dates(
        desk.session, desk.calendar, desk.case, desk.settings.warning_yellow_working_days
    )


async def accept(desk: Desk) -> Case:
    """受理: the materials are complete (a one-time notice's are marked brought today); the
    clock starts today."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, *RECEIVABLE, doing="受理")
    before, on = case.status, today()
    notices = await desk.session.scalars(
        select(MissingMaterialsNotice).where(
            MissingMaterialsNotice.case_id == case.id,
            MissingMaterialsNotice.completed_on.is_(None),
        )
    )
    for notice in notices:
        notice.completed_on = on
    case.status = CaseStatus.ACCEPTED
    case.accepted_on = on
    await _refresh(desk)
    log_step(desk.session, case, "accepted", desk.principal.username)
    await _audit(desk, "accepted", {"accepted_on": on.isoformat()}, before)
    return case


async def notify_missing(desk: Desk, body: NoticeIn) -> MissingMaterialsNotice:
    """一次性告知: every missing material named at once; the case waits for them."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.RECEIVED, doing="出具一次性告知")
    names = dict(
        (
            await desk.session.execute(
                select(ItemMaterial.id, ItemMaterial.name).where(
                    ItemMaterial.item_id == case.item_id
                )
            )
        ).all()
    )
    for index, material in enumerate(body.materials):
        if material.material_id not in names:
            raise InvalidInput(
                f"materials.{index}.material_id", "不是该事项的申请材料", code="not_item_material"
            )
    notice = MissingMaterialsNotice(
        case_id=case.id,
        materials=[
            {"material_id": m.material_id, "name": names[m.material_id], "problem": m.problem}
            for m in body.materials
        ],
        note=body.note,
        notified_on=today(),
        notified_by=desk.principal.username,
    )
    desk.session.add(notice)
    case.status = CaseStatus.AWAITING_MATERIALS
    log_step(
        desk.session,
        case,
        "notified_missing",
        desk.principal.username,
        "、".join(names[m.material_id] for m in body.materials),
    )
    await desk.session.flush()
    await _audit(desk, "notified_missing", {"materials": notice.materials}, CaseStatus.RECEIVED)
    return notice


async def refuse(desk: Desk, body: RefuseIn) -> Case:
    """不予受理, with reasons; reported to the centre (否定报备)."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, *RECEIVABLE, doing="不予受理")
    before = case.status
    case.status = CaseStatus.NOT_ACCEPTED
    case.not_accepted_reason = body.reason
    case.refusal_reported_at = utcnow()
    log_step(desk.session, case, "not_accepted", desk.principal.username, body.reason)
    await _audit(desk, "not_accepted", {"reason": body.reason}, before)
    return case


async def add_step(desk: Desk, body: StepIn) -> Case:
    """A processing step (审查, 现场核查, 会签...) on the timeline."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.ACCEPTED, doing="登记办理环节")
    log_step(desk.session, case, body.step, desk.principal.username, body.note)
    await _audit(desk, "step", {"step": body.step, "note": body.note}, case.status)
    return case


def _on_or_after_acceptance(case: Case, day: date, field: str) -> None:
    assert case.accepted_on is not None
    if day < case.accepted_on or day > today():
        raise InvalidInput(field, "日期须在受理日与今天之间")


async def suspend(desk: Desk, body: SuspendIn) -> CaseSuspension:
    """Start a special procedure (特别程序): its days do not count."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.ACCEPTED, doing="中止计时")
    started = body.started_on or today()
    _on_or_after_acceptance(case, started, "started_on")
    suspension = CaseSuspension(
        case_id=case.id,
        kind=body.kind,
        reason=body.reason,
        approved_by=body.approved_by,
        started_on=started,
        created_by=desk.principal.username,
    )
    desk.session.add(suspension)
    case.status = CaseStatus.SUSPENDED
    await desk.session.flush()
    await _refresh(desk)
    log_step(desk.session, case, "suspended", desk.principal.username, body.reason)
    await _audit(
        desk,
        "suspended",
        {"kind": body.kind, "approved_by": body.approved_by, "started_on": started.isoformat()},
        CaseStatus.ACCEPTED,
    )
    return suspension


async def resume(desk: Desk, body: ResumeIn) -> Case:
    """End the open special procedure; the clock runs again."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.SUSPENDED, doing="恢复计时")
    ended = body.ended_on or today()
    open_ = [s for s in await suspensions_of(desk.session, case.id) if s.ended_on is None]
    for suspension in open_:
        if ended < suspension.started_on or ended > today():
            raise InvalidInput("ended_on", "结束日期须在中止开始日与今天之间")
        suspension.ended_on = ended
    case.status = CaseStatus.ACCEPTED
    await desk.session.flush()
    await _refresh(desk)
    log_step(desk.session, case, "resumed", desk.principal.username)
    await _audit(desk, "resumed", {"ended_on": ended.isoformat()}, CaseStatus.SUSPENDED)
    return case


async def extend(desk: Desk, body: ExtendIn) -> CaseExtension:
    """延期, approved by a head; all extensions together at most the law's."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.ACCEPTED, CaseStatus.SUSPENDED, doing="延期")
    total = case.extension_working_days + body.working_days
    if total > clock.MAX_EXTENSION_WORKING_DAYS:
        raise Conflict(
            f"延期合计不得超过{clock.MAX_EXTENSION_WORKING_DAYS}个工作日"
            f"（已延期{case.extension_working_days}个）",
            code=EXTENSION_TOO_LONG,
        )
    extension = CaseExtension(
        case_id=case.id,
        working_days=body.working_days,
        reason=body.reason,
        approved_by=body.approved_by,
        approved_on=today(),
        created_by=desk.principal.username,
    )
    desk.session.add(extension)
    case.extension_working_days = total
    await desk.session.flush()
    await _refresh(desk)
    log_step(desk.session, case, "extended", desk.principal.username, body.reason)
    await _audit(
        desk,
        "extended",
        {"working_days": body.working_days, "approved_by": body.approved_by},
        case.status,
    )
    return extension


async def decide(desk: Desk, body: DecideIn) -> Case:
    """准予 or 不予; a denial is reported to the centre (否定报备)."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.ACCEPTED, doing="作出决定")
    case.status = CaseStatus.DECIDED
    case.decision = body.decision
    case.decision_reason = body.reason
    case.decided_on = today()
    case.decided_by = desk.principal.username
    if body.decision is Decision.DENIED:
        case.refusal_reported_at = utcnow()
    log_step(desk.session, case, f"decided_{body.decision}", desk.principal.username, body.reason)
    await _audit(desk, "decided", {"decision": body.decision}, CaseStatus.ACCEPTED)
    await publish_decision(desk.session, case)
    return case


async def _open_sub_cases(desk: Desk) -> int:
    return int(
        await desk.session.scalar(
            select(func.count())
            .select_from(Case)
            .where(Case.parent_id == desk.case.id, Case.status != CaseStatus.COMPLETED)
        )
        or 0
    )


async def _count_completion(desk: Desk) -> None:
    """Add the case to its day's figures (`CompletionDay`), in the completion's transaction."""
    case = desk.case
    assert case.completed_on is not None and case.promised_due_on is not None
    values = {
        "completed_on": case.completed_on,
        "unit_id": case.unit_id,
        "window_id": case.window_id or 0,
        "clerk": case.clerk,
        "completed": 1,
        "on_time": int(case.completed_on <= case.promised_due_on),
        "early": int(case.completed_on < case.promised_due_on),
        "on_the_spot": int(case.on_the_spot),
        "fee_fen": case.fee_fen,
    }
    dialect = desk.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(CompletionDay).values(values)
    counts = ("completed", "on_time", "early", "on_the_spot", "fee_fen")
    await desk.session.execute(
        statement.on_conflict_do_update(
            index_elements=["completed_on", "unit_id", "window_id", "clerk"],
            set_={name: getattr(CompletionDay, name) + statement.excluded[name] for name in counts},
        )
    )


async def complete(desk: Desk, body: CompleteIn) -> Case:
    """办结: fees collected (in fen); a parallel approval only once every sub-case is."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.DECIDED, doing="办结")
    if await _open_sub_cases(desk):
        raise Conflict("并联审批的子办件尚未全部办结", code=SUB_CASES_OPEN)
    item = await desk.session.get(ServiceItem, case.item_id)
    assert item is not None
    on = today()
    case.status = CaseStatus.COMPLETED
    case.completed_on = on
    case.completed_at = utcnow()
    case.on_the_spot = on == case.accepted_on
    case.fee_fen = item.fee_fen if body.fee_fen is None else body.fee_fen
    if case.fee_fen:
        case.fee_paid_at = case.completed_at
    await _refresh(desk)
    await _count_completion(desk)
    log_step(desk.session, case, "completed", desk.principal.username, body.note)
    await _audit(
        desk,
        "completed",
        {"completed_on": on.isoformat(), "fee_fen": case.fee_fen, "on_the_spot": case.on_the_spot},
        CaseStatus.DECIDED,
    )
    await invite_rating(desk.session, case)
    return case


async def deliver(desk: Desk, body: DeliverIn) -> Case:
    """送达 the result (at the window, by post, electronically)."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.COMPLETED, doing="送达")
    if case.delivered_on is not None:
        raise Conflict("办件已送达", code=ALREADY_DELIVERED)
    case.delivered_on = today()
    case.delivery_method = body.method
    log_step(desk.session, case, "delivered", desk.principal.username, body.method)
    await _audit(desk, "delivered", {"method": body.method}, case.status)
    return case


async def split(desk: Desk, body: SubCasesIn) -> list[Case]:
    """并联审批: sub-cases in the units of other items, accepted today at the same window;
    the case completes when all of them have."""
    case = desk.case
    await to_handle(desk.session, desk.principal, case)
    _expect(case, CaseStatus.ACCEPTED, doing="发起并联审批")
    if case.parent_id is not None or await desk.session.scalar(
        select(Case.id).where(Case.parent_id == case.id).limit(1)
    ):
        raise Conflict("该办件已发起过并联审批或本身是子办件", code=ALREADY_SPLIT)
    window = await desk.session.get(Window, case.window_id or 0)
    assert window is not None
    applicant = CaseReceiveIn(
        window_id=window.id,
        item_id=case.item_id,
        applicant_type=case.applicant_type,
        applicant_name=case.applicant_name,
        applicant_id_number=case.applicant_id_number,
        applicant_phone=case.applicant_phone,
        first_asked_by=case.first_asked_by,
        green_channel=case.green_channel,
    )
    subs = []
    for index, item_id in enumerate(dict.fromkeys(body.item_ids)):
        item = await desk.session.get(ServiceItem, item_id)
        if item is None or item.status != ItemStatus.PUBLISHED or item_id == case.item_id:
            raise InvalidInput(f"item_ids.{index}", "事项不存在、未发布或与主办件相同")
        sub, _ = await new_case(
            desk.session, desk.principal, item=item, window=window, body=applicant, parent=case
        )
        sub.status = CaseStatus.ACCEPTED
        sub.accepted_on = case.accepted_on
        await refresh_dates(
            desk.session, desk.calendar, sub, desk.settings.warning_yellow_working_days
        )
        log_step(desk.session, sub, "accepted", desk.principal.username, f"并联审批：{case.number}")
        subs.append(sub)
    log_step(
        desk.session,
        case,
        "split",
        desk.principal.username,
        "、".join(sub.number for sub in subs),
    )
    await _audit(desk, "split", {"sub_cases": [sub.number for sub in subs]}, case.status)
    return subs


async def review_refusal(desk: Desk, body: ReviewIn) -> Case:
    """The centre reviews a refusal reported to it (否定报备)."""
    case = desk.case
    if not desk.principal.can(Can.SUPERVISE_HALL):
        raise Forbidden("只有电子监察或政务服务管理部门可以审核否定报备")
    if case.refusal_reported_at is None:
        raise Conflict("该办件不是不予受理或不予许可的办件", code=NOT_A_REFUSAL)
    if case.refusal_reviewed_by:
        raise Conflict("该否定报备已审核", code=ALREADY_REVIEWED)
    case.refusal_reviewed_by = desk.principal.username
    log_step(desk.session, case, "refusal_reviewed", desk.principal.username, body.note)
    await _audit(desk, "refusal_reviewed", {"note": body.note}, case.status)
    return case
