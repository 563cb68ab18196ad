"""What the windows' routes start from: the centre or window named by the path, checked for the
caller (the office of the centre's unit, or of one above it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from sunshine_hall.items.deps import HallManager
from sunshine_hall.windows.models import ServiceCentre, Window
from sunshine_hall.windows.service import centre_to_manage, window_to_manage
from sunshine_kit.db import SessionDep
from sunshine_kit.ids import RecordId


async def centre_for_manager(
    centre_id: RecordId, session: SessionDep, principal: HallManager
) -> ServiceCentre:
    return await centre_to_manage(session, principal, centre_id)


async def window_for_manager(
    window_id: RecordId, session: SessionDep, principal: HallManager
) -> Window:
    return await window_to_manage(session, principal, window_id)


CentreForManager = Annotated[ServiceCentre, Depends(centre_for_manager)]
WindowForManager = Annotated[Window, Depends(window_for_manager)]
