from __future__ import annotations

from fastapi import APIRouter

from sunshine_catalog.columns.service import to_node
from sunshine_catalog.deps import ProvinceUrl, TemplateKeeper
from sunshine_catalog.reorganisation import service
from sunshine_catalog.reorganisation.schemas import (
    MergeIn,
    ReorganisedOut,
    ResolvedColumn,
    SplitIn,
)
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId

router = APIRouter(prefix="/columns", tags=["columns"], responses=ERROR_RESPONSES)


@router.post("/{column_id}/merge", response_model=ReorganisedOut)
async def merge_column(
    column_id: RecordId,
    body: MergeIn,
    session: SessionDep,
    principal: TemplateKeeper,
    province_url: ProvinceUrl,
) -> ReorganisedOut:
    """Merge a column into another with all its items (栏目合并; the top unit's office)."""
    moved = await service.merge(
        session, principal, column_id, body.into_column_id, province_url=province_url
    )
    target, _ = await service.resolve(session, body.into_column_id)
    return ReorganisedOut(columns=[to_node(target)], moved=moved)


@router.post("/{column_id}/split", response_model=ReorganisedOut)
async def split_column(
    column_id: RecordId,
    body: SplitIn,
    session: SessionDep,
    principal: TemplateKeeper,
    province_url: ProvinceUrl,
) -> ReorganisedOut:
    """Split a column into new sub-columns, moving the items named for each (栏目拆分; the top
    unit's office)."""
    created, moved = await service.split(
        session, principal, column_id, body, province_url=province_url
    )
    return ReorganisedOut(columns=[to_node(c) for c in created], moved=moved)


@router.get("/{column_id}", response_model=ResolvedColumn)
async def resolve_column(column_id: RecordId, session: SessionDep) -> ResolvedColumn:
    """A column by id; an old id of a merged column leads to the column it went into."""
    column, merged = await service.resolve(session, column_id)
    return ResolvedColumn(asked_id=column_id, column=to_node(column), merged=merged)
