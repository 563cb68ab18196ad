from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_hall.items.deps import HallManager
from sunshine_hall.windows import service, views
from sunshine_hall.windows.deps import CentreForManager, WindowForManager
from sunshine_hall.windows.schemas import (
    CentreDetail,
    CentreIn,
    CentreSummary,
    CentreUpdate,
    MyWindow,
    PublicCentre,
    WindowIn,
    WindowItemsIn,
    WindowOut,
    WindowStaffIn,
    WindowUnitsIn,
    WindowUpdate,
)
from sunshine_kit.auth import Principal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import OptionalIdFilter
from sunshine_kit.roles import Can
from sunshine_kit.units.service import units_in_reach

router = APIRouter(tags=["windows"], responses=ERROR_RESPONSES)
public = APIRouter(prefix="/guide", tags=["guide"], responses=ERROR_RESPONSES)

WindowServer = Annotated[Principal, require(Can.SERVE_AT_WINDOW)]


@router.get("/centres", response_model=list[CentreSummary])
async def list_centres(
    session: SessionDep,
    principal: HallManager,
    unit_id: Annotated[OptionalIdFilter, Query(description="主办单位，默认所辖范围")] = None,
) -> list[CentreSummary]:
    """The centres of the units in the caller's reach."""
    units = await units_in_reach(session, principal, unit_id, below=True)
    return await views.centres(session, units)


@router.post("/centres", response_model=CentreDetail, status_code=201)
async def create_centre(
    body: CentreIn, session: SessionDep, principal: HallManager
) -> CentreDetail:
    centre = await service.create_centre(session, principal, body)
    return await views.centre_detail(session, centre)


@router.get("/centres/{centre_id}", response_model=CentreDetail)
async def read_centre(centre: CentreForManager, session: SessionDep) -> CentreDetail:
    """The centre with every window, its units, staff and accepted items."""
    return await views.centre_detail(session, centre)


@router.patch("/centres/{centre_id}", response_model=CentreDetail)
async def update_centre(
    centre: CentreForManager, body: CentreUpdate, session: SessionDep, principal: HallManager
) -> CentreDetail:
    await service.update_centre(session, principal, centre, body)
    return await views.centre_detail(session, centre)


@router.post("/centres/{centre_id}/windows", response_model=WindowOut, status_code=201)
async def add_window(
    centre: CentreForManager, body: WindowIn, session: SessionDep, principal: HallManager
) -> WindowOut:
    window = await service.add_window(session, principal, centre, body)
    return await views.window_out(session, window)


@router.get("/windows/mine", response_model=list[MyWindow])
async def my_windows(session: SessionDep, principal: WindowServer) -> list[MyWindow]:
    """The windows the caller may work at: where they are stationed, and for the office every
    window of the centres in its reach (the window console and the new case start here)."""
    return await views.my_windows(session, principal)


@router.patch("/windows/{window_id}", response_model=WindowOut)
async def update_window(
    window: WindowForManager, body: WindowUpdate, session: SessionDep, principal: HallManager
) -> WindowOut:
    """Number, name, kind, ticket letter, open or closed (a window is closed, never deleted:
    its tickets and cases keep naming it)."""
    await service.update_window(session, principal, window, body)
    return await views.window_out(session, window)


@router.put("/windows/{window_id}/units", response_model=WindowOut)
async def set_window_units(
    window: WindowForManager, body: WindowUnitsIn, session: SessionDep, principal: HallManager
) -> WindowOut:
    """The units stationed at the window (进驻单位)."""
    await service.set_units(session, principal, window, body.unit_ids)
    return await views.window_out(session, window)


@router.put("/windows/{window_id}/staff", response_model=WindowOut)
async def set_window_staff(
    window: WindowForManager, body: WindowStaffIn, session: SessionDep, principal: HallManager
) -> WindowOut:
    """The staff stationed at the window, by gateway account name."""
    await service.set_staff(session, principal, window, body.staff)
    return await views.window_out(session, window)


@router.put("/windows/{window_id}/items", response_model=WindowOut)
async def set_window_items(
    window: WindowForManager, body: WindowItemsIn, session: SessionDep, principal: HallManager
) -> WindowOut:
    """The items the window accepts: a comprehensive window any unit's, another window only
    its stationed units'."""
    await service.set_items(session, principal, window, body.item_ids)
    return await views.window_out(session, window)


@public.get("/centres", response_model=list[PublicCentre])
async def public_centres(
    session: SessionDep,
    item_id: Annotated[OptionalIdFilter, Query(description="只看受理该事项的开放窗口")] = None,
) -> list[PublicCentre]:
    """The centres and their windows with the published items each accepts (to take a
    ticket; no sign-in)."""
    return await views.public_centres(session, item_id)
