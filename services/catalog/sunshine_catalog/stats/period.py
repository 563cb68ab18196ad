"""A period's proactive disclosure, unit by unit, for the reporting service's monthly bulletin
(每月考评通报) and work summaries (工作总结): any range of Beijing days, not only a year.

Counted by the day the thing happened, in Beijing: an item by its publication, its lateness
against its stored due date (the 20-working-day rule), an interpretation by its own
publication. A policy document published in the period is "interpreted late" when its first
interpretation came more than 3 working days after it, or had not come by the period's last
day although due. Items still unpublished past their due date are counted as they stand when
asked (the catalogue keeps no history of drafts).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.items.deadlines import interpretation_overdue
from sunshine_catalog.items.models import (
    POLICY_TYPES,
    DisclosureAttribute,
    InformationItem,
    ItemStatus,
)
from sunshine_catalog.items.schemas import CHANNEL_LABELS
from sunshine_catalog.stats.schemas import (
    ColumnCount,
    LabelledChannelCount,
    MonthCount,
    PeriodItemFigures,
    UnitPeriodCounts,
)
from sunshine_kit.calendar.days import BEIJING, WorkingDayCalendar
from sunshine_kit.units.models import Unit

LABELS: dict[str, str] = {channel.value: label for channel, label in CHANNEL_LABELS.items()}
# Drafts, returned and submitted items: on their way to publication (as the deadline lists).
ON_THE_WAY = (ItemStatus.DRAFT, ItemStatus.REJECTED, ItemStatus.SUBMITTED)


def period_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """The period's first and (excluded) last instant, Beijing days in UTC."""
    start = datetime.combine(date_from, time(), BEIJING).astimezone(UTC)
    end = datetime.combine(date_to + timedelta(days=1), time(), BEIJING).astimezone(UTC)
    return start, end


def _beijing_day(moment: datetime) -> date:
    return moment.astimezone(BEIJING).date()


async def period_figures(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    unit: Unit,
    unit_ids: set[int],
    date_from: date,
    date_to: date,
    include_subunits: bool,
) -> PeriodItemFigures:
    start, end = period_bounds(date_from, date_to)
    rows = (
        await session.execute(
            select(
                InformationItem.id,
                InformationItem.unit_id,
                InformationItem.column_id,
                InformationItem.document_type,
                InformationItem.channels,
                InformationItem.published_at,
                InformationItem.due_on,
                InformationItem.interprets_id,
            ).where(
                InformationItem.unit_id.in_(unit_ids),
                InformationItem.status == ItemStatus.PUBLISHED,
                InformationItem.disclosure_attribute == DisclosureAttribute.PROACTIVE,
                InformationItem.published_at >= start,
                InformationItem.published_at < end,
            )
        )
    ).all()
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    months: Counter[str] = Counter()
    columns: Counter[int] = Counter()
    channels: Counter[str] = Counter()
    policies: dict[int, tuple[int, date]] = {}  # policy id -> (unit, published on)
    interpretations = 0
    for item_id, unit_id, column_id, document_type, item_channels, at, due_on, interprets in rows:
        day = _beijing_day(at)
        counts[unit_id]["published"] += 1
        counts[unit_id]["late"] += day > due_on
        months[f"{day:%Y-%m}"] += 1
        columns[column_id] += 1
        channels.update(item_channels or [])
        interpretations += interprets is not None
        if document_type in POLICY_TYPES:
            counts[unit_id]["policy_documents"] += 1
            policies[item_id] = (unit_id, day)
    first_interpreted = dict(
        (
            await session.execute(
                select(InformationItem.interprets_id, func.min(InformationItem.published_at))
                .where(
                    InformationItem.interprets_id.in_(policies),
                    InformationItem.status == ItemStatus.PUBLISHED,
                )
                .group_by(InformationItem.interprets_id)
            )
        ).all()
    )
    for policy_id, (unit_id, published_on) in policies.items():
        at = first_interpreted.get(policy_id)
        interpreted_on = None if at is None else _beijing_day(at)
        until = date_to if interpreted_on is None or interpreted_on > date_to else interpreted_on
        counts[unit_id]["interpretations_late"] += (
            interpretation_overdue(calendar, published_on, until) is not None
        )
    overdue = (
        await session.execute(
            select(InformationItem.unit_id, func.count())
            .where(
                InformationItem.unit_id.in_(unit_ids),
                InformationItem.disclosure_attribute == DisclosureAttribute.PROACTIVE,
                InformationItem.status.in_(ON_THE_WAY),
                InformationItem.due_on < date_to,
            )
            .group_by(InformationItem.unit_id)
        )
    ).all()
    for unit_id, number in overdue:
        counts[unit_id]["overdue_unpublished"] = number
    names = dict(
        (await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)))).all()
    )
    column_names = dict(
        (
            await session.execute(
                select(CatalogueColumn.id, CatalogueColumn.name).where(
                    CatalogueColumn.id.in_(columns)
                )
            )
        ).all()
    )
    total = Counter[str]()
    for unit_counts in counts.values():
        total.update(unit_counts)
    return PeriodItemFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        date_from=date_from,
        date_to=date_to,
        include_subunits=include_subunits,
        published=total["published"],
        on_time=total["published"] - total["late"],
        late=total["late"],
        overdue_unpublished=total["overdue_unpublished"],
        interpretations=interpretations,
        by_month=[MonthCount(month=m, count=n) for m, n in sorted(months.items())],
        by_column=[
            ColumnCount(column_id=c, column_name=column_names.get(c, ""), count=n)
            for c, n in columns.most_common()
        ],
        by_channel=[
            LabelledChannelCount(channel=c, label=LABELS.get(c, c), count=n)
            for c, n in channels.most_common()
        ],
        by_unit=[
            UnitPeriodCounts(
                unit_id=unit_id,
                unit_name=names[unit_id],
                published=counts[unit_id]["published"],
                late=counts[unit_id]["late"],
                overdue_unpublished=counts[unit_id]["overdue_unpublished"],
                policy_documents=counts[unit_id]["policy_documents"],
                interpretations_late=counts[unit_id]["interpretations_late"],
            )
            for unit_id in sorted(names)
        ],
    )
