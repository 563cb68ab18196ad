from __future__ import annotations

from fastapi import APIRouter

from sunshine_gateway.deps import SignedIn
from sunshine_gateway.units import service
from sunshine_gateway.units.schemas import UnitIn, UnitUpdate
from sunshine_kit.auth import require
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.roles import Can
from sunshine_kit.units.schemas import UnitOut

router = APIRouter(prefix="/units", tags=["units"], responses=ERROR_RESPONSES)
_managers = [require(Can.MANAGE_UNITS)]


@router.get("", response_model=list[UnitOut])
async def list_units(session: SessionDep) -> list[UnitOut]:
    """The organisation tree (单位) as a flat list with parents; public."""
    return [UnitOut.model_validate(u) for u in await service.list_units(session)]


@router.post("", response_model=UnitOut, status_code=201, dependencies=_managers)
async def create_unit(body: UnitIn, session: SessionDep, principal: SignedIn) -> UnitOut:
    """Add a unit under one of the caller's subtree."""
    return UnitOut.model_validate(await service.create_unit(session, principal, body))


@router.patch("/{unit_id}", response_model=UnitOut, dependencies=_managers)
async def update_unit(
    unit_id: RecordId, body: UnitUpdate, session: SessionDep, principal: SignedIn
) -> UnitOut:
    """Rename, re-code, reorder or move a unit."""
    return UnitOut.model_validate(await service.update_unit(session, principal, unit_id, body))


@router.post("/{unit_id}/close", response_model=UnitOut, dependencies=_managers)
async def close_unit(unit_id: RecordId, session: SessionDep, principal: SignedIn) -> UnitOut:
    """Close (撤销) a unit that has no open units below it."""
    return UnitOut.model_validate(await service.close_unit(session, principal, unit_id))
