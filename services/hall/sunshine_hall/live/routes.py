"""The live streams (server-sent events): the hall's display board and the supervisors' alerts.

A stream sends the current state first, then each event of its channel, with a comment line as
heartbeat every `HEARTBEAT_SECONDS` (so proxies and the browser know the line is alive). It ends
after `STREAM_SECONDS` and the browser's EventSource reconnects at once: a connection is then
re-admitted (a signed-out supervisor stops receiving alerts) and replicas share the screens
again after one was restarted. Tests set `app.state.live_stream_seconds` to 0 (state only).
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sse_starlette import EventSourceResponse, ServerSentEvent

from sunshine_hall.live.hub import Subscription, hub_of
from sunshine_hall.live.models import LiveEvent
from sunshine_hall.live.service import ALERTS, board_channel
from sunshine_hall.queue import views
from sunshine_hall.queue.service import centre_or_404
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.db import Database, SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.roles import Can
from sunshine_kit.units.service import units_in_reach

router = APIRouter(prefix="/live", tags=["live"], responses=ERROR_RESPONSES)

STREAM_SECONDS = 600.0
HEARTBEAT_SECONDS = 15
STREAM: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/event-stream": {}}, "description": "事件流（text/event-stream）"}
}


def _lifetime(request: Request) -> float:
    return float(getattr(request.app.state, "live_stream_seconds", STREAM_SECONDS))


async def _events(
    request: Request,
    subscription: Subscription | None,
    first: ServerSentEvent,
    after_id: int,
    admits: Any = None,
) -> AsyncIterator[ServerSentEvent]:
    hub = hub_of(request.app)
    try:
        yield first
        if subscription is None:
            return
        deadline = time.monotonic() + _lifetime(request)
        while not subscription.overflowed:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            # A screen that fell behind is dropped by the hub; this notices it within 15 s.
            message = await subscription.next(min(left, 15.0))
            if message is None or message.id <= after_id:
                continue
            if admits is not None and not admits(message.data):
                continue
            yield ServerSentEvent(
                event=message.kind,
                id=str(message.id),
                data=json.dumps(message.data, ensure_ascii=False),
            )
    finally:
        if subscription is not None:
            hub.close(subscription)


async def _subscribe(request: Request, channel: str) -> Subscription | None:
    return await hub_of(request.app).subscribe(channel) if _lifetime(request) > 0 else None


async def _newest_event(session: SessionDep) -> int:
    return int(await session.scalar(select(func.max(LiveEvent.id))) or 0)


def _stream(events: AsyncIterator[ServerSentEvent]) -> EventSourceResponse:
    # X-Accel-Buffering: a proxy in front (nginx) passes each event on as it comes.
    return EventSourceResponse(
        events,
        ping=HEARTBEAT_SECONDS,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


# A hall's screens connect all at once (the display wall powered on, a replica restarted): the
# state is read once per centre and second and shared, as long as no event came since.
STATE_SECONDS = 1.0


@dataclass(frozen=True)
class _State:
    read_at: float
    after_id: int
    json: str


async def _board_state(
    request: Request, centre_id: int, subscription: Subscription | None
) -> _State:
    states: dict[int, _State] | None = getattr(request.app.state, "board_states", None)
    if states is None:
        states = request.app.state.board_states = {}
    known = states.get(centre_id)
    hub = hub_of(request.app)
    if (
        known is not None
        and subscription is not None
        and time.monotonic() - known.read_at < STATE_SECONDS
        and hub.latest.get(subscription.channel, 0) <= known.after_id
    ):
        return known
    database: Database = request.app.state.db
    # The reader rather than a request session: a cached state costs no connection at all.
    async with database.reader() as connection, AsyncSession(bind=connection) as session:
        centre = await centre_or_404(session, centre_id)
        after = int(await session.scalar(select(func.max(LiveEvent.id))) or 0)
        state = await views.board(session, centre)
    fresh = _State(time.monotonic(), after, state.model_dump_json())
    states[centre_id] = fresh
    return fresh


@router.get("/board/{centre_id}", response_class=EventSourceResponse, responses=STREAM)
async def board_stream(centre_id: RecordId, request: Request) -> Any:
    """The hall board of a centre, live (public): event `state` (the board as it stands, as
    GET /queue/centres/{id}/board), then `call` (a number called or recalled at a window),
    `free` (a window finished with its ticket) and `waiting` (the counts per area changed)."""
    subscription = await _subscribe(request, board_channel(centre_id))
    try:
        state = await _board_state(request, centre_id, subscription)
    except BaseException:
        if subscription is not None:
            hub_of(request.app).close(subscription)
        raise
    first = ServerSentEvent(event="state", id=str(state.after_id), data=state.json)
    return _stream(_events(request, subscription, first, state.after_id))


@router.get(
    "/alerts",
    response_class=EventSourceResponse,
    responses=STREAM,
    dependencies=[require(Can.SUPERVISE_HALL)],
)
async def alerts_stream(request: Request, session: SessionDep, principal: CurrentPrincipal) -> Any:
    """Supervision alerts as they are raised (event `ready` first, then each alert of a unit in
    the caller's reach: events whose data names a `unit_id`)."""
    reach = None if principal.is_service else await units_in_reach(session, principal, None)
    subscription = await _subscribe(request, ALERTS)
    after = await _newest_event(session)

    def admits(data: dict[str, Any]) -> bool:
        unit = data.get("unit_id")
        return reach is None or unit is None or unit in reach

    first = ServerSentEvent(event="ready", id=str(after), data="{}")
    return _stream(_events(request, subscription, first, after, admits))
