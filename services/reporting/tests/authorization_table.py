"""Who may call each of the reporting service's operations (checked by test_authorization.py).

Reporting reads the other services' figures of a unit (here the catalog is unreachable: an
admitted caller is answered 503, which is still not a refusal); the rest is what every
component has.
"""

from __future__ import annotations

from sqlalchemy import func, select

from sunshine_kit.access_matrix import (
    Access,
    Records,
    Scope,
    public,
    service_table,
)
from sunshine_kit.db import utcnow
from sunshine_kit.roles import Can
from sunshine_kit.testing import BUREAU
from sunshine_reporting.annual import tables
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.annual.schemas import AnnualFigures
from sunshine_reporting.bulletin.schemas import Weights

DEFAULT_WEIGHTS = Weights().model_dump()

TABLE = service_table(
    {
        # 概览: a unit's figures, for its staff and those above it.
        "overview-unit_overview": Access(Can.WORK_IN_CONSOLE, Scope.UNIT),
        # 年度报告的文件: whoever may read the report (its unit's or above it).
        "annual-export_docx": Access(Can.READ_REPORTS, Scope.UNIT),
        "annual-export_pdf": Access(Can.READ_REPORTS, Scope.UNIT),
        "annual-export_xlsx": Access(Can.READ_REPORTS, Scope.UNIT),
        "annual-export_html": Access(Can.READ_REPORTS, Scope.UNIT),
        # 年度报告: read by the office and supervisors, prepared by the office, of the unit or
        # above it; the lists and the Article 49 status name the bureau (`unit_id`).
        "annual-list_reports": Access(Can.READ_REPORTS, Scope.UNIT),
        "annual-annual_status": Access(Can.READ_REPORTS, Scope.UNIT),
        "annual-create_report": Access(Can.PREPARE_REPORTS, Scope.UNIT, body={"year": 2025}),
        "annual-get_report": Access(Can.READ_REPORTS, Scope.UNIT),
        "annual-edit_sections": Access(Can.PREPARE_REPORTS, Scope.UNIT),
        "annual-regenerate_report": Access(Can.PREPARE_REPORTS, Scope.UNIT),
        "annual-finalise_report": Access(Can.PREPARE_REPORTS, Scope.UNIT),
        "annual-reopen_report": Access(Can.PREPARE_REPORTS, Scope.UNIT),
        "annual-publish_report": Access(Can.PREPARE_REPORTS, Scope.UNIT),
        "annual-report_differences": Access(Can.READ_REPORTS, Scope.UNIT),
        "annual-report_history": Access(Can.READ_REPORTS, Scope.UNIT),
        # Published annual reports are public (a draft is not found).
        "annual-published_reports": public(),
        "annual-published_report": public(),
        # 每月考评通报 of a region: read by the office and supervision, drawn up, issued and
        # published by the office. The month named is January 2026, not drawn up (404 for the
        # admitted: not a refusal); drawing it up reads unreachable sources (every figure 缺失).
        "bulletins-list_bulletins": Access(Can.READ_REPORTS, Scope.UNIT),
        "bulletins-draw_up_bulletin": Access(
            Can.PREPARE_REPORTS, Scope.UNIT, body={"year": 2026, "month": 1}
        ),
        "bulletins-read_bulletin": Access(Can.READ_REPORTS, Scope.UNIT),
        "bulletins-issue_bulletin": Access(Can.PREPARE_REPORTS, Scope.UNIT),
        "bulletins-publish_bulletin": Access(Can.PREPARE_REPORTS, Scope.UNIT),
        "bulletins-export_bulletin": Access(Can.READ_REPORTS, Scope.UNIT),
        "bulletins-read_weights": Access(Can.READ_REPORTS, Scope.UNIT),
        "bulletins-set_weights": Access(Can.PREPARE_REPORTS, Scope.UNIT, body=DEFAULT_WEIGHTS),
        # 工作总结数据: a period's figures of a unit or region.
        "summary-work_summary": Access(
            Can.READ_REPORTS,
            Scope.UNIT,
            query={"date_from": "2026-01-01", "date_to": "2026-01-31"},
        ),
    },
    makers={
        "report_id": lambda records: annual_report(records),
        "year": lambda records: january(2026),
        "month": lambda records: january(1),
    },
)


async def january(value: int) -> int:
    """The year or the month of the bulletin named in a path: January 2026."""
    return value


async def annual_report(records: Records) -> int:
    """A draft report of the bureau whose sources were all unreachable (every figure 缺失)."""
    figures = AnnualFigures(
        read_at=utcnow(),
        tables=tables.build_tables(None, None, None, None, BUREAU, region=False),
        fees=tables.information_fees(None),
        overview=tables.overview_figures(None, None, None),
        missing=[],
    )
    # Each admitted caller of a change gets a report of its own: one a year (2025, 2024…).
    earlier = await records.session.scalar(
        select(func.count()).where(AnnualReport.unit_id == BUREAU)
    )
    report = AnnualReport(
        unit_id=BUREAU,
        year=2025 - (earlier or 0),
        scope="unit",
        figures=figures.model_dump(mode="json"),
        created_by="office",
        updated_by="office",
    )
    records.session.add(report)
    # Committed (to the test's savepoint): a refused request rolling back its own work must
    # leave the report in place for the callers after it.
    await records.session.commit()
    return report.id
