"""The rules of the hall's set-up: centres, their windows, the units and staff stationed at each
window, and the items each window accepts.

Which items a window may accept (一窗受理): a comprehensive window (综合窗口) accepts items of
any unit; a unit window and a green-channel window accept only the items of the units stationed
at them. The rule holds whichever of the three changes: accepting an item, taking a unit away,
or turning a comprehensive window into another kind. Retired items are not accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.items.models import ItemStatus, ServiceItem
from sunshine_hall.windows.access import can_manage_centre
from sunshine_hall.windows.errors import (
    CENTRE_NOT_FOUND,
    DUPLICATE_ENTRY,
    ITEM_NOT_AT_WINDOW_UNIT,
    ITEM_RETIRED,
    UNIT_STILL_HAS_ITEMS,
    WINDOW_NOT_FOUND,
    WINDOW_NUMBER_TAKEN,
)
from sunshine_hall.windows.models import (
    ServiceCentre,
    Window,
    WindowItem,
    WindowKind,
    WindowStaff,
    WindowUnit,
)
from sunshine_hall.windows.schemas import (
    CentreIn,
    CentreUpdate,
    StaffMember,
    WindowIn,
    WindowUpdate,
)
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.errors import (
    UNIT_FORBIDDEN,
    Conflict,
    FieldError,
    Forbidden,
    InvalidInput,
    NotFound,
)
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import ensure_can_act_on, get_unit


async def centre_to_manage(
    session: AsyncSession, principal: Principal, centre_id: int
) -> ServiceCentre:
    """The centre, if its unit is in the caller's reach (404 when none, 403 otherwise)."""
    centre = await session.get(ServiceCentre, centre_id)
    if centre is None:
        raise NotFound("服务中心不存在", code=CENTRE_NOT_FOUND)
    if not await can_manage_centre(session, principal, centre):
        raise Forbidden("无权管理其他单位的服务中心", code=UNIT_FORBIDDEN)
    return centre


async def window_to_manage(session: AsyncSession, principal: Principal, window_id: int) -> Window:
    """The window, if its centre's unit is in the caller's reach."""
    window = await session.get(Window, window_id)
    if window is None:
        raise NotFound("窗口不存在", code=WINDOW_NOT_FOUND)
    await centre_to_manage(session, principal, window.centre_id)
    return window


def refused_items(
    kind: str, stationed_units: Iterable[int], items: Iterable[ServiceItem]
) -> list[ServiceItem]:
    """The items a window of `kind` with `stationed_units` may not accept (see the module)."""
    if kind == WindowKind.COMPREHENSIVE:
        return []
    units = set(stationed_units)
    return [item for item in items if item.unit_id not in units]


async def create_centre(
    session: AsyncSession, principal: Principal, body: CentreIn
) -> ServiceCentre:
    await get_unit(session, body.unit_id)
    await ensure_can_act_on(session, principal, body.unit_id)
    centre = ServiceCentre(**body.model_dump())
    session.add(centre)
    await session.flush()
    await _audit(session, principal, "service_centre.created", "service_centre", centre.id, body)
    return centre


async def update_centre(
    session: AsyncSession, principal: Principal, centre: ServiceCentre, body: CentreUpdate
) -> ServiceCentre:
    for field, value in body.model_dump(exclude_unset=True).items():
        if value is None:
            raise InvalidInput(field, "不能为空")
        setattr(centre, field, value)
    await _audit(session, principal, "service_centre.updated", "service_centre", centre.id, body)
    return centre


async def add_window(
    session: AsyncSession, principal: Principal, centre: ServiceCentre, body: WindowIn
) -> Window:
    await _ensure_number_free(session, centre.id, body.number)
    window = Window(centre_id=centre.id, **body.model_dump())
    session.add(window)
    await session.flush()
    await _audit(session, principal, "service_window.created", "service_window", window.id, body)
    return window


async def update_window(
    session: AsyncSession, principal: Principal, window: Window, body: WindowUpdate
) -> Window:
    changes = body.model_dump(exclude_unset=True)
    for field, value in changes.items():
        if value is None:
            raise InvalidInput(field, "不能为空")
    if "number" in changes and changes["number"] != window.number:
        await _ensure_number_free(session, window.centre_id, changes["number"])
    if "kind" in changes:
        refused = refused_items(
            changes["kind"], await _unit_ids(session, window.id), await _items(session, window.id)
        )
        if refused:
            raise InvalidInput(
                "kind",
                "该窗口受理未进驻单位的事项（"
                + "、".join(item.name for item in refused[:3])
                + "），只有综合窗口可以受理，请先调整受理事项",
                code=ITEM_NOT_AT_WINDOW_UNIT,
            )
    for field, value in changes.items():
        setattr(window, field, value)
    await _audit(session, principal, "service_window.updated", "service_window", window.id, body)
    return window


async def set_units(
    session: AsyncSession, principal: Principal, window: Window, unit_ids: Sequence[int]
) -> None:
    """The units stationed at the window (进驻单位), replacing the previous list."""
    _ensure_unique("unit_ids", unit_ids)
    await _ensure_units_exist("unit_ids", session, unit_ids)
    refused = refused_items(window.kind, unit_ids, await _items(session, window.id))
    if refused:
        raise Conflict(
            "窗口仍受理这些单位的事项，请先取消受理："
            + "、".join(item.name for item in refused[:3]),
            code=UNIT_STILL_HAS_ITEMS,
            fields=[FieldError(field="unit_ids", reason="窗口仍受理该单位的事项")],
        )
    await session.execute(delete(WindowUnit).where(WindowUnit.window_id == window.id))
    session.add_all(WindowUnit(window_id=window.id, unit_id=u) for u in unit_ids)
    await session.flush()
    await _audit_list(session, principal, window, "units", list(unit_ids))


async def set_staff(
    session: AsyncSession, principal: Principal, window: Window, staff: Sequence[StaffMember]
) -> None:
    """The staff stationed at the window, by their gateway account names."""
    _ensure_unique("staff", [member.account for member in staff])
    await _ensure_units_exist("staff", session, [m.unit_id for m in staff if m.unit_id is not None])
    await session.execute(delete(WindowStaff).where(WindowStaff.window_id == window.id))
    session.add_all(
        WindowStaff(
            window_id=window.id,
            account=member.account,
            display_name=member.display_name,
            unit_id=member.unit_id,
        )
        for member in staff
    )
    await session.flush()
    await _audit_list(session, principal, window, "staff", [m.account for m in staff])


async def set_items(
    session: AsyncSession, principal: Principal, window: Window, item_ids: Sequence[int]
) -> None:
    """The items the window accepts, replacing the previous list (the rule: see the module)."""
    _ensure_unique("item_ids", item_ids)
    items = list(await session.scalars(select(ServiceItem).where(ServiceItem.id.in_(item_ids))))
    missing = sorted(set(item_ids) - {item.id for item in items})
    if missing:
        raise InvalidInput("item_ids", f"事项不存在：{missing[0]}")
    retired = [item for item in items if item.status == ItemStatus.RETIRED]
    if retired:
        raise InvalidInput("item_ids", f"事项已取消：{retired[0].name}", code=ITEM_RETIRED)
    refused = refused_items(window.kind, await _unit_ids(session, window.id), items)
    if refused:
        raise InvalidInput(
            "item_ids",
            f"“{refused[0].name}”的实施单位未进驻该窗口；只有综合窗口可以受理其他单位的事项",
            code=ITEM_NOT_AT_WINDOW_UNIT,
        )
    await session.execute(delete(WindowItem).where(WindowItem.window_id == window.id))
    session.add_all(WindowItem(window_id=window.id, item_id=i) for i in item_ids)
    await session.flush()
    await _audit_list(session, principal, window, "items", list(item_ids))


async def _unit_ids(session: AsyncSession, window_id: int) -> set[int]:
    rows = await session.scalars(
        select(WindowUnit.unit_id).where(WindowUnit.window_id == window_id)
    )
    return set(rows)


async def _items(session: AsyncSession, window_id: int) -> Sequence[ServiceItem]:
    rows = await session.scalars(
        select(ServiceItem)
        .join(WindowItem, WindowItem.item_id == ServiceItem.id)
        .where(WindowItem.window_id == window_id)
    )
    return rows.all()


async def _ensure_number_free(session: AsyncSession, centre_id: int, number: int) -> None:
    taken = await session.scalar(
        select(Window.id).where(Window.centre_id == centre_id, Window.number == number)
    )
    if taken is not None:
        raise Conflict(
            f"本中心已有{number}号窗口",
            code=WINDOW_NUMBER_TAKEN,
            fields=[FieldError(field="number", reason="窗口号已被使用")],
        )


def _ensure_unique(field: str, values: Sequence[object]) -> None:
    if len(set(values)) != len(values):
        raise InvalidInput(field, "列表中有重复项", code=DUPLICATE_ENTRY)


async def _ensure_units_exist(field: str, session: AsyncSession, unit_ids: Sequence[int]) -> None:
    found = set(await session.scalars(select(Unit.id).where(Unit.id.in_(unit_ids))))
    missing = sorted(set(unit_ids) - found)
    if missing:
        raise InvalidInput(field, f"单位不存在：{missing[0]}")


async def _audit(
    session: AsyncSession,
    principal: Principal,
    action: str,
    entity_type: str,
    entity_id: int,
    body: CentreIn | CentreUpdate | WindowIn | WindowUpdate,
) -> None:
    await audit.record(
        session,
        actor=principal,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        after=body.model_dump(mode="json", exclude_unset=True),
    )


async def _audit_list(
    session: AsyncSession, principal: Principal, window: Window, what: str, values: list[object]
) -> None:
    await audit.record(
        session,
        actor=principal,
        action=f"service_window.{what}_set",
        entity_type="service_window",
        entity_id=window.id,
        after={what: values},
    )
