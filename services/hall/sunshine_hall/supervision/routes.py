"""HTTP for electronic supervision (电子监察): alerts and their handling, the dashboard's
summary and rates. The live feed of alerts is the live hub's (`/live/alerts`)."""

from __future__ import annotations

import calendar as months
import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_hall.cases.models import WarningLevel
from sunshine_hall.supervision import service
from sunshine_hall.supervision.schemas import AlertOut, AlertPage, HandleIn, RatesOut, SummaryOut
from sunshine_hall.supervision.service import RatesBy
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.days import today
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, InvalidInput
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can

router = APIRouter(prefix="/supervision", tags=["supervision"], responses=ERROR_RESPONSES)
_supervisors = [require(Can.SUPERVISE_HALL)]
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@router.get("/alerts", response_model=AlertPage, dependencies=_supervisors)
async def list_alerts(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    unit_id: OptionalIdFilter = None,
    level: WarningLevel | None = None,
    unhandled: Annotated[bool, Query(description="只看未处理的")] = False,
) -> AlertPage:
    """Alerts raised by the sweep in the caller's units, newest first."""
    units = await service.reach(session, principal, unit_id)
    items, total = await service.list_alerts(session, units, page, unhandled=unhandled, level=level)
    return AlertPage(items=items, total=total, page=page.page, size=page.size)


@router.post("/alerts/{alert_id}/handle", response_model=AlertOut, dependencies=_supervisors)
async def handle_alert(
    alert_id: RecordId, body: HandleIn, session: SessionDep, principal: CurrentPrincipal
) -> AlertOut:
    """Record how an alert was handled (督办): once, with the supervisor and time."""
    return await service.handle(session, principal, alert_id, body)


@router.get("/summary", response_model=SummaryOut, dependencies=_supervisors)
async def summary(
    session: SessionDep, principal: CurrentPrincipal, unit_id: OptionalIdFilter = None
) -> SummaryOut:
    """Open cases, yellow and red, and alerts not yet handled."""
    return await service.summary(session, await service.reach(session, principal, unit_id))


@router.get("/rates", response_model=RatesOut, dependencies=_supervisors)
async def rates(
    session: SessionDep,
    principal: CurrentPrincipal,
    month: Annotated[str | None, Query(description="月份 YYYY-MM，默认本月", max_length=7)] = None,
    by: RatesBy = RatesBy.UNIT,
    unit_id: OptionalIdFilter = None,
) -> RatesOut:
    """按时办结率、提前办结率、当场办结率 by unit, window or clerk for a month."""
    first = today().replace(day=1)
    if month is not None:
        match = MONTH.match(month)
        if match is None or not 1 <= int(match.group(2)) <= 12:
            raise InvalidInput("month", "月份格式应为 YYYY-MM")
        first = date(int(match.group(1)), int(match.group(2)), 1)
    last = first.replace(day=months.monthrange(first.year, first.month)[1])
    units = await service.reach(session, principal, unit_id)
    return await service.rates(session, units, first, last, by)
