"""A unit's catalogue as readers use it: each column with the number of items published in it
and the columns below it, the items of a column with those of its sub-columns, and the columns
that hold nothing (空栏目, which the office's self-inspection reports).

A parent column such as 《条例》第二十条第十一项 rarely holds items itself: its items sit in 教育,
医疗卫生… below it, so a reader who opens the parent expects to see theirs. Both the count and
the list go by the unit's own tree (columns hidden for its type or by the unit are left out), and
an item listed in several columns of one subtree counts there once.

Counting costs two grouped queries on the unit's published items, not one per column: per-column
counts, and the few items listed in more than one column, whose double counting is taken away.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from sunshine_catalog.columns.schemas import ColumnNode, EmptyColumn, UnitColumnNode
from sunshine_catalog.columns.service import unit_tree
from sunshine_catalog.errors import COLUMN_NOT_FOUND
from sunshine_catalog.items.models import InformationItem, ItemColumn, ItemStatus
from sunshine_kit.errors import NotFound
from sunshine_kit.pagination import PageParams


def walk(nodes: Sequence[ColumnNode]) -> Iterator[ColumnNode]:
    """Every column of a tree, each before the columns below it."""
    for node in nodes:
        yield node
        yield from walk(node.children)


def subtree_ids(node: ColumnNode) -> set[int]:
    """The column and every column below it."""
    return {n.id for n in walk([node])}


def subtree_counts(
    tree: Sequence[ColumnNode],
    per_column: Mapping[int, int],
    shared: Mapping[frozenset[int], int],
) -> dict[int, int]:
    """Items in each column and the columns below it, each item once.

    `per_column`: items listed in each column; `shared`: how many items are listed in exactly
    each set of (two or more) columns, so that an item in two columns of a subtree counts once.
    """
    counts: dict[int, int] = {}
    for node in walk(tree):
        ids = subtree_ids(node)
        total = sum(per_column.get(i, 0) for i in ids)
        for columns, items in shared.items():
            inside = len(columns & ids)
            if inside > 1:
                total -= (inside - 1) * items
        counts[node.id] = total
    return counts


def _published_of(unit_id: int) -> ColumnElement[bool]:
    return and_(
        InformationItem.id == ItemColumn.item_id,
        InformationItem.unit_id == unit_id,
        InformationItem.status == ItemStatus.PUBLISHED,
    )


async def published_counts(
    session: AsyncSession, unit_id: int
) -> tuple[dict[int, int], Counter[frozenset[int]]]:
    """A unit's published items per column, and per set of columns for items in several."""
    counted = await session.execute(
        select(ItemColumn.column_id, func.count())
        .select_from(ItemColumn)
        .join(InformationItem, _published_of(unit_id))
        .group_by(ItemColumn.column_id)
    )
    per_column = {column_id: count for column_id, count in counted.all()}
    other = aliased(ItemColumn)
    in_several = (
        await session.execute(
            select(ItemColumn.item_id, ItemColumn.column_id)
            .select_from(ItemColumn)
            .join(InformationItem, _published_of(unit_id))
            .where(
                exists().where(
                    other.item_id == ItemColumn.item_id, other.column_id != ItemColumn.column_id
                )
            )
        )
    ).all()
    columns_of: dict[int, set[int]] = {}
    for item_id, column_id in in_several:
        columns_of.setdefault(item_id, set()).add(column_id)
    return per_column, Counter(frozenset(c) for c in columns_of.values())


def _counted(node: ColumnNode, counts: Mapping[int, int]) -> UnitColumnNode:
    return UnitColumnNode(
        **node.model_dump(exclude={"children"}),
        item_count=counts.get(node.id, 0),
        children=[_counted(child, counts) for child in node.children],
    )


async def counted_tree(session: AsyncSession, unit_id: int) -> list[UnitColumnNode]:
    """A unit's catalogue with each column's published items (its own and its sub-columns')."""
    tree = await unit_tree(session, unit_id)
    per_column, shared = await published_counts(session, unit_id)
    counts = subtree_counts(tree, per_column, shared)
    return [_counted(node, counts) for node in tree]


async def empty_columns(session: AsyncSession, unit_id: int) -> list[EmptyColumn]:
    """The columns of a unit's catalogue with no published item in them or below them, in the
    catalogue's order, each with the names of the columns above it."""
    empty: list[EmptyColumn] = []

    def visit(nodes: Sequence[UnitColumnNode], path: list[str]) -> None:
        for node in nodes:
            if node.item_count == 0:
                empty.append(EmptyColumn(id=node.id, code=node.code, name=node.name, path=path))
            visit(node.children, [*path, node.name])

    visit(await counted_tree(session, unit_id), [])
    return empty


async def column_items_page(
    session: AsyncSession, unit_id: int, column_id: int, page: PageParams
) -> tuple[Sequence[InformationItem], int]:
    """A page of the unit's published items in a column or any column below it, newest first,
    and how many there are; a column the unit's catalogue does not show is not found."""
    column = next((n for n in walk(await unit_tree(session, unit_id)) if n.id == column_id), None)
    if column is None:
        raise NotFound("本单位的公开目录中没有这个栏目", code=COLUMN_NOT_FOUND)
    listed = select(ItemColumn.item_id).where(ItemColumn.column_id.in_(subtree_ids(column)))
    query = select(InformationItem).where(
        InformationItem.unit_id == unit_id,
        InformationItem.status == ItemStatus.PUBLISHED,
        InformationItem.id.in_(listed),
    )
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.scalars(
        query.order_by(InformationItem.published_at.desc(), InformationItem.id.desc())
        .offset(page.offset)
        .limit(page.size)
    )
    return rows.all(), total
