"""A period's hall figures, unit by unit, for the reporting service's monthly bulletin and work
summaries: any range of days, not only a year. Counted as `case_figures` counts a year: cases
by their acceptance date; completions, on-time completions, fees and ratings by the case's
completion date (the completion-day rows the supervision keeps).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, extract, func, select, true
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case
from sunshine_hall.ratings.models import CaseRating, RatingLevel
from sunshine_hall.stats.schemas import MonthCases, PeriodCaseFigures, UnitPeriodCases
from sunshine_hall.supervision.models import CompletionDay
from sunshine_kit.figures import rate
from sunshine_kit.units.models import Unit

FIELDS = ("accepted", "completed", "on_time", "rated", "satisfied")


async def period_figures(
    session: AsyncSession,
    units: set[int] | None,
    unit_id: int | None,
    below: bool,
    date_from: date,
    date_to: date,
) -> PeriodCaseFigures:
    def in_units(column: Any) -> ColumnElement[bool]:
        return column.in_(units) if units is not None else true()

    per_unit: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    months: dict[str, dict[str, int]] = defaultdict(lambda: {"accepted": 0, "completed": 0})
    year, month = extract("year", Case.accepted_on), extract("month", Case.accepted_on)
    for unit, y, m, number in (
        await session.execute(
            select(Case.unit_id, year, month, func.count())
            .where(Case.accepted_on.between(date_from, date_to), in_units(Case.unit_id))
            .group_by(Case.unit_id, year, month)
        )
    ).all():
        per_unit[unit]["accepted"] += number
        months[f"{int(y):04d}-{int(m):02d}"]["accepted"] += number
    done_year = extract("year", CompletionDay.completed_on)
    done_month = extract("month", CompletionDay.completed_on)
    for unit, y, m, completed, on_time, fees in (
        await session.execute(
            select(
                CompletionDay.unit_id,
                done_year,
                done_month,
                func.sum(CompletionDay.completed),
                func.sum(CompletionDay.on_time),
                func.sum(CompletionDay.fee_fen),
            )
            .where(
                CompletionDay.completed_on.between(date_from, date_to),
                in_units(CompletionDay.unit_id),
            )
            .group_by(CompletionDay.unit_id, done_year, done_month)
        )
    ).all():
        per_unit[unit]["completed"] += int(completed)
        per_unit[unit]["on_time"] += int(on_time)
        per_unit[unit].setdefault("fees_fen", 0)
        per_unit[unit]["fees_fen"] += int(fees)
        months[f"{int(y):04d}-{int(m):02d}"]["completed"] += int(completed)
    for unit, rated, satisfied in (
        await session.execute(
            select(
                CaseRating.unit_id,
                func.count(),
                func.sum(when((CaseRating.level <= RatingLevel.FAIRLY_SATISFIED, 1), else_=0)),
            )
            .join(Case, Case.id == CaseRating.case_id)
            .where(Case.completed_on.between(date_from, date_to), in_units(CaseRating.unit_id))
            .group_by(CaseRating.unit_id)
        )
    ).all():
        per_unit[unit]["rated"] += int(rated)
        per_unit[unit]["satisfied"] += int(satisfied)
    named = set(per_unit) | (units or set())
    names = dict(
        (await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(named)))).all()
    )
    totals = {f: sum(u[f] for u in per_unit.values()) for f in FIELDS}
    return PeriodCaseFigures(
        date_from=date_from,
        date_to=date_to,
        unit_id=unit_id,
        below=below,
        **totals,
        on_time_rate=rate(totals["on_time"], totals["completed"]),
        satisfaction_rate=rate(totals["satisfied"], totals["rated"]),
        fees_fen=sum(u.get("fees_fen", 0) for u in per_unit.values()),
        by_month=[MonthCases(month=m, **counts) for m, counts in sorted(months.items())],
        by_unit=[
            UnitPeriodCases(
                unit_id=unit,
                unit_name=names.get(unit, ""),
                **{f: per_unit[unit][f] if unit in per_unit else 0 for f in FIELDS},
            )
            for unit in sorted(named)
        ],
    )
