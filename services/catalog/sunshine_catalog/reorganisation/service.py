"""栏目调整: moving items between columns, merging and splitting columns with their items,
keeping old links alive."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.columns import service as columns
from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.columns.schemas import ColumnIn
from sunshine_catalog.errors import COLUMN_HAS_CHILDREN, COLUMN_HIDDEN, COLUMN_NOT_FOUND
from sunshine_catalog.feed.service import record_change
from sunshine_catalog.items.deadlines import archive_date
from sunshine_catalog.items.models import ChangeKind, InformationItem, ItemColumn, ItemStatus
from sunshine_catalog.reorganisation.schemas import MoveIn, SplitIn
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.errors import Conflict, InvalidInput, NotFound
from sunshine_kit.units.service import get_unit, units_in_reach

MAX_MERGE_HOPS = 20


async def move_items(
    session: AsyncSession, actor: Principal, body: MoveIn, *, province_url: str = ""
) -> int:
    """Migrate items between columns in bulk (栏目调整); their ids and numbers do not change,
    so links to them keep working, and each move is in the audit log and the change feed.
    Like every change of the template, for the top unit's office (`ensure_keeps_template`)."""
    await columns.ensure_keeps_template(session, actor)
    if body.from_column_id == body.to_column_id:
        raise InvalidInput("to_column_id", "目标栏目与原栏目相同")
    await columns.get_column(session, body.from_column_id)
    try:
        target = await columns.get_column(session, body.to_column_id)
    except NotFound:
        raise InvalidInput("to_column_id", "目标栏目不存在或已停用") from None
    query = select(InformationItem).where(
        InformationItem.column_id == body.from_column_id,
        InformationItem.unit_id.in_(await units_in_reach(session, actor, body.unit_id)),
    )
    if body.item_ids:
        query = query.where(InformationItem.id.in_(body.item_ids))
    items = (await session.scalars(query)).all()
    for item in items:
        unit = await get_unit(session, item.unit_id)
        if unit.type in target.hidden_for_unit_types:
            raise InvalidInput(
                "to_column_id", f"“{target.name}”栏目不适用于{unit.name}", code=COLUMN_HIDDEN
            )
        item.column_id = target.id
        item.archive_on = archive_date(target.retention_years, item.formed_on)
        await session.execute(
            delete(ItemColumn).where(
                ItemColumn.item_id == item.id,
                ItemColumn.column_id.in_([body.from_column_id, target.id]),
            )
        )
        session.add(ItemColumn(item_id=item.id, column_id=target.id))
        await audit.record(
            session,
            actor=actor,
            action=Action.ITEM_MOVED,
            entity_type="item",
            entity_id=item.id,
            before={"column_id": body.from_column_id},
            after={"column_id": target.id},
        )
        if item.status == ItemStatus.PUBLISHED:
            await record_change(session, item, ChangeKind.MOVED, province_url=province_url)
    await session.flush()
    return len(items)


async def merge(
    session: AsyncSession,
    actor: Principal,
    column_id: int,
    into_column_id: int,
    *,
    province_url: str = "",
) -> int:
    """Move every item of the column into another and retire it; links to it then resolve to
    the column it went into. A column with live sub-columns must have them moved first."""
    source = await columns.get_column(session, column_id)
    if into_column_id == column_id:
        raise InvalidInput("into_column_id", "不能并入栏目自身")
    try:
        await columns.get_column(session, into_column_id)
    except NotFound:
        raise InvalidInput("into_column_id", "并入的栏目不存在或已停用") from None
    children = await session.scalar(
        select(CatalogueColumn.id).where(
            CatalogueColumn.parent_id == column_id, CatalogueColumn.active.is_(True)
        )
    )
    if children is not None:
        raise Conflict("该栏目下还有子栏目，请先移动或合并子栏目", code=COLUMN_HAS_CHILDREN)
    moved = await move_items(
        session,
        actor,
        MoveIn(from_column_id=column_id, to_column_id=into_column_id),
        province_url=province_url,
    )
    source.active = False
    source.merged_into_id = into_column_id
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=Action.COLUMN_MERGED,
        entity_type="column",
        entity_id=column_id,
        after={"merged_into_id": into_column_id, "items_moved": moved},
    )
    return moved


async def split(
    session: AsyncSession,
    actor: Principal,
    column_id: int,
    body: SplitIn,
    *,
    province_url: str = "",
) -> tuple[list[CatalogueColumn], int]:
    """New sub-columns under the column, each taking the items named for it."""
    parent = await columns.get_column(session, column_id)
    claimed: set[int] = set()
    for index, part in enumerate(body.parts):
        twice = claimed & set(part.item_ids)
        if twice:
            raise InvalidInput(f"parts.{index}.item_ids", f"信息 {min(twice)} 被分到了两个栏目")
        claimed |= set(part.item_ids)
    created, moved = [], 0
    for part in body.parts:
        column = await columns.add_column(
            session,
            actor,
            ColumnIn(
                name=part.name,
                code=part.code,
                parent_id=parent.id,
                article20_item=parent.article20_item,
                retention_years=parent.retention_years,
                hidden_for_unit_types=parent.hidden_for_unit_types,
            ),
        )
        created.append(column)
        if part.item_ids:
            moved += await move_items(
                session,
                actor,
                MoveIn(from_column_id=parent.id, to_column_id=column.id, item_ids=part.item_ids),
                province_url=province_url,
            )
    if moved != len(claimed):
        raise InvalidInput("parts", "部分信息不在原栏目中或不在您的管理范围内")
    return created, moved


async def resolve(session: AsyncSession, column_id: int) -> tuple[CatalogueColumn, bool]:
    """The live column an old column id now stands for (following merges)."""
    column = await session.get(CatalogueColumn, column_id)
    if column is None:
        raise NotFound("栏目不存在", code=COLUMN_NOT_FOUND)
    merged = False
    for _ in range(MAX_MERGE_HOPS):
        if column.active or column.merged_into_id is None:
            break
        target = await session.get(CatalogueColumn, column.merged_into_id)
        if target is None:
            break
        column, merged = target, True
    if not column.active:
        raise NotFound("栏目已停用", code=COLUMN_NOT_FOUND)
    return column, merged
