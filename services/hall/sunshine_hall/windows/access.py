"""Who may work at which window and centre: the scope rule of the whole hall, in one place.

A window clerk works at the windows they are stationed at (`window_staff`), whatever unit the
clerk belongs to: a comprehensive window's clerk accepts many units' items. The office and the
supervisors act on the centres of the units in their reach (their own unit's subtree), and every
window there. Other components always may.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from sunshine_hall.windows.models import ServiceCentre, Window, WindowStaff
from sunshine_kit.auth import Principal
from sunshine_kit.errors import Forbidden, NotFound
from sunshine_kit.units.service import can_act_on, subtree_ids

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
    return principal.reaches_subtree and await _manages_centre_of(session, principal, window)


async def windows_to_serve(
    session: AsyncSession, principal: Principal
) -> list[tuple[Window, ServiceCentre]]:
    """Every window the caller may work at, with its centre, by centre and number: the rule of
    `can_serve_at` for all windows at once. The clerk's windows (`GET /windows/mine`) and their
    desk (`GET /queue/desk`) are both this list."""
    query = select(Window, ServiceCentre).join(ServiceCentre, ServiceCentre.id == Window.centre_id)
    if not principal.is_service:
        stationed = select(WindowStaff.window_id).where(WindowStaff.account == principal.username)
        serves: ColumnElement[bool] = Window.id.in_(stationed)
        if principal.reaches_subtree and principal.unit_id is not None:
            units = await subtree_ids(session, principal.unit_id)
            serves = or_(serves, ServiceCentre.unit_id.in_(units))
        query = query.where(serves)
    rows = await session.execute(query.order_by(ServiceCentre.id, Window.number))
    return [(window, centre) for window, centre in rows]


async def window_to_serve(session: AsyncSession, principal: Principal, window_id: int) -> Window:
    """The window `window_id`, if the caller may work at it (404 when none, 403 otherwise).

    The window and whether the caller is stationed at it come in one query: this check opens
    every call-next, where each round trip counts (bench/hall_queue.py)."""
    stationed = (
        select(WindowStaff.window_id)
        .where(WindowStaff.window_id == Window.id, WindowStaff.account == principal.username)
        .exists()
    )
    row = (await session.execute(select(Window, stationed).where(Window.id == window_id))).first()
    if row is None:
        raise NotFound("窗口不存在")
    window, is_stationed = row
    if principal.is_service or is_stationed:
        return window
    if not principal.reaches_subtree or not await _manages_centre_of(session, principal, window):
        raise Forbidden("您未派驻在该窗口", code=WINDOW_FORBIDDEN)
    return window


async def _manages_centre_of(session: AsyncSession, principal: Principal, window: Window) -> bool:
    centre = await session.get(ServiceCentre, window.centre_id)
    return centre is not None and await can_act_on(session, principal, centre.unit_id)


async def can_manage_centre(
    session: AsyncSession, principal: Principal, centre: ServiceCentre
) -> bool:
    """Whether the caller may manage or supervise `centre` (its unit is in their reach)."""
    return principal.is_service or await can_act_on(session, principal, centre.unit_id)
