"""The catalogue template and each unit's view of it."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.columns.models import CatalogueColumn, UnitColumnSetting
from sunshine_catalog.columns.schemas import ColumnIn, ColumnNode, ColumnUpdate
from sunshine_catalog.errors import (
    COLUMN_CODE_TAKEN,
    COLUMN_NOT_FOUND,
    PARENT_NOT_FOUND,
    TEMPLATE_FORBIDDEN,
)
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.errors import ROLE_FORBIDDEN, Forbidden, InvalidInput, NotFound
from sunshine_kit.roles import Can
from sunshine_kit.units.service import at_top_unit, ensure_can_act_on, get_unit


def _column_dict(column: CatalogueColumn) -> dict[str, object]:
    return {
        "code": column.code,
        "name": column.name,
        "parent_id": column.parent_id,
        "retention_years": column.retention_years,
        "hidden_for_unit_types": list(column.hidden_for_unit_types),
        "sort_order": column.sort_order,
        "active": column.active,
        "merged_into_id": column.merged_into_id,
    }


def to_node(column: CatalogueColumn) -> ColumnNode:
    return ColumnNode(
        id=column.id,
        code=column.code,
        name=column.name,
        article20_item=column.article20_item,
        retention_years=column.retention_years,
        hidden_for_unit_types=column.hidden_for_unit_types,
        children=[],
    )


def build_tree(columns: Sequence[CatalogueColumn]) -> list[ColumnNode]:
    """Nest columns under their parents; a column whose parent is left out is left out too."""
    nodes = {c.id: to_node(c) for c in columns}
    roots: list[ColumnNode] = []
    for column in columns:
        node = nodes[column.id]
        if column.parent_id is None:
            roots.append(node)
        elif column.parent_id in nodes:
            nodes[column.parent_id].children.append(node)
    return roots


async def ensure_keeps_template(session: AsyncSession, actor: Principal) -> None:
    """The template serves every unit of the region, so only the disclosure office of the top
    unit (the one with no parent: the district government) changes it — its columns, and which
    column items are listed in. A street's or a department's office hides columns for its own
    units instead (`set_unit_setting`). Other components may, as everywhere."""
    if not actor.can(Can.MANAGE_CATALOGUE):
        raise Forbidden("只有政务公开办可以调整目录模板", code=ROLE_FORBIDDEN)
    if actor.is_service:
        return
    if not await at_top_unit(session, actor):
        raise Forbidden(
            "目录模板由本级人民政府政务公开办统一调整；街道、部门可在本单位目录中隐藏栏目",
            code=TEMPLATE_FORBIDDEN,
        )


async def active_columns(session: AsyncSession) -> Sequence[CatalogueColumn]:
    result = await session.scalars(
        select(CatalogueColumn)
        .where(CatalogueColumn.active.is_(True))
        .order_by(CatalogueColumn.sort_order, CatalogueColumn.id)
    )
    return result.all()


async def unit_columns(session: AsyncSession, unit_id: int) -> list[CatalogueColumn]:
    """The columns a unit's catalogue shows: not hidden for its type, nor by the unit itself."""
    unit = await get_unit(session, unit_id)
    hidden_by_unit = set(
        (
            await session.scalars(
                select(UnitColumnSetting.column_id).where(
                    UnitColumnSetting.unit_id == unit_id, UnitColumnSetting.hidden.is_(True)
                )
            )
        ).all()
    )
    return [
        c
        for c in await active_columns(session)
        if unit.type not in c.hidden_for_unit_types and c.id not in hidden_by_unit
    ]


async def unit_tree(session: AsyncSession, unit_id: int) -> list[ColumnNode]:
    return build_tree(await unit_columns(session, unit_id))


async def get_column(session: AsyncSession, column_id: int) -> CatalogueColumn:
    column = await session.get(CatalogueColumn, column_id)
    if column is None or not column.active:
        raise NotFound("栏目不存在", code=COLUMN_NOT_FOUND)
    return column


async def add_column(session: AsyncSession, actor: Principal, body: ColumnIn) -> CatalogueColumn:
    if await session.scalar(select(CatalogueColumn.id).where(CatalogueColumn.code == body.code)):
        raise InvalidInput("body.code", "栏目编码已存在", code=COLUMN_CODE_TAKEN)
    if body.parent_id is not None:
        parent = await session.get(CatalogueColumn, body.parent_id)
        if parent is None or not parent.active:
            raise InvalidInput("body.parent_id", "上级栏目不存在", code=PARENT_NOT_FOUND)
    siblings = await session.scalars(
        select(CatalogueColumn.sort_order).where(CatalogueColumn.parent_id == body.parent_id)
    )
    column = CatalogueColumn(
        **body.model_dump(mode="json"), sort_order=max(siblings.all(), default=0) + 10
    )
    session.add(column)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=Action.COLUMN_ADDED,
        entity_type="column",
        entity_id=column.id,
        after=_column_dict(column),
    )
    return column


async def update_column(
    session: AsyncSession, actor: Principal, column_id: int, body: ColumnUpdate
) -> CatalogueColumn:
    column = await get_column(session, column_id)
    before = _column_dict(column)
    values = body.model_dump(exclude_unset=True, mode="json")
    parent_id = values.pop("parent_id", None)
    if values.pop("to_top_level", False):
        column.parent_id = None
    elif parent_id is not None:
        await _ensure_not_below(session, column, parent_id)
        column.parent_id = parent_id
    for key, value in values.items():
        setattr(column, key, value)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=Action.COLUMN_UPDATED,
        entity_type="column",
        entity_id=column.id,
        before=before,
        after=_column_dict(column),
    )
    return column


async def _ensure_not_below(session: AsyncSession, column: CatalogueColumn, parent_id: int) -> None:
    """A column cannot move under itself or under one of its own sub-columns."""
    try:
        current: CatalogueColumn | None = await get_column(session, parent_id)
    except NotFound:
        raise InvalidInput("parent_id", "上级栏目不存在或已停用") from None
    while current is not None:
        if current.id == column.id:
            raise InvalidInput("parent_id", "不能把栏目移到它自己或它的下级栏目之下")
        current = (
            await session.get(CatalogueColumn, current.parent_id) if current.parent_id else None
        )


async def set_unit_setting(
    session: AsyncSession, actor: Principal, unit_id: int, column_id: int, hidden: bool
) -> UnitColumnSetting:
    """A unit hides (or shows again) a template column in its own catalogue."""
    await get_unit(session, unit_id)
    await ensure_can_act_on(session, actor, unit_id)
    await get_column(session, column_id)
    setting = await session.get(UnitColumnSetting, (unit_id, column_id))
    before = None if setting is None else {"hidden": setting.hidden}
    if setting is None:
        setting = UnitColumnSetting(unit_id=unit_id, column_id=column_id)
        session.add(setting)
    setting.hidden = hidden
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=Action.UNIT_COLUMN_SET,
        entity_type="unit_column",
        entity_id=f"{unit_id}:{column_id}",
        before=before,
        after={"hidden": hidden},
    )
    return setting
