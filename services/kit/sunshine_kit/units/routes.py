from __future__ import annotations

from fastapi import APIRouter

from sunshine_kit.auth import ServiceCaller
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, InvalidInput
from sunshine_kit.ids import RecordId
from sunshine_kit.inbox import IdempotencyKey, first_delivery
from sunshine_kit.units import service
from sunshine_kit.units.schemas import UnitOut, UnitSnapshot

router = APIRouter(prefix="/org/units", tags=["org"], responses=ERROR_RESPONSES)


@router.get("/{unit_id}", response_model=UnitOut)
async def get_unit(unit_id: RecordId, session: SessionDep) -> UnitOut:
    """This component's copy of a unit (单位)."""
    return UnitOut.model_validate(await service.get_unit(session, unit_id))


@router.put("/{unit_id}", status_code=204)
async def receive_unit(
    unit_id: RecordId,
    snapshot: UnitSnapshot,
    session: SessionDep,
    caller: ServiceCaller,
    idempotency_key: IdempotencyKey,
) -> None:
    """Receive a change of the organisation tree from the gateway (outbox delivery)."""
    if snapshot.id != unit_id:
        raise InvalidInput("body.id", "与地址中的单位编号不一致")
    if await first_delivery(session, idempotency_key, source=caller.username):
        await service.apply_snapshot(session, snapshot, actor=caller)
