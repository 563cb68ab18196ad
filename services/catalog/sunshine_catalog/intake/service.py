"""Items other services publish: 双公示 decisions from the hall, annual reports from reporting."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.errors import COLUMN_CLOSED, COLUMN_NOT_FOUND
from sunshine_catalog.feed.service import record_change
from sunshine_catalog.intake.schemas import INTAKE_COLUMNS, IntakeItemIn
from sunshine_catalog.items import service as items
from sunshine_catalog.items.models import ChangeKind, InformationItem, ItemStatus
from sunshine_catalog.items.schemas import ItemIn
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.errors import InvalidInput


async def already_received(session: AsyncSession, key: str) -> InformationItem | None:
    found: InformationItem | None = await session.scalar(
        select(InformationItem).where(InformationItem.source_key == key)
    )
    return found


async def receive(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    sender: Principal,
    key: str,
    body: IntakeItemIn,
    *,
    province_url: str = "",
) -> InformationItem:
    """Create and publish the item at once; the sender's key makes a repeat a no-op."""
    if body.column_code not in INTAKE_COLUMNS:
        raise InvalidInput(
            "column_code", "其他系统只能发布到：" + "、".join(INTAKE_COLUMNS), code=COLUMN_CLOSED
        )
    column_id = await session.scalar(
        select(CatalogueColumn.id).where(
            CatalogueColumn.code == body.column_code, CatalogueColumn.active.is_(True)
        )
    )
    if column_id is None:
        raise InvalidInput("column_code", "栏目不存在或已停用", code=COLUMN_NOT_FOUND)
    # A body from another component carries no external image the sender must hear of.
    item, _ = await items.create_item(
        session,
        calendar,
        sender,
        ItemIn(
            unit_id=body.unit_id,
            column_id=column_id,
            title=body.title,
            body_html=body.body_html,
            document_number=body.document_number,
            formed_on=body.formed_on,
            document_type=body.document_type,
            keywords=body.keywords,
        ),
    )
    item.source = INTAKE_COLUMNS[body.column_code]
    item.source_key = key
    item.status = ItemStatus.PUBLISHED
    item.published_at = items.now()
    item.reviewer = sender.username
    await session.flush()
    await audit.record(
        session,
        actor=sender,
        action=Action.ITEM_PUBLISHED,
        entity_type="item",
        entity_id=item.id,
        after={"status": ItemStatus.PUBLISHED.value, "reason": f"由{sender.username}系统发布"},
    )
    await record_change(session, item, ChangeKind.PUBLISHED, province_url=province_url)
    return item
