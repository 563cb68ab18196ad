from __future__ import annotations

from fastapi import APIRouter

from sunshine_catalog.columns import service, views
from sunshine_catalog.columns.schemas import (
    ColumnIn,
    ColumnNode,
    ColumnUpdate,
    EmptyColumn,
    TemplateRights,
    UnitColumnNode,
    UnitColumnSettingIn,
    UnitColumnSettingOut,
)
from sunshine_catalog.deps import TemplateKeeper
from sunshine_catalog.items.schemas import ItemPage, ItemSummary
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, Forbidden
from sunshine_kit.ids import RecordId
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can

router = APIRouter(tags=["columns"], responses=ERROR_RESPONSES)
_office = [require(Can.MANAGE_CATALOGUE)]


@router.get("/columns", response_model=list[ColumnNode])
async def template(session: SessionDep) -> list[ColumnNode]:
    """The whole catalogue template (目录模板), every column for every unit type."""
    return service.build_tree(await service.active_columns(session))


@router.get("/units/{unit_id}/columns", response_model=list[UnitColumnNode])
async def unit_columns(unit_id: RecordId, session: SessionDep) -> list[UnitColumnNode]:
    """A unit's disclosure catalogue (公开目录): the template as that unit shows it, each column
    with the items published in it and below it (public)."""
    return await views.counted_tree(session, unit_id)


@router.get("/units/{unit_id}/columns/empty", response_model=list[EmptyColumn])
async def empty_columns(unit_id: RecordId, session: SessionDep) -> list[EmptyColumn]:
    """The columns of a unit's catalogue with nothing published in them or below them (空栏目),
    in the catalogue's order (public)."""
    return await views.empty_columns(session, unit_id)


@router.get("/units/{unit_id}/columns/{column_id}/items", response_model=ItemPage)
async def column_items(
    unit_id: RecordId, column_id: RecordId, session: SessionDep, page: PageDep
) -> ItemPage:
    """A unit's published items in a column and the columns below it, newest first (public)."""
    items, total = await views.column_items_page(session, unit_id, column_id, page)
    return ItemPage(
        items=[ItemSummary.model_validate(i) for i in items],
        total=total,
        page=page.page,
        size=page.size,
    )


@router.get(
    "/template/rights", response_model=TemplateRights, dependencies=[require(Can.WORK_IN_CONSOLE)]
)
async def template_rights(session: SessionDep, principal: CurrentPrincipal) -> TemplateRights:
    """What the caller may do to the catalogue template and to units' catalogues (栏目管理)."""
    try:
        await service.ensure_keeps_template(session, principal)
    except Forbidden as refused:
        return TemplateRights(
            can_change_template=False,
            reason=refused.message,
            can_hide_columns=principal.can(Can.MANAGE_CATALOGUE),
        )
    return TemplateRights(can_change_template=True, can_hide_columns=True)


@router.post("/columns", response_model=ColumnNode, status_code=201)
async def add_column(body: ColumnIn, session: SessionDep, principal: TemplateKeeper) -> ColumnNode:
    """Add a column to the template (the top unit's disclosure office)."""
    return service.to_node(await service.add_column(session, principal, body))


@router.patch("/columns/{column_id}", response_model=ColumnNode)
async def update_column(
    column_id: RecordId, body: ColumnUpdate, session: SessionDep, principal: TemplateKeeper
) -> ColumnNode:
    """Rename, reorder or move a column; change its retention period or the unit types it is
    hidden for (the top unit's disclosure office)."""
    return service.to_node(await service.update_column(session, principal, column_id, body))


@router.put(
    "/units/{unit_id}/columns/{column_id}/setting",
    response_model=UnitColumnSettingOut,
    dependencies=_office,
)
async def set_unit_column(
    unit_id: RecordId,
    column_id: RecordId,
    body: UnitColumnSettingIn,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> UnitColumnSettingOut:
    """Hide a template column from one unit's catalogue, or show it again (the office of that
    unit or of a unit above it)."""
    setting = await service.set_unit_setting(session, principal, unit_id, column_id, body.hidden)
    return UnitColumnSettingOut(unit_id=unit_id, column_id=column_id, hidden=setting.hidden)
