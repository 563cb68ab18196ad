"""The clerk's actions at a window: call next, recall, no-show, transfer, finish.

Each call writes a live event in its own transaction, so the board shows a call exactly when
it happened. Call-next picks the ticket with `SELECT … FOR UPDATE SKIP LOCKED`: two windows
calling at the same moment each lock a different waiting ticket, and neither waits for the
other (bench/hall_queue.py measures 50 windows). On PostgreSQL the whole call is one statement
(`_CALL_NEXT`): the check that the window is free, the pick and its update, the board's waiting
counts, the board's event and what the answer shows, in one round trip where the ORM took
eight. On SQLite, which has no row locks, the transaction takes the database's write lock when
it begins (`BEGIN IMMEDIATE`, see `sunshine_kit.db`), so the calls run one after the other and
the same holds; there the ORM path below does the same steps one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Select, bindparam, case, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.items.models import ServiceItem
from sunshine_hall.live.service import board_channel, publish
from sunshine_hall.queue import errors
from sunshine_hall.queue.models import Priority, Ticket, TicketStatus
from sunshine_hall.queue.service import called_by, ticket_or_404, waiting_by_area
from sunshine_hall.windows.access import window_to_serve
from sunshine_hall.windows.models import Window
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import today
from sunshine_kit.db import UTCDateTime, utcnow
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


@dataclass(frozen=True)
class Called:
    """What call-next did: the ticket now at the window (None when nobody waits for it), its
    item's name, and how many still wait for the window."""

    ticket: Ticket | None
    item_name: str | None
    waiting: int


async def call_next(session: AsyncSession, principal: Principal, window: Window) -> Called:
    """Call the next ticket `window` accepts (none when nobody waits for it)."""
    if session.get_bind().dialect.name == "postgresql":
        return await _call_next_in_postgresql(session, principal, window)
    current = await current_ticket(session, window)
    if current is not None:
        raise _in_service(current.number)
    ticket = await session.scalar(waiting_for(window).limit(1).with_for_update(skip_locked=True))
    if ticket is not None:
        now = utcnow()
        ticket.status = TicketStatus.CALLED
        ticket.called_window_id = window.id
        ticket.called_at = now
        ticket.first_called_at = ticket.first_called_at or now
        ticket.called_by = principal.username
        ticket.calls += 1
        await session.flush()
        await _announce_call(session, ticket, window, recall=False)
    item_name = (
        await session.scalar(select(ServiceItem.name).where(ServiceItem.id == ticket.item_id))
        if ticket is not None and ticket.item_id is not None
        else None
    )
    waiting = waiting_for(window).order_by(None).with_only_columns(func.count())
    return Called(ticket, item_name, int(await session.scalar(waiting) or 0))


def _in_service(number: str) -> Conflict:
    return Conflict(
        f"当前票号 {number} 尚未办结，请先办结、过号或转移", code=errors.TICKET_IN_SERVICE
    )


# `waiting_for` and `CALL_ORDER` in SQL, and what `_announce_call` writes. Every part reads the
# snapshot the statement began with, in which the picked ticket still waits: the counts take it
# off. The board's event (`told`) is written whether or not the query reads it, as every
# data-modifying part of a WITH is. The ticket being served
# at the window stops the call (`busy`); the picked row is locked even then, and let go at the
# end of the transaction, which the 409 rolls back.
_CALL_NEXT = """
WITH busy AS (
    SELECT number FROM queue_ticket
    WHERE called_window_id = :window AND status = 'called'
    ORDER BY called_at DESC LIMIT 1
), waiting_here AS (
    SELECT id, area, window_id, item_id FROM queue_ticket
    WHERE centre_id = :centre AND service_day = :day AND status = 'waiting'
), picked AS (
    UPDATE queue_ticket
    SET status = 'called', called_window_id = :window, called_at = :now,
        first_called_at = coalesce(first_called_at, :now), called_by = :clerk,
        calls = calls + 1
    WHERE id = (
        SELECT id FROM queue_ticket
        WHERE centre_id = :centre AND service_day = :day AND status = 'waiting'
          AND (window_id = :window OR (window_id IS NULL AND item_id IN (
              SELECT item_id FROM window_item WHERE window_id = :window)))
        ORDER BY CASE WHEN priority = 'none' THEN 1 ELSE 0 END, id
        LIMIT 1 FOR UPDATE SKIP LOCKED
    ) AND NOT EXISTS (SELECT 1 FROM busy)
    RETURNING *
), by_area AS (
    SELECT w.area, count(*) AS n FROM waiting_here AS w
    WHERE w.id NOT IN (SELECT id FROM picked) GROUP BY w.area
), told AS (
    INSERT INTO live_event (channel, kind, data, created_at)
    SELECT :channel, 'call', jsonb_build_object(
        'number', p.number, 'window_number', CAST(:window_number AS integer),
        'window_name', CAST(:window_name AS text), 'called_at', CAST(:called_at AS text),
        'recall', false,
        'waiting', (SELECT coalesce(jsonb_object_agg(area, n), '{}'::jsonb) FROM by_area)), :now
    FROM picked AS p
)
SELECT p.*, i.name AS item_name, (SELECT number FROM busy) AS busy_number,
    (SELECT count(*) FROM waiting_here AS w
     WHERE w.id NOT IN (SELECT id FROM picked)
       AND (w.window_id = :window OR (w.window_id IS NULL AND w.item_id IN (
           SELECT item_id FROM window_item WHERE window_id = :window)))) AS still_waiting
FROM (SELECT 1) AS one
LEFT JOIN picked AS p ON true
LEFT JOIN service_item AS i ON i.id = p.item_id
"""
_TICKET_COLUMNS = [column.key for column in Ticket.__table__.columns]


async def _call_next_in_postgresql(
    session: AsyncSession, principal: Principal, window: Window
) -> Called:
    now = utcnow()
    statement = text(_CALL_NEXT).bindparams(
        bindparam("day", type_=Date), bindparam("now", type_=UTCDateTime(timezone=True))
    )
    params: dict[str, Any] = {
        "window": window.id,
        "centre": window.centre_id,
        "day": today(),
        "now": now,
        "clerk": principal.username,
        "channel": board_channel(window.centre_id),
        "window_number": window.number,
        "window_name": window.name,
        "called_at": now.isoformat(),
    }
    row = (await session.execute(statement, params)).mappings().one()
    if row["busy_number"] is not None:
        raise _in_service(row["busy_number"])
    if row["id"] is None:
        return Called(None, None, int(row["still_waiting"]))
    # A plain object, not one of the session's: the row was changed in SQL, and nothing later
    # in the request writes it.
    ticket = Ticket(**{key: row[key] for key in _TICKET_COLUMNS})
    return Called(ticket, row["item_name"], int(row["still_waiting"]))


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
