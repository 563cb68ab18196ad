"""Writing the demo reports from the other services' demo data, read over HTTP like any report:
the district government's annual report for last year (its region: the government, its
departments and streets) finalised and published into the catalogue, drafts for a few
departments, and last month's bulletin of the district issued.

A report whose figures cannot all be read (a source still loading, or down) stays a draft
with its gaps shown, as it would for the office; the loader says so and goes on.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import today
from sunshine_kit.errors import AppError
from sunshine_kit.http import ServiceClient
from sunshine_kit.roles import Role
from sunshine_kit.units.models import Unit
from sunshine_reporting.annual import service as annual
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.annual.schemas import AnnualReportIn, ReportScope
from sunshine_reporting.bulletin import service as bulletins

DISTRICT = "锦华区人民政府"
DRAFT_DEPARTMENTS = ("锦华区教育局", "锦华区民政局", "锦华区卫生健康局")
# The district's disclosure office, as the gateway's demo has it (username "office").
OFFICE = "office"


async def has_reports(session: AsyncSession) -> bool:
    return bool(await session.scalar(select(func.count()).select_from(AnnualReport)))


async def _unit(session: AsyncSession, name: str) -> Unit:
    unit = await session.scalar(select(Unit).where(Unit.name == name))
    assert unit is not None, name  # load_once waited for these units
    return unit


def last_month() -> tuple[int, int]:
    now = today()
    return (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)


async def load(session: AsyncSession, services: ServiceClient) -> int:
    """Write the demo reports; returns how many reports and bulletins were written."""
    district = await _unit(session, DISTRICT)
    office = Principal(
        subject="demo", username=OFFICE, roles=frozenset({Role.OFFICE}), unit_id=district.id
    )
    year = today().year - 1
    written = 0
    region = await annual.create(
        session, services, office, district, AnnualReportIn(year=year, scope=ReportScope.REGION)
    )
    written += 1
    try:
        await annual.finalise(session, services, office, region, district)
        await annual.publish(session, office, region, annual.out(region, district, office))
    except AppError as refused:
        print(f"reporting: the district's {year} report stays a draft: {refused.message}")
    for name in DRAFT_DEPARTMENTS:
        department = await _unit(session, name)
        await annual.create(
            session, services, office, department, AnnualReportIn(year=year, scope=ReportScope.UNIT)
        )
        written += 1
    month_year, month = last_month()
    bulletin = await bulletins.draw_up(session, services, office, district, month_year, month)
    written += 1
    try:
        await bulletins.issue(session, office, bulletin)
    except AppError as refused:
        print(
            f"reporting: the bulletin of {month_year}-{month:02d} stays a draft: {refused.message}"
        )
    return written
