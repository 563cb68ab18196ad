from __future__ import annotations

from fastapi import APIRouter

from sunshine_catalog.columns import service
from sunshine_catalog.columns.schemas import (
    ColumnIn,
    ColumnNode,
    ColumnUpdate,
    UnitColumnSettingIn,
    UnitColumnSettingOut,
)
from sunshine_kit.auth import CurrentPrincipal, Role, require_roles
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES

router = APIRouter(tags=["columns"], responses=ERROR_RESPONSES)
_office = [require_roles(Role.OFFICE)]


@router.get("/columns", response_model=list[ColumnNode])
async def template(session: SessionDep) -> list[ColumnNode]:
    """The whole catalogue template (目录模板), every column for every unit type."""
    return service.build_tree(await service.active_columns(session))


@router.get("/units/{unit_id}/columns", response_model=list[ColumnNode])
async def unit_columns(unit_id: int, session: SessionDep) -> list[ColumnNode]:
    """A unit's disclosure catalogue (公开目录): the template as that unit shows it."""
    return await service.unit_tree(session, unit_id)


@router.post("/columns", response_model=ColumnNode, status_code=201, dependencies=_office)
async def add_column(
    body: ColumnIn, session: SessionDep, principal: CurrentPrincipal
) -> ColumnNode:
    """Add a column to the template (disclosure office)."""
    return service.to_node(await service.add_column(session, principal, body))


@router.patch("/columns/{column_id}", response_model=ColumnNode, dependencies=_office)
async def update_column(
    column_id: int, body: ColumnUpdate, session: SessionDep, principal: CurrentPrincipal
) -> ColumnNode:
    """Rename, reorder or move a column; change its retention period or the unit types it is
    hidden for."""
    return service.to_node(await service.update_column(session, principal, column_id, body))


@router.put(
    "/units/{unit_id}/columns/{column_id}/setting",
    response_model=UnitColumnSettingOut,
    dependencies=_office,
)
async def set_unit_column(
    unit_id: int,
    column_id: int,
    body: UnitColumnSettingIn,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> UnitColumnSettingOut:
    """Hide a template column from one unit's catalogue, or show it again."""
    setting = await service.set_unit_setting(session, principal, unit_id, column_id, body.hidden)
    return UnitColumnSettingOut(unit_id=unit_id, column_id=column_id, hidden=setting.hidden)
