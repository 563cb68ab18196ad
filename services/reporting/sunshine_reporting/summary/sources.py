"""Reading the period figures of the source services, where a failed read is a named gap.

Every figure of a bulletin or a work summary comes from one of three services' `…/period`
statistics (a date range, one unit or its subtree). A source that is down, answers 5xx or times
out (the kit's client has already retried) is returned as `SourceGap`, never as zeros: the
figures it feeds are shown as missing with the source named, and a bulletin with a gap cannot
be issued. A 404 (the unit is unknown there) is not a gap but the caller's error, and passes.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from sunshine_kit.errors import UpstreamUnavailable
from sunshine_kit.http import ServiceClient
from sunshine_reporting.annual.schemas import SOURCE_LABELS, Source


class SourceGap(BaseModel):
    """A source that could not be read: the figures it feeds are missing, not zero."""

    source: Source
    source_label: str
    figures: list[str] = Field(description="受影响的数字")
    reason: str = Field(description="读取失败的原因")


# The figures each source feeds, as the pages name them.
FEEDS: dict[Source, list[str]] = {
    Source.CATALOG: ["主动公开信息数", "超期发布", "超期未发布", "政策解读"],
    Source.APPLICATIONS: ["依申请公开", "临近期限与逾期申请", "咨询与留言"],
    Source.HALL: ["大厅办件", "按时办结率", "满意率"],
}


def period_params(date_from: date, date_to: date) -> dict[str, str]:
    return {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}


async def _read(
    services: ServiceClient, source: Source, path: str, params: dict[str, Any]
) -> dict[str, Any] | SourceGap:
    try:
        answer: dict[str, Any] = await services.get_json(source.value, path, params)
    except UpstreamUnavailable as exc:
        return SourceGap(
            source=source,
            source_label=SOURCE_LABELS[source],
            figures=FEEDS[source],
            reason=exc.message,
        )
    return answer


class PeriodFigures(BaseModel):
    """What the three sources answered for one unit (or region) and one period."""

    catalog: dict[str, Any] | None
    applications: dict[str, Any] | None
    hall: dict[str, Any] | None
    gaps: list[SourceGap]


async def read_period(
    services: ServiceClient, unit_id: int, date_from: date, date_to: date, *, below: bool
) -> PeriodFigures:
    """The three sources' figures of the period, read at once; each failure is a gap."""
    params: dict[str, Any] = {**period_params(date_from, date_to), "below": str(below).lower()}
    catalog, applications, hall = await asyncio.gather(
        _read(services, Source.CATALOG, f"/stats/units/{unit_id}/items/period", params),
        _read(services, Source.APPLICATIONS, f"/stats/units/{unit_id}/applications/period", params),
        _read(services, Source.HALL, "/stats/cases/period", {**params, "unit_id": unit_id}),
    )
    answers = {Source.CATALOG: catalog, Source.APPLICATIONS: applications, Source.HALL: hall}
    gaps = [a for a in answers.values() if isinstance(a, SourceGap)]
    figures = {s: (None if isinstance(a, SourceGap) else a) for s, a in answers.items()}
    return PeriodFigures(
        catalog=figures[Source.CATALOG],
        applications=figures[Source.APPLICATIONS],
        hall=figures[Source.HALL],
        gaps=gaps,
    )
