"""What the set-up pages, the clerk's console and the public see of centres and windows."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.items.models import ItemStatus, ServiceItem, ServiceItemVersion
from sunshine_hall.windows.access import windows_to_serve
from sunshine_hall.windows.models import (
    ServiceCentre,
    Window,
    WindowItem,
    WindowStaff,
    WindowUnit,
)
from sunshine_hall.windows.schemas import (
    AcceptedItem,
    CentreDetail,
    CentreSummary,
    MyWindow,
    PublicCentre,
    PublicItemRef,
    PublicWindow,
    StaffMember,
    UnitRef,
    WindowOut,
)
from sunshine_kit.auth import Principal
from sunshine_kit.units.models import Unit


async def _unit_names(session: AsyncSession, unit_ids: set[int]) -> dict[int, str]:
    rows = await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)))
    return {unit_id: name for unit_id, name in rows}


async def centre_out(session: AsyncSession, centre: ServiceCentre) -> CentreSummary:
    return (await centres_out(session, [centre]))[0]


async def centres_out(
    session: AsyncSession, centres: Sequence[ServiceCentre]
) -> list[CentreSummary]:
    ids = [c.id for c in centres]
    counts = {
        centre_id: count
        for centre_id, count in await session.execute(
            select(Window.centre_id, func.count())
            .where(Window.centre_id.in_(ids))
            .group_by(Window.centre_id)
        )
    }
    names = await _unit_names(session, {c.unit_id for c in centres})
    return [
        CentreSummary(
            id=c.id,
            unit_id=c.unit_id,
            unit_name=names.get(c.unit_id, ""),
            level=c.level,
            name=c.name,
            address=c.address,
            hours=c.hours,
            phone=c.phone,
            window_count=counts.get(c.id, 0),
            created_at=c.created_at,
        )
        for c in centres
    ]


async def centres(session: AsyncSession, units: set[int]) -> list[CentreSummary]:
    """The centres run by `units` (the caller's reach)."""
    rows = await session.scalars(
        select(ServiceCentre).where(ServiceCentre.unit_id.in_(units)).order_by(ServiceCentre.id)
    )
    return await centres_out(session, rows.all())


async def windows_out(session: AsyncSession, windows: Sequence[Window]) -> list[WindowOut]:
    """The windows with their stationed units and staff and the items they accept."""
    ids = [w.id for w in windows]
    units: dict[int, list[int]] = {i: [] for i in ids}
    for window_id, unit_id in await session.execute(
        select(WindowUnit.window_id, WindowUnit.unit_id).where(WindowUnit.window_id.in_(ids))
    ):
        units[window_id].append(unit_id)
    names = await _unit_names(session, {u for found in units.values() for u in found})
    staff: dict[int, list[StaffMember]] = {i: [] for i in ids}
    for row in await session.scalars(
        select(WindowStaff).where(WindowStaff.window_id.in_(ids)).order_by(WindowStaff.account)
    ):
        staff[row.window_id].append(
            StaffMember(account=row.account, display_name=row.display_name, unit_id=row.unit_id)
        )
    items: dict[int, list[AcceptedItem]] = {i: [] for i in ids}
    for window_id, item in await session.execute(
        select(WindowItem.window_id, ServiceItem)
        .join(ServiceItem, ServiceItem.id == WindowItem.item_id)
        .where(WindowItem.window_id.in_(ids))
        .order_by(ServiceItem.code)
    ):
        items[window_id].append(
            AcceptedItem(
                id=item.id,
                code=item.code,
                name=item.name,
                unit_id=item.unit_id,
                status=item.status,
            )
        )
    return [
        WindowOut(
            id=w.id,
            centre_id=w.centre_id,
            number=w.number,
            name=w.name,
            kind=w.kind,
            ticket_prefix=w.ticket_prefix,
            open=w.open,
            units=sorted(
                (UnitRef(id=u, name=names.get(u, "")) for u in units[w.id]), key=lambda r: r.id
            ),
            staff=staff[w.id],
            items=items[w.id],
        )
        for w in windows
    ]


async def window_out(session: AsyncSession, window: Window) -> WindowOut:
    return (await windows_out(session, [window]))[0]


async def centre_detail(session: AsyncSession, centre: ServiceCentre) -> CentreDetail:
    windows = await session.scalars(
        select(Window).where(Window.centre_id == centre.id).order_by(Window.number)
    )
    return CentreDetail(
        **(await centre_out(session, centre)).model_dump(),
        windows=await windows_out(session, windows.all()),
    )


async def my_windows(session: AsyncSession, principal: Principal) -> list[MyWindow]:
    """The windows the caller may work at (`access.windows_to_serve`), with their centres."""
    rows = await windows_to_serve(session, principal)
    shown = await windows_out(session, [window for window, _ in rows])
    return [
        MyWindow(**out.model_dump(), centre_name=centre.name, centre_level=centre.level)
        for out, (_, centre) in zip(shown, rows, strict=True)
    ]


async def public_centres(session: AsyncSession, item_id: int | None) -> list[PublicCentre]:
    """Every centre with its windows and the published items each accepts; with `item_id`,
    only the open windows accepting that item (and their centres)."""
    centre_rows = (await session.scalars(select(ServiceCentre).order_by(ServiceCentre.id))).all()
    window_query = select(Window).order_by(Window.number)
    if item_id is not None:
        window_query = window_query.join(WindowItem, WindowItem.window_id == Window.id).where(
            WindowItem.item_id == item_id, Window.open.is_(True)
        )
    windows = (await session.scalars(window_query)).all()
    accepted: dict[int, list[PublicItemRef]] = {w.id: [] for w in windows}
    for window_id, item_id_, code, name in await session.execute(
        # The name the guide shows: the published version's, not the working copy's.
        select(WindowItem.window_id, ServiceItem.id, ServiceItem.code, ServiceItemVersion.name)
        .join(ServiceItem, ServiceItem.id == WindowItem.item_id)
        .join(
            ServiceItemVersion,
            (ServiceItemVersion.item_id == ServiceItem.id)
            & (ServiceItemVersion.version == ServiceItem.version),
        )
        .where(
            WindowItem.window_id.in_(accepted),
            ServiceItem.status == ItemStatus.PUBLISHED,
        )
        .order_by(ServiceItem.code)
    ):
        accepted[window_id].append(PublicItemRef(id=item_id_, code=code, name=name))
    by_centre: dict[int, list[PublicWindow]] = {}
    for w in windows:
        by_centre.setdefault(w.centre_id, []).append(
            PublicWindow(
                id=w.id,
                number=w.number,
                name=w.name,
                kind=w.kind,
                ticket_prefix=w.ticket_prefix,
                open=w.open,
                items=accepted[w.id],
            )
        )
    names = await _unit_names(session, {c.unit_id for c in centre_rows})
    return [
        PublicCentre(
            id=c.id,
            unit_name=names.get(c.unit_id, ""),
            level=c.level,
            name=c.name,
            address=c.address,
            hours=c.hours,
            phone=c.phone,
            windows=by_centre.get(c.id, []),
        )
        for c in centre_rows
        if item_id is None or c.id in by_centre
    ]
