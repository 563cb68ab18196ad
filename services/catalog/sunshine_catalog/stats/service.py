"""Figures of proactive disclosure for the reporting service (annual report, bulletins)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import pairwise
from typing import Any, TypeVar

from sqlalchemy import func, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import TableValuedAlias

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.items.models import (
    POLICY_TYPES,
    DisclosureAttribute,
    DocumentType,
    InformationItem,
    ItemStatus,
    Validity,
)
from sunshine_catalog.items.schemas import Channel
from sunshine_catalog.items.views import beijing_date
from sunshine_catalog.stats.schemas import (
    ChannelCount,
    ColumnCount,
    DocumentFigures,
    ItemFigures,
    Timeliness,
    UnitCount,
)
from sunshine_kit.calendar.days import BEIJING
from sunshine_kit.figures import rate
from sunshine_kit.units.models import Unit

K = TypeVar("K")
CHANNELS: list[str] = [c.value for c in Channel]


def year_bounds(year: int) -> tuple[datetime, datetime]:
    start = datetime(year, 1, 1, tzinfo=BEIJING).astimezone(UTC)
    end = datetime(year + 1, 1, 1, tzinfo=BEIJING).astimezone(UTC)
    return start, end


def month_bounds(year: int) -> list[datetime]:
    """The first instant of each Beijing month of the year, and of the next year, in UTC."""
    firsts = [datetime(year, month, 1, tzinfo=BEIJING) for month in range(1, 13)]
    return [first.astimezone(UTC) for first in firsts] + [year_bounds(year)[1]]


async def document_figures(
    session: AsyncSession, unit_ids: set[int], year: int
) -> dict[str, DocumentFigures]:
    """Table 二's 规章 and 行政规范性文件 of published documents, in one pass. The format's
    filling notes count 本年制发 by the document's 成文日期 (the item's 生成日期 `formed_on`), not
    by the day it was put online: a document signed on 20 December and published on 5 January
    is the earlier year's."""
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    item = InformationItem
    rows = await session.execute(
        select(
            item.document_type,
            func.count().filter(item.formed_on.between(year_start, year_end)),
            func.count().filter(
                item.validity == Validity.REPEALED,
                item.validity_changed_on.between(year_start, year_end),
            ),
            # Valid at the end of the year: formed by then, and not repealed or expired by then.
            func.count().filter(
                item.formed_on <= year_end,
                (item.validity == Validity.VALID) | (item.validity_changed_on > year_end),
            ),
        )
        .where(
            item.unit_id.in_(unit_ids),
            item.document_type.in_(POLICY_TYPES),
            item.status == ItemStatus.PUBLISHED,
        )
        .group_by(item.document_type)
    )
    found = {
        document_type: DocumentFigures(issued=issued, repealed=repealed, valid=valid)
        for document_type, issued, repealed, valid in rows
    }
    empty = DocumentFigures(issued=0, repealed=0, valid=0)
    return {t: found.get(t, empty) for t in POLICY_TYPES}


def _most_common(counts: Counter[K], order: Callable[[K], Any]) -> list[tuple[K, int]]:
    """Largest count first; equal counts in a fixed order (the database returns groups in none)."""
    return sorted(counts.items(), key=lambda pair: (-pair[1], order(pair[0])))


def _channel_order(channel: str) -> tuple[int, str]:
    return (CHANNELS.index(channel) if channel in CHANNELS else len(CHANNELS), channel)


def _channel_values(dialect: str) -> TableValuedAlias:
    """The items' channels one row each: JSON arrays are unnested differently on each backend."""
    unnest = func.jsonb_array_elements_text if dialect == "postgresql" else func.json_each
    return unnest(InformationItem.channels).table_valued("value")


async def item_figures(
    session: AsyncSession, unit: Unit, unit_ids: set[int], year: int, include_subunits: bool
) -> ItemFigures:
    """Counted in the database: the year's items grouped by unit, column and type, with each
    Beijing month and the items published on time as filtered counts, then the channels."""
    start, end = year_bounds(year)
    item = InformationItem
    of_the_year = (
        item.unit_id.in_(unit_ids),
        item.status == ItemStatus.PUBLISHED,
        # Only 主动公开 items are published, and only they count for timeliness.
        item.disclosure_attribute == DisclosureAttribute.PROACTIVE,
        item.published_at >= start,
        item.published_at < end,
    )
    bounds = month_bounds(year)
    groups = await session.execute(
        select(
            item.unit_id,
            item.column_id,
            item.document_type,
            func.count(),
            # Published on or before its due date, as the offices count days: in Beijing.
            func.count().filter(beijing_date(item.published_at) <= item.due_on),
            *(
                func.count().filter(item.published_at >= first, item.published_at < after)
                for first, after in pairwise(bounds)
            ),
        )
        .where(*of_the_year)
        .group_by(item.unit_id, item.column_id, item.document_type)
    )
    months = [0] * 12
    units: Counter[int] = Counter()
    columns: Counter[int] = Counter()
    types: Counter[str] = Counter({t.value: 0 for t in DocumentType})
    on_time = 0
    for unit_id, column_id, document_type, number, in_time, *by_month in groups:
        units[unit_id] += number
        columns[column_id] += number
        types[document_type] += number
        on_time += in_time
        months = [m + n for m, n in zip(months, by_month, strict=True)]
    values = _channel_values(session.get_bind().dialect.name)
    channels = Counter[str](
        dict(
            (
                await session.execute(
                    select(values.c.value, func.count())
                    .select_from(item)
                    .join(values, true())
                    .where(*of_the_year)
                    .group_by(values.c.value)
                )
            ).all()
        )
    )
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
    documents = await document_figures(session, unit_ids, year)
    published = units.total()
    return ItemFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        year=year,
        include_subunits=include_subunits,
        published=published,
        by_month=months,
        by_unit=[
            UnitCount(unit_id=u, unit_name=unit_names.get(u, ""), count=n)
            for u, n in _most_common(units, int)
        ],
        by_column=[
            ColumnCount(column_id=c, column_name=names.get(c, ""), count=n)
            for c, n in _most_common(columns, int)
        ],
        by_document_type=dict(types),
        by_channel=[
            ChannelCount(channel=c, count=n) for c, n in _most_common(channels, _channel_order)
        ],
        regulations=documents[DocumentType.REGULATION],
        normative_documents=documents[DocumentType.NORMATIVE],
        timeliness=Timeliness(
            published=published,
            on_time=on_time,
            late=published - on_time,
            on_time_rate=rate(on_time, published),
        ),
    )
