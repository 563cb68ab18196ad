from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from sunshine_kit.auth import ServiceCaller
from sunshine_kit.calendar import service
from sunshine_kit.calendar.schemas import YearArrangementOut, YearArrangementPush
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, InvalidInput
from sunshine_kit.inbox import IdempotencyKey, first_delivery

router = APIRouter(prefix="/calendar", tags=["calendar"], responses=ERROR_RESPONSES)


@router.get("/years", response_model=list[YearArrangementOut])
async def list_years(session: SessionDep) -> list[YearArrangementOut]:
    """The holiday arrangements this component counts working days with."""
    return await service.list_years(session)


@router.put("/years/{year}", status_code=204)
async def receive_year(
    year: Annotated[int, Path(ge=2000, le=2100, description="年份")],
    body: YearArrangementPush,
    request: Request,
    session: SessionDep,
    caller: ServiceCaller,
    idempotency_key: IdempotencyKey,
) -> None:
    """Receive a year's arrangement loaded at the gateway (outbox delivery)."""
    if not await first_delivery(session, idempotency_key, source=caller.username):
        return
    if body.year != year:
        raise InvalidInput("body.year", "与地址中的年份不一致")
    await service.load_year(session, caller, year, body)
    on_change: service.CalendarChange | None = getattr(
        request.app.state, "on_calendar_change", None
    )
    if on_change is not None:
        # In this transaction: the year and the dates counted with it are stored together.
        await on_change(session, await service.build_calendar(session))
    request.app.state.calendar.invalidate()
