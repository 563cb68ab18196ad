from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from sunshine_catalog.attachments import service
from sunshine_catalog.attachments.schemas import AttachmentOut
from sunshine_catalog.attachments.scrub import CONTENT_TYPES
from sunshine_catalog.deps import ItemForAttachments, ItemForReader, Settings, StorageDep
from sunshine_catalog.errors import FILE_MISSING, UPLOAD_INCOMPLETE, UPLOAD_MALFORMED
from sunshine_catalog.items.models import ItemStatus
from sunshine_kit.auth import CurrentPrincipal, OptionalPrincipal
from sunshine_kit.db import SessionDep
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES, AppError, ErrorBody, InvalidInput
from sunshine_kit.ids import RecordId

router = APIRouter(tags=["attachments"], responses=ERROR_RESPONSES)

# What a download may be: one of the kinds an upload is accepted as (the type is the content's).
DOWNLOAD_TYPES: dict[str, dict[str, str]] = {
    media: {} for media in (*CONTENT_TYPES.values(), "text/plain", "text/csv")
}

# The upload's body as the OpenAPI document describes it (and the SPA's client is typed from):
# the route parses the form itself, after the caller's rights are checked, so FastAPI cannot
# derive it from a parameter.
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "title": "AttachmentUpload",
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "string",
                            "contentMediaType": "application/octet-stream",
                            "title": "File",
                            "description": "附件：PDF、docx、xlsx、pptx、JPG、PNG、TXT、CSV",
                        }
                    },
                    "required": ["file"],
                }
            }
        },
    }
}
# Besides the file, a form may carry a few text fields (which are ignored).
UPLOAD_MAX_FIELDS = 4


@router.post(
    "/items/{item_id}/attachments",
    response_model=AttachmentOut,
    status_code=201,
    responses={413: {"model": ErrorBody, "description": "文件超过大小上限"}},
    openapi_extra=UPLOAD_BODY,
)
async def upload_attachment(
    item: ItemForAttachments,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    storage: StorageDep,
    settings: Settings,
) -> AttachmentOut:
    """Attach a file to an editable item; author, comments, tracked changes, GPS are removed."""
    # Read only now that the dependencies found the caller may change the item's attachments: a
    # declared file parameter would have FastAPI read the whole upload before any check. One
    # over ATTACHMENT_MAX_BYTES the kit's body limit refuses before it is read.
    try:
        async with request.form(max_files=1, max_fields=UPLOAD_MAX_FIELDS) as form:
            file = form.get("file")
            if not isinstance(file, UploadFile):
                raise InvalidInput("file", "请选择要上传的文件（表单字段 file）", code=FILE_MISSING)
            # One byte over the limit is enough to know it is too large.
            data = await file.read(settings.attachment_max_bytes + 1)
            filename = file.filename or ""
    except HTTPException as refused:  # Starlette's answer to a malformed form
        raise InvalidInput(
            "file", f"上传的表单有误（一次上传一个文件）：{refused.detail}", code=UPLOAD_MALFORMED
        ) from None
    except ClientDisconnect:
        # The body limit cut the upload off (and answered 413 itself), or the caller left.
        raise AppError("上传未完成", code=UPLOAD_INCOMPLETE) from None
    attachment = await service.add_attachment(
        session,
        storage,
        principal,
        item,
        filename,
        data,
        max_bytes=settings.attachment_max_bytes,
    )
    return AttachmentOut.model_validate(attachment)


@router.get("/items/{item_id}/attachments", response_model=list[AttachmentOut])
async def list_attachments(item: ItemForReader, session: SessionDep) -> list[AttachmentOut]:
    """An item's attachments: public once it is published, to the unit's staff before."""
    return [
        AttachmentOut.model_validate(a) for a in await service.list_attachments(session, item.id)
    ]


@router.get(
    "/attachments/{attachment_id}/download",
    response_class=Response,
    responses={200: {"content": DOWNLOAD_TYPES, "description": "附件文件"}},
)
async def download_attachment(
    attachment_id: RecordId, session: SessionDep, principal: OptionalPrincipal, storage: StorageDep
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
    attachment_id: RecordId, session: SessionDep, principal: CurrentPrincipal, storage: StorageDep
) -> Response:
    attachment = await service.get_attachment(session, attachment_id)
    await service.remove_attachment(session, storage, principal, attachment)
    return Response(status_code=204)
