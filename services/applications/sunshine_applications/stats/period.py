"""A period's applications and consultations, unit by unit, for the reporting service's monthly
bulletin and work summaries: any range of days, not only a year.

Applications by the day they were received and the day they were answered (answered on time:
by the stored reply date, extensions included); consultations and messages likewise. Open
applications near or past their reply date are counted as the inbox counts them, on today's
calendar when asked (`due_soon`: within 5 working days; `overdue`: past the date), since a
deadline's urgency is a fact of now, not of the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import and_, extract, func, or_, select
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications import clock
from sunshine_applications.applications.models import DisclosureApplication, Status
from sunshine_applications.inquiries.models import Inquiry, Satisfaction
from sunshine_applications.stats.schemas import (
    ConsultationCounts,
    MonthApplications,
    PeriodApplicationFigures,
    UnitPeriodApplications,
)
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.units.models import Unit

# While these wait for the applicant (or are done), no clock runs and nothing is urgent.
NOT_COUNTING = (Status.CLOSED, Status.AWAITING_SUPPLEMENT)
GOOD = (Satisfaction.SATISFIED.value, Satisfaction.BASICALLY_SATISFIED.value)


async def period_figures(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    unit: Unit,
    unit_ids: set[int],
    date_from: date,
    date_to: date,
    include_subunits: bool,
) -> PeriodApplicationFigures:
    a = DisclosureApplication
    per_unit: dict[int, Counter[str]] = defaultdict(Counter)
    months: Counter[str] = Counter()
    year, month = extract("year", a.received_on), extract("month", a.received_on)
    for unit_id, y, m, number in (
        await session.execute(
            select(a.unit_id, year, month, func.count())
            .where(a.unit_id.in_(unit_ids), a.received_on.between(date_from, date_to))
            .group_by(a.unit_id, year, month)
        )
    ).all():
        per_unit[unit_id]["received"] += number
        months[f"{int(y):04d}-{int(m):02d}"] += number
    for unit_id, answered, on_time in (
        await session.execute(
            select(
                a.unit_id,
                func.count(),
                func.sum(when((a.replied_on <= a.reply_due_on, 1), else_=0)),
            )
            .where(a.unit_id.in_(unit_ids), a.replied_on.between(date_from, date_to))
            .group_by(a.unit_id)
        )
    ).all():
        per_unit[unit_id]["answered"] += answered
        per_unit[unit_id]["answered_on_time"] += int(on_time or 0)
    now = today()
    horizon = calendar.add_working_days(now, clock.DUE_SOON_WORKING_DAYS).date
    for unit_id, due_soon, overdue in (
        await session.execute(
            select(
                a.unit_id,
                func.sum(when((a.reply_due_on.between(now, horizon), 1), else_=0)),
                func.sum(when((a.reply_due_on < now, 1), else_=0)),
            )
            .where(a.unit_id.in_(unit_ids), a.status.not_in(NOT_COUNTING))
            .group_by(a.unit_id)
        )
    ).all():
        per_unit[unit_id]["due_soon"] += int(due_soon or 0)
        per_unit[unit_id]["overdue"] += int(overdue or 0)
    answered_in = and_(
        Inquiry.answered_on.is_not(None), Inquiry.answered_on.between(date_from, date_to)
    )
    received, answered, rated, satisfied = (
        await session.execute(
            select(
                func.sum(when((Inquiry.received_on.between(date_from, date_to), 1), else_=0)),
                func.sum(when((answered_in, 1), else_=0)),
                func.sum(when((and_(answered_in, Inquiry.satisfaction.is_not(None)), 1), else_=0)),
                func.sum(when((and_(answered_in, Inquiry.satisfaction.in_(GOOD)), 1), else_=0)),
            ).where(
                Inquiry.unit_id.in_(unit_ids),
                or_(
                    Inquiry.received_on.between(date_from, date_to),
                    Inquiry.answered_on.between(date_from, date_to),
                ),
            )
        )
    ).one()
    names = dict(
        (await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)))).all()
    )
    total = Counter[str]()
    for counts in per_unit.values():
        total.update(counts)
    return PeriodApplicationFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        date_from=date_from,
        date_to=date_to,
        include_subunits=include_subunits,
        received=total["received"],
        answered=total["answered"],
        answered_on_time=total["answered_on_time"],
        due_soon=total["due_soon"],
        overdue=total["overdue"],
        consultations=ConsultationCounts(
            received=int(received or 0),
            answered=int(answered or 0),
            rated=int(rated or 0),
            satisfied=int(satisfied or 0),
        ),
        by_month=[MonthApplications(month=m, received=n) for m, n in sorted(months.items())],
        by_unit=[
            UnitPeriodApplications(
                unit_id=unit_id,
                unit_name=names[unit_id],
                received=per_unit[unit_id]["received"],
                answered=per_unit[unit_id]["answered"],
                due_soon=per_unit[unit_id]["due_soon"],
                overdue=per_unit[unit_id]["overdue"],
            )
            for unit_id in sorted(names)
        ],
    )
