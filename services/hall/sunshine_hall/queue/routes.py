"""HTTP for the queue: the public kiosk and phone pages, appointments, the window console and
the figures. Who may act at a window is `windows.access`'s rule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_hall.items.models import ServiceItem
from sunshine_hall.queue import service, stats, steps, views
from sunshine_hall.queue.models import AppointmentBooking, AppointmentSlot, BookingStatus
from sunshine_hall.queue.schemas import (
    BoardState,
    BookingIn,
    BookingOut,
    CallOut,
    CentreChoices,
    CentreOut,
    CheckInIn,
    ConsoleOut,
    DeskWindow,
    FinishIn,
    QueueStats,
    SlotIn,
    SlotOut,
    TicketIn,
    TicketOut,
    TicketTaken,
    TransferIn,
)
from sunshine_hall.windows.access import can_manage_centre, window_to_serve
from sunshine_kit.auth import CurrentPrincipal, OptionalPrincipal, require
from sunshine_kit.calendar.days import today
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, Forbidden, InvalidInput
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.personal_data import mask_phone
from sunshine_kit.roles import Can

router = APIRouter(prefix="/queue", tags=["queue"], responses=ERROR_RESPONSES)
_window_staff = [require(Can.SERVE_AT_WINDOW)]
MAX_STATS_DAYS = 366


# --- public: the kiosk, the phone page, the display screen ----------------------------------


@router.get("/centres", response_model=list[CentreOut])
async def list_centres(session: SessionDep, item_id: OptionalIdFilter = None) -> list[CentreOut]:
    """The service centres where a ticket can be taken, for `item_id` if given (public)."""
    return await views.centres(session, item_id)


@router.get("/centres/{centre_id}", response_model=CentreChoices)
async def centre_choices(centre_id: RecordId, session: SessionDep) -> CentreChoices:
    """What a ticket can be taken for at a centre: items with their windows and queues (public)."""
    return await views.choices(session, await service.centre_or_404(session, centre_id))


@router.get("/centres/{centre_id}/board", response_model=BoardState)
async def board_state(centre_id: RecordId, session: SessionDep) -> BoardState:
    """The hall board as it stands (public; the live stream sends it first, then each change)."""
    return await views.board(session, await service.centre_or_404(session, centre_id))


@router.post("/tickets", response_model=TicketTaken, status_code=201)
async def take_ticket(
    body: TicketIn, session: SessionDep, principal: OptionalPrincipal
) -> TicketTaken:
    """Take a ticket for an item or a window (public). Priority tickets are issued by staff."""
    ticket, centre, windows = await service.take_ticket(session, body, principal)
    return await views.taken(session, ticket, centre, windows)


@router.get("/tickets/{ticket_id}", response_model=TicketTaken)
async def follow_ticket(ticket_id: RecordId, session: SessionDep) -> TicketTaken:
    """A ticket's place in the queue, for the phone page to follow (public, no personal data)."""
    ticket = await service.ticket_or_404(session, ticket_id)
    centre = await service.centre_or_404(session, ticket.centre_id)
    return await views.taken(session, ticket, centre)


@router.get("/slots", response_model=list[SlotOut])
async def list_slots(
    session: SessionDep,
    centre_id: Annotated[int, Query(ge=1, le=2**31 - 1)],
    item_id: OptionalIdFilter = None,
    day_from: date | None = None,
) -> list[SlotOut]:
    """The appointment slots of the coming days at a centre (public)."""
    return [
        views.slot_out(slot)
        for slot in await service.bookable_slots(session, centre_id, item_id, day_from)
    ]


@router.post("/bookings", response_model=BookingOut, status_code=201)
async def book(body: BookingIn, session: SessionDep) -> BookingOut:
    """Book a place in a slot (public). Keep the code: it is checked in at the centre."""
    booking = await service.book(session, body)
    return await _booking_out(session, booking)


@router.post("/bookings/check-in", response_model=TicketTaken, status_code=201)
async def check_in(body: CheckInIn, session: SessionDep) -> TicketTaken:
    """Check a booking in on its day at the kiosk: a priority ticket (public, by the code)."""
    ticket, _ = await service.check_in(session, body.code)
    return await views.taken(
        session, ticket, await service.centre_or_404(session, ticket.centre_id)
    )


async def _booking_out(session: SessionDep, booking: AppointmentBooking) -> BookingOut:
    slot = await session.get_one(AppointmentSlot, booking.slot_id)
    centre = await service.centre_or_404(session, slot.centre_id)
    item = await session.get_one(ServiceItem, slot.item_id)
    return BookingOut(
        code=booking.code,
        status=BookingStatus(booking.status),
        name_masked=service.mask_name(booking.name),
        phone_masked=mask_phone(booking.phone),
        slot=views.slot_out(slot),
        centre_name=centre.name,
        item_name=item.name,
    )


# --- the centre's managers ----------------------------------------------------------------


@router.post(
    "/slots", response_model=SlotOut, status_code=201, dependencies=[require(Can.MANAGE_HALL)]
)
async def open_slot(body: SlotIn, session: SessionDep, principal: CurrentPrincipal) -> SlotOut:
    """Open an appointment slot for an item at a centre (the centre's managers)."""
    return views.slot_out(await service.create_slot(session, principal, body))


@router.get(
    "/stats",
    response_model=QueueStats,
    dependencies=[require(Can.SUPERVISE_HALL)],
)
async def queue_stats(
    session: SessionDep,
    principal: CurrentPrincipal,
    centre_id: Annotated[int, Query(ge=1, le=2**31 - 1)],
    date_from: date | None = None,
    date_to: date | None = None,
) -> QueueStats:
    """Tickets served, no-shows, average wait and service per window and item (default: the
    last 30 days), for the supervisors and the reporting service."""
    centre = await service.centre_or_404(session, centre_id)
    if not await can_manage_centre(session, principal, centre):
        raise Forbidden("无权查看该服务中心")
    end = date_to or today()
    start = date_from or end - timedelta(days=29)
    if start > end:
        raise InvalidInput("date_from", "开始日期不能晚于结束日期")
    if (end - start).days >= MAX_STATS_DAYS:
        raise InvalidInput("date_from", f"统计区间不能超过{MAX_STATS_DAYS}天")
    return await stats.queue_stats(session, centre, start, end)


# --- the window console -------------------------------------------------------------------


@router.get("/desk", response_model=list[DeskWindow], dependencies=_window_staff)
async def my_windows(session: SessionDep, principal: CurrentPrincipal) -> list[DeskWindow]:
    """The windows the caller works at, each with its current ticket and queue length."""
    return await views.desk(session, principal)


@router.get("/windows/{window_id}", response_model=ConsoleOut, dependencies=_window_staff)
async def window_console(
    window_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> ConsoleOut:
    """A window's console: the ticket being served, the queue, where to transfer."""
    return await views.console(session, await window_to_serve(session, principal, window_id))


@router.post("/windows/{window_id}/call-next", response_model=CallOut, dependencies=_window_staff)
async def call_next(
    window_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> CallOut:
    """Call the next ticket the window accepts: priority first, then first come."""
    window = await window_to_serve(session, principal, window_id)
    called = await steps.call_next(session, principal, window)
    return CallOut(
        ticket=views.at_window(called.ticket, window, called.item_name) if called.ticket else None,
        waiting=called.waiting,
    )


@router.post("/tickets/{ticket_id}/recall", response_model=TicketOut, dependencies=_window_staff)
async def recall(
    ticket_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> TicketOut:
    """重呼: announce the ticket at the window again."""
    ticket, window = await steps.ticket_at_my_window(session, principal, ticket_id)
    return await views.ticket_out(session, await steps.recall(session, ticket, window))


@router.post("/tickets/{ticket_id}/no-show", response_model=TicketOut, dependencies=_window_staff)
async def no_show(
    ticket_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> TicketOut:
    """过号: the person called did not come."""
    ticket, window = await steps.ticket_at_my_window(session, principal, ticket_id)
    return await views.ticket_out(session, await steps.no_show(session, ticket, window))


@router.post("/tickets/{ticket_id}/transfer", response_model=TicketOut, dependencies=_window_staff)
async def transfer(
    ticket_id: RecordId, body: TransferIn, session: SessionDep, principal: CurrentPrincipal
) -> TicketOut:
    """转移: send the person to another window of the centre, in their place in the queue."""
    ticket, window = await steps.ticket_at_my_window(session, principal, ticket_id)
    moved = await steps.transfer(session, ticket, window, body.window_id)
    return await views.ticket_out(session, moved)


@router.post("/tickets/{ticket_id}/finish", response_model=TicketOut, dependencies=_window_staff)
async def finish(
    ticket_id: RecordId, body: FinishIn, session: SessionDep, principal: CurrentPrincipal
) -> TicketOut:
    """办结: the person was served (with the number of the case accepted, if one was)."""
    ticket, window = await steps.ticket_at_my_window(session, principal, ticket_id)
    done = await steps.finish(session, ticket, window, body.case_number)
    return await views.ticket_out(session, done)
