from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import select
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from sunshine_hall.items import service, views
from sunshine_hall.items.deps import HallManager, ItemForManager
from sunshine_hall.items.errors import FILE_MISSING, UPLOAD_INCOMPLETE, UPLOAD_MALFORMED
from sunshine_hall.items.files import CONTENT_TYPES
from sunshine_hall.items.labels import (
    CATEGORY_LABELS,
    HALL_LEVEL_LABELS,
    KIND_LABELS,
    MATERIAL_FORM_LABELS,
    STATUS_LABELS,
    WINDOW_KIND_LABELS,
)
from sunshine_hall.items.models import HallLevel, ItemCategory, ItemStatus, MaterialFile
from sunshine_hall.items.schemas import (
    ACTION_LABELS,
    FileOut,
    FilePurpose,
    GuideFacets,
    GuideItem,
    GuidePage,
    HallVocabulary,
    ItemIn,
    ItemPage,
    ItemUpdate,
    MaterialIn,
    MaterialOrder,
    MaterialUpdate,
    StaffItem,
    VersionOut,
)
from sunshine_kit.db import SessionDep
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES, AppError, ErrorBody, InvalidInput
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.pagination import PageDep
from sunshine_kit.settings import Settings
from sunshine_kit.units.service import units_in_reach
from sunshine_kit.vocabulary import terms

router = APIRouter(tags=["items"], responses=ERROR_RESPONSES)
guide = APIRouter(prefix="/guide", tags=["guide"], responses=ERROR_RESPONSES)

# The bodies that may be larger than the kit's MAX_BODY_BYTES: a material's form or sample.
UPLOADS = [r"/items/\d+/materials/\d+/files"]
SearchText = Annotated[str | None, Query(max_length=100, description="关键词（事项名称或编码）")]
FILE_TYPES: dict[str, dict[str, str]] = {media: {} for media in CONTENT_TYPES.values()}
# The upload's body as the OpenAPI describes it: the route reads the form itself, after the
# caller's rights are checked, so FastAPI cannot derive it from a parameter.
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "title": "MaterialFileUpload",
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "string",
                            "contentMediaType": "application/octet-stream",
                            "title": "File",
                            "description": "空白表格或示范文本：PDF、doc、docx、xls、xlsx",
                        }
                    },
                    "required": ["file"],
                }
            }
        },
    }
}


async def _download(session: SessionDep, file: MaterialFile, *, public: bool) -> Response:
    # Read on its own: the row may be in the session already, loaded without its data.
    data = await session.scalar(select(MaterialFile.data).where(MaterialFile.id == file.id))
    headers = {
        "Content-Disposition": attachment_disposition(file.filename),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "public, max-age=300" if public else "private, no-store",
    }
    return Response(data, media_type=file.content_type, headers=headers)


# Staff: the working copy ----------------------------------------------------------------------


@router.get("/items", response_model=ItemPage)
async def list_items(
    session: SessionDep,
    principal: HallManager,
    page: PageDep,
    q: SearchText = None,
    status: ItemStatus | None = None,
    category: ItemCategory | None = None,
    unit_id: Annotated[OptionalIdFilter, Query(description="单位，默认所辖范围")] = None,
) -> ItemPage:
    """事项管理: the items of the units in the caller's reach, by code."""
    units = await units_in_reach(session, principal, unit_id, below=True)
    return await views.staff_page(session, units, page, q=q, status=status, category=category)


@router.post("/items", response_model=StaffItem, status_code=201)
async def create_item(body: ItemIn, session: SessionDep, principal: HallManager) -> StaffItem:
    """A new item, unpublished until `publish`."""
    item = await service.create_item(session, principal, body)
    return await views.staff_item(session, item)


@router.get("/items/{item_id}", response_model=StaffItem)
async def read_item(item: ItemForManager, session: SessionDep) -> StaffItem:
    """The working copy, with its status and what may be done next."""
    return await views.staff_item(session, item)


@router.patch("/items/{item_id}", response_model=StaffItem)
async def update_item(
    item: ItemForManager, body: ItemUpdate, session: SessionDep, principal: HallManager
) -> StaffItem:
    """Edit the working copy; the guide keeps showing the published version until the next
    publication."""
    await service.update_item(session, principal, item, body)
    return await views.staff_item(session, item)


@router.post("/items/{item_id}/publish", response_model=StaffItem)
async def publish_item(
    item: ItemForManager, session: SessionDep, principal: HallManager
) -> StaffItem:
    """Publish the working copy as the next version (a retired item is restored this way)."""
    await service.publish(session, principal, item)
    return await views.staff_item(session, item)


@router.post("/items/{item_id}/retire", response_model=StaffItem)
async def retire_item(
    item: ItemForManager, session: SessionDep, principal: HallManager
) -> StaffItem:
    """Take the item out of the guide: it is no longer accepted."""
    await service.retire(session, principal, item)
    return await views.staff_item(session, item)


@router.get("/items/{item_id}/versions", response_model=list[VersionOut])
async def item_versions(item: ItemForManager, session: SessionDep) -> list[VersionOut]:
    """The published versions, newest first, as the public saw each."""
    return await views.versions(session, item.id)


@router.post("/items/{item_id}/materials", response_model=StaffItem, status_code=201)
async def add_material(item: ItemForManager, body: MaterialIn, session: SessionDep) -> StaffItem:
    """A material at the end of the list."""
    await service.add_material(session, item, body)
    return await views.staff_item(session, item)


@router.patch("/items/{item_id}/materials/{material_id}", response_model=StaffItem)
async def update_material(
    item: ItemForManager, material_id: RecordId, body: MaterialUpdate, session: SessionDep
) -> StaffItem:
    await service.update_material(session, item, material_id, body)
    return await views.staff_item(session, item)


@router.delete("/items/{item_id}/materials/{material_id}", response_model=StaffItem)
async def remove_material(
    item: ItemForManager, material_id: RecordId, session: SessionDep
) -> StaffItem:
    """Take a material off the working copy (published versions keep listing it)."""
    await service.remove_material(session, item, material_id)
    return await views.staff_item(session, item)


@router.put("/items/{item_id}/materials/order", response_model=StaffItem)
async def reorder_materials(
    item: ItemForManager, body: MaterialOrder, session: SessionDep
) -> StaffItem:
    """The materials in a new order (every one of them, once)."""
    await service.reorder_materials(session, item, body)
    return await views.staff_item(session, item)


@router.post(
    "/items/{item_id}/materials/{material_id}/files",
    response_model=FileOut,
    status_code=201,
    responses={413: {"model": ErrorBody, "description": "文件超过大小上限"}},
    openapi_extra=UPLOAD_BODY,
)
async def upload_file(
    item: ItemForManager,
    material_id: RecordId,
    request: Request,
    session: SessionDep,
    principal: HallManager,
    purpose: Annotated[FilePurpose, Query(description="blank 空白表格 / sample 示范文本")],
) -> FileOut:
    """A blank form or a sample of a material: PDF, Word or Excel."""
    settings: Settings = request.app.state.settings
    # Read only now that the dependencies found the caller may change the item: a declared
    # file parameter would have FastAPI read the whole upload before any check.
    try:
        async with request.form(max_files=1, max_fields=4) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise InvalidInput("file", "请选择要上传的文件（表单字段 file）", code=FILE_MISSING)
            data = await upload.read(settings.attachment_max_bytes + 1)
            filename = upload.filename or ""
    except HTTPException as refused:
        raise InvalidInput(
            "file", f"上传的表单有误（一次上传一个文件）：{refused.detail}", code=UPLOAD_MALFORMED
        ) from None
    except ClientDisconnect:
        raise AppError("上传未完成", code=UPLOAD_INCOMPLETE) from None
    file = await service.add_file(
        session,
        principal,
        item,
        material_id,
        purpose,
        filename,
        data,
        max_bytes=settings.attachment_max_bytes,
    )
    return FileOut.model_validate(file)


@router.get(
    "/items/{item_id}/files/{file_id}",
    response_class=Response,
    responses={200: {"content": FILE_TYPES, "description": "表格文件"}},
)
async def download_item_file(
    item: ItemForManager, file_id: RecordId, session: SessionDep
) -> Response:
    """A file of the item, also one only an old version lists (for staff)."""
    return await _download(session, await service.item_file(session, item, file_id), public=False)


@router.delete("/items/{item_id}/files/{file_id}", response_model=StaffItem)
async def remove_file(
    item: ItemForManager, file_id: RecordId, session: SessionDep, principal: HallManager
) -> StaffItem:
    """Take a file off the working copy (the published version keeps offering it)."""
    await service.remove_file(session, principal, item, file_id)
    return await views.staff_item(session, item)


# The public guide (办事指南), no sign-in ------------------------------------------------------


@guide.get("/items", response_model=GuidePage)
async def search_items(
    session: SessionDep,
    page: PageDep,
    q: SearchText = None,
    category: ItemCategory | None = None,
    hall_level: HallLevel | None = None,
    unit_id: Annotated[OptionalIdFilter, Query(description="实施主体")] = None,
) -> GuidePage:
    """办事指南: published items by keyword, category, hall level and unit, by name."""
    return await views.guide_page(
        session, page, q=q, category=category, hall_level=hall_level, unit_id=unit_id
    )


@guide.get("/items/{item_id}", response_model=GuideItem)
async def guide_item(item_id: RecordId, session: SessionDep) -> GuideItem:
    """An item's guide: the 八公开 of its latest published version, materials with their
    forms, and the open windows accepting it."""
    return await views.guide_item(session, item_id)


@guide.get(
    "/files/{file_id}",
    response_class=Response,
    responses={200: {"content": FILE_TYPES, "description": "空白表格或示范文本"}},
)
async def download_form(file_id: RecordId, session: SessionDep) -> Response:
    """A blank form or sample the guide offers."""
    return await _download(session, await views.public_file(session, file_id), public=True)


@guide.get("/facets", response_model=GuideFacets)
async def guide_facets(session: SessionDep) -> GuideFacets:
    """How many published items each category, hall level and unit has."""
    return await views.facets(session)


VOCABULARY = HallVocabulary(
    categories=terms(CATEGORY_LABELS),
    hall_levels=terms(HALL_LEVEL_LABELS),
    kinds=terms(KIND_LABELS),
    statuses=terms(STATUS_LABELS),
    material_forms=terms(MATERIAL_FORM_LABELS),
    file_purposes=terms({FilePurpose.BLANK: "空白表格", FilePurpose.SAMPLE: "示范文本"}),
    window_kinds=terms(WINDOW_KIND_LABELS),
    item_actions=terms(ACTION_LABELS),
)


@guide.get("/vocabulary", response_model=HallVocabulary)
async def guide_vocabulary(response: Response) -> HallVocabulary:
    """事项类别、层级、办件类型、材料形式、窗口类型等的名称 (changes only with a release)."""
    response.headers["Cache-Control"] = "public, max-age=3600"
    return VOCABULARY
