"""Who may work at which window and centre: the scope rule of the whole hall, in one place.

A window clerk works at the windows they are stationed at (`window_staff`), whatever unit the
clerk belongs to: a comprehensive window's clerk accepts many units' items. The office and the
supervisors act on the centres of the units in their reach (their own unit's subtree), and every
window there. Other components always may.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.windows.models import ServiceCentre, Window, WindowStaff
from sunshine_kit.auth import Principal
from sunshine_kit.errors import Forbidden, NotFound
from sunshine_kit.units.service import can_act_on

WINDOW_FORBIDDEN = "window_forbidden"


async def stationed_window_ids(session: AsyncSession, principal: Principal) -> set[int]:
    """The windows the caller is stationed at."""
    rows = await session.scalars(
        select(WindowStaff.window_id).where(WindowStaff.account == principal.username)
    )
    return set(rows)


async def can_serve_at(session: AsyncSession, principal: Principal, window: Window) -> bool:
    """Whether the caller may call tickets and handle cases at `window`."""
    if principal.is_service:
        return True
    if window.id in await stationed_window_ids(session, principal):
        return True
    if not principal.reaches_subtree:
        return False
    centre = await session.get(ServiceCentre, window.centre_id)
    return centre is not None and await can_act_on(session, principal, centre.unit_id)


async def window_to_serve(session: AsyncSession, principal: Principal, window_id: int) -> Window:
    """The window `window_id`, if the caller may work at it (404 when none, 403 otherwise)."""
    window = await session.get(Window, window_id)
    if window is None:
        raise NotFound("窗口不存在")
    if not await can_serve_at(session, principal, window):
        raise Forbidden("您未派驻在该窗口", code=WINDOW_FORBIDDEN)
    return window


async def can_manage_centre(
    session: AsyncSession, principal: Principal, centre: ServiceCentre
) -> bool:
    """Whether the caller may manage or supervise `centre` (its unit is in their reach)."""
    return principal.is_service or await can_act_on(session, principal, centre.unit_id)
