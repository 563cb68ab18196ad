from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, Response, UploadFile

from sunshine_catalog.attachments import service
from sunshine_catalog.attachments.schemas import AttachmentOut
from sunshine_catalog.attachments.storage import AttachmentStorage, storage_from_settings
from sunshine_catalog.items import service as items
from sunshine_catalog.items.models import ItemStatus
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit.auth import CurrentPrincipal, OptionalPrincipal
from sunshine_kit.db import SessionDep
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES, ErrorBody

router = APIRouter(tags=["attachments"], responses=ERROR_RESPONSES)


def get_storage(request: Request) -> AttachmentStorage:
    """The storage the settings choose, made once per app."""
    state = request.app.state
    storage: AttachmentStorage | None = getattr(state, "attachment_storage", None)
    if storage is None:
        settings: CatalogSettings = state.settings
        storage = state.attachment_storage = storage_from_settings(settings)
    return storage


StorageDep = Annotated[AttachmentStorage, Depends(get_storage)]


@router.post(
    "/items/{item_id}/attachments",
    response_model=AttachmentOut,
    status_code=201,
    responses={413: {"model": ErrorBody, "description": "文件超过大小上限"}},
)
async def upload_attachment(
    item_id: int,
    file: Annotated[
        UploadFile, File(description="附件：PDF、docx、xlsx、pptx、JPG、PNG、TXT、CSV")
    ],
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    storage: StorageDep,
) -> AttachmentOut:
    """Attach a file to an editable item; author, comments, tracked changes, GPS are removed."""
    settings: CatalogSettings = request.app.state.settings
    item = await items.get_item(session, item_id)
    # One byte over the limit is enough to know it is too large.
    data = await file.read(settings.attachment_max_bytes + 1)
    attachment = await service.add_attachment(
        session,
        storage,
        principal,
        item,
        file.filename or "",
        data,
        max_bytes=settings.attachment_max_bytes,
    )
    return AttachmentOut.model_validate(attachment)


@router.get("/items/{item_id}/attachments", response_model=list[AttachmentOut])
async def list_attachments(
    item_id: int, session: SessionDep, principal: OptionalPrincipal
) -> list[AttachmentOut]:
    """An item's attachments: public once it is published, to the unit's staff before."""
    item = await items.visible_item(session, principal, item_id)
    return [
        AttachmentOut.model_validate(a) for a in await service.list_attachments(session, item.id)
    ]


@router.get(
    "/attachments/{attachment_id}/download",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "附件文件"}},
)
async def download_attachment(
    attachment_id: int, session: SessionDep, principal: OptionalPrincipal, storage: StorageDep
) -> Response:
    """The scrubbed file, under its original name."""
    attachment, item = await service.visible_attachment(session, principal, attachment_id)
    data = await service.read_file(storage, attachment)
    headers = {
        "Content-Disposition": attachment_disposition(attachment.filename),
        "X-Content-Type-Options": "nosniff",
        "ETag": f'"{attachment.sha256}"',
    }
    if item.status != ItemStatus.PUBLISHED:
        # A draft's file must not linger in shared caches.
        headers["Cache-Control"] = "private, no-store"
    return Response(data, media_type=attachment.content_type, headers=headers)


@router.delete("/attachments/{attachment_id}", status_code=204)
async def delete_attachment(
    attachment_id: int, session: SessionDep, principal: CurrentPrincipal, storage: StorageDep
) -> Response:
    attachment = await service.get_attachment(session, attachment_id)
    await service.remove_attachment(session, storage, principal, attachment)
    return Response(status_code=204)
