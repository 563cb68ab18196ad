from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_kit.auth import require
from sunshine_kit.calendar.days import today
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.roles import Can
from sunshine_reporting.deps import Services, UnitInReach
from sunshine_reporting.summary import service
from sunshine_reporting.summary.periods import check_period
from sunshine_reporting.summary.schemas import WorkSummary

router = APIRouter(tags=["summary"], responses=ERROR_RESPONSES)


@router.get(
    "/units/{unit_id}/summary",
    response_model=WorkSummary,
    dependencies=[require(Can.READ_REPORTS)],
)
async def work_summary(
    unit: UnitInReach,
    services: Services,
    date_from: Annotated[date, Query(description="统计期间起（含）")],
    date_to: Annotated[date, Query(description="统计期间止（含）")],
    below: Annotated[bool, Query(description="包括下属单位（本地区汇总）")] = False,
) -> WorkSummary:
    """工作总结数据: a period's figures of a unit (or its region) with the same period a year
    earlier and the change; a source that cannot be read is listed as missing."""
    check_period(date_from, date_to, today())
    return await service.work_summary(services, unit, date_from, date_to, below=below)
