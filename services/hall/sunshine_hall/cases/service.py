"""Cases: who may see and handle one, receiving it at a window, and keeping its dates.

A case is handled at the window it was received at: its clerks (`window_staff`), and the office
of the centre's unit (`windows.access`). It is read by them and by the supervisors and office of
the case's unit (READ_CASES). Transitions are in `steps`, what is shown in `views`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases import clock, identity
from sunshine_hall.cases.models import (
    OPEN_CASE,
    Case,
    CaseStatus,
    CaseStep,
    CaseSuspension,
)
from sunshine_hall.cases.schemas import CaseReceiveIn
from sunshine_hall.items.models import ItemKind, ItemStatus, ServiceItem
from sunshine_hall.settings import HallSettings
from sunshine_hall.windows import access
from sunshine_hall.windows.models import ServiceCentre, Window, WindowItem
from sunshine_kit import query_codes
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.errors import Forbidden, InvalidInput, NotFound
from sunshine_kit.roles import Can
from sunshine_kit.units.service import can_act_on, units_in_reach

CASE_NOT_FOUND = "case_not_found"
CASE_FORBIDDEN = "case_forbidden"
ITEM_NOT_AT_WINDOW = "item_not_at_window"

OPEN_STATUSES = (CaseStatus.ACCEPTED, CaseStatus.SUSPENDED, CaseStatus.DECIDED)
assert "status IN ({})".format(", ".join(f"'{s}'" for s in OPEN_STATUSES)) == OPEN_CASE


@dataclass
class Desk:
    """A case with what handling it needs: the session, the calendar, the caller, settings."""

    session: AsyncSession
    calendar: WorkingDayCalendar
    principal: Principal
    settings: HallSettings
    case: Case


async def may_read(session: AsyncSession, principal: Principal, case: Case) -> bool:
    if principal.is_service:
        return True
    if case.window_id is not None and await may_handle(session, principal, case):
        return True
    return (
        principal.can(Can.READ_CASES)
        and principal.reaches_subtree
        and await can_act_on(session, principal, case.unit_id)
    )


async def may_handle(session: AsyncSession, principal: Principal, case: Case) -> bool:
    if case.window_id is None:
        return principal.is_service
    window = await session.get(Window, case.window_id)
    return window is not None and await access.can_serve_at(session, principal, window)


async def for_staff(session: AsyncSession, principal: Principal, case_id: int) -> Case:
    """The case `case_id`, if the caller may read it (404 when none, 403 otherwise)."""
    case = await session.get(Case, case_id)
    if case is None:
        raise NotFound("办件不存在", code=CASE_NOT_FOUND)
    if not await may_read(session, principal, case):
        raise Forbidden("无权查看该办件", code=CASE_FORBIDDEN)
    return case


async def to_handle(session: AsyncSession, principal: Principal, case: Case) -> None:
    """403 unless the caller works at the case's window (or runs its centre)."""
    if not await may_handle(session, principal, case):
        raise Forbidden("您未派驻在受理该办件的窗口", code=access.WINDOW_FORBIDDEN)


async def visible(session: AsyncSession, principal: Principal) -> Select[Case]:
    """The cases the caller may list: those of the windows they are stationed at, and for the
    office and supervisors those of the units and centres in their reach."""
    query = select(Case)
    if principal.is_service:
        return query
    windows = await access.stationed_window_ids(session, principal)
    conditions = [Case.window_id.in_(windows)] if windows else []
    if principal.reaches_subtree:
        units = await units_in_reach(session, principal, None)
        centres = select(ServiceCentre.id).where(ServiceCentre.unit_id.in_(units))
        conditions += [Case.unit_id.in_(units), Case.centre_id.in_(centres)]
    if not conditions:
        return query.where(Case.id.is_(None))
    return query.where(or_(*conditions))


def facts(case: Case, suspensions: list[CaseSuspension]) -> clock.CaseFacts:
    assert case.accepted_on is not None
    return clock.CaseFacts(
        accepted_on=case.accepted_on,
        legal_limit_days=case.legal_limit_days,
        promised_limit_days=case.promised_limit_days,
        extension_working_days=case.extension_working_days,
        suspensions=tuple(clock.Suspension(s.started_on, s.ended_on) for s in suspensions),
        completed_on=case.completed_on,
    )


async def suspensions_of(session: AsyncSession, case_id: int) -> list[CaseSuspension]:
    return list(
        await session.scalars(
            select(CaseSuspension)
            .where(CaseSuspension.case_id == case_id)
            .order_by(CaseSuspension.id)
        )
    )


async def clock_of(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    case: Case,
    on: date,
    yellow_working_days: int = clock.YELLOW_WORKING_DAYS,
) -> clock.CaseClock | None:
    if case.accepted_on is None:
        return None
    return clock.compute(
        calendar, facts(case, await suspensions_of(session, case.id)), on, yellow_working_days
    )


SEVERITY = {clock.Warning.NONE: 0, clock.Warning.YELLOW: 1, clock.Warning.RED: 2}


async def refresh_dates(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    case: Case,
    yellow_working_days: int = clock.YELLOW_WORKING_DAYS,
) -> None:
    """Store the case's due dates and warning as its clock says today."""
    computed = await clock_of(session, calendar, case, today(), yellow_working_days)
    if computed is None:
        return
    case.legal_due_on = computed.legal_due_on
    case.promised_due_on = computed.promised_due_on
    case.due_provisional = computed.provisional
    if case.status not in OPEN_STATUSES:
        case.warning = clock.Warning.NONE
    elif (
        not computed.suspended
        and SEVERITY[computed.warning] < SEVERITY[clock.Warning(case.warning)]
    ):
        # More time (an extension, a corrected calendar) lowers the warning at once. Raising it
        # is the supervision sweep's alone, which raises the alert with it, once per case and
        # level: a case set yellow here would never have its alert.
        case.warning = computed.warning


async def recompute_open(session: AsyncSession, calendar: WorkingDayCalendar) -> None:
    """A loaded or corrected year moves the stored dates of every open case."""
    cases = await session.scalars(select(Case).where(Case.status.in_(OPEN_STATUSES)))
    for case in cases:
        await refresh_dates(session, calendar, case)


def log_step(session: AsyncSession, case: Case, step: str, by: str, note: str = "") -> None:
    session.add(CaseStep(case_id=case.id, step=step, note=note, by=by))


async def item_at_window(session: AsyncSession, window: Window, item_id: int) -> ServiceItem:
    """The item, if published and accepted at `window` (422 naming `item_id` otherwise)."""
    item = await session.get(ServiceItem, item_id)
    if item is None or item.status != ItemStatus.PUBLISHED:
        raise InvalidInput("item_id", "事项不存在或未发布", code=ITEM_NOT_AT_WINDOW)
    accepted = await session.scalar(
        select(WindowItem.item_id).where(
            WindowItem.window_id == window.id, WindowItem.item_id == item_id
        )
    )
    if accepted is None:
        raise InvalidInput("item_id", f"{window.number}号窗口不受理该事项", code=ITEM_NOT_AT_WINDOW)
    return item


def limits(item: ServiceItem) -> tuple[int, int]:
    """The item's legal and promised working days (a 即办件: 0, the same day)."""
    if item.kind == ItemKind.INSTANT:
        return 0, 0
    return item.legal_limit_days, min(item.promised_limit_days, item.legal_limit_days)


async def new_case(
    session: AsyncSession,
    principal: Principal,
    *,
    item: ServiceItem,
    window: Window,
    body: CaseReceiveIn,
    parent: Case | None = None,
) -> tuple[Case, str]:
    """A case received at `window` (status received), with its number and query code."""
    number = await identity.next_case_number(session, today().year)
    code = query_codes.new_code()
    legal, promised = limits(item)
    case = Case(
        number=number,
        query_code_hash=query_codes.code_hash(number, code),
        item_id=item.id,
        item_version=item.version,
        unit_id=item.unit_id,
        centre_id=window.centre_id,
        window_id=window.id,
        clerk=principal.username,
        first_asked_by=body.first_asked_by or principal.username,
        ticket_id=body.ticket_id,
        parent_id=parent.id if parent else None,
        applicant_type=body.applicant_type,
        applicant_name=body.applicant_name,
        applicant_id_number=body.applicant_id_number,
        applicant_phone=body.applicant_phone,
        green_channel=body.green_channel,
        status=CaseStatus.RECEIVED,
        legal_limit_days=legal,
        promised_limit_days=promised,
    )
    session.add(case)
    await session.flush()
    return case, code


async def receive(
    session: AsyncSession, principal: Principal, body: CaseReceiveIn
) -> tuple[Case, str]:
    """收件 at a window the caller works at; the first-asked staff member is recorded."""
    window = await access.window_to_serve(session, principal, body.window_id)
    item = await item_at_window(session, window, body.item_id)
    case, code = await new_case(session, principal, item=item, window=window, body=body)
    log_step(session, case, "received", principal.username)
    await audit.record(
        session,
        actor=principal,
        action="case.received",
        entity_type="hall_case",
        entity_id=case.id,
        after={
            "number": case.number,
            "item_id": item.id,
            "window_id": window.id,
            "ticket_id": body.ticket_id,
            "first_asked_by": case.first_asked_by,
            "green_channel": case.green_channel,
        },
    )
    return case, code
