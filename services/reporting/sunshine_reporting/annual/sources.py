"""Every figure of the annual report, read from the services over HTTP with the service token.

The four readings run side by side. A reading that fails (service down, 5xx, timeout, refusal)
leaves its figures `None` and is recorded, with the source and the figures it feeds, in
`missing`: the report then says what it lacks and cannot be finalised. Nothing is read from
another service's tables.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import structlog

from sunshine_kit.db import utcnow
from sunshine_kit.errors import AppError
from sunshine_kit.http import ServiceClient
from sunshine_reporting.annual import tables
from sunshine_reporting.annual.schemas import (
    SOURCE_LABELS,
    AnnualFigures,
    MissingFigures,
    ReportScope,
    Source,
)

log = structlog.get_logger()


@dataclass(frozen=True)
class Reading:
    """One endpoint of one service and what its figures become in the report."""

    source: Source
    path: str
    params: dict[str, Any]
    feeds: tuple[str, ...]


def readings(unit_id: int, year: int, scope: ReportScope) -> dict[str, Reading]:
    below = scope is ReportScope.REGION
    return {
        "items": Reading(
            Source.CATALOG,
            f"/stats/units/{unit_id}/items",
            {"year": year, "below": below},
            ("表二 规章", "表二 行政规范性文件", "第一部分 主动公开数字"),
        ),
        "applications": Reading(
            Source.APPLICATIONS,
            f"/stats/units/{unit_id}/applications",
            {"year": year, "below": below},
            ("表三 全部", "表四 全部", "第六部分 信息处理费", "第一部分 咨询留言数字"),
        ),
        "cases": Reading(
            Source.HALL,
            "/stats/cases",
            {"year": year, "unit_id": unit_id, "below": below},
            ("表二 行政许可", "表二 行政事业性收费", "第一部分 大厅办件数字"),
        ),
        # The hall answers for the unit and every unit below it; a unit's report keeps its own.
        "enforcement": Reading(
            Source.HALL,
            "/enforcement/stats",
            {"year": year, "unit_id": unit_id},
            ("表二 行政处罚", "表二 行政强制"),
        ),
    }


async def _read(services: ServiceClient, reading: Reading) -> tuple[Any, str | None]:
    try:
        return await services.get_json(reading.source.value, reading.path, reading.params), None
    except AppError as exc:
        log.warning("annual_source_failed", source=reading.source.value, path=reading.path)
        return None, exc.message


async def read_figures(
    services: ServiceClient, unit_id: int, year: int, scope: ReportScope
) -> AnnualFigures:
    """The report's figures as the services give them now, with what could not be read."""
    wanted = readings(unit_id, year, scope)
    answers = await asyncio.gather(*(_read(services, r) for r in wanted.values()))
    got = dict(zip(wanted, (body for body, _ in answers), strict=True))
    missing = [
        MissingFigures(
            source=reading.source,
            source_label=SOURCE_LABELS[reading.source],
            figures=list(reading.feeds),
            reason=reason,
        )
        for reading, (_, reason) in zip(wanted.values(), answers, strict=True)
        if reason is not None
    ]
    region = scope is ReportScope.REGION
    return AnnualFigures(
        read_at=utcnow(),
        tables=tables.build_tables(
            got["items"], got["cases"], got["enforcement"], got["applications"], unit_id, region
        ),
        fees=tables.information_fees(got["applications"]),
        overview=tables.overview_figures(got["items"], got["applications"], got["cases"]),
        missing=missing,
    )
