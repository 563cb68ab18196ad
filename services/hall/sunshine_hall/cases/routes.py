"""HTTP for cases (办件): receiving one at a window, every step, the desk's view and lists, and
the applicant's progress page. What is checked before a body runs comes from `deps`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from sunshine_hall.cases import service, steps, views
from sunshine_hall.cases.models import Case, CaseStatus, WarningLevel
from sunshine_hall.cases.schemas import (
    CaseOut,
    CasePage,
    CaseReceiveIn,
    CompleteIn,
    DecideIn,
    DeliverIn,
    ExtendIn,
    NoticeIn,
    ProgressIn,
    ProgressOut,
    Received,
    RefuseIn,
    ResumeIn,
    ReviewIn,
    StepIn,
    SubCasesIn,
    SuspendIn,
)
from sunshine_hall.deps import StaffDesk
from sunshine_hall.items.models import ServiceItem
from sunshine_kit.audit import service as audit
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import OptionalIdFilter
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can

router = APIRouter(prefix="/cases", tags=["cases"], responses=ERROR_RESPONSES)
_readers = [require(Can.READ_CASES)]
_window = [require(Can.SERVE_AT_WINDOW)]
_supervisors = [require(Can.SUPERVISE_HALL)]


async def _out(desk: StaffDesk) -> CaseOut:
    await desk.session.flush()
    return await views.case_out(
        desk.session,
        desk.calendar,
        desk.principal,
        desk.case,
        desk.settings.warning_yellow_working_days,
    )


@router.post("/progress", response_model=ProgressOut)
async def progress(body: ProgressIn, session: SessionDep) -> ProgressOut:
    """Follow a case with its number and query code (public, no personal data)."""
    return await views.progress(session, body.number, body.query_code)


@router.post("", response_model=Received, status_code=201, dependencies=_window)
async def receive(
    body: CaseReceiveIn, session: SessionDep, principal: CurrentPrincipal
) -> Received:
    """收件 at a window (from a called ticket or walk-in); print the query code for the
    applicant."""
    case, code = await service.receive(session, principal, body)
    return Received(id=case.id, number=case.number, query_code=code, status=case.status)


@router.get("", response_model=CasePage, dependencies=_readers)
async def list_cases(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    window_id: OptionalIdFilter = None,
    unit_id: OptionalIdFilter = None,
    status: CaseStatus | None = None,
    warning: WarningLevel | None = None,
    open_only: Annotated[bool, Query(alias="open", description="只看办理中的")] = False,
    mine: Annotated[bool, Query(description="只看我受理的")] = False,
    refusals: Annotated[bool, Query(description="只看否定报备（不予受理、不予许可）")] = False,
    number: Annotated[str | None, Query(max_length=30)] = None,
) -> CasePage:
    """The cases the caller may see: green channel first, then the soonest due."""
    query = await service.visible(session, principal)
    if window_id is not None:
        query = query.where(Case.window_id == window_id)
    if unit_id is not None:
        query = query.where(Case.unit_id == unit_id)
    if status is not None:
        query = query.where(Case.status == status)
    if warning is not None:
        query = query.where(Case.warning == warning)
    if open_only:
        query = query.where(Case.status.in_(service.OPEN_STATUSES))
    if mine:
        query = query.where(Case.clerk == principal.username)
    if refusals:
        query = query.where(Case.refusal_reported_at.is_not(None))
    if number:
        query = query.where(Case.number == number.strip().upper())
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    rows = (
        await session.execute(
            query.add_columns(ServiceItem.name)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .order_by(
                Case.green_channel.desc(),
                Case.promised_due_on.asc().nulls_last(),
                Case.id.desc(),
            )
            .offset(page.offset)
            .limit(page.size)
        )
    ).all()
    return CasePage(
        items=[views.row(case, name) for case, name in rows],
        total=int(total or 0),
        page=page.page,
        size=page.size,
    )


@router.get("/{case_id}", response_model=CaseOut, dependencies=_readers)
async def read(desk: StaffDesk) -> CaseOut:
    """The case desk: masked applicant, legal and promised dates, timeline, next steps."""
    return await _out(desk)


@router.get("/{case_id}/history", response_model=list[AuditEntryOut], dependencies=_readers)
async def history(desk: StaffDesk) -> list[AuditEntryOut]:
    """Every audited change of the case."""
    entries = await audit.history(
        desk.session, entity_type="hall_case", entity_id=str(desk.case.id), limit=500
    )
    return [AuditEntryOut.model_validate(e) for e in entries]


@router.post("/{case_id}/accept", response_model=CaseOut, dependencies=_window)
async def accept(desk: StaffDesk) -> CaseOut:
    """受理: the clock starts today."""
    await steps.accept(desk)
    return await _out(desk)


@router.post("/{case_id}/notice", response_model=CaseOut, dependencies=_window)
async def notify_missing(desk: StaffDesk, body: NoticeIn) -> CaseOut:
    """一次性告知 of every missing material."""
    await steps.notify_missing(desk, body)
    return await _out(desk)


@router.post("/{case_id}/refuse", response_model=CaseOut, dependencies=_window)
async def refuse(desk: StaffDesk, body: RefuseIn) -> CaseOut:
    """不予受理, with reasons (reported to the centre)."""
    await steps.refuse(desk, body)
    return await _out(desk)


@router.post("/{case_id}/steps", response_model=CaseOut, dependencies=_window)
async def add_step(desk: StaffDesk, body: StepIn) -> CaseOut:
    """A processing step on the timeline."""
    await steps.add_step(desk, body)
    return await _out(desk)


@router.post("/{case_id}/suspend", response_model=CaseOut, dependencies=_window)
async def suspend(desk: StaffDesk, body: SuspendIn) -> CaseOut:
    """Start a special procedure (not counted in the time limit)."""
    await steps.suspend(desk, body)
    return await _out(desk)


@router.post("/{case_id}/resume", response_model=CaseOut, dependencies=_window)
async def resume(desk: StaffDesk, body: ResumeIn) -> CaseOut:
    """End the special procedure."""
    await steps.resume(desk, body)
    return await _out(desk)


@router.post("/{case_id}/extend", response_model=CaseOut, dependencies=_window)
async def extend(desk: StaffDesk, body: ExtendIn) -> CaseOut:
    """延期, approved by a head."""
    await steps.extend(desk, body)
    return await _out(desk)


@router.post("/{case_id}/decide", response_model=CaseOut, dependencies=_window)
async def decide(desk: StaffDesk, body: DecideIn) -> CaseOut:
    """准予 or 不予 (reported to the centre)."""
    await steps.decide(desk, body)
    return await _out(desk)


@router.post("/{case_id}/complete", response_model=CaseOut, dependencies=_window)
async def complete(desk: StaffDesk, body: CompleteIn) -> CaseOut:
    """办结, with the fee collected in fen."""
    await steps.complete(desk, body)
    return await _out(desk)


@router.post("/{case_id}/deliver", response_model=CaseOut, dependencies=_window)
async def deliver(desk: StaffDesk, body: DeliverIn) -> CaseOut:
    """送达 the result."""
    await steps.deliver(desk, body)
    return await _out(desk)


@router.post("/{case_id}/sub-cases", response_model=CaseOut, dependencies=_window)
async def split(desk: StaffDesk, body: SubCasesIn) -> CaseOut:
    """并联审批: spawn sub-cases in other units."""
    await steps.split(desk, body)
    return await _out(desk)


@router.post("/{case_id}/review-refusal", response_model=CaseOut, dependencies=_supervisors)
async def review_refusal(desk: StaffDesk, body: ReviewIn) -> CaseOut:
    """The centre reviews a reported refusal (否定报备)."""
    await steps.review_refusal(desk, body)
    return await _out(desk)
