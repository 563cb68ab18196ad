"""The clerk's actions at a window: call next, recall, no-show, transfer, finish.

Each call writes a live event in its own transaction, so the board shows a call exactly when
it happened. Call-next picks the ticket with `SELECT … FOR UPDATE SKIP LOCKED`: two windows
calling at the same moment each lock a different waiting ticket, and neither waits for the
other (bench/hall_queue.py measures 50 windows). On SQLite, which has no row locks, the
transaction takes the database's write lock when it begins (`BEGIN IMMEDIATE`, see
`sunshine_kit.db`), so the calls run one after the other and the same holds.
"""

from __future__ import annotations

from sqlalchemy import Select, case, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.live.service import board_channel, publish
from sunshine_hall.queue import errors
from sunshine_hall.queue.models import Priority, Ticket, TicketStatus
from sunshine_hall.queue.service import called_by, ticket_or_404, waiting_by_area
from sunshine_hall.windows.access import window_to_serve
from sunshine_hall.windows.models import Window
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import today
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, InvalidInput

# Priority tickets (appointment, green channel, the elderly, the disabled) first, then first come.
CALL_ORDER = (case((Ticket.priority == Priority.NONE, 1), else_=0), Ticket.id)


async def current_ticket(session: AsyncSession, window: Window) -> Ticket | None:
    """The ticket being served at `window`."""
    return await session.scalar(
        select(Ticket)
        .where(Ticket.called_window_id == window.id, Ticket.status == TicketStatus.CALLED)
        .order_by(Ticket.called_at.desc())
        .limit(1)
    )


def waiting_for(window: Window) -> Select[Ticket]:
    """The query of the tickets `window` calls today, in the order it calls them."""
    return (
        select(Ticket)
        .where(
            Ticket.centre_id == window.centre_id,
            Ticket.service_day == today(),
            Ticket.status == TicketStatus.WAITING,
            called_by([window.id]),
        )
        .order_by(*CALL_ORDER)
    )


async def call_next(session: AsyncSession, principal: Principal, window: Window) -> Ticket | None:
    """Call the next ticket `window` accepts (none when nobody waits for it)."""
    current = await current_ticket(session, window)
    if current is not None:
        raise Conflict(
            f"当前票号 {current.number} 尚未办结，请先办结、过号或转移",
            code=errors.TICKET_IN_SERVICE,
        )
    ticket = await session.scalar(waiting_for(window).limit(1).with_for_update(skip_locked=True))
    if ticket is None:
        return None
    now = utcnow()
    ticket.status = TicketStatus.CALLED
    ticket.called_window_id = window.id
    ticket.called_at = now
    ticket.first_called_at = ticket.first_called_at or now
    ticket.called_by = principal.username
    ticket.calls += 1
    await session.flush()
    await _announce_call(session, ticket, window, recall=False)
    return ticket


async def ticket_at_my_window(
    session: AsyncSession, principal: Principal, ticket_id: int
) -> tuple[Ticket, Window]:
    """The ticket being served at a window the caller works at (403 otherwise, 409 when the
    ticket is not at a window)."""
    ticket = await ticket_or_404(session, ticket_id)
    if ticket.called_window_id is None or ticket.status != TicketStatus.CALLED:
        raise Conflict(f"票号 {ticket.number} 不在窗口办理中", code=errors.TICKET_NOT_AT_WINDOW)
    window = await window_to_serve(session, principal, ticket.called_window_id)
    return ticket, window


async def recall(session: AsyncSession, ticket: Ticket, window: Window) -> Ticket:
    """重呼: announce the ticket again."""
    ticket.called_at = utcnow()
    ticket.calls += 1
    await session.flush()
    await _announce_call(session, ticket, window, recall=True)
    return ticket


async def no_show(session: AsyncSession, ticket: Ticket, window: Window) -> Ticket:
    """过号: the person did not come; the window is free for the next."""
    ticket.status = TicketStatus.NO_SHOW
    ticket.finished_at = utcnow()
    await session.flush()
    await _announce_free(session, window)
    return ticket


async def finish(session: AsyncSession, ticket: Ticket, window: Window, case_number: str) -> Ticket:
    """办结: served, with the number of the case made (if one was)."""
    ticket.status = TicketStatus.FINISHED
    ticket.finished_at = utcnow()
    ticket.case_number = case_number.strip()
    await session.flush()
    await _announce_free(session, window)
    return ticket


async def transfer(session: AsyncSession, ticket: Ticket, window: Window, target_id: int) -> Ticket:
    """转移: the person waits again, for the other window only, in their place by first come."""
    target = await session.get(Window, target_id)
    if target is None or target.centre_id != window.centre_id:
        raise InvalidInput("window_id", "本中心没有这个窗口")
    if target.id == window.id:
        raise InvalidInput("window_id", "不能转移到当前窗口", code=errors.SAME_WINDOW)
    if not target.open:
        raise InvalidInput("window_id", "该窗口暂停服务", code=errors.WINDOW_CLOSED)
    ticket.status = TicketStatus.WAITING
    ticket.transferred_from_window_id = window.id
    ticket.window_id = target.id
    ticket.called_window_id = None
    ticket.called_at = None
    await session.flush()
    await _announce_free(session, window)
    return ticket


async def _announce_call(
    session: AsyncSession, ticket: Ticket, window: Window, *, recall: bool
) -> None:
    waiting = await waiting_by_area(session, window.centre_id)
    assert ticket.called_at is not None
    publish(
        session,
        board_channel(window.centre_id),
        "call",
        {
            "number": ticket.number,
            "window_number": window.number,
            "window_name": window.name,
            "called_at": ticket.called_at.isoformat(),
            "recall": recall,
            "waiting": waiting,
        },
    )


async def _announce_free(session: AsyncSession, window: Window) -> None:
    waiting = await waiting_by_area(session, window.centre_id)
    publish(
        session,
        board_channel(window.centre_id),
        "free",
        {"window_number": window.number, "waiting": waiting},
    )
