"""The organisation tree as each component sees it, and the unit-scope rule (docs/domain.md)."""

from __future__ import annotations

from typing import Any

from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit import service as audit
from sunshine_kit.auth import CurrentPrincipal, Principal
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import (
    ROLE_FORBIDDEN,
    TOP_UNIT_ONLY,
    UNIT_FORBIDDEN,
    UNIT_NOT_FOUND,
    Forbidden,
    NotFound,
)
from sunshine_kit.roles import Can
from sunshine_kit.units.models import Unit
from sunshine_kit.units.schemas import UnitOut, UnitSnapshot


async def get_unit(session: AsyncSession, unit_id: int) -> Unit:
    unit = await session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("单位不存在", code=UNIT_NOT_FOUND)
    return unit


async def ancestors(session: AsyncSession, unit_id: int) -> list[int]:
    """The unit and every unit above it, nearest first."""
    chain: list[int] = []
    current: int | None = unit_id
    while current is not None and current not in chain:
        chain.append(current)
        current = await session.scalar(select(Unit.parent_id).where(Unit.id == current))
    return chain


async def subtree_ids(session: AsyncSession, root_id: int) -> set[int]:
    """The unit and all units below it."""
    rows = (await session.execute(select(Unit.id, Unit.parent_id))).all()
    children: dict[int, list[int]] = {}
    for unit_id, parent_id in rows:
        if parent_id is not None:
            children.setdefault(parent_id, []).append(unit_id)
    found, stack = {root_id}, [root_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


async def can_act_on(session: AsyncSession, principal: Principal, unit_id: int) -> bool:
    """Staff act on their own unit; the office, supervisors and ops admins on their subtree."""
    if principal.is_service:
        return True
    if principal.unit_id is None:
        return False
    if principal.unit_id == unit_id:
        return True
    return principal.reaches_subtree and principal.unit_id in await ancestors(session, unit_id)


async def ensure_can_act_on(session: AsyncSession, principal: Principal, unit_id: int) -> None:
    if not await can_act_on(session, principal, unit_id):
        raise Forbidden("无权操作其他单位的数据", code=UNIT_FORBIDDEN)


async def apply_snapshot(
    session: AsyncSession, snapshot: UnitSnapshot, *, actor: Principal
) -> bool:
    """Store the gateway's copy of a unit, unless ours is as new; True if applied."""
    unit = await session.get(Unit, snapshot.id)
    after = UnitOut.model_validate(snapshot).model_dump(mode="json")
    if unit is None:
        unit = Unit(id=snapshot.id)
        session.add(unit)
        before = None
    elif unit.version >= snapshot.version:
        return False
    else:
        before = UnitOut.model_validate(unit).model_dump(mode="json")
    for key, value in after.items():
        setattr(unit, key, value)
    unit.version = snapshot.version
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=snapshot.event,
        entity_type="unit",
        entity_id=snapshot.id,
        before=before,
        after=after,
    )
    return True


async def units_in_reach(
    session: AsyncSession, principal: Principal, unit_id: int | None, *, below: bool = False
) -> set[int]:
    """The units a list covers: the one asked (with those below it when `below`), checked
    against the caller's scope; by default the caller's own unit, or its subtree for the
    office, supervisors and ops admins."""
    if unit_id is not None:
        await ensure_can_act_on(session, principal, unit_id)
        return await subtree_ids(session, unit_id) if below else {unit_id}
    if principal.unit_id is None:
        raise Forbidden("无权查看", code=UNIT_FORBIDDEN)
    if principal.reaches_subtree:
        return await subtree_ids(session, principal.unit_id)
    return {principal.unit_id}


async def at_top_unit(session: AsyncSession, principal: Principal) -> bool:
    """Whether a person works at the top unit of the tree (the one with no parent: the region's
    own government), where the work that concerns the whole installation is done."""
    if principal.unit_id is None:
        return False
    top = await session.scalar(
        select(Unit.id).where(Unit.id == principal.unit_id, Unit.parent_id.is_(None))
    )
    return top is not None


def require_at_top(work: Can) -> Any:
    """Dependency for work that concerns the whole installation (delivery of every unit's
    messages, the working-day calendar): the caller must belong to the role group `work` at the
    top unit of the tree; a bureau's or a street's ops admin may not. Components always may."""

    async def _check(principal: CurrentPrincipal, session: SessionDep) -> Principal:
        if principal.is_service:
            return principal
        if not principal.can(work):
            raise Forbidden("当前角色无权执行此操作", code=ROLE_FORBIDDEN)
        if not await at_top_unit(session, principal):
            raise Forbidden("只有本级政府的工作人员可以执行此操作", code=TOP_UNIT_ONLY)
        return principal

    return Depends(_check)
