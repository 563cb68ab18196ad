from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.outbox import service
from sunshine_kit.outbox.models import OutboxStatus
from sunshine_kit.outbox.schemas import OutboxMessageOut, OutboxSummary
from sunshine_kit.roles import Can
from sunshine_kit.units.service import require_at_top

router = APIRouter(
    prefix="/outbox",
    tags=["outbox"],
    responses=ERROR_RESPONSES,
    dependencies=[require_at_top(Can.OPERATE_DELIVERY)],
)


@router.get("/summary", response_model=OutboxSummary)
async def outbox_summary(session: SessionDep) -> OutboxSummary:
    """How many messages wait, were delivered, or gave up."""
    return OutboxSummary(**await service.summary(session))


@router.get("/dead", response_model=list[OutboxMessageOut])
async def list_dead(
    session: SessionDep, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[OutboxMessageOut]:
    """The dead-letter list: messages that could not be delivered after every retry."""
    messages = await service.list_messages(session, OutboxStatus.DEAD, limit)
    return [OutboxMessageOut.model_validate(m) for m in messages]


@router.get("/pending", response_model=list[OutboxMessageOut])
async def list_pending(
    session: SessionDep, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[OutboxMessageOut]:
    """Messages still waiting for delivery, with their last error."""
    messages = await service.list_messages(session, OutboxStatus.PENDING, limit)
    return [OutboxMessageOut.model_validate(m) for m in messages]


@router.post("/{message_id}/replay", response_model=OutboxMessageOut, status_code=202)
async def replay(message_id: RecordId, session: SessionDep) -> OutboxMessageOut:
    """Queue a dead message again."""
    message = await service.replay(session, message_id)
    await session.flush()
    return OutboxMessageOut.model_validate(message)
