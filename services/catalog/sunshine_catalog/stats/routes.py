from __future__ import annotations

from fastapi import APIRouter

from sunshine_catalog.columns.service import unit_columns
from sunshine_catalog.stats.schemas import CatalogueFigures
from sunshine_kit.auth import StaffRoles, require_roles
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.units.service import get_unit

router = APIRouter(prefix="/stats", tags=["stats"], responses=ERROR_RESPONSES)


@router.get(
    "/units/{unit_id}/catalogue",
    response_model=CatalogueFigures,
    dependencies=[require_roles(*StaffRoles)],
)
async def catalogue_figures(unit_id: int, session: SessionDep) -> CatalogueFigures:
    """How many columns a unit's catalogue has (staff and other services)."""
    unit = await get_unit(session, unit_id)
    columns = await unit_columns(session, unit_id)
    return CatalogueFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        columns=len(columns),
        article20_columns=sum(1 for c in columns if c.article20_item is not None),
    )
