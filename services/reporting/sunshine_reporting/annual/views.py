"""An annual report as it is answered: the stored row, its figures (the snapshot once
finalised), the invariants checked, the deadline judged and the steps the caller may take."""

from __future__ import annotations

from datetime import date

from sunshine_kit.auth import Principal
from sunshine_kit.roles import Can
from sunshine_kit.units.models import Unit
from sunshine_reporting.annual import clock, steps, tables
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.annual.schemas import (
    SCOPE_LABELS,
    STATUS_LABELS,
    AnnualFigures,
    AnnualReportOut,
    AnnualReportSummary,
    ReportScope,
    ReportStatus,
    Sections,
)


def title(unit_name: str, year: int) -> str:
    return f"{unit_name}{year}年政府信息公开工作年度报告"


def shown_figures(report: AnnualReport) -> AnnualFigures:
    """What the report says: the snapshot once finalised, else the figures last read."""
    return AnnualFigures.model_validate(report.snapshot or report.figures)


def summary(report: AnnualReport, unit: Unit, today: date) -> AnnualReportSummary:
    scope, status = ReportScope(report.scope), ReportStatus(report.status)
    due = clock.deadline(report.year, scope)
    return AnnualReportSummary(
        id=report.id,
        unit_id=report.unit_id,
        unit_name=unit.name,
        year=report.year,
        scope=scope,
        scope_label=SCOPE_LABELS[scope],
        status=status,
        status_label=STATUS_LABELS[status],
        deadline=due,
        late=clock.is_late(due, report.published_at, today),
        updated_at=report.updated_at,
        published_at=report.published_at,
    )


def report_out(
    report: AnnualReport, unit: Unit, principal: Principal | None, today: date
) -> AnnualReportOut:
    figures = shown_figures(report)
    problems = tables.problems(figures.tables)
    can_finalise = report.status == ReportStatus.DRAFT and not figures.missing and not problems
    may_prepare = principal is not None and principal.can(Can.PREPARE_REPORTS)
    return AnnualReportOut(
        **summary(report, unit, today).model_dump(),
        title=title(unit.name, report.year),
        sections=Sections(
            overview=report.overview,
            problems=report.problems,
            other_matters=report.other_matters,
            overview_edited=report.overview_edited,
        ),
        tables=figures.tables,
        fees=figures.fees,
        overview_figures=figures.overview,
        figures_read_at=figures.read_at,
        frozen=report.snapshot is not None,
        missing=figures.missing,
        problems=problems,
        can_finalise=can_finalise,
        next_steps=steps.next_steps(report, can_finalise, may_prepare),
        created_by=report.created_by,
        created_at=report.created_at,
        updated_by=report.updated_by,
        finalised_by=report.finalised_by,
        finalised_at=report.finalised_at,
        published_by=report.published_by,
        catalog_item_key=report.publish_key,
    )


def public_view(report: AnnualReportOut) -> AnnualReportOut:
    """What the public reads: the report, signed by its unit rather than by staff accounts."""
    by = report.unit_name
    return report.model_copy(
        update={
            "created_by": by,
            "updated_by": by,
            "finalised_by": by,
            "published_by": by,
            "catalog_item_key": None,
            "next_steps": [],
        }
    )
