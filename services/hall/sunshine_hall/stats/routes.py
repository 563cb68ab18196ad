"""HTTP for the hall's figures: what the reporting service reads for the annual report."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_hall.stats import period, service
from sunshine_hall.stats.schemas import CaseFigures, PeriodCaseFigures
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.db import CustomPlans, SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import OptionalIdFilter
from sunshine_kit.periods import check_period
from sunshine_kit.roles import Can
from sunshine_kit.units.service import units_in_reach

router = APIRouter(
    prefix="/stats", tags=["stats"], responses=ERROR_RESPONSES, dependencies=[CustomPlans]
)


@router.get("/cases", response_model=CaseFigures, dependencies=[require(Can.WORK_IN_CONSOLE)])
async def case_figures(
    session: SessionDep,
    principal: CurrentPrincipal,
    year: Annotated[int, Query(ge=2000, le=2100, description="年度")],
    unit_id: OptionalIdFilter = None,
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> CaseFigures:
    """Cases by unit, item, category and month, 行政许可 decisions (年报表二), timeliness,
    satisfaction and fees of a year, for the caller's units (other services: any unit, or
    all when no unit is named)."""
    units = None
    if not (principal.is_service and unit_id is None):
        units = await units_in_reach(session, principal, unit_id, below=below)
    return await service.case_figures(session, year, units, unit_id, below)


@router.get(
    "/cases/period", response_model=PeriodCaseFigures, dependencies=[require(Can.WORK_IN_CONSOLE)]
)
async def case_period_figures(
    session: SessionDep,
    principal: CurrentPrincipal,
    date_from: Annotated[date, Query(ge=date(2000, 1, 1), description="期间起（含）")],
    date_to: Annotated[date, Query(le=date(2100, 12, 31), description="期间止（含）")],
    unit_id: OptionalIdFilter = None,
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> PeriodCaseFigures:
    """A period's cases, completions on time and ratings, unit by unit, for the caller's units
    (other services: any unit, or all when no unit is named) — for the monthly bulletin and
    work summaries."""
    check_period(date_from, date_to)
    units = None
    if not (principal.is_service and unit_id is None):
        units = await units_in_reach(session, principal, unit_id, below=below)
    return await period.period_figures(session, units, unit_id, below, date_from, date_to)
