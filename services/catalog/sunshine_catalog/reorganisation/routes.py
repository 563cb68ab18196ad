from __future__ import annotations

from fastapi import APIRouter, Request

from sunshine_catalog.columns.service import to_node
from sunshine_catalog.reorganisation import service
from sunshine_catalog.reorganisation.schemas import (
    MergeIn,
    ReorganisedOut,
    ResolvedColumn,
    SplitIn,
)
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit.auth import CurrentPrincipal, Role, require_roles
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES

router = APIRouter(prefix="/columns", tags=["columns"], responses=ERROR_RESPONSES)
_office = [require_roles(Role.OFFICE)]


def _province(request: Request) -> str:
    settings: CatalogSettings = request.app.state.settings
    return settings.province_push_url


@router.post("/{column_id}/merge", response_model=ReorganisedOut, dependencies=_office)
async def merge_column(
    column_id: int,
    body: MergeIn,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ReorganisedOut:
    """Merge a column into another with all its items (栏目合并)."""
    moved = await service.merge(
        session, principal, column_id, body.into_column_id, province_url=_province(request)
    )
    target, _ = await service.resolve(session, body.into_column_id)
    return ReorganisedOut(columns=[to_node(target)], moved=moved)


@router.post("/{column_id}/split", response_model=ReorganisedOut, dependencies=_office)
async def split_column(
    column_id: int,
    body: SplitIn,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ReorganisedOut:
    """Split a column into new sub-columns, moving the items named for each (栏目拆分)."""
    created, moved = await service.split(
        session, principal, column_id, body, province_url=_province(request)
    )
    return ReorganisedOut(columns=[to_node(c) for c in created], moved=moved)


@router.get("/{column_id}", response_model=ResolvedColumn)
async def resolve_column(column_id: int, session: SessionDep) -> ResolvedColumn:
    """A column by id; an old id of a merged column leads to the column it went into."""
    column, merged = await service.resolve(session, column_id)
    return ResolvedColumn(asked_id=column_id, column=to_node(column), merged=merged)
