from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_catalog.columns.service import unit_columns
from sunshine_catalog.fields import FIRST_YEAR, LAST_YEAR
from sunshine_catalog.stats import period, service
from sunshine_catalog.stats.schemas import CatalogueFigures, ItemFigures, PeriodItemFigures
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import CustomPlans, SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.periods import check_period
from sunshine_kit.roles import Can
from sunshine_kit.units.service import ensure_can_act_on, get_unit, units_in_reach

router = APIRouter(
    prefix="/stats", tags=["stats"], responses=ERROR_RESPONSES, dependencies=[CustomPlans]
)


@router.get(
    "/units/{unit_id}/catalogue",
    response_model=CatalogueFigures,
    dependencies=[require(Can.WORK_IN_CONSOLE)],
)
async def catalogue_figures(
    unit_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> CatalogueFigures:
    """How many columns a unit's catalogue has (staff within their unit scope, and other
    services)."""
    unit = await get_unit(session, unit_id)
    await ensure_can_act_on(session, principal, unit.id)
    columns = await unit_columns(session, unit_id)
    return CatalogueFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        columns=len(columns),
        article20_columns=sum(1 for c in columns if c.article20_item is not None),
    )


@router.get(
    "/units/{unit_id}/items",
    response_model=ItemFigures,
    dependencies=[require(Can.WORK_IN_CONSOLE)],
)
async def item_figures(
    unit_id: RecordId,
    session: SessionDep,
    principal: CurrentPrincipal,
    year: Annotated[int, Query(ge=2000, le=LAST_YEAR, description="年度")],
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> ItemFigures:
    """A year's proactive disclosure of a unit: by month, column, type and channel; 规章 and
    行政规范性文件 issued, repealed and valid; timeliness against the 20-working-day rule
    (staff within their unit scope, and other services)."""
    unit_ids = await units_in_reach(session, principal, unit_id, below=below)
    unit = await get_unit(session, unit_id)
    return await service.item_figures(session, unit, unit_ids, year, below)


@router.get(
    "/units/{unit_id}/items/period",
    response_model=PeriodItemFigures,
    dependencies=[require(Can.WORK_IN_CONSOLE)],
)
async def item_period_figures(
    unit_id: RecordId,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
    date_from: Annotated[date, Query(ge=date(FIRST_YEAR, 1, 1), description="期间起（含）")],
    date_to: Annotated[date, Query(le=date(LAST_YEAR, 12, 31), description="期间止（含）")],
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> PeriodItemFigures:
    """A period's proactive disclosure of a unit, unit by unit (with `below`, every unit of its
    subtree): published, late, still unpublished past the date, policy documents interpreted
    late — for the monthly bulletin and work summaries (staff within their unit scope, and
    other services)."""
    check_period(date_from, date_to)
    unit_ids = await units_in_reach(session, principal, unit_id, below=below)
    unit = await get_unit(session, unit_id)
    return await period.period_figures(session, calendar, unit, unit_ids, date_from, date_to, below)
