from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response

from sunshine_catalog.deps import ProvinceUrl
from sunshine_catalog.intake import service
from sunshine_catalog.intake.schemas import IntakeItemIn
from sunshine_catalog.items.schemas import StaffItem
from sunshine_catalog.items.views import staff_view
from sunshine_kit.auth import ServiceCaller
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES

router = APIRouter(prefix="/intake", tags=["intake"], responses=ERROR_RESPONSES)


@router.post("/items", response_model=StaffItem, status_code=201)
async def receive_item(
    body: IntakeItemIn,
    response: Response,
    session: SessionDep,
    sender: ServiceCaller,
    idempotency_key: Annotated[str, Header(min_length=8, max_length=200)],
    calendar: CalendarDep,
    province_url: ProvinceUrl,
) -> StaffItem:
    """Publish an item sent by another service (双公示, 年度报告); the same key twice is one item.

    A repeat answers 200 with the item made the first time.
    """
    existing = await service.already_received(session, idempotency_key)
    if existing is not None:
        response.status_code = 200
        return await staff_view(session, sender, existing)
    item = await service.receive(
        session, calendar, sender, idempotency_key, body, province_url=province_url
    )
    return await staff_view(session, sender, item)
