"""The organisation tree (SPEC §2), owned here and copied to every service through the outbox."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.units.schemas import CONTACT_FIELDS, UnitIn, UnitUpdate
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.errors import Conflict, InvalidInput
from sunshine_kit.outbox.service import enqueue
from sunshine_kit.settings import SERVICE_NAMES
from sunshine_kit.units.models import Unit, UnitType
from sunshine_kit.units.schemas import UnitOut, UnitSnapshot
from sunshine_kit.units.service import ensure_can_act_on, get_unit, subtree_ids


async def list_units(session: AsyncSession) -> Sequence[Unit]:
    return (await session.scalars(select(Unit).order_by(Unit.sort_order, Unit.id))).all()


def announce(session: AsyncSession, unit: Unit, event: str) -> None:
    """Queue the unit's new state for every service, in this transaction."""
    snapshot = UnitSnapshot.model_validate(
        {**UnitOut.model_validate(unit).model_dump(), "version": unit.version, "event": event}
    )
    for service in SERVICE_NAMES:
        enqueue(
            session,
            destination=service,
            method="PUT",
            path=f"/org/units/{unit.id}",
            payload=snapshot.model_dump(mode="json"),
            key=f"unit-{unit.id}-v{unit.version}-{service}",
        )


async def _check_credit_code_free(session: AsyncSession, code: str, unit_id: int | None) -> None:
    holder = await session.scalar(select(Unit).where(Unit.credit_code == code))
    if holder is not None and holder.id != unit_id:
        raise InvalidInput("body.credit_code", f"已被“{holder.name}”使用", code="credit_code_taken")


async def _open_parent(session: AsyncSession, parent_id: int) -> Unit:
    parent = await session.get(Unit, parent_id)
    if parent is None:
        raise InvalidInput("body.parent_id", "上级单位不存在", code="parent_not_found")
    if parent.closed:
        raise InvalidInput("body.parent_id", "上级单位已撤销", code="parent_closed")
    return parent


_VERTICAL_FIELDS = frozenset({"vertically_managed", "reconsideration_body"})


def _vertical_management(
    unit_type: str, vertically_managed: bool, reconsideration_body: str | None
) -> tuple[bool, str | None]:
    """The two fields as stored. A vertically managed unit (垂直管理) must name the authority
    that hears reconsideration of its acts, the next one up in its own system (行政复议法 2023
    第二十七条), since the local government does not; any other unit names none (its body is the
    people's government, found from the tree)."""
    if not vertically_managed:
        return False, None
    if unit_type != UnitType.DEPARTMENT:
        raise InvalidInput(
            "body.vertically_managed",
            "只有政府部门（含其下属机构）可以是垂直管理单位",
            code="vertical_not_a_department",
        )
    body = " ".join((reconsideration_body or "").split())
    if len(body) < 2:
        raise InvalidInput(
            "body.reconsideration_body",
            "垂直管理单位须填写行政复议机关（上一级主管部门）",
            code="reconsideration_body_required",
        )
    return True, body


async def create_unit(session: AsyncSession, actor: Principal, body: UnitIn) -> Unit:
    await _open_parent(session, body.parent_id)
    await ensure_can_act_on(session, actor, body.parent_id)
    await _check_credit_code_free(session, body.credit_code, None)
    vertical, reconsideration_body = _vertical_management(
        body.type, body.vertically_managed, body.reconsideration_body
    )
    unit = Unit(
        **body.model_dump(mode="json", exclude=set(_VERTICAL_FIELDS)),
        vertically_managed=vertical,
        reconsideration_body=reconsideration_body,
        version=1,
    )
    session.add(unit)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="unit.created",
        entity_type="unit",
        entity_id=unit.id,
        after=UnitOut.model_validate(unit).model_dump(mode="json"),
    )
    announce(session, unit, "unit.created")
    return unit


def _event_for(changes: dict[str, object]) -> str:
    if "parent_id" in changes:
        return "unit.moved"
    if "name" in changes:
        return "unit.renamed"
    return "unit.updated"


async def update_unit(
    session: AsyncSession, actor: Principal, unit_id: int, body: UnitUpdate
) -> Unit:
    unit = await get_unit(session, unit_id)
    await ensure_can_act_on(session, actor, unit_id)
    submitted = body.model_dump(exclude_unset=True)
    changes = {
        key: value
        for key, value in submitted.items()
        if key not in _VERTICAL_FIELDS | CONTACT_FIELDS
        and value is not None
        and getattr(unit, key) != value
    }
    # A contact field sent empty is taken away (an office closes its e-mail box); one left out
    # keeps what is stored.
    changes |= {
        key: value
        for key, value in submitted.items()
        if key in CONTACT_FIELDS and getattr(unit, key) != value
    }
    if _VERTICAL_FIELDS & submitted.keys():
        # A body left out keeps the one stored; a body sent empty (or null) is taken away.
        flag = submitted.get("vertically_managed")
        named = submitted.get("reconsideration_body", unit.reconsideration_body)
        vertical = _vertical_management(
            unit.type, unit.vertically_managed if flag is None else flag, named
        )
        for key, value in zip(
            ("vertically_managed", "reconsideration_body"), vertical, strict=True
        ):
            if getattr(unit, key) != value:
                changes[key] = value
    if "credit_code" in changes:
        await _check_credit_code_free(session, changes["credit_code"], unit.id)
    if "parent_id" in changes:
        if unit.parent_id is None:
            raise InvalidInput("body.parent_id", "顶级单位不能移动", code="root_cannot_move")
        if changes["parent_id"] in await subtree_ids(session, unit.id):
            raise InvalidInput(
                "body.parent_id", "不能移动到本单位或其下级单位之下", code="move_cycle"
            )
        await _open_parent(session, changes["parent_id"])
        await ensure_can_act_on(session, actor, changes["parent_id"])
    if not changes:
        return unit
    before = UnitOut.model_validate(unit).model_dump(mode="json")
    for key, value in changes.items():
        setattr(unit, key, value)
    unit.version += 1
    await session.flush()
    event = _event_for(changes)
    await audit.record(
        session,
        actor=actor,
        action=event,
        entity_type="unit",
        entity_id=unit.id,
        before=before,
        after=UnitOut.model_validate(unit).model_dump(mode="json"),
    )
    announce(session, unit, event)
    return unit


async def close_unit(session: AsyncSession, actor: Principal, unit_id: int) -> Unit:
    """撤销: a closed unit keeps its records and history; it takes no new ones."""
    unit = await get_unit(session, unit_id)
    await ensure_can_act_on(session, actor, unit_id)
    if unit.closed:
        return unit
    if unit.parent_id is None:
        raise Conflict("顶级单位不能撤销", code="root_cannot_close")
    # A unit is closed from the level above, never by its own staff.
    await ensure_can_act_on(session, actor, unit.parent_id)
    open_children = await session.scalar(
        select(Unit.id).where(Unit.parent_id == unit.id, Unit.closed.is_(False)).limit(1)
    )
    if open_children is not None:
        raise Conflict("请先撤销或移走其下级单位", code="unit_has_children")
    before = UnitOut.model_validate(unit).model_dump(mode="json")
    unit.closed = True
    unit.version += 1
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="unit.closed",
        entity_type="unit",
        entity_id=unit.id,
        before=before,
        after=UnitOut.model_validate(unit).model_dump(mode="json"),
    )
    announce(session, unit, "unit.closed")
    return unit
