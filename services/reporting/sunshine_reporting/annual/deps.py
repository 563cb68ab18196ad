"""What the annual report's routes start from: the report of the path, with its unit, checked to
be within the caller's reach."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from sunshine_kit.auth import CurrentPrincipal
from sunshine_kit.db import SessionDep
from sunshine_kit.ids import RecordId
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import ensure_can_act_on, get_unit
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.annual.service import get_report


@dataclass(frozen=True)
class ReportOfUnit:
    report: AnnualReport
    unit: Unit


async def report_in_reach(
    report_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> ReportOfUnit:
    """The report of the path, when the caller reaches its unit (its own or above it)."""
    report = await get_report(session, report_id)
    await ensure_can_act_on(session, principal, report.unit_id)
    return ReportOfUnit(report, await get_unit(session, report.unit_id))


ReportInReach = Annotated[ReportOfUnit, Depends(report_in_reach)]
