"""The hall's figures of a year for the reporting service (annual report table 二) and the
office: cases by unit, item, category and month, 行政许可 decisions, timeliness, satisfaction
and fees. Queue figures are the queue's (`queue.stats`).

Counted by the day the thing happened: accepted cases by their acceptance date, decisions by
their decision date, completions, fees and ratings by the completion date of the case.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, extract, func, select, true
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case, CaseStatus, Decision
from sunshine_hall.items.labels import CATEGORY_LABELS
from sunshine_hall.items.models import ItemCategory, ServiceItem
from sunshine_hall.ratings.models import CaseRating, RatingLevel
from sunshine_hall.stats.schemas import (
    CaseFigures,
    Count,
    LicensingDecisions,
    Satisfaction,
    Timeliness,
)
from sunshine_hall.supervision.models import CompletionDay
from sunshine_kit.figures import rate
from sunshine_kit.units.models import Unit


async def _counts(session: AsyncSession, query: Any) -> list[tuple[Any, Any, int]]:
    return [(k, label, int(n)) for k, label, n in (await session.execute(query)).all()]


async def case_figures(
    session: AsyncSession, year: int, units: set[int] | None, unit_id: int | None, below: bool
) -> CaseFigures:
    first, last = date(year, 1, 1), date(year, 12, 31)

    def in_units(column: Any) -> ColumnElement[bool]:
        return column.in_(units) if units is not None else true()

    accepted = (
        select()
        .select_from(Case)
        .join(ServiceItem, ServiceItem.id == Case.item_id)
        .where(Case.accepted_on.between(first, last), in_units(Case.unit_id))
    )
    by_unit = await _counts(
        session,
        accepted.add_columns(Case.unit_id, Unit.name, func.count())
        .join(Unit, Unit.id == Case.unit_id)
        .group_by(Case.unit_id, Unit.name)
        .order_by(func.count().desc()),
    )
    by_item = await _counts(
        session,
        accepted.add_columns(ServiceItem.id, ServiceItem.name, func.count())
        .group_by(ServiceItem.id, ServiceItem.name)
        .order_by(func.count().desc())
        .limit(50),
    )
    by_category = await _counts(
        session,
        accepted.add_columns(ServiceItem.category, ServiceItem.category, func.count()).group_by(
            ServiceItem.category
        ),
    )
    month = extract("month", Case.accepted_on)
    by_month = await _counts(
        session, accepted.add_columns(month, month, func.count()).group_by(month).order_by(month)
    )
    not_accepted = await session.scalar(
        select(func.count())
        .select_from(Case)
        .where(
            Case.status == CaseStatus.NOT_ACCEPTED,
            func.date(Case.received_at).between(first, last),
            in_units(Case.unit_id),
        )
    )
    decisions = dict(
        (
            await session.execute(
                select(Case.decision, func.count())
                .join(ServiceItem, ServiceItem.id == Case.item_id)
                .where(
                    ServiceItem.category == ItemCategory.LICENSING,
                    Case.decided_on.between(first, last),
                    in_units(Case.unit_id),
                )
                .group_by(Case.decision)
            )
        ).all()
    )
    done = (
        await session.execute(
            select(
                func.coalesce(func.sum(CompletionDay.completed), 0),
                func.coalesce(func.sum(CompletionDay.on_time), 0),
                func.coalesce(func.sum(CompletionDay.early), 0),
                func.coalesce(func.sum(CompletionDay.on_the_spot), 0),
                func.coalesce(func.sum(CompletionDay.fee_fen), 0),
            ).where(
                CompletionDay.completed_on.between(first, last), in_units(CompletionDay.unit_id)
            )
        )
    ).one()
    completed, on_time, early, spot, fees = (int(v) for v in done)
    rated, satisfied = (
        await session.execute(
            select(
                func.count(),
                func.coalesce(
                    func.sum(when((CaseRating.level <= RatingLevel.FAIRLY_SATISFIED, 1), else_=0)),
                    0,
                ),
            )
            .join(Case, Case.id == CaseRating.case_id)
            .where(Case.completed_on.between(first, last), in_units(CaseRating.unit_id))
        )
    ).one()
    granted = int(decisions.get(Decision.GRANTED, 0))
    denied = int(decisions.get(Decision.DENIED, 0))
    return CaseFigures(
        year=year,
        unit_id=unit_id,
        below=below,
        accepted=sum(n for _, _, n in by_unit),
        not_accepted=int(not_accepted or 0),
        by_unit=[Count(key=str(k), label=label, cases=n) for k, label, n in by_unit],
        by_item=[Count(key=str(k), label=label, cases=n) for k, label, n in by_item],
        by_category=[
            Count(key=k, label=CATEGORY_LABELS.get(k, k), cases=n) for k, _, n in by_category
        ],
        by_month=[Count(key=str(int(k)), label=f"{int(k)}月", cases=n) for k, _, n in by_month],
        licensing_decisions=LicensingDecisions(
            granted=granted, denied=denied, total=granted + denied
        ),
        timeliness=Timeliness(
            completed=completed,
            on_time=on_time,
            early=early,
            on_the_spot=spot,
            on_time_rate=rate(on_time, completed),
            early_rate=rate(early, completed),
            on_the_spot_rate=rate(spot, completed),
        ),
        satisfaction=Satisfaction(
            rated=int(rated), satisfied=int(satisfied), rate=rate(int(satisfied), int(rated))
        ),
        fees_fen=fees,
    )
