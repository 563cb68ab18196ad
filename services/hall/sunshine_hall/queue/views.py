"""What the screens show: a ticket, the window console, the clerk's windows, the hall board,
and the choices at a centre's kiosk."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.items.models import ServiceItem
from sunshine_hall.queue.models import AppointmentSlot, Ticket, TicketStatus
from sunshine_hall.queue.schemas import (
    BoardCall,
    BoardState,
    BoardWindow,
    CentreChoices,
    CentreOut,
    ConsoleOut,
    DeskWindow,
    ItemChoice,
    SlotOut,
    TicketOut,
    TicketTaken,
    WindowBrief,
)
from sunshine_hall.queue.service import estimate, waiting_by_area, windows_for
from sunshine_hall.queue.steps import current_ticket, waiting_for
from sunshine_hall.windows.access import windows_to_serve
from sunshine_hall.windows.models import ServiceCentre, Window, WindowItem
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import today

RECENT_CALLS = 8
CONSOLE_QUEUE = 100


async def tickets_out(session: AsyncSession, tickets: Iterable[Ticket]) -> list[TicketOut]:
    """Tickets with their item's name and the number of the window that called them."""
    tickets = list(tickets)
    item_ids = {t.item_id for t in tickets if t.item_id is not None}
    window_ids = {t.called_window_id for t in tickets if t.called_window_id is not None}
    names: dict[int, str] = (
        dict(
            (
                await session.execute(
                    select(ServiceItem.id, ServiceItem.name).where(ServiceItem.id.in_(item_ids))
                )
            ).all()
        )
        if item_ids
        else {}
    )
    numbers: dict[int, int] = (
        dict(
            (
                await session.execute(
                    select(Window.id, Window.number).where(Window.id.in_(window_ids))
                )
            ).all()
        )
        if window_ids
        else {}
    )
    return [
        TicketOut.model_validate(
            {
                **{c: getattr(t, c) for c in TicketOut.model_fields if hasattr(Ticket, c)},
                "item_name": names.get(t.item_id) if t.item_id else None,
                "called_window_number": numbers.get(t.called_window_id)
                if t.called_window_id
                else None,
            }
        )
        for t in tickets
    ]


async def ticket_out(session: AsyncSession, ticket: Ticket) -> TicketOut:
    return (await tickets_out(session, [ticket]))[0]


def at_window(ticket: Ticket, window: Window, item_name: str | None) -> TicketOut:
    """The ticket just called at `window`, with its item's name (call-next's answer, which
    has both already)."""
    return TicketOut.model_validate(
        {
            **{c: getattr(ticket, c) for c in TicketOut.model_fields if hasattr(Ticket, c)},
            "item_name": item_name,
            "called_window_number": window.number,
        }
    )


async def taken(
    session: AsyncSession,
    ticket: Ticket,
    centre: ServiceCentre,
    windows: list[Window] | None = None,
) -> TicketTaken:
    """A ticket with its place in the queue (as printed, and as the phone page follows it)."""
    windows = windows if windows is not None else await windows_for(session, ticket)
    ahead, minutes = (0, 0)
    if ticket.status == TicketStatus.WAITING and windows:
        ahead, minutes = await estimate(session, ticket, windows)
    return TicketTaken(
        ticket=await ticket_out(session, ticket),
        centre_name=centre.name,
        waiting_ahead=ahead,
        estimated_wait_minutes=minutes,
        window_numbers=[window.number for window in windows],
    )


def window_brief(window: Window) -> WindowBrief:
    return WindowBrief(
        id=window.id,
        number=window.number,
        name=window.name,
        ticket_prefix=window.ticket_prefix,
        open=window.open,
    )


async def waiting_count(session: AsyncSession, window: Window) -> int:
    query = waiting_for(window).order_by(None).with_only_columns(func.count())
    return int(await session.scalar(query) or 0)


async def desk_window(
    session: AsyncSession, window: Window, centre: ServiceCentre | None = None
) -> DeskWindow:
    if centre is None:
        centre = await session.get_one(ServiceCentre, window.centre_id)
    current = await current_ticket(session, window)
    return DeskWindow(
        **window_brief(window).model_dump(),
        centre_id=centre.id,
        centre_name=centre.name,
        waiting=await waiting_count(session, window),
        current=await ticket_out(session, current) if current else None,
    )


async def desk(session: AsyncSession, principal: Principal) -> list[DeskWindow]:
    """The caller's windows (the same list as `GET /windows/mine`, `access.windows_to_serve`),
    each with its current ticket and queue length."""
    return [
        await desk_window(session, window, centre)
        for window, centre in await windows_to_serve(session, principal)
    ]


async def console(session: AsyncSession, window: Window) -> ConsoleOut:
    queue = await session.scalars(waiting_for(window).limit(CONSOLE_QUEUE))
    others = await session.scalars(
        select(Window)
        .where(Window.centre_id == window.centre_id, Window.id != window.id, Window.open)
        .order_by(Window.number)
    )
    return ConsoleOut(
        window=await desk_window(session, window),
        queue=await tickets_out(session, queue),
        transfer_to=[window_brief(other) for other in others],
    )


async def board(session: AsyncSession, centre: ServiceCentre) -> BoardState:
    """The display screen's state when it connects (the events then keep it current)."""
    windows = list(
        await session.scalars(
            select(Window).where(Window.centre_id == centre.id).order_by(Window.number)
        )
    )
    by_id = {window.id: window for window in windows}
    serving = {
        t.called_window_id: t
        for t in await session.scalars(
            select(Ticket).where(
                Ticket.centre_id == centre.id,
                Ticket.service_day == today(),
                Ticket.status == TicketStatus.CALLED,
            )
        )
    }
    recent = await session.scalars(
        select(Ticket)
        .where(
            Ticket.centre_id == centre.id,
            Ticket.service_day == today(),
            Ticket.called_at.is_not(None),
            Ticket.called_window_id.is_not(None),
        )
        .order_by(Ticket.called_at.desc())
        .limit(RECENT_CALLS)
    )
    return BoardState(
        centre_id=centre.id,
        centre_name=centre.name,
        windows=[
            BoardWindow(
                number=window.number,
                name=window.name,
                current=serving[window.id].number if window.id in serving else None,
                called_at=serving[window.id].called_at if window.id in serving else None,
            )
            for window in windows
            if window.open
        ],
        recent=[
            BoardCall(
                number=t.number,
                window_number=by_id[t.called_window_id].number,
                window_name=by_id[t.called_window_id].name,
                called_at=t.called_at,
            )
            for t in recent
            if t.called_window_id in by_id and t.called_at is not None
        ],
        waiting=await waiting_by_area(session, centre.id),
    )


def centre_out(centre: ServiceCentre) -> CentreOut:
    return CentreOut(
        id=centre.id,
        name=centre.name,
        address=centre.address,
        hours=centre.hours,
        phone=centre.phone,
    )


async def centres(session: AsyncSession, item_id: int | None = None) -> list[CentreOut]:
    """The centres that have an open window (where a ticket can be taken), or an open window
    that accepts `item_id`."""
    windows = select(Window.centre_id).where(Window.open)
    if item_id is not None:
        windows = windows.join(WindowItem, WindowItem.window_id == Window.id).where(
            WindowItem.item_id == item_id
        )
    rows = await session.scalars(
        select(ServiceCentre).where(ServiceCentre.id.in_(windows)).order_by(ServiceCentre.id)
    )
    return [centre_out(centre) for centre in rows]


async def choices(session: AsyncSession, centre: ServiceCentre) -> CentreChoices:
    """The items accepted at the centre's open windows, with their windows and queues."""
    windows = list(
        await session.scalars(
            select(Window).where(Window.centre_id == centre.id, Window.open).order_by(Window.number)
        )
    )
    numbers = {window.id: window.number for window in windows}
    accepted: dict[int, list[int]] = {}
    for window_id, item_id in (
        await session.execute(
            select(WindowItem.window_id, WindowItem.item_id).where(
                WindowItem.window_id.in_(numbers)
            )
        )
    ).all():
        accepted.setdefault(item_id, []).append(numbers[window_id])
    items = list(
        await session.scalars(
            select(ServiceItem).where(ServiceItem.id.in_(accepted)).order_by(ServiceItem.name)
        )
    )
    waiting = dict(
        (
            await session.execute(
                select(Ticket.item_id, func.count())
                .where(
                    Ticket.centre_id == centre.id,
                    Ticket.service_day == today(),
                    Ticket.status == TicketStatus.WAITING,
                    Ticket.item_id.is_not(None),
                )
                .group_by(Ticket.item_id)
            )
        ).all()
    )
    bookable = set(
        await session.scalars(
            select(AppointmentSlot.item_id).where(
                AppointmentSlot.centre_id == centre.id,
                AppointmentSlot.day >= today(),
                AppointmentSlot.booked < AppointmentSlot.capacity,
            )
        )
    )
    return CentreChoices(
        centre=centre_out(centre),
        items=[
            ItemChoice(
                id=item.id,
                name=item.name,
                window_numbers=sorted(accepted[item.id]),
                waiting=int(waiting.get(item.id, 0)),
                bookable=item.id in bookable,
            )
            for item in items
        ],
        windows=[window_brief(window) for window in windows],
    )


def slot_out(slot: AppointmentSlot) -> SlotOut:
    return SlotOut(
        id=slot.id,
        centre_id=slot.centre_id,
        item_id=slot.item_id,
        day=slot.day,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        capacity=slot.capacity,
        booked=slot.booked,
        available=max(slot.capacity - slot.booked, 0),
    )
