"""The demo hall loads on the gateway's demo district and holds together: every case at a
window that accepts its item, the day figures add up to the cases, ratings only of completed
cases and about 99 % satisfied, a follow-up for each bad rating, warnings on overdue cases."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.demo import data as gateway
from sunshine_hall.cases.models import Case, CaseStep
from sunshine_hall.demo.loader import has_hall, load
from sunshine_hall.enforcement.models import EnforcementDecision
from sunshine_hall.items.models import ServiceItem, ServiceItemVersion
from sunshine_hall.queue.models import Ticket
from sunshine_hall.ratings.models import CaseRating, FollowUp
from sunshine_hall.supervision.models import CompletionDay
from sunshine_hall.supervision.sweep import sweep
from sunshine_hall.windows.models import Window, WindowItem, WindowStaff, WindowUnit
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.testing import add_units

# A Wednesday, so that the tickets of the day are there.
DAY = date(2026, 11, 18)


async def _district(session: AsyncSession) -> None:
    units: list[tuple[int, str, str, int | None]] = [(1, gateway.DISTRICT, "government", None)]
    ids = {gateway.DISTRICT: 1}

    def add(name: str, kind: str, parent: str) -> None:
        ids[name] = len(units) + 1
        units.append((ids[name], name, kind, ids[parent]))

    for name in [*gateway.DEPARTMENTS, *gateway.VERTICAL, *gateway.STATIONED]:
        add(name, "department", gateway.DISTRICT)
    for parent, children in gateway.SUBUNITS.items():
        for name in children:
            add(name, "department", parent)
    for street in gateway.STREETS:
        add(street, "street", gateway.DISTRICT)
    await add_units(session, units)


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_the_demo_hall_loads_and_holds_together(session: AsyncSession) -> None:
    await _district(session)
    assert not await has_hall(session)
    written = await load(session, days=14, per_day=120, calendar=WorkingDayCalendar(), on=DAY)
    assert await has_hall(session)
    assert written == await _count(session, Case)

    assert await _count(session, ServiceItem) >= 200
    # Each published, as the guide reads it.
    assert await _count(session, ServiceItemVersion) == await _count(session, ServiceItem)
    unnamed = select(func.count()).select_from(ServiceItemVersion)
    assert await session.scalar(unnamed.where(ServiceItemVersion.name == "")) == 0
    stationed = await session.scalar(select(func.count(func.distinct(WindowUnit.unit_id))))
    assert stationed is not None and stationed >= 40
    assert await _count(session, Window) >= 40
    clerk_window = await session.scalar(
        select(Window).join(WindowStaff).where(WindowStaff.account == "clerk")
    )
    assert clerk_window is not None and clerk_window.kind == "comprehensive"

    # Every case was handled at a window that accepts its item.
    astray = await session.scalar(
        select(func.count())
        .select_from(Case)
        .outerjoin(
            WindowItem,
            (WindowItem.window_id == Case.window_id) & (WindowItem.item_id == Case.item_id),
        )
        .where(WindowItem.item_id.is_(None))
    )
    assert astray == 0

    completed = await session.scalar(
        select(func.count()).select_from(Case).where(Case.status == "completed")
    )
    counted = await session.scalar(select(func.sum(CompletionDay.completed)))
    assert completed == counted
    on_time = await session.scalar(select(func.sum(CompletionDay.on_time)))
    assert on_time is not None and completed is not None and 0.98 < on_time / completed < 1

    ratings = await _count(session, CaseRating)
    satisfied = await session.scalar(
        select(func.count()).select_from(CaseRating).where(CaseRating.level <= 3)
    )
    assert satisfied is not None and satisfied / ratings > 0.98
    unrated_states = await session.scalar(
        select(func.count())
        .select_from(CaseRating)
        .join(Case, Case.id == CaseRating.case_id)
        .where(Case.status != "completed")
    )
    assert unrated_states == 0
    bad = await session.scalar(
        select(func.count()).select_from(CaseRating).where(CaseRating.level >= 4)
    )
    assert bad == await _count(session, FollowUp)

    # Every case has its timeline, as the desk writes it: a completed one all five steps, in
    # order; a running one at least 收件 and 受理.
    done = await session.scalar(select(Case).where(Case.status == "completed").limit(1))
    assert done is not None
    timeline = (
        await session.scalars(
            select(CaseStep.step).where(CaseStep.case_id == done.id).order_by(CaseStep.at)
        )
    ).all()
    assert timeline == ["received", "accepted", "审查", f"decided_{done.decision}", "completed"]
    untold = await session.scalar(
        select(func.count())
        .select_from(Case)
        .where(~select(CaseStep.id).where(CaseStep.case_id == Case.id).exists())
    )
    assert untold == 0
    steps = await _count(session, CaseStep)
    assert steps >= 5 * (completed or 0)
    out_of_order = await session.scalar(
        select(func.count())
        .select_from(CaseStep)
        .join(Case, Case.id == CaseStep.case_id)
        .where(CaseStep.step == "received", CaseStep.at != Case.received_at)
    )
    assert out_of_order == 0

    overdue = await session.scalar(
        select(func.count())
        .select_from(Case)
        .where(Case.status.in_(("accepted", "decided")), Case.promised_due_on < DAY)
    )
    assert overdue is not None and overdue >= 1
    # The demo leaves the warnings to the sweep, which raises each with its alert.
    swept = await sweep(session, WorkingDayCalendar(), DAY)
    assert swept.red == overdue and swept.alerts >= overdue
    assert await session.scalar(
        select(func.count()).select_from(Ticket).where(Ticket.service_day == DAY)
    )
    assert await _count(session, EnforcementDecision) > 20
    penalties = await session.scalar(
        select(func.count())
        .select_from(EnforcementDecision)
        .where(EnforcementDecision.kind == "penalty")
    )
    column_02 = await session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.key.like("hall-double-publicity-enforcement-%"))
    )
    assert column_02 == penalties
