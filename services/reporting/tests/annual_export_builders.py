"""A report as the exports receive it: its tables built by the annual report's own code from
sources' answers written here (shared by the exports' tests and the cross-service check that
the catalogue's cleaning keeps the published body's merged cells)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sunshine_reporting.annual import tables
from sunshine_reporting.annual.schemas import (
    SCOPE_LABELS,
    STATUS_LABELS,
    AnnualReportOut,
    MissingFigures,
    ReportScope,
    ReportStatus,
    Sections,
    Source,
)

TITLE = "锦华区人民政府2026年政府信息公开工作年度报告"


# --- a report as the exports receive it: tables built by the annual report's own code from
# sources' answers written here ---

COLUMNS = ("natural_person", "business", "research", "public_welfare", "legal_service", "other")


def counts(*values: int) -> dict[str, int]:
    """A row of table 三: the six applicant columns in order, and their total."""
    row = dict(zip(COLUMNS, values, strict=True))
    return {**row, "total": sum(values)}


def applications_answer() -> dict[str, Any]:
    """The applications service's answer: 35 new + 4 carried over = 33 closed + 6 carried
    forward for natural persons; the other columns balance the same way."""
    rows = {
        "new": counts(35, 6, 1, 0, 2, 1),
        "carried_over": counts(4, 1, 0, 0, 0, 0),
        "disclosed": counts(20, 3, 1, 0, 1, 0),
        "partly_disclosed": counts(5, 1, 0, 0, 0, 0),
        "not_disclosed_1": counts(1, 0, 0, 0, 0, 0),
        "not_disclosed_4": counts(2, 0, 0, 0, 0, 0),
        "unavailable_1": counts(3, 1, 0, 0, 1, 0),
        "not_processed_2": counts(1, 0, 0, 0, 0, 0),
        "other_3": counts(1, 0, 0, 0, 0, 1),
        "carried_forward": counts(6, 2, 0, 0, 0, 0),
    }
    closed = [k for k in rows if k not in ("new", "carried_over", "carried_forward")]
    rows["results_total"] = {c: sum(rows[k][c] for k in closed) for c in (*COLUMNS, "total")}
    every = [key for key, *_ in tables.THREE_LAYOUT]
    return {
        "applications": [
            {"key": k, "counts": rows.get(k, counts(0, 0, 0, 0, 0, 0))} for k in every
        ],
        "remedies": [
            {"key": "reconsideration", "counts": remedy(2, 1, 0, 1)},
            {"key": "litigation", "counts": remedy(1, 0, 0, 0)},
            {"key": "litigation_after_reconsideration", "counts": remedy(0, 0, 1, 1)},
        ],
        "inquiries": [
            {"key": "total", "counts": {"received": 120, "answered": 118}},
        ],
        "fees": {"fen": 12_345, "wan_yuan": "0.0123"},
    }


def remedy(upheld: int, corrected: int, other: int, pending: int) -> dict[str, int]:
    return {
        "upheld": upheld,
        "corrected": corrected,
        "other": other,
        "pending": pending,
        "total": upheld + corrected + other + pending,
    }


ITEMS = {
    "regulations": {"issued": 2, "repealed": 1, "valid": 17},
    "normative_documents": {"issued": 38, "repealed": 5, "valid": 412},
    "published": 13_052,
    "by_channel": [{"channel": "portal", "count": 13_052}],
    "timeliness": {"on_time_rate": 0.98},
}
CASES = {
    "licensing_decisions": {"total": 27_106},
    "fees_fen": 123_456_789,  # 123.4568 万元
    "accepted": 270_000,
    "timeliness": {"on_time_rate": 0.99},
    "satisfaction": {"rate": 0.987},
}
ENFORCEMENT = {"units": [{"unit_id": 1, "penalties": 641, "coercions": 12}]}


def annual_report(
    *,
    status: ReportStatus = ReportStatus.FINALISED,
    missing: tuple[Source, ...] = (),
    overview: str = "2026年，锦华区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
    "全年主动公开政府信息13052条。",
    problems: str = "一是公开内容不够全面。\n二是解读形式较为单一。",
    other_matters: str = "本年度收取信息处理费0.0123万元。",
) -> AnnualReportOut:
    items = None if Source.CATALOG in missing else ITEMS
    cases = None if Source.HALL in missing else CASES
    enforcement = None if Source.HALL in missing else ENFORCEMENT
    applications = None if Source.APPLICATIONS in missing else applications_answer()
    at = datetime(2027, 1, 20, 2, 30, tzinfo=UTC)
    return AnnualReportOut(
        id=7,
        unit_id=1,
        unit_name="锦华区人民政府",
        year=2026,
        scope=ReportScope.REGION,
        scope_label=SCOPE_LABELS[ReportScope.REGION],
        status=status,
        status_label=STATUS_LABELS[status],
        deadline=date(2027, 1, 31),
        late=False,
        updated_at=at,
        published_at=None,
        title="锦华区人民政府2026年政府信息公开工作年度报告",
        sections=Sections(
            overview=overview,
            problems=problems,
            other_matters=other_matters,
            overview_edited=True,
        ),
        tables=tables.build_tables(items, cases, enforcement, applications, 1, region=True),
        fees=tables.information_fees(applications),
        overview_figures=tables.overview_figures(items, applications, cases),
        figures_read_at=at,
        frozen=status != ReportStatus.DRAFT,
        missing=[
            MissingFigures(
                source=source,
                source_label=source.value,
                figures=["表三 全部"],
                reason="服务不可达",
            )
            for source in missing
        ],
        problems=[],
        can_finalise=not missing,
        created_by="office",
        created_at=at,
        updated_by="office",
        finalised_by="office" if status != ReportStatus.DRAFT else None,
        finalised_at=at if status != ReportStatus.DRAFT else None,
        published_by=None,
        catalog_item_key=None,
    )


# --- Word -----------------------------------------------------------------------------------
