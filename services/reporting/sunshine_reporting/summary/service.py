"""Work-summary figures of a unit or a region for a period, beside the same period a year
earlier: read from the sources' period statistics, six reads at once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Any

from sunshine_kit.db import utcnow
from sunshine_kit.figures import rate
from sunshine_kit.http import ServiceClient
from sunshine_kit.units.models import Unit
from sunshine_reporting.annual.schemas import Source
from sunshine_reporting.summary.periods import months_of, year_earlier
from sunshine_reporting.summary.schemas import (
    ChangeKind,
    Figure,
    MonthRow,
    Share,
    UnitRow,
    WorkSummary,
)
from sunshine_reporting.summary.sources import PeriodFigures, read_period

Reader = Callable[[dict[str, Any]], float | None]


def change(current: float | None, previous: float | None, kind: ChangeKind) -> float | None:
    """Year-on-year: a count's relative change, a rate's difference (both as fractions)."""
    if current is None or previous is None:
        return None
    if kind is ChangeKind.POINTS:
        return round(current - previous, 4)
    return round((current - previous) / previous, 4) if previous else None


# (key, label, unit, source, how to read it from that source's answer, change kind)
FIGURES: list[tuple[str, str, str, Source, Reader, ChangeKind]] = [
    ("items_published", "主动公开政府信息", "条", Source.CATALOG,
     lambda c: c["published"], ChangeKind.RATIO),
    ("items_on_time_rate", "按时发布率", "%", Source.CATALOG,
     lambda c: rate(c["on_time"], c["published"]), ChangeKind.POINTS),
    ("interpretations", "发布政策解读", "篇", Source.CATALOG,
     lambda c: c["interpretations"], ChangeKind.RATIO),
    ("applications_received", "新收政府信息公开申请", "件", Source.APPLICATIONS,
     lambda a: a["received"], ChangeKind.RATIO),
    ("applications_answered", "办结政府信息公开申请", "件", Source.APPLICATIONS,
     lambda a: a["answered"], ChangeKind.RATIO),
    ("applications_on_time_rate", "申请按期答复率", "%", Source.APPLICATIONS,
     lambda a: rate(a["answered_on_time"], a["answered"]), ChangeKind.POINTS),
    ("consultations_received", "受理咨询与留言", "件", Source.APPLICATIONS,
     lambda a: a["consultations"]["received"], ChangeKind.RATIO),
    ("consultations_satisfaction", "咨询满意率", "%", Source.APPLICATIONS,
     lambda a: rate(a["consultations"]["satisfied"], a["consultations"]["rated"]),
     ChangeKind.POINTS),
    ("hall_accepted", "大厅受理办件", "件", Source.HALL,
     lambda h: h["accepted"], ChangeKind.RATIO),
    ("hall_completed", "大厅办结办件", "件", Source.HALL,
     lambda h: h["completed"], ChangeKind.RATIO),
    ("hall_on_time_rate", "按时办结率", "%", Source.HALL,
     lambda h: rate(h["on_time"], h["completed"]), ChangeKind.POINTS),
    ("hall_satisfaction_rate", "办事满意率", "%", Source.HALL,
     lambda h: rate(h["satisfied"], h["rated"]), ChangeKind.POINTS),
]  # fmt: skip


def _answer(figures: PeriodFigures, source: Source) -> dict[str, Any] | None:
    answer: dict[str, Any] | None = getattr(figures, source.value)
    return answer


def _figures(current: PeriodFigures, previous: PeriodFigures) -> list[Figure]:
    out = []
    for key, label, unit, source, read, kind in FIGURES:
        now, then = _answer(current, source), _answer(previous, source)
        value = read(now) if now is not None else None
        before = read(then) if then is not None else None
        out.append(
            Figure(
                key=key,
                label=label,
                unit=unit,
                source=source,
                current=value,
                previous=before,
                change=change(value, before, kind),
                change_kind=kind,
            )
        )
    return out


def _monthly(answer: dict[str, Any] | None, field: str) -> dict[str, int] | None:
    if answer is None:
        return None
    return {row["month"]: row[field] for row in answer["by_month"]}


def _in_month(counts: dict[str, int] | None, month: str) -> int | None:
    return None if counts is None else counts.get(month, 0)


def _months(current: PeriodFigures, previous: PeriodFigures, months: list[str]) -> list[MonthRow]:
    items, items_before = _monthly(current.catalog, "count"), _monthly(previous.catalog, "count")
    asked = _monthly(current.applications, "received")
    asked_before = _monthly(previous.applications, "received")
    hall, hall_before = _monthly(current.hall, "accepted"), _monthly(previous.hall, "accepted")
    rows = []
    for month in months:
        earlier = f"{int(month[:4]) - 1:04d}{month[4:]}"
        rows.append(
            MonthRow(
                month=month,
                items=_in_month(items, month),
                items_previous=_in_month(items_before, earlier),
                applications=_in_month(asked, month),
                applications_previous=_in_month(asked_before, earlier),
                hall_accepted=_in_month(hall, month),
                hall_accepted_previous=_in_month(hall_before, earlier),
            )
        )
    return rows


def _units(figures: PeriodFigures) -> list[UnitRow]:
    """Each unit the sources name, with what each source says of it (None where it is down)."""
    names: dict[int, str] = {}
    counts: dict[str, dict[int, int]] = {}
    for source, field in (("catalog", "published"), ("applications", "received")):
        answer = getattr(figures, source)
        for row in answer["by_unit"] if answer else []:
            names[row["unit_id"]] = row["unit_name"]
            counts.setdefault(source, {})[row["unit_id"]] = row[field]
    for row in figures.hall["by_unit"] if figures.hall else []:
        names[row["unit_id"]] = row["unit_name"]
        counts.setdefault("hall", {})[row["unit_id"]] = row["accepted"]

    def of(source: str, unit_id: int) -> int | None:
        return None if getattr(figures, source) is None else counts.get(source, {}).get(unit_id, 0)

    return [
        UnitRow(
            unit_id=unit_id,
            unit_name=name,
            items=of("catalog", unit_id),
            applications=of("applications", unit_id),
            hall_accepted=of("hall", unit_id),
        )
        for unit_id, name in names.items()
    ]


async def work_summary(
    services: ServiceClient, unit: Unit, date_from: date, date_to: date, *, below: bool
) -> WorkSummary:
    """The period's figures and the same period a year earlier, with the change."""
    previous_from, previous_to = year_earlier(date_from), year_earlier(date_to)
    current, previous = await asyncio.gather(
        read_period(services, unit.id, date_from, date_to, below=below),
        read_period(services, unit.id, previous_from, previous_to, below=below),
    )
    catalog = current.catalog
    return WorkSummary(
        unit_id=unit.id,
        unit_name=unit.name,
        include_subunits=below,
        date_from=date_from,
        date_to=date_to,
        previous_from=previous_from,
        previous_to=previous_to,
        read_at=utcnow(),
        figures=_figures(current, previous),
        by_month=_months(current, previous, months_of(date_from, date_to)),
        by_column=(
            [
                Share(key=str(c["column_id"]), label=c["column_name"], count=c["count"])
                for c in catalog["by_column"]
            ]
            if catalog
            else None
        ),
        by_channel=(
            [
                Share(key=c["channel"], label=c["label"], count=c["count"])
                for c in catalog["by_channel"]
            ]
            if catalog
            else None
        ),
        by_unit=_units(current) if below else [],
        missing=current.gaps,
        missing_previous=previous.gaps,
    )
