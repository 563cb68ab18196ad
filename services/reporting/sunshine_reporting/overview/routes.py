from __future__ import annotations

from fastapi import APIRouter

from sunshine_kit.auth import require
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.roles import Can
from sunshine_reporting.deps import Services, UnitInReach
from sunshine_reporting.overview import service
from sunshine_reporting.overview.schemas import UnitOverview

router = APIRouter(tags=["overview"], responses=ERROR_RESPONSES)


@router.get(
    "/units/{unit_id}/overview",
    response_model=UnitOverview,
    dependencies=[require(Can.WORK_IN_CONSOLE)],
)
async def unit_overview(unit: UnitInReach, services: Services) -> UnitOverview:
    """概览: a unit's current figures from the other services (staff of that unit or above)."""
    return await service.unit_overview(services, unit.id)
