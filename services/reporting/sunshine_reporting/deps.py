"""What the reporting routes are given already checked: the unit of the path within the caller's
reach, and the client that reads the other services' figures."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from sunshine_kit.auth import CurrentPrincipal
from sunshine_kit.db import SessionDep
from sunshine_kit.http import ServicesDep
from sunshine_kit.ids import RecordId
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import ensure_can_act_on, get_unit


async def unit_in_reach(
    unit_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> Unit:
    """The unit of the path, when the caller may see its figures (its own or below it)."""
    unit = await get_unit(session, unit_id)
    await ensure_can_act_on(session, principal, unit_id)
    return unit


UnitInReach = Annotated[Unit, Depends(unit_in_reach)]
Services = ServicesDep
