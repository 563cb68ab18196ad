"""The rules of service items: the working copy staff edit, its materials and forms, publishing
a version and retiring an item. (What the lists and pages show is in `views.py`.)"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from sunshine_hall.items.content import file_ids, new_version
from sunshine_hall.items.errors import (
    ALREADY_RETIRED,
    FILE_NOT_FOUND,
    INSTANT_HAS_NO_DAYS,
    ITEM_CODE_TAKEN,
    ITEM_INCOMPLETE,
    ITEM_NOT_FOUND,
    MATERIAL_NOT_FOUND,
    MATERIAL_ORDER_MISMATCH,
    NOTHING_TO_PUBLISH,
    PROMISED_EXCEEDS_LEGAL,
    PROMISED_NEEDS_DAYS,
)
from sunshine_hall.items.files import checked_type
from sunshine_hall.items.models import (
    ItemKind,
    ItemMaterial,
    ItemStatus,
    MaterialFile,
    ServiceItem,
    ServiceItemVersion,
)
from sunshine_hall.items.schemas import (
    ItemAction,
    ItemIn,
    ItemUpdate,
    MaterialIn,
    MaterialOrder,
    MaterialUpdate,
)
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.db import utcnow
from sunshine_kit.downloads import clean_filename
from sunshine_kit.errors import AppError, Conflict, FieldError, InvalidInput, NotFound
from sunshine_kit.units.service import ensure_can_act_on, get_unit

# What the guide must show before an item is published (八公开), with the field's name.
REQUIRED_TO_PUBLISH = {
    "legal_basis": "设定依据",
    "conditions": "受理条件",
    "procedure": "办理流程",
    "authority": "办理机构",
}


class ItemIncomplete(AppError):
    status_code = 422
    code = ITEM_INCOMPLETE

    def __init__(self, missing: dict[str, str]) -> None:
        fields = [
            FieldError(field=f, reason=f"发布前须填写{label}") for f, label in missing.items()
        ]
        super().__init__("发布前须填写：" + "、".join(missing.values()), fields=fields)


async def get_item(session: AsyncSession, item_id: int) -> ServiceItem:
    item = await session.get(ServiceItem, item_id)
    if item is None:
        raise NotFound("事项不存在", code=ITEM_NOT_FOUND)
    return item


async def item_to_manage(session: AsyncSession, principal: Principal, item_id: int) -> ServiceItem:
    """The item, if its unit is in the caller's reach (404 when none, 403 otherwise)."""
    item = await get_item(session, item_id)
    await ensure_can_act_on(session, principal, item.unit_id)
    return item


def resolved_limits(kind: str, legal: int | None, promised: int | None) -> tuple[int, int]:
    """The (legal, promised) limits in working days: 0 and 0 for 即办件, which is decided at
    the window; for 承诺件 both at least one day and the promise no longer than the law."""
    if kind == ItemKind.INSTANT:
        for field, days in (("legal_limit_days", legal), ("promised_limit_days", promised)):
            if days:
                raise InvalidInput(
                    field, "即办件当场办结，时限应为0个工作日", code=INSTANT_HAS_NO_DAYS
                )
        return 0, 0
    if not legal:
        raise InvalidInput(
            "legal_limit_days",
            "承诺件须填写法定办结时限（至少1个工作日）",
            code=PROMISED_NEEDS_DAYS,
        )
    if not promised:
        raise InvalidInput(
            "promised_limit_days",
            "承诺件须填写承诺办结时限（至少1个工作日）",
            code=PROMISED_NEEDS_DAYS,
        )
    if promised > legal:
        raise InvalidInput(
            "promised_limit_days",
            f"承诺时限（{promised}个工作日）不能超过法定时限（{legal}个工作日）",
            code=PROMISED_EXCEEDS_LEGAL,
        )
    return legal, promised


def actions(item: ServiceItem) -> list[ItemAction]:
    """What may be done next: publish a never-published, changed or retired item; retire one
    that is not retired."""
    found = []
    if item.status != ItemStatus.PUBLISHED or item.draft_pending:
        found.append(ItemAction.PUBLISH)
    if item.status != ItemStatus.RETIRED:
        found.append(ItemAction.RETIRE)
    return found


async def create_item(session: AsyncSession, principal: Principal, body: ItemIn) -> ServiceItem:
    await get_unit(session, body.unit_id)
    await ensure_can_act_on(session, principal, body.unit_id)
    await _ensure_code_free(session, body.code)
    legal, promised = resolved_limits(body.kind, body.legal_limit_days, body.promised_limit_days)
    fields = body.model_dump(exclude={"legal_limit_days", "promised_limit_days"})
    item = ServiceItem(**fields, legal_limit_days=legal, promised_limit_days=promised)
    session.add(item)
    await session.flush()
    await audit.record(
        session,
        actor=principal,
        action="service_item.created",
        entity_type="service_item",
        entity_id=item.id,
        after={"code": item.code, "name": item.name, "unit_id": item.unit_id},
    )
    return item


async def update_item(
    session: AsyncSession, principal: Principal, item: ServiceItem, body: ItemUpdate
) -> ServiceItem:
    """Change the working copy; a published item's guide stays as published."""
    changes = body.model_dump(exclude_unset=True)
    for field, value in changes.items():
        if value is None and field not in ("legal_limit_days", "promised_limit_days"):
            raise InvalidInput(field, "不能为空")
    kind = changes.get("kind", item.kind)
    becomes_instant = kind == ItemKind.INSTANT and item.kind != ItemKind.INSTANT

    def days(field: str) -> int | None:
        if field in changes:
            given: int | None = changes[field]
            return given
        kept: int = getattr(item, field)
        return None if becomes_instant else kept

    legal, promised = resolved_limits(kind, days("legal_limit_days"), days("promised_limit_days"))
    changes.update(legal_limit_days=legal, promised_limit_days=promised)
    before = {field: getattr(item, field) for field in changes}
    for field, value in changes.items():
        setattr(item, field, value)
    _touched(item)
    await audit.record(
        session,
        actor=principal,
        action="service_item.updated",
        entity_type="service_item",
        entity_id=item.id,
        before=before,
        after=changes,
    )
    return item


async def publish(session: AsyncSession, principal: Principal, item: ServiceItem) -> ServiceItem:
    """Freeze the working copy as the next version, which the guide shows from now on."""
    if item.status == ItemStatus.PUBLISHED and not item.draft_pending:
        raise Conflict("没有未发布的修改", code=NOTHING_TO_PUBLISH)
    missing = {f: label for f, label in REQUIRED_TO_PUBLISH.items() if not getattr(item, f).strip()}
    if missing:
        raise ItemIncomplete(missing)
    materials = await working_materials(session, item.id)
    files = await working_files(session, [m.id for m in materials])
    item.version += 1
    item.status = ItemStatus.PUBLISHED
    item.published_at = utcnow()
    item.draft_pending = False
    session.add(new_version(item, materials, files, published_by=principal.username))
    await session.flush()
    await audit.record(
        session,
        actor=principal,
        action="service_item.published",
        entity_type="service_item",
        entity_id=item.id,
        after={"version": item.version},
    )
    return item


async def retire(session: AsyncSession, principal: Principal, item: ServiceItem) -> ServiceItem:
    """Stop accepting the item: the guide no longer lists it (its versions are kept)."""
    if item.status == ItemStatus.RETIRED:
        raise Conflict("事项已取消", code=ALREADY_RETIRED)
    before = {"status": item.status}
    item.status = ItemStatus.RETIRED
    await audit.record(
        session,
        actor=principal,
        action="service_item.retired",
        entity_type="service_item",
        entity_id=item.id,
        before=before,
        after={"status": item.status},
    )
    return item


def _touched(item: ServiceItem) -> None:
    # The row's own onupdate misses changes to its materials and files.
    item.updated_at = utcnow()
    if item.version > 0:
        item.draft_pending = True


async def _ensure_code_free(session: AsyncSession, code: str) -> None:
    taken = await session.scalar(select(ServiceItem.id).where(ServiceItem.code == code))
    if taken is not None:
        raise Conflict(
            f"事项编码 {code} 已被使用",
            code=ITEM_CODE_TAKEN,
            fields=[FieldError(field="code", reason="事项编码已被使用")],
        )


# Materials and their files -------------------------------------------------------------------


async def working_materials(session: AsyncSession, item_id: int) -> Sequence[ItemMaterial]:
    """The working copy's materials in their order."""
    rows = await session.scalars(
        select(ItemMaterial)
        .where(ItemMaterial.item_id == item_id, ItemMaterial.withdrawn.is_(False))
        .order_by(ItemMaterial.sort_order, ItemMaterial.id)
    )
    return rows.all()


async def working_files(
    session: AsyncSession, material_ids: Sequence[int]
) -> dict[int, list[MaterialFile]]:
    """The working copy's files of each material (without their data), by material id."""
    found: dict[int, list[MaterialFile]] = {m: [] for m in material_ids}
    if not material_ids:
        return found
    rows = await session.scalars(
        select(MaterialFile)
        .options(defer(MaterialFile.data))
        .where(MaterialFile.material_id.in_(material_ids), MaterialFile.withdrawn.is_(False))
        .order_by(MaterialFile.id)
    )
    for file in rows:
        found[file.material_id].append(file)
    return found


async def _material(session: AsyncSession, item: ServiceItem, material_id: int) -> ItemMaterial:
    material = await session.get(ItemMaterial, material_id)
    if material is None or material.item_id != item.id or material.withdrawn:
        raise NotFound("材料不存在", code=MATERIAL_NOT_FOUND)
    return material


async def add_material(session: AsyncSession, item: ServiceItem, body: MaterialIn) -> ItemMaterial:
    """A material at the end of the list."""
    last = await session.scalar(
        select(func.max(ItemMaterial.sort_order)).where(ItemMaterial.item_id == item.id)
    )
    material = ItemMaterial(item_id=item.id, sort_order=(last or 0) + 1, **body.model_dump())
    session.add(material)
    _touched(item)
    await session.flush()
    return material


async def update_material(
    session: AsyncSession, item: ServiceItem, material_id: int, body: MaterialUpdate
) -> ItemMaterial:
    material = await _material(session, item, material_id)
    for field, value in body.model_dump(exclude_unset=True).items():
        if value is None:
            raise InvalidInput(field, "不能为空")
        setattr(material, field, value)
    _touched(item)
    return material


async def remove_material(session: AsyncSession, item: ServiceItem, material_id: int) -> None:
    """Take a material off the working copy; kept (withdrawn) while a version lists it."""
    material = await _material(session, item, material_id)
    listed_materials, listed_files = await _listed_in_versions(session, item.id)
    files = (await working_files(session, [material.id]))[material.id]
    for file in files:
        await _drop_file(session, file, listed_files)
    if material.id in listed_materials:
        material.withdrawn = True
    else:
        await session.execute(delete(MaterialFile).where(MaterialFile.material_id == material.id))
        await session.delete(material)
    _touched(item)


async def reorder_materials(session: AsyncSession, item: ServiceItem, body: MaterialOrder) -> None:
    materials = {m.id: m for m in await working_materials(session, item.id)}
    if sorted(body.material_ids) != sorted(materials):
        raise InvalidInput(
            "material_ids", "须按新顺序列出该事项的全部材料，各一次", code=MATERIAL_ORDER_MISMATCH
        )
    for order, material_id in enumerate(body.material_ids, start=1):
        materials[material_id].sort_order = order
    _touched(item)


async def add_file(
    session: AsyncSession,
    principal: Principal,
    item: ServiceItem,
    material_id: int,
    purpose: str,
    filename: str,
    data: bytes,
    *,
    max_bytes: int,
) -> MaterialFile:
    """A blank form or a sample for a material of the working copy."""
    material = await _material(session, item, material_id)
    name = clean_filename(filename)
    content_type = checked_type(name, data, max_bytes)
    file = MaterialFile(
        material_id=material.id,
        purpose=purpose,
        filename=name,
        content_type=content_type,
        size=len(data),
        data=data,
    )
    session.add(file)
    _touched(item)
    await session.flush()
    await audit.record(
        session,
        actor=principal,
        action="service_item.file_added",
        entity_type="service_item",
        entity_id=item.id,
        after={"file_id": file.id, "material_id": material.id, "filename": name},
    )
    return file


async def item_file(session: AsyncSession, item: ServiceItem, file_id: int) -> MaterialFile:
    """A file of one of the item's materials (withdrawn ones too: staff see old versions)."""
    file = await session.get(MaterialFile, file_id)
    material = None if file is None else await session.get(ItemMaterial, file.material_id)
    if file is None or material is None or material.item_id != item.id:
        raise NotFound("文件不存在", code=FILE_NOT_FOUND)
    return file


async def remove_file(
    session: AsyncSession, principal: Principal, item: ServiceItem, file_id: int
) -> None:
    file = await item_file(session, item, file_id)
    if file.withdrawn:
        raise NotFound("文件不存在", code=FILE_NOT_FOUND)
    _, listed_files = await _listed_in_versions(session, item.id)
    await _drop_file(session, file, listed_files)
    _touched(item)
    await audit.record(
        session,
        actor=principal,
        action="service_item.file_removed",
        entity_type="service_item",
        entity_id=item.id,
        before={"file_id": file.id, "filename": file.filename},
    )


async def _drop_file(session: AsyncSession, file: MaterialFile, listed: set[int]) -> None:
    if file.id in listed:
        file.withdrawn = True
    else:
        await session.delete(file)


async def _listed_in_versions(session: AsyncSession, item_id: int) -> tuple[set[int], set[int]]:
    """The materials and files some published version of the item lists."""
    contents = await session.scalars(
        select(ServiceItemVersion.content).where(ServiceItemVersion.item_id == item_id)
    )
    materials: set[int] = set()
    files: set[int] = set()
    for content in contents:
        materials |= {m["id"] for m in content["materials"]}
        files |= file_ids(content)
    return materials, files
