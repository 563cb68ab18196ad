"""The annual report's lifecycle: a draft of live figures, the office's sections, finalisation
(figures frozen), comparison with today's figures, publication into the catalogue's 年度报告
column through the outbox, and the Article 49 deadline of every unit.

Every change writes an audit entry (entity `annual_report`): the report's history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import BEIJING, today
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, InvalidInput, NotFound
from sunshine_kit.http import ServiceClient
from sunshine_kit.outbox import service as outbox
from sunshine_kit.units.models import Unit
from sunshine_reporting.annual import clock, sources, tables, views
from sunshine_reporting.annual.drafting import draft_overview
from sunshine_reporting.annual.errors import (
    FIGURES_MISSING,
    INVARIANTS_VIOLATED,
    REPORT_EXISTS,
    REPORT_NOT_FOUND,
    YEAR_NOT_OVER,
)
from sunshine_reporting.annual.exports.html import render_html
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.annual.schemas import (
    STATUS_LABELS,
    AnnualFigures,
    AnnualReportIn,
    AnnualReportOut,
    AnnualStatusOut,
    DifferencesOut,
    ReportScope,
    ReportStatus,
    ReportStep,
    SectionsIn,
    UnitReportStatus,
)
from sunshine_reporting.annual.steps import ensure

ENTITY = "annual_report"
INTAKE_PATH = "/intake/items"
ANNUAL_REPORT_COLUMN = "X-ANNUAL-REPORT"


async def get_report(session: AsyncSession, report_id: int) -> AnnualReport:
    report = await session.get(AnnualReport, report_id)
    if report is None:
        raise NotFound("年度报告不存在", code=REPORT_NOT_FOUND)
    return report


def _state(report: AnnualReport) -> dict[str, Any]:
    return {"status": report.status, "year": report.year, "scope": report.scope}


async def _figures(services: ServiceClient, report: AnnualReport) -> AnnualFigures:
    return await sources.read_figures(
        services, report.unit_id, report.year, ReportScope(report.scope)
    )


def _other_matters(figures: AnnualFigures) -> str:
    """六 starts with the 信息处理费 sentence the format asks for (the office adds the rest)."""
    fees = figures.fees
    if fees.fen is None:
        return "本年度收取信息处理费情况：【数字暂缺：依申请公开服务未能读取】。"
    if fees.fen == 0:
        return "本年度未收取信息处理费。"
    return f"本年度依据《政府信息公开信息处理费管理办法》收取信息处理费{fees.wan_yuan}万元。"


def _store(report: AnnualReport, unit: Unit, figures: AnnualFigures) -> None:
    """Keep the figures read; re-draft 一 unless the office wrote it, and 六's sentence on the
    信息处理费 while the office has left 六 as it was drafted."""
    if report.figures is None or report.other_matters == _other_matters(
        AnnualFigures.model_validate(report.figures)
    ):
        report.other_matters = _other_matters(figures)
    report.figures = figures.model_dump(mode="json")
    if not report.overview_edited:
        report.overview = draft_overview(unit.name, report.year, ReportScope(report.scope), figures)


def _touch(report: AnnualReport, actor: Principal) -> None:
    report.updated_by = actor.username
    report.updated_at = utcnow()


async def create(
    session: AsyncSession,
    services: ServiceClient,
    actor: Principal,
    unit: Unit,
    body: AnnualReportIn,
) -> AnnualReport:
    """A draft for the unit (or its region) and year, its figures read now and 一 drafted."""
    if body.year > today().year:
        raise InvalidInput("year", "报告年度尚未开始", code=YEAR_NOT_OVER)
    existing = await session.scalar(
        select(AnnualReport.id).where(
            AnnualReport.unit_id == unit.id,
            AnnualReport.year == body.year,
            AnnualReport.scope == body.scope,
        )
    )
    if existing is not None:
        raise Conflict(f"该单位{body.year}年度的报告已存在（编号{existing}）", code=REPORT_EXISTS)
    report = AnnualReport(
        unit_id=unit.id,
        year=body.year,
        scope=body.scope.value,
        status=ReportStatus.DRAFT.value,
        overview="",
        overview_edited=False,
        problems="",
        other_matters="",
        created_by=actor.username,
        updated_by=actor.username,
    )
    figures = await sources.read_figures(services, unit.id, body.year, body.scope)
    _store(report, unit, figures)
    session.add(report)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="annual_report.created",
        entity_type=ENTITY,
        entity_id=report.id,
        after=_state(report),
    )
    return report


async def regenerate(
    session: AsyncSession,
    services: ServiceClient,
    actor: Principal,
    report: AnnualReport,
    unit: Unit,
) -> AnnualReport:
    """Read the figures again (a draft's 一 is re-drafted unless the office wrote it)."""
    ensure(report, ReportStep.REGENERATE)
    _store(report, unit, await _figures(services, report))
    _touch(report, actor)
    await audit.record(
        session,
        actor=actor,
        action="annual_report.regenerated",
        entity_type=ENTITY,
        entity_id=report.id,
        after=_state(report),
    )
    return report


async def edit_sections(
    session: AsyncSession, actor: Principal, report: AnnualReport, unit: Unit, body: SectionsIn
) -> AnnualReport:
    ensure(report, ReportStep.EDIT)
    before = {
        "overview": report.overview,
        "problems": report.problems,
        "other_matters": report.other_matters,
    }
    if body.overview is not None:
        report.overview = body.overview
        report.overview_edited = True
    if body.redraft_overview:
        report.overview_edited = False
        figures = AnnualFigures.model_validate(report.figures)
        report.overview = draft_overview(unit.name, report.year, ReportScope(report.scope), figures)
    if body.problems is not None:
        report.problems = body.problems
    if body.other_matters is not None:
        report.other_matters = body.other_matters
    _touch(report, actor)
    after = {
        "overview": report.overview,
        "problems": report.problems,
        "other_matters": report.other_matters,
    }
    changed = [key for key in before if before[key] != after[key]]
    await audit.record(
        session,
        actor=actor,
        action="annual_report.sections_edited",
        entity_type=ENTITY,
        entity_id=report.id,
        before={key: before[key] for key in changed},
        after={key: after[key] for key in changed},
    )
    return report


async def finalise(
    session: AsyncSession,
    services: ServiceClient,
    actor: Principal,
    report: AnnualReport,
    unit: Unit,
) -> AnnualReport:
    """Freeze the figures read now; refused while any is missing or any invariant fails."""
    ensure(report, ReportStep.FINALISE)
    figures = await _figures(services, report)
    if figures.missing:
        sources_named = "、".join(m.source_label for m in figures.missing)
        raise Conflict(
            f"{sources_named}的数字未能读取，报告不能定稿",
            code=FIGURES_MISSING,
        )
    problems = tables.problems(figures.tables)
    if problems:
        first = problems[0]
        raise Conflict(
            f"表{tables.TABLE_NAMES[first.table]}"
            f"“{first.row_label}”行“{first.column_label}”列：{first.reason}"
            + (f"（另有{len(problems) - 1}处）" if len(problems) > 1 else ""),
            code=INVARIANTS_VIOLATED,
        )
    _store(report, unit, figures)
    report.snapshot = report.figures
    report.status = ReportStatus.FINALISED.value
    report.finalised_by = actor.username
    report.finalised_at = utcnow()
    _touch(report, actor)
    await audit.record(
        session,
        actor=actor,
        action="annual_report.finalised",
        entity_type=ENTITY,
        entity_id=report.id,
        before={"status": ReportStatus.DRAFT.value},
        after=_state(report),
    )
    return report


async def reopen(session: AsyncSession, actor: Principal, report: AnnualReport) -> AnnualReport:
    """Back to a draft (before publication): the snapshot is dropped, the figures read again."""
    ensure(report, ReportStep.REOPEN)
    report.status = ReportStatus.DRAFT.value
    report.snapshot = None
    report.finalised_by = None
    report.finalised_at = None
    _touch(report, actor)
    await audit.record(
        session,
        actor=actor,
        action="annual_report.reopened",
        entity_type=ENTITY,
        entity_id=report.id,
        before={"status": ReportStatus.FINALISED.value},
        after=_state(report),
    )
    return report


def publish_key(report: AnnualReport) -> str:
    return f"reporting:annual-report:{report.id}"


async def publish(
    session: AsyncSession, actor: Principal, report: AnnualReport, out: AnnualReportOut
) -> AnnualReport:
    """Send the finalised report to the catalogue's 年度报告 column through the outbox. Done
    once: publishing a published report changes nothing and sends nothing again."""
    ensure(report, ReportStep.PUBLISH)
    if report.status == ReportStatus.PUBLISHED:
        return report
    key = publish_key(report)
    assert report.finalised_at is not None
    outbox.enqueue(
        session,
        destination="catalog",
        path=INTAKE_PATH,
        key=key,
        payload={
            "unit_id": report.unit_id,
            "column_code": ANNUAL_REPORT_COLUMN,
            "title": out.title[:300],
            "body_html": render_html(out),
            "formed_on": report.finalised_at.astimezone(BEIJING).date().isoformat(),
            "document_type": "other",
            "keywords": "政府信息公开工作年度报告",
        },
    )
    report.status = ReportStatus.PUBLISHED.value
    report.published_by = actor.username
    report.published_at = utcnow()
    report.publish_key = key
    _touch(report, actor)
    await audit.record(
        session,
        actor=actor,
        action="annual_report.published",
        entity_type=ENTITY,
        entity_id=report.id,
        before={"status": ReportStatus.FINALISED.value},
        after=_state(report) | {"key": key},
    )
    return report


async def differences(services: ServiceClient, report: AnnualReport) -> DifferencesOut:
    """The finalised figures against those the services give now, cell by cell."""
    ensure(report, ReportStep.COMPARE)
    assert report.snapshot is not None
    frozen = AnnualFigures.model_validate(report.snapshot)
    current = await _figures(services, report)
    return DifferencesOut(
        report_id=report.id,
        snapshot_read_at=frozen.read_at,
        current_read_at=current.read_at,
        differences=tables.differences(
            (frozen.tables, frozen.fees), (current.tables, current.fees)
        ),
        missing=current.missing,
    )


async def reports(
    session: AsyncSession, unit_ids: set[int], year: int | None
) -> Sequence[tuple[AnnualReport, Unit]]:
    query = (
        select(AnnualReport, Unit)
        .join(Unit, Unit.id == AnnualReport.unit_id)
        .where(AnnualReport.unit_id.in_(unit_ids))
        .order_by(AnnualReport.year.desc(), Unit.sort_order, Unit.id, AnnualReport.scope)
    )
    if year is not None:
        query = query.where(AnnualReport.year == year)
    return [(report, unit) for report, unit in (await session.execute(query)).all()]


async def published(
    session: AsyncSession, unit_id: int | None, year: int | None
) -> Sequence[tuple[AnnualReport, Unit]]:
    query = (
        select(AnnualReport, Unit)
        .join(Unit, Unit.id == AnnualReport.unit_id)
        .where(AnnualReport.status == ReportStatus.PUBLISHED)
        .order_by(AnnualReport.year.desc(), Unit.sort_order, Unit.id, AnnualReport.scope)
    )
    if unit_id is not None:
        query = query.where(AnnualReport.unit_id == unit_id)
    if year is not None:
        query = query.where(AnnualReport.year == year)
    return [(report, unit) for report, unit in (await session.execute(query)).all()]


async def status(session: AsyncSession, unit_ids: set[int], year: int, on: date) -> AnnualStatusOut:
    """Article 49: the report each administrative body in reach owes for the year, and whether
    it is late (communities and villages owe none)."""
    units = (
        await session.scalars(
            select(Unit)
            .where(Unit.id.in_(unit_ids), Unit.closed.is_(False))
            .order_by(Unit.sort_order, Unit.id)
        )
    ).all()
    found = {
        (r.unit_id, r.scope): r
        for r in (
            await session.scalars(
                select(AnnualReport).where(
                    AnnualReport.unit_id.in_(unit_ids), AnnualReport.year == year
                )
            )
        ).all()
    }
    rows = []
    for unit in units:
        if not clock.owes_report(unit.type):
            continue
        scope = clock.owed_scope(unit.type)
        report = found.get((unit.id, scope.value))
        due = clock.deadline(year, scope)
        published_at = report.published_at if report is not None else None
        state = ReportStatus(report.status) if report is not None else None
        rows.append(
            UnitReportStatus(
                unit_id=unit.id,
                unit_name=unit.name,
                parent_id=unit.parent_id,
                scope=scope,
                deadline=due,
                report_id=None if report is None else report.id,
                status=state,
                status_label="未编制" if state is None else STATUS_LABELS[state],
                published_at=published_at,
                late=clock.is_late(due, published_at, on),
            )
        )
    departments_due = clock.deadline(year, ReportScope.UNIT)
    return AnnualStatusOut(
        year=year,
        deadline=departments_due,
        overdue=on > departments_due,
        units=rows,
        unpublished=sum(1 for r in rows if r.status is not ReportStatus.PUBLISHED),
        late=sum(1 for r in rows if r.late),
    )


def out(report: AnnualReport, unit: Unit, principal: Principal | None) -> AnnualReportOut:
    return views.report_out(report, unit, principal, today())
