from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from sunshine_gateway.calendar import service
from sunshine_gateway.deps import SignedIn
from sunshine_kit.calendar import service as calendar
from sunshine_kit.calendar.schemas import YearArrangementIn, YearArrangementOut
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.roles import Can
from sunshine_kit.units.service import require_at_top

router = APIRouter(prefix="/calendar", tags=["calendar"], responses=ERROR_RESPONSES)

Year = Annotated[int, Path(ge=2000, le=2100, description="年份")]


@router.get("/years", response_model=list[YearArrangementOut])
async def list_years(session: SessionDep) -> list[YearArrangementOut]:
    """Every year whose holiday arrangement is known: built in (to 2026) or loaded."""
    return await calendar.list_years(session)


@router.put(
    "/years/{year}",
    response_model=YearArrangementOut,
    dependencies=[require_at_top(Can.MANAGE_CALENDAR)],
)
async def load_year(
    year: Year,
    body: YearArrangementIn,
    request: Request,
    session: SessionDep,
    principal: SignedIn,
) -> YearArrangementOut:
    """Load or replace a year's arrangement (放假日期, 调休上班日期); every service gets it."""
    row = await service.load_year(session, principal, year, body)
    request.app.state.calendar.invalidate()
    return YearArrangementOut(
        year=year, source="loaded", holidays=row.holidays, workdays=row.workdays, note=row.note
    )
