"""Builders shared by the hall service's tests: centres, windows, items and who is stationed
where, written straight into the test's session (committed to a savepoint the test rolls back).

    await add_test_district(session)
    centre = await add_centre(session)                      # 锦华区政务服务中心, unit DISTRICT
    window = await add_window(session, centre, number=5)
    item = await add_item(session, unit_id=BUREAU)           # published, version 1
    await station(session, window, account="clerk", unit_id=BUREAU, items=[item])

The rows are the test session's objects: a request refused (4xx) rolls back and expires them,
so keep the ids (`item.id`) in variables before calling an API that may refuse.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.items.content import new_version
from sunshine_hall.items.models import (
    HallLevel,
    ItemCategory,
    ItemKind,
    ItemMaterial,
    ItemStatus,
    ServiceItem,
)
from sunshine_hall.windows.models import (
    ServiceCentre,
    Window,
    WindowItem,
    WindowKind,
    WindowStaff,
    WindowUnit,
)
from sunshine_kit.db import utcnow
from sunshine_kit.testing import (  # noqa: F401 (the test district, for the tests to import here)
    BUREAU,
    DISTRICT,
    OTHER_STREET,
    STREET,
    add_test_district,
    auth,
)

# Callers as the hall's tests use them.
OFFICE = auth("office", unit_id=DISTRICT, username="wangmin")
STREET_OFFICE = auth("office", unit_id=STREET, username="zhaoli")
OTHER_STREET_OFFICE = auth("office", unit_id=OTHER_STREET, username="qianfeng")
CLERK = auth("window_clerk", unit_id=DISTRICT, username="clerk")
SUPERVISOR = auth("supervisor", unit_id=DISTRICT, username="jiancha")


async def add_centre(
    session: AsyncSession,
    *,
    unit_id: int = DISTRICT,
    level: str = HallLevel.DISTRICT,
    name: str = "锦华区政务服务中心",
    address: str = "锦华区人民南路88号",
    hours: str = "周一至周五 9:00-12:00，13:30-17:30",
    phone: str = "028-86001234",
) -> ServiceCentre:
    centre = ServiceCentre(
        unit_id=unit_id, level=level, name=name, address=address, hours=hours, phone=phone
    )
    session.add(centre)
    await session.commit()
    return centre


async def add_window(
    session: AsyncSession,
    centre: ServiceCentre,
    *,
    number: int = 1,
    name: str | None = None,
    kind: str = WindowKind.UNIT,
    ticket_prefix: str = "A",
    open: bool = True,
) -> Window:
    window = Window(
        centre_id=centre.id,
        number=number,
        name=name or f"{number}号窗口",
        kind=kind,
        ticket_prefix=ticket_prefix,
        open=open,
    )
    session.add(window)
    await session.commit()
    return window


_item_counter = 0
ITEM_TEXTS = {
    "legal_basis": "《中华人民共和国民办教育促进法》第十二条",
    "conditions": "举办者为具有法人资格的社会组织或者具有完全民事行为能力的公民。",
    "procedure": "申请—受理—审查—决定—送达",
    "authority": "锦华区教育局",
    "location": "锦华区政务服务中心",
    "hours": "周一至周五 9:00-12:00，13:30-17:30",
    "phone": "028-86001234",
}


async def add_item(
    session: AsyncSession,
    *,
    unit_id: int = BUREAU,
    name: str = "民办学校设立审批",
    code: str | None = None,
    category: str = ItemCategory.LICENSING,
    hall_level: str = HallLevel.DISTRICT,
    kind: str = ItemKind.PROMISED,
    legal_limit_days: int = 20,
    promised_limit_days: int = 10,
    fee_fen: int = 0,
    published: bool = True,
    materials: Iterable[str] = ("申请书", "法定代表人身份证明"),
    **fields: Any,
) -> ServiceItem:
    """An item of `unit_id` with its 八公开 filled in; published as version 1 unless
    `published=False` (a draft, never published)."""
    fields = {**ITEM_TEXTS, **fields}
    global _item_counter
    _item_counter += 1
    if kind == ItemKind.INSTANT:
        legal_limit_days = promised_limit_days = 0
    item = ServiceItem(
        code=code or f"TEST-{_item_counter:06d}",
        unit_id=unit_id,
        hall_level=hall_level,
        category=category,
        name=name,
        kind=kind,
        legal_limit_days=legal_limit_days,
        promised_limit_days=promised_limit_days,
        fee_fen=fee_fen,
        status=ItemStatus.PUBLISHED if published else ItemStatus.DRAFT,
        version=1 if published else 0,
        published_at=utcnow() if published else None,
        **fields,
    )
    session.add(item)
    await session.flush()
    rows = [
        ItemMaterial(item_id=item.id, sort_order=order, name=material)
        for order, material in enumerate(materials, start=1)
    ]
    session.add_all(rows)
    await session.flush()
    if published:
        session.add(new_version(item, rows, published_by="builder"))
    await session.commit()
    return item


async def station(
    session: AsyncSession,
    window: Window,
    *,
    account: str | None = None,
    display_name: str = "",
    unit_id: int | None = None,
    units: Iterable[int] = (),
    items: Iterable[ServiceItem | int] = (),
) -> Window:
    """Station at `window`: a staff `account` (of `unit_id`), units (`unit_id` and `units`)
    and the `items` it accepts. Each part is optional."""
    stationed = {*units, *([unit_id] if unit_id is not None else [])}
    for unit in stationed:
        if await session.get(WindowUnit, (window.id, unit)) is None:
            session.add(WindowUnit(window_id=window.id, unit_id=unit))
    if account is not None:
        session.add(
            WindowStaff(
                window_id=window.id,
                account=account,
                display_name=display_name or account,
                unit_id=unit_id,
            )
        )
    for item in items:
        item_id = item if isinstance(item, int) else item.id
        session.add(WindowItem(window_id=window.id, item_id=item_id))
    await session.commit()
    return window
