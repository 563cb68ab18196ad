from __future__ import annotations

from fastapi import APIRouter, Request

from sunshine_kit.auth import CurrentPrincipal, StaffRoles, require_roles
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.units.service import ensure_can_act_on, get_unit
from sunshine_reporting.overview import service
from sunshine_reporting.overview.schemas import UnitOverview

router = APIRouter(tags=["overview"], responses=ERROR_RESPONSES)


@router.get(
    "/units/{unit_id}/overview",
    response_model=UnitOverview,
    dependencies=[require_roles(*StaffRoles)],
)
async def unit_overview(
    unit_id: int, request: Request, session: SessionDep, principal: CurrentPrincipal
) -> UnitOverview:
    """概览: a unit's current figures from the other services (staff of that unit or above)."""
    await get_unit(session, unit_id)
    await ensure_can_act_on(session, principal, unit_id)
    return await service.unit_overview(request.app.state.services, unit_id)
