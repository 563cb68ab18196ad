"""Attachments (附件) of information items: accepted only scrubbed, stored, listed, removed."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.attachments import scrub
from sunshine_catalog.attachments.models import Attachment
from sunshine_catalog.attachments.refusal import Refused
from sunshine_catalog.attachments.storage import AttachmentStorage, StoredFileMissing, new_key
from sunshine_catalog.errors import ATTACHMENT_FILE_MISSING, ATTACHMENT_NOT_FOUND
from sunshine_catalog.items import service as items
from sunshine_catalog.items.models import InformationItem
from sunshine_catalog.items.rules import ItemStep, ensure
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.downloads import FileTooLarge, clean_filename
from sunshine_kit.errors import InvalidInput, NotFound


async def list_attachments(session: AsyncSession, item_id: int) -> Sequence[Attachment]:
    rows = await session.scalars(
        select(Attachment).where(Attachment.item_id == item_id).order_by(Attachment.id)
    )
    return rows.all()


async def get_attachment(session: AsyncSession, attachment_id: int) -> Attachment:
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound("附件不存在", code=ATTACHMENT_NOT_FOUND)
    return attachment


async def visible_attachment(
    session: AsyncSession, principal: Principal | None, attachment_id: int
) -> tuple[Attachment, InformationItem]:
    """An attachment of a published item to everyone; of the rest, only to the unit's staff."""
    attachment = await get_attachment(session, attachment_id)
    try:
        item = await items.visible_item(session, principal, attachment.item_id)
    except NotFound:
        raise NotFound("附件不存在", code=ATTACHMENT_NOT_FOUND) from None
    return attachment, item


def _described(attachment: Attachment) -> dict[str, object]:
    return {
        "attachment_id": attachment.id,
        "filename": attachment.filename,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "scrubbed": attachment.scrubbed,
    }


async def add_attachment(
    session: AsyncSession,
    storage: AttachmentStorage,
    actor: Principal,
    item: InformationItem,
    filename: str,
    data: bytes,
    *,
    max_bytes: int,
) -> Attachment:
    """Check, scrub and keep a file. The row is written before the file, so a failed store
    rolls the row back and a refused file leaves neither."""
    await ensure(session, actor, item, ItemStep.ATTACHMENTS)
    if len(data) > max_bytes:
        raise FileTooLarge(max_bytes)
    name = clean_filename(filename)
    try:
        cleaned = await asyncio.to_thread(scrub.clean, name, data)
    except Refused as refused:
        raise InvalidInput("file", refused.reason, code=refused.code) from None
    attachment = Attachment(
        item_id=item.id,
        filename=name,
        content_type=cleaned.content_type,
        size=len(cleaned.data),
        sha256=hashlib.sha256(cleaned.data).hexdigest(),
        storage_key=new_key(),
        scrubbed=cleaned.scrubbed,
        uploaded_by=actor.username,
    )
    session.add(attachment)
    item.updated_at = items.now()
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=Action.ITEM_ATTACHMENT_ADDED,
        entity_type="item",
        entity_id=item.id,
        after=_described(attachment),
    )
    await session.flush()
    await storage.put(attachment.storage_key, cleaned.data, cleaned.content_type)
    return attachment


async def remove_attachment(
    session: AsyncSession, storage: AttachmentStorage, actor: Principal, attachment: Attachment
) -> None:
    """Remove an attachment of an editable item: its row, then its file."""
    item = await items.get_item(session, attachment.item_id)
    await ensure(session, actor, item, ItemStep.ATTACHMENTS)
    await audit.record(
        session,
        actor=actor,
        action=Action.ITEM_ATTACHMENT_REMOVED,
        entity_type="item",
        entity_id=item.id,
        before=_described(attachment),
    )
    await session.delete(attachment)
    item.updated_at = items.now()
    await session.flush()
    await storage.delete(attachment.storage_key)


async def remove_all(
    session: AsyncSession, storage: AttachmentStorage, actor: Principal, item: InformationItem
) -> None:
    """Remove every attachment of an item, as its draft is deleted."""
    for attachment in await list_attachments(session, item.id):
        await remove_attachment(session, storage, actor, attachment)


async def read_file(storage: AttachmentStorage, attachment: Attachment) -> bytes:
    try:
        return await storage.get(attachment.storage_key)
    except StoredFileMissing:
        raise NotFound("附件文件缺失，请联系信息发布单位", code=ATTACHMENT_FILE_MISSING) from None
