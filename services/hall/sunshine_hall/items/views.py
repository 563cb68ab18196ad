"""What the staff's lists and the public guide show of service items.

The guide searches the names of the current published versions with a plain substring match
(ILIKE), every word typed having to occur. A district has a few thousand items with short
names, and people type a fragment of the name they know (营业执照, 出生医学证明): a substring
finds exactly those, a scan of a few thousand rows costs about a millisecond, and there is no
index to keep in step with publications. The catalog's jieba index earns its keep ranking long
bodies of text; here it would split 营业执照 into words a substring already matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import SelectBase

from sunshine_hall.items.content import file_ids
from sunshine_hall.items.errors import FILE_NOT_FOUND, ITEM_NOT_FOUND
from sunshine_hall.items.labels import CATEGORY_LABELS, HALL_LEVEL_LABELS
from sunshine_hall.items.models import (
    ItemMaterial,
    ItemStatus,
    MaterialFile,
    ServiceItem,
    ServiceItemVersion,
)
from sunshine_hall.items.schemas import (
    Facet,
    FileOut,
    GuideFacets,
    GuideItem,
    GuidePage,
    GuidePlace,
    GuideSummary,
    ItemContent,
    ItemPage,
    ItemSummary,
    MaterialOut,
    StaffItem,
    VersionOut,
)
from sunshine_hall.items.service import actions, working_files, working_materials
from sunshine_hall.windows.models import ServiceCentre, Window, WindowItem
from sunshine_kit.errors import NotFound
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.models import Unit


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def unit_name(session: AsyncSession, unit_id: int) -> str:
    return await session.scalar(select(Unit.name).where(Unit.id == unit_id)) or ""


# Staff ----------------------------------------------------------------------------------------


async def staff_item(session: AsyncSession, item: ServiceItem) -> StaffItem:
    """The working copy as the editor shows it."""
    materials = await working_materials(session, item.id)
    files = await working_files(session, [m.id for m in materials])
    return StaffItem(
        id=item.id,
        unit_name=await unit_name(session, item.unit_id),
        status=item.status,
        version=item.version,
        draft_pending=item.draft_pending,
        published_at=item.published_at,
        updated_at=item.updated_at,
        actions=actions(item),
        materials=[
            MaterialOut(
                **{f: getattr(m, f) for f in MaterialOut.model_fields if f != "files"},
                files=[FileOut.model_validate(f) for f in files[m.id]],
            )
            for m in materials
        ],
        **{f: getattr(item, f) for f in ItemContent.model_fields if f != "materials"},
    )


async def staff_page(
    session: AsyncSession,
    units: set[int],
    page: PageParams,
    *,
    q: str | None,
    status: str | None,
    category: str | None,
) -> ItemPage:
    """The items of `units` (the caller's reach), by code."""
    query = select(ServiceItem, Unit.name).join(Unit, Unit.id == ServiceItem.unit_id)
    query = query.where(ServiceItem.unit_id.in_(units))
    for word in (q or "").split():
        pattern = like_pattern(word)
        query = query.where(or_(ServiceItem.name.ilike(pattern), ServiceItem.code.ilike(pattern)))
    if status is not None:
        query = query.where(ServiceItem.status == status)
    if category is not None:
        query = query.where(ServiceItem.category == category)
    total = await _count(session, query)
    rows = await session.execute(
        query.order_by(ServiceItem.code).offset(page.offset).limit(page.size)
    )
    items = [
        ItemSummary(
            unit_name=name,
            **{f: getattr(item, f) for f in ItemSummary.model_fields if f != "unit_name"},
        )
        for item, name in rows
    ]
    return ItemPage(items=items, total=total, page=page.page, size=page.size)


async def versions(session: AsyncSession, item_id: int) -> list[VersionOut]:
    """Every published version, newest first."""
    rows = await session.scalars(
        select(ServiceItemVersion)
        .where(ServiceItemVersion.item_id == item_id)
        .order_by(ServiceItemVersion.version.desc())
    )
    return [
        VersionOut(
            version=v.version,
            published_at=v.published_at,
            published_by=v.published_by,
            content=ItemContent.model_validate(v.content),
        )
        for v in rows
    ]


# The public guide -----------------------------------------------------------------------------


def _current_versions(*columns: Any) -> Select[Any]:
    """The published items with the version the guide shows (by default the version row, the
    item's unit and the unit's name)."""
    columns = columns or (ServiceItemVersion, ServiceItem.unit_id, Unit.name)
    return (
        select(*columns)
        .select_from(ServiceItemVersion)
        .join(
            ServiceItem,
            and_(
                ServiceItem.id == ServiceItemVersion.item_id,
                ServiceItem.version == ServiceItemVersion.version,
            ),
        )
        .join(Unit, Unit.id == ServiceItem.unit_id)
        .where(ServiceItem.status == ItemStatus.PUBLISHED)
    )


async def guide_page(
    session: AsyncSession,
    page: PageParams,
    *,
    q: str | None,
    category: str | None,
    hall_level: str | None,
    unit_id: int | None,
) -> GuidePage:
    """Published items whose name holds every word of `q` (or whose code is `q`), by name."""
    query = _current_versions()
    text = (q or "").strip()
    if text:
        by_name = and_(*(ServiceItemVersion.name.ilike(like_pattern(w)) for w in text.split()))
        query = query.where(or_(by_name, ServiceItem.code == text))
    if category is not None:
        query = query.where(ServiceItemVersion.category == category)
    if hall_level is not None:
        query = query.where(ServiceItemVersion.hall_level == hall_level)
    if unit_id is not None:
        query = query.where(ServiceItem.unit_id == unit_id)
    total = await _count(session, query)
    rows = await session.execute(
        query.order_by(ServiceItemVersion.name, ServiceItemVersion.item_id)
        .offset(page.offset)
        .limit(page.size)
    )
    items = [
        GuideSummary(
            id=version.item_id,
            unit_name=name,
            **{
                f: version.content[f]
                for f in GuideSummary.model_fields
                if f not in ("id", "unit_name")
            },
        )
        for version, _, name in rows
    ]
    return GuidePage(items=items, total=total, page=page.page, size=page.size)


async def guide_item(session: AsyncSession, item_id: int) -> GuideItem:
    """The item's page: its latest published version and the open windows accepting it."""
    row = (
        await session.execute(_current_versions().where(ServiceItem.id == item_id))
    ).one_or_none()
    if row is None:
        raise NotFound("事项不存在或未发布", code=ITEM_NOT_FOUND)
    version, _, name = row
    return GuideItem(
        id=item_id,
        unit_name=name,
        version=version.version,
        published_at=version.published_at,
        places=await places(session, item_id),
        **version.content,
    )


async def places(session: AsyncSession, item_id: int) -> list[GuidePlace]:
    rows = await session.execute(
        select(Window, ServiceCentre)
        .join(WindowItem, WindowItem.window_id == Window.id)
        .join(ServiceCentre, ServiceCentre.id == Window.centre_id)
        .where(WindowItem.item_id == item_id, Window.open.is_(True))
        .order_by(ServiceCentre.id, Window.number)
    )
    return [
        GuidePlace(
            centre_id=centre.id,
            centre_name=centre.name,
            address=centre.address,
            hours=centre.hours,
            phone=centre.phone,
            window_id=window.id,
            window_number=window.number,
            window_name=window.name,
        )
        for window, centre in rows
    ]


async def facets(session: AsyncSession) -> GuideFacets:
    current = _current_versions(
        ServiceItemVersion.category,
        ServiceItemVersion.hall_level,
        ServiceItem.unit_id,
        Unit.name.label("unit_name"),
    ).subquery()
    counts: dict[str, Sequence[Any]] = {}
    for column in ("category", "hall_level"):
        counts[column] = (
            await session.execute(
                select(current.c[column], func.count()).group_by(current.c[column])
            )
        ).all()
    by_unit = (
        await session.execute(
            select(current.c.unit_id, current.c.unit_name, func.count())
            .group_by(current.c.unit_id, current.c.unit_name)
            .order_by(current.c.unit_name)
        )
    ).all()
    category_counts = dict(counts["category"])
    level_counts = dict(counts["hall_level"])
    return GuideFacets(
        categories=[
            Facet(value=c, label=label, count=category_counts.get(c, 0))
            for c, label in CATEGORY_LABELS.items()
        ],
        hall_levels=[
            Facet(value=h, label=label, count=level_counts.get(h, 0))
            for h, label in HALL_LEVEL_LABELS.items()
        ],
        units=[Facet(value=str(u), label=name, count=n) for u, name, n in by_unit],
    )


async def public_file(session: AsyncSession, file_id: int) -> MaterialFile:
    """A file the guide offers: listed by the current published version of its item."""
    row = (
        await session.execute(
            select(MaterialFile, ServiceItem)
            .join(ItemMaterial, ItemMaterial.id == MaterialFile.material_id)
            .join(ServiceItem, ServiceItem.id == ItemMaterial.item_id)
            .where(MaterialFile.id == file_id)
        )
    ).one_or_none()
    if row is not None:
        file, item = row
        content = await session.scalar(
            select(ServiceItemVersion.content).where(
                ServiceItemVersion.item_id == item.id,
                ServiceItemVersion.version == item.version,
            )
        )
        if item.status == ItemStatus.PUBLISHED and content and file_id in file_ids(content):
            return file
    raise NotFound("文件不存在", code=FILE_NOT_FOUND)


async def _count(session: AsyncSession, query: SelectBase) -> int:
    return await session.scalar(select(func.count()).select_from(query.subquery())) or 0
