"""HTTP for the annual report: the office prepares, finalises and publishes; supervisors read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from sunshine_kit.audit import service as audit
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.days import today
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, NotFound
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.roles import Can
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import get_unit, units_in_reach
from sunshine_reporting.annual import service, views
from sunshine_reporting.annual.deps import ReportInReach
from sunshine_reporting.annual.errors import REPORT_NOT_FOUND
from sunshine_reporting.annual.schemas import (
    AnnualReportIn,
    AnnualReportOut,
    AnnualReportSummary,
    AnnualStatusOut,
    DifferencesOut,
    HistoryEntry,
    ReportStatus,
    SectionsIn,
)
from sunshine_reporting.deps import Services, UnitInReach


async def _reach(session: SessionDep, principal: CurrentPrincipal, unit_id: int | None) -> set[int]:
    """The units a list covers: the one named and those below it, else the caller's reach (for
    another component asking without a unit: every unit)."""
    if principal.is_service and unit_id is None:
        return set((await session.scalars(select(Unit.id))).all())
    return await units_in_reach(session, principal, unit_id, below=True)


router = APIRouter(prefix="/annual", tags=["annual"], responses=ERROR_RESPONSES)

Year = Annotated[int, Query(ge=2008, le=2100, description="报告年度")]
READ = [require(Can.READ_REPORTS)]
PREPARE = [require(Can.PREPARE_REPORTS)]


@router.get("/reports", response_model=list[AnnualReportSummary], dependencies=READ)
async def list_reports(
    session: SessionDep,
    principal: CurrentPrincipal,
    year: Annotated[int | None, Query(ge=2008, le=2100, description="报告年度")] = None,
    unit_id: OptionalIdFilter = None,
) -> list[AnnualReportSummary]:
    """The reports of the caller's units (or of the unit named and those below it)."""
    unit_ids = await _reach(session, principal, unit_id)
    on = today()
    return [views.summary(r, u, on) for r, u in await service.reports(session, unit_ids, year)]


@router.post(
    "/units/{unit_id}/reports",
    response_model=AnnualReportOut,
    status_code=201,
    dependencies=PREPARE,
)
async def create_report(
    unit: UnitInReach,
    body: AnnualReportIn,
    session: SessionDep,
    services: Services,
    principal: CurrentPrincipal,
) -> AnnualReportOut:
    """Start the year's report of a unit (scope unit) or of its region (scope region): the
    figures are read from the services now and section 一 drafted from them."""
    report = await service.create(session, services, principal, unit, body)
    return service.out(report, unit, principal)


@router.get("/reports/{report_id}", response_model=AnnualReportOut, dependencies=READ)
async def get_report(found: ReportInReach, principal: CurrentPrincipal) -> AnnualReportOut:
    """The report as it stands: a draft with the figures last read, a finalised report with its
    snapshot; missing figures and violated invariants listed."""
    return service.out(found.report, found.unit, principal)


@router.patch("/reports/{report_id}/sections", response_model=AnnualReportOut, dependencies=PREPARE)
async def edit_sections(
    found: ReportInReach, body: SectionsIn, session: SessionDep, principal: CurrentPrincipal
) -> AnnualReportOut:
    """Sections 一, 五 and 六 of a draft (一 written here is no longer re-drafted)."""
    report = await service.edit_sections(session, principal, found.report, found.unit, body)
    return service.out(report, found.unit, principal)


@router.post(
    "/reports/{report_id}/regenerate", response_model=AnnualReportOut, dependencies=PREPARE
)
async def regenerate_report(
    found: ReportInReach, session: SessionDep, services: Services, principal: CurrentPrincipal
) -> AnnualReportOut:
    """Read a draft's figures again from the services."""
    report = await service.regenerate(session, services, principal, found.report, found.unit)
    return service.out(report, found.unit, principal)


@router.post("/reports/{report_id}/finalise", response_model=AnnualReportOut, dependencies=PREPARE)
async def finalise_report(
    found: ReportInReach, session: SessionDep, services: Services, principal: CurrentPrincipal
) -> AnnualReportOut:
    """定稿: the figures are read once more and frozen; refused (409) while a source cannot be
    read or an invariant of the format fails."""
    report = await service.finalise(session, services, principal, found.report, found.unit)
    return service.out(report, found.unit, principal)


@router.post("/reports/{report_id}/reopen", response_model=AnnualReportOut, dependencies=PREPARE)
async def reopen_report(
    found: ReportInReach, session: SessionDep, principal: CurrentPrincipal
) -> AnnualReportOut:
    """Back to a draft, before publication (the snapshot is dropped)."""
    report = await service.reopen(session, principal, found.report)
    return service.out(report, found.unit, principal)


@router.post("/reports/{report_id}/publish", response_model=AnnualReportOut, dependencies=PREPARE)
async def publish_report(
    found: ReportInReach, session: SessionDep, principal: CurrentPrincipal
) -> AnnualReportOut:
    """Publish a finalised report into the catalogue's 年度报告 column (through the outbox;
    publishing again sends nothing more)."""
    shown = service.out(found.report, found.unit, principal)
    report = await service.publish(session, principal, found.report, shown)
    return service.out(report, found.unit, principal)


@router.get("/reports/{report_id}/differences", response_model=DifferencesOut, dependencies=READ)
async def report_differences(found: ReportInReach, services: Services) -> DifferencesOut:
    """A finalised report's snapshot against the figures the services give today."""
    return await service.differences(services, found.report)


@router.get("/reports/{report_id}/history", response_model=list[HistoryEntry], dependencies=READ)
async def report_history(found: ReportInReach, session: SessionDep) -> list[HistoryEntry]:
    """Who changed the report and how, newest first."""
    entries = await audit.history(
        session, entity_type=service.ENTITY, entity_id=str(found.report.id), limit=200
    )
    return [
        HistoryEntry(at=e.at, actor=e.actor, action=e.action, before=e.before, after=e.after)
        for e in entries
    ]


@router.get("/status", response_model=AnnualStatusOut, dependencies=READ)
async def annual_status(
    session: SessionDep,
    principal: CurrentPrincipal,
    year: Year,
    unit_id: OptionalIdFilter = None,
) -> AnnualStatusOut:
    """Article 49: every unit in reach, the report it owes for the year, and whether it is
    late (departments and streets by 31 January, the government's own by 31 March)."""
    unit_ids = await _reach(session, principal, unit_id)
    return await service.status(session, unit_ids, year, today())


@router.get("/published", response_model=list[AnnualReportSummary])
async def published_reports(
    session: SessionDep,
    year: Annotated[int | None, Query(ge=2008, le=2100, description="报告年度")] = None,
    unit_id: OptionalIdFilter = None,
) -> list[AnnualReportSummary]:
    """Published annual reports, for the public (of one unit, or every unit)."""
    on = today()
    found = await service.published(session, unit_id, year)
    return [views.summary(r, u, on) for r, u in found]


@router.get("/published/{report_id}", response_model=AnnualReportOut)
async def published_report(report_id: RecordId, session: SessionDep) -> AnnualReportOut:
    """A published annual report as the public reads it (its snapshot; no account names)."""
    report = await service.get_report(session, report_id)
    if report.status != ReportStatus.PUBLISHED:
        raise NotFound("年度报告不存在或尚未发布", code=REPORT_NOT_FOUND)
    unit = await get_unit(session, report.unit_id)
    return views.public_view(service.out(report, unit, None))
