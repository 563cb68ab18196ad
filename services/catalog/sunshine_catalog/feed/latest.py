"""最新信息: the newest published items of every unit, for the portal's home page (最新公开,
政策解读, 通知公告 blocks).

Every visitor of the home page asks for the same few pages, and they change only when something
is published, withdrawn or changes validity, which moves the change feed's counter. So a page is
kept under its query string at the counter's value (the search's cache, search.cache) and sent
with that value as its ETag: a browser that has it gets 304, and for a minute asks nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.columns.service import active_columns
from sunshine_catalog.errors import COLUMN_NOT_FOUND
from sunshine_catalog.items.models import InformationItem, ItemColumn, ItemStatus
from sunshine_kit.errors import InvalidInput
from sunshine_kit.pagination import PageParams

BROWSER_MAX_AGE = 60  # seconds a browser shows its copy before asking again


def _below(columns: Sequence[CatalogueColumn], root_id: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for column in columns:
        if column.parent_id is not None:
            children.setdefault(column.parent_id, []).append(column.id)
    found, stack = {root_id}, [root_id]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


async def column_and_below(session: AsyncSession, code: str) -> set[int]:
    """The template column with this code and every column below it."""
    columns = await active_columns(session)
    root = next((c for c in columns if c.code == code), None)
    if root is None:
        raise InvalidInput("column", f"没有编码为“{code}”的栏目", code=COLUMN_NOT_FOUND)
    return _below(columns, root.id)


async def latest_page(
    session: AsyncSession, column_code: str | None, page: PageParams
) -> tuple[Sequence[InformationItem], int]:
    """A page of every unit's published items, newest first, optionally only those listed in a
    column (by its template code, e.g. X-POLICY-INTERP) or below it; and how many there are."""
    query = select(InformationItem).where(InformationItem.status == ItemStatus.PUBLISHED)
    if column_code is not None:
        listed = select(ItemColumn.item_id).where(
            ItemColumn.column_id.in_(await column_and_below(session, column_code))
        )
        query = query.where(InformationItem.id.in_(listed))
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.scalars(
        query.order_by(InformationItem.published_at.desc(), InformationItem.id.desc())
        .offset(page.offset)
        .limit(page.size)
    )
    return rows.all(), total
