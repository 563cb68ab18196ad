"""Figures of proactive disclosure for the reporting service (annual report, bulletins)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.items.models import (
    DisclosureAttribute,
    DocumentType,
    InformationItem,
    ItemStatus,
    Validity,
)
from sunshine_catalog.stats.schemas import (
    ChannelCount,
    ColumnCount,
    DocumentFigures,
    ItemFigures,
    Timeliness,
    UnitCount,
)
from sunshine_kit.calendar.days import BEIJING
from sunshine_kit.units.models import Unit


def year_bounds(year: int) -> tuple[datetime, datetime]:
    start = datetime(year, 1, 1, tzinfo=BEIJING).astimezone(UTC)
    end = datetime(year + 1, 1, 1, tzinfo=BEIJING).astimezone(UTC)
    return start, end


async def document_figures(
    session: AsyncSession, unit_ids: set[int], year: int, document_type: DocumentType
) -> DocumentFigures:
    start, end = year_bounds(year)
    year_end = date(year, 12, 31)
    of_type = (
        InformationItem.unit_id.in_(unit_ids),
        InformationItem.document_type == document_type,
        InformationItem.status == ItemStatus.PUBLISHED,
    )
    issued = await session.scalar(
        select(func.count()).where(
            *of_type, InformationItem.published_at >= start, InformationItem.published_at < end
        )
    )
    repealed = await session.scalar(
        select(func.count()).where(
            *of_type,
            InformationItem.validity == Validity.REPEALED,
            InformationItem.validity_changed_on >= date(year, 1, 1),
            InformationItem.validity_changed_on <= year_end,
        )
    )
    # Valid at the end of the year: formed by then, and not repealed or expired by then.
    valid = await session.scalar(
        select(func.count()).where(
            *of_type,
            InformationItem.published_at < end,
            (InformationItem.validity == Validity.VALID)
            | (InformationItem.validity_changed_on > year_end),
        )
    )
    return DocumentFigures(issued=issued or 0, repealed=repealed or 0, valid=valid or 0)


async def item_figures(
    session: AsyncSession, unit: Unit, unit_ids: set[int], year: int, include_subunits: bool
) -> ItemFigures:
    start, end = year_bounds(year)
    rows = (
        await session.execute(
            select(
                InformationItem.unit_id,
                InformationItem.column_id,
                InformationItem.document_type,
                InformationItem.channels,
                InformationItem.published_at,
                InformationItem.due_on,
            ).where(
                InformationItem.unit_id.in_(unit_ids),
                InformationItem.status == ItemStatus.PUBLISHED,
                # Only 主动公开 items are published, and only they count for timeliness.
                InformationItem.disclosure_attribute == DisclosureAttribute.PROACTIVE,
                InformationItem.published_at >= start,
                InformationItem.published_at < end,
            )
        )
    ).all()
    months = [0] * 12
    units: Counter[int] = Counter()
    columns: Counter[int] = Counter()
    types: Counter[str] = Counter({t.value: 0 for t in DocumentType})
    channels: Counter[str] = Counter()
    on_time = 0
    for unit_id, column_id, document_type, item_channels, published_at, due_on in rows:
        units[unit_id] += 1
        local = published_at.astimezone(BEIJING)
        months[local.month - 1] += 1
        columns[column_id] += 1
        types[document_type] += 1
        channels.update(item_channels or [])
        on_time += local.date() <= due_on
    names = dict(
        (
            await session.execute(
                select(CatalogueColumn.id, CatalogueColumn.name).where(
                    CatalogueColumn.id.in_(columns)
                )
            )
        ).all()
    )
    unit_names = dict(
        (await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(units)))).all()
    )
    published = len(rows)
    return ItemFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        year=year,
        include_subunits=include_subunits,
        published=published,
        by_month=months,
        by_unit=[
            UnitCount(unit_id=u, unit_name=unit_names.get(u, ""), count=n)
            for u, n in units.most_common()
        ],
        by_column=[
            ColumnCount(column_id=c, column_name=names.get(c, ""), count=n)
            for c, n in columns.most_common()
        ],
        by_document_type=dict(types),
        by_channel=[ChannelCount(channel=c, count=n) for c, n in channels.most_common()],
        regulations=await document_figures(session, unit_ids, year, DocumentType.REGULATION),
        normative_documents=await document_figures(session, unit_ids, year, DocumentType.NORMATIVE),
        timeliness=Timeliness(
            published=published,
            on_time=on_time,
            late=published - on_time,
            on_time_rate=round(on_time / published, 4) if published else None,
        ),
    )
