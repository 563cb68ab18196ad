"""What the items' routes start from: the item named by the path, checked for the caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from sunshine_hall.items.models import ServiceItem
from sunshine_hall.items.service import item_to_manage
from sunshine_kit.auth import Principal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.ids import RecordId
from sunshine_kit.roles import Can

HallManager = Annotated[Principal, require(Can.MANAGE_HALL)]


async def item_for_manager(
    item_id: RecordId, session: SessionDep, principal: HallManager
) -> ServiceItem:
    """The item, for the office of its unit (or of one above it)."""
    return await item_to_manage(session, principal, item_id)


ItemForManager = Annotated[ServiceItem, Depends(item_for_manager)]
