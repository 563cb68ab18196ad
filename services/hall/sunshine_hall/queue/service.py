"""Taking tickets and booking appointments: the day's numbering, priority, the estimate.

A ticket's number is the window area's letter and the centre's sequence of the day (A023).
The sequence is one counter row per centre and day, bumped by a single upsert that returns
the new value: two kiosks taking a ticket at the same moment get two numbers, never the same
one, on PostgreSQL (the row lock of ON CONFLICT DO UPDATE) and on SQLite (one writer).
"""

from __future__ import annotations

import math
import secrets
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from sunshine_hall.live.service import board_channel, publish
from sunshine_hall.queue import errors
from sunshine_hall.queue.models import (
    AppointmentBooking,
    AppointmentSlot,
    BookingStatus,
    Priority,
    Ticket,
    TicketCounter,
    TicketStatus,
)
from sunshine_hall.queue.schemas import BookingIn, SlotIn, TicketIn
from sunshine_hall.windows.access import can_manage_centre
from sunshine_hall.windows.models import ServiceCentre, Window, WindowItem
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import BEIJING, today
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, Forbidden, InvalidInput, NotFound
from sunshine_kit.roles import Can

# The estimate's service time: the mean of the last services at the windows that call the
# ticket, or five minutes where none was finished yet.
RECENT_SERVICES = 50
DEFAULT_SERVICE_SECONDS = 300
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the counter
CODE_LENGTH = 8


async def centre_or_404(session: AsyncSession, centre_id: int) -> ServiceCentre:
    centre = await session.get(ServiceCentre, centre_id)
    if centre is None:
        raise NotFound("服务中心不存在", code=errors.CENTRE_NOT_FOUND)
    return centre


async def serving_windows(
    session: AsyncSession, centre_id: int, *, item_id: int | None, window_id: int | None
) -> list[Window]:
    """The open windows of the centre that will call a ticket for `item_id` or `window_id`,
    by number (a 422 naming the field when there is none)."""
    if window_id is not None:
        window = await session.get(Window, window_id)
        if window is None or window.centre_id != centre_id:
            raise InvalidInput("window_id", "该服务中心没有这个窗口")
        if not window.open:
            raise InvalidInput("window_id", "该窗口暂停服务", code=errors.WINDOW_CLOSED)
        return [window]
    windows = list(
        await session.scalars(
            select(Window)
            .join(WindowItem, WindowItem.window_id == Window.id)
            .where(Window.centre_id == centre_id, WindowItem.item_id == item_id, Window.open)
            .order_by(Window.number)
        )
    )
    if not windows:
        raise InvalidInput("item_id", "本中心暂无受理该事项的窗口", code=errors.NO_WINDOW_FOR_ITEM)
    return windows


async def next_sequence(session: AsyncSession, centre_id: int, day: date) -> int:
    """The next number of the centre's day, handed out once."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(TicketCounter)
        .values(centre_id=centre_id, service_day=day, last_sequence=1)
        .on_conflict_do_update(
            index_elements=["centre_id", "service_day"],
            set_={"last_sequence": TicketCounter.last_sequence + 1},
        )
        .returning(TicketCounter.last_sequence)
    )
    return int((await session.execute(statement)).scalar_one())


def may_issue_priority(principal: Principal | None) -> bool:
    """Priority is checked at the door (age, a disability card, a key project's letter)."""
    return principal is not None and (
        principal.can(Can.SERVE_AT_WINDOW) or principal.can(Can.MANAGE_HALL)
    )


async def take_ticket(
    session: AsyncSession, body: TicketIn, principal: Principal | None
) -> tuple[Ticket, ServiceCentre, list[Window]]:
    """A ticket taken on site (kiosk, phone page) or issued by staff with a priority."""
    if body.priority != Priority.NONE and not may_issue_priority(principal):
        raise Forbidden("优先票由大厅工作人员核验后发放", code=errors.PRIORITY_BY_STAFF)
    centre = await centre_or_404(session, body.centre_id)
    windows = await serving_windows(
        session, centre.id, item_id=body.item_id, window_id=body.window_id
    )
    ticket = await issue(
        session,
        centre,
        windows,
        item_id=body.item_id,
        window_id=body.window_id,
        priority=body.priority,
        reason=body.priority_reason.strip(),
        issued_by=principal.username if principal and body.priority != Priority.NONE else "",
    )
    return ticket, centre, windows


async def issue(
    session: AsyncSession,
    centre: ServiceCentre,
    windows: list[Window],
    *,
    item_id: int | None,
    window_id: int | None,
    priority: Priority = Priority.NONE,
    reason: str = "",
    issued_by: str = "",
) -> Ticket:
    day = today()
    sequence = await next_sequence(session, centre.id, day)
    prefix = windows[0].ticket_prefix
    ticket = Ticket(
        centre_id=centre.id,
        service_day=day,
        sequence=sequence,
        number=f"{prefix}{sequence:03d}",
        area=prefix,
        item_id=item_id,
        window_id=window_id,
        priority=priority,
        priority_reason=reason,
        issued_by=issued_by,
        status=TicketStatus.WAITING,
        taken_at=utcnow(),
    )
    session.add(ticket)
    await session.flush()
    await announce_waiting(session, centre.id)
    return ticket


async def waiting_by_area(session: AsyncSession, centre_id: int) -> dict[str, int]:
    """How many wait at the centre today, by the letter of their numbers."""
    rows = await session.execute(
        select(Ticket.area, func.count())
        .where(
            Ticket.centre_id == centre_id,
            Ticket.service_day == today(),
            Ticket.status == TicketStatus.WAITING,
        )
        .group_by(Ticket.area)
        .order_by(Ticket.area)
    )
    return {area: int(count) for area, count in rows.all()}


async def announce_waiting(session: AsyncSession, centre_id: int) -> dict[str, int]:
    waiting = await waiting_by_area(session, centre_id)
    publish(session, board_channel(centre_id), "waiting", {"waiting": waiting})
    return waiting


def called_by(window_ids: list[int]) -> ColumnElement[bool]:
    """Tickets the windows call: taken (or transferred) for one of them, or taken for an item
    one of them accepts."""
    accepted = select(WindowItem.item_id).where(WindowItem.window_id.in_(window_ids))
    return or_(
        Ticket.window_id.in_(window_ids),
        and_(Ticket.window_id.is_(None), Ticket.item_id.in_(accepted)),
    )


def ahead_of(ticket: Ticket) -> ColumnElement[bool]:
    """Tickets called before `ticket`: priority first, then first come."""
    if ticket.priority == Priority.NONE:
        return or_(Ticket.priority != Priority.NONE, Ticket.id < ticket.id)
    return and_(Ticket.priority != Priority.NONE, Ticket.id < ticket.id)


async def recent_service_seconds(session: AsyncSession, window_ids: list[int]) -> float:
    """The mean service time of the last services at these windows."""
    rows = await session.execute(
        select(Ticket.called_at, Ticket.finished_at)
        .where(
            Ticket.called_window_id.in_(window_ids),
            Ticket.status == TicketStatus.FINISHED,
            Ticket.called_at.is_not(None),
            Ticket.finished_at.is_not(None),
        )
        .order_by(Ticket.finished_at.desc())
        .limit(RECENT_SERVICES)
    )
    spans = [
        (finished - called).total_seconds()
        for called, finished in rows.all()
        if called and finished
    ]
    return sum(spans) / len(spans) if spans else DEFAULT_SERVICE_SECONDS


async def estimate(session: AsyncSession, ticket: Ticket, windows: list[Window]) -> tuple[int, int]:
    """(waiting ahead, estimated minutes): those ahead times the recent mean service time,
    shared by the open windows that call the ticket."""
    window_ids = [window.id for window in windows]
    ahead = await session.scalar(
        select(func.count()).where(
            Ticket.centre_id == ticket.centre_id,
            Ticket.service_day == ticket.service_day,
            Ticket.status == TicketStatus.WAITING,
            Ticket.id != ticket.id,
            called_by(window_ids),
            ahead_of(ticket),
        )
    )
    ahead = int(ahead or 0)
    seconds = ahead * await recent_service_seconds(session, window_ids) / max(len(windows), 1)
    return ahead, math.ceil(seconds / 60)


async def windows_for(session: AsyncSession, ticket: Ticket) -> list[Window]:
    """The open windows that call `ticket` now (none when all are closed)."""
    if ticket.window_id is not None:
        window = await session.get(Window, ticket.window_id)
        return [window] if window is not None and window.open else []
    return list(
        await session.scalars(
            select(Window)
            .join(WindowItem, WindowItem.window_id == Window.id)
            .where(
                Window.centre_id == ticket.centre_id,
                WindowItem.item_id == ticket.item_id,
                Window.open,
            )
            .order_by(Window.number)
        )
    )


async def ticket_or_404(session: AsyncSession, ticket_id: int) -> Ticket:
    ticket = await session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("票号不存在", code=errors.TICKET_NOT_FOUND)
    return ticket


# --- appointments (预约) -----------------------------------------------------------------


def now_in_beijing() -> datetime:
    return datetime.now(BEIJING)


async def create_slot(session: AsyncSession, principal: Principal, body: SlotIn) -> AppointmentSlot:
    """A bookable period for an item at a centre (the centre's managers open them)."""
    centre = await centre_or_404(session, body.centre_id)
    if not await can_manage_centre(session, principal, centre):
        raise Forbidden("无权管理该服务中心")
    await serving_windows(session, centre.id, item_id=body.item_id, window_id=None)
    if body.day < today():
        raise InvalidInput("day", "预约日期不能早于今天")
    existing = await session.scalar(
        select(AppointmentSlot.id).where(
            AppointmentSlot.centre_id == centre.id,
            AppointmentSlot.item_id == body.item_id,
            AppointmentSlot.day == body.day,
            AppointmentSlot.starts_at == body.starts_at,
        )
    )
    if existing is not None:
        raise Conflict("该时段已开放预约", code=errors.SLOT_EXISTS)
    slot = AppointmentSlot(
        centre_id=centre.id,
        item_id=body.item_id,
        day=body.day,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        capacity=body.capacity,
        booked=0,
        created_by=principal.username,
    )
    session.add(slot)
    await session.flush()
    return slot


async def bookable_slots(
    session: AsyncSession, centre_id: int, item_id: int | None, day_from: date | None
) -> list[AppointmentSlot]:
    """The slots of the coming days (from today), full ones included (shown as full)."""
    start = max(day_from or today(), today())
    query = select(AppointmentSlot).where(
        AppointmentSlot.centre_id == centre_id, AppointmentSlot.day >= start
    )
    if item_id is not None:
        query = query.where(AppointmentSlot.item_id == item_id)
    query = query.order_by(AppointmentSlot.day, AppointmentSlot.starts_at, AppointmentSlot.id)
    return list(await session.scalars(query.limit(200)))


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***."""
    return name[0] + "*" * max(len(name) - 1, 1)


async def book(session: AsyncSession, body: BookingIn) -> AppointmentBooking:
    """A place in a slot: the count is raised by one guarded statement, so a slot is never
    booked past its capacity, whoever books at the same moment."""
    slot = await session.get(AppointmentSlot, body.slot_id)
    if slot is None:
        raise NotFound("预约时段不存在", code=errors.SLOT_NOT_FOUND)
    now = now_in_beijing()
    if slot.day < now.date() or (slot.day == now.date() and slot.ends_at <= now.time()):
        raise Conflict("该时段已过，请选择其他时段", code=errors.SLOT_PAST)
    taken = await session.execute(
        update(AppointmentSlot)
        .where(AppointmentSlot.id == slot.id, AppointmentSlot.booked < AppointmentSlot.capacity)
        .values(booked=AppointmentSlot.booked + 1)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount == 0:  # type: ignore[attr-defined]
        raise Conflict("该时段已约满，请选择其他时段", code=errors.SLOT_FULL)
    await session.refresh(slot)
    booking = AppointmentBooking(
        slot_id=slot.id,
        code="".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)),
        name=body.name,
        phone=body.phone,
        status=BookingStatus.BOOKED,
    )
    session.add(booking)
    await session.flush()
    return booking


async def booking_or_404(session: AsyncSession, code: str) -> AppointmentBooking:
    booking = await session.scalar(
        select(AppointmentBooking).where(AppointmentBooking.code == code.strip().upper())
    )
    if booking is None:
        raise NotFound("预约码不存在", code=errors.BOOKING_NOT_FOUND)
    return booking


async def check_in(session: AsyncSession, code: str) -> tuple[Ticket, AppointmentBooking]:
    """Check a booking in on its day: a priority ticket for the booked item."""
    booking = await booking_or_404(session, code)
    if booking.status != BookingStatus.BOOKED:
        raise Conflict("该预约已签到或已取消", code=errors.BOOKING_USED)
    slot = await session.get_one(AppointmentSlot, booking.slot_id)
    if slot.day != today():
        raise Conflict(
            f"预约日期为 {slot.day.isoformat()}，请于当日签到", code=errors.BOOKING_NOT_TODAY
        )
    centre = await centre_or_404(session, slot.centre_id)
    windows = await serving_windows(session, centre.id, item_id=slot.item_id, window_id=None)
    ticket = await issue(
        session,
        centre,
        windows,
        item_id=slot.item_id,
        window_id=None,
        priority=Priority.APPOINTMENT,
        reason=f"预约 {slot.starts_at:%H:%M}-{slot.ends_at:%H:%M}",
    )
    booking.status = BookingStatus.CHECKED_IN
    booking.ticket_id = ticket.id
    booking.checked_in_at = utcnow()
    await session.flush()
    return ticket, booking
