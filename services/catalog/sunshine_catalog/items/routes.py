from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from sunshine_catalog.attachments import service as attachments
from sunshine_catalog.attachments.routes import get_storage
from sunshine_catalog.items import service
from sunshine_catalog.items.models import InformationItem, ItemStatus
from sunshine_catalog.items.schemas import (
    DeadlineRow,
    ItemIn,
    ItemPage,
    ItemSummary,
    ItemUpdate,
    MissingInterpretation,
    MoveIn,
    MoveOut,
    PublicItem,
    ReviewIn,
    StaffItem,
    ValidityIn,
    WithdrawIn,
)
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit import workdays
from sunshine_kit.audit import service as audit
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import CurrentPrincipal, OptionalPrincipal, StaffRoles, require_roles
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.pagination import PageDep
from sunshine_kit.units.service import ensure_can_act_on, get_unit, units_in_reach

router = APIRouter(tags=["items"], responses=ERROR_RESPONSES)
_staff = [require_roles(*StaffRoles)]


def _province(request: Request) -> str:
    settings: CatalogSettings = request.app.state.settings
    return settings.province_push_url


@router.get("/units/{unit_id}/items", response_model=ItemPage)
async def published_items(
    unit_id: int,
    session: SessionDep,
    page: PageDep,
    column_id: Annotated[int | None, Query(description="栏目")] = None,
) -> ItemPage:
    """A unit's published items, newest first, optionally in one column (public)."""
    await get_unit(session, unit_id)
    items, total = await service.published_page(session, unit_id, column_id, page)
    return ItemPage(
        items=[ItemSummary.model_validate(i) for i in items],
        total=total,
        page=page.page,
        size=page.size,
    )


@router.get("/items/{item_id}", response_model=PublicItem | StaffItem)
async def read_item(
    item_id: int, session: SessionDep, principal: OptionalPrincipal
) -> PublicItem | StaffItem:
    """An item: published ones to everyone, with workflow and deadline to the unit's staff."""
    return await service.reader_view(session, principal, item_id)


@router.get("/items/by-index/{index_number:path}", response_model=PublicItem | StaffItem)
async def read_by_index_number(
    index_number: str, session: SessionDep, principal: OptionalPrincipal
) -> PublicItem | StaffItem:
    """An item by its 索引号 (links printed on documents use it)."""
    item_id = await service.item_id_by_index_number(session, index_number)
    return await service.reader_view(session, principal, item_id)


@router.get("/items", response_model=ItemPage, dependencies=_staff)
async def staff_items(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    unit_id: int | None = None,
    status: ItemStatus | None = None,
    column_id: int | None = None,
) -> ItemPage:
    """Items in the caller's reach, for the console (e.g. the review queue: status=submitted)."""
    units = await units_in_reach(session, principal, unit_id)
    items, total = await service.staff_page(session, units, status, column_id, page)
    return ItemPage(
        items=[ItemSummary.model_validate(i) for i in items],
        total=total,
        page=page.page,
        size=page.size,
    )


@router.post("/items", response_model=StaffItem, status_code=201)
async def create_item(
    body: ItemIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> StaffItem:
    """A new draft, with its index number and its publication deadline."""
    item = await service.create_item(session, calendar, principal, body)
    return await service.staff_view(session, item)


@router.patch("/items/{item_id}", response_model=StaffItem)
async def update_item(
    item_id: int,
    body: ItemUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> StaffItem:
    item = await service.get_item(session, item_id)
    await service.update_item(session, calendar, principal, item, body)
    return await service.staff_view(session, item)


@router.delete("/items/{item_id}", status_code=204)
async def delete_item(
    item_id: int, request: Request, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Delete a never-published draft, with its attachments' files."""
    item = await service.get_item(session, item_id)
    # Checked before any file goes: removing files cannot be rolled back.
    await service.ensure_deletable(session, principal, item)
    storage = get_storage(request)
    for attachment in await attachments.list_attachments(session, item.id):
        await attachments.remove_attachment(session, storage, principal, attachment)
    await service.delete_draft(session, principal, item)
    return Response(status_code=204)


async def _act(session: SessionDep, item_id: int) -> InformationItem:
    return await service.get_item(session, item_id)


@router.post("/items/{item_id}/submit", response_model=StaffItem)
async def submit(item_id: int, session: SessionDep, principal: CurrentPrincipal) -> StaffItem:
    """Send a draft to review (保密审查、属性审核)."""
    item = await service.submit(session, principal, await _act(session, item_id))
    return await service.staff_view(session, item)


@router.post("/items/{item_id}/review", response_model=StaffItem)
async def review(
    item_id: int,
    body: ReviewIn,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> StaffItem:
    """Publish after both checks, or send back with the reasons."""
    item = await service.review(
        session, principal, await _act(session, item_id), body, province_url=_province(request)
    )
    return await service.staff_view(session, item)


@router.post("/items/{item_id}/withdraw", response_model=StaffItem)
async def withdraw(
    item_id: int,
    body: WithdrawIn,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> StaffItem:
    item = await service.withdraw(
        session,
        principal,
        await _act(session, item_id),
        body.reason,
        province_url=_province(request),
    )
    return await service.staff_view(session, item)


@router.post("/items/{item_id}/validity", response_model=StaffItem)
async def change_validity(
    item_id: int,
    body: ValidityIn,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> StaffItem:
    """失效 or 废止, with the date and the replacing item."""
    item = await service.change_validity(
        session, principal, await _act(session, item_id), body, province_url=_province(request)
    )
    return await service.staff_view(session, item)


@router.get("/items/{item_id}/history", response_model=list[AuditEntryOut], dependencies=_staff)
async def item_history(
    item_id: int, session: SessionDep, principal: CurrentPrincipal
) -> list[AuditEntryOut]:
    """Every step the item went through (created, submitted, reviewed, published...)."""
    item = await service.get_item(session, item_id)
    await ensure_can_act_on(session, principal, item.unit_id)
    entries = await audit.history(session, entity_type="item", entity_id=str(item_id), limit=500)
    return [AuditEntryOut.model_validate(e) for e in entries]


@router.post("/items/move", response_model=MoveOut)
async def move_items(
    body: MoveIn, request: Request, session: SessionDep, principal: CurrentPrincipal
) -> MoveOut:
    """Migrate items from one column to another in bulk (栏目调整)."""
    moved = await service.move_items(session, principal, body, province_url=_province(request))
    return MoveOut(moved=moved)


@router.get("/units/{unit_id}/deadlines", response_model=list[DeadlineRow], dependencies=_staff)
async def deadlines(
    unit_id: int,
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
    state: Literal["at_risk", "late"] = "at_risk",
    today: Annotated[date | None, Query(description="按哪一天计算，默认今天")] = None,
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> list[DeadlineRow]:
    """Items at risk of missing, or past, the 20-working-day publication deadline."""
    units = await units_in_reach(session, principal, unit_id, below=below)
    return await service.deadline_rows(session, calendar, units, state, today or workdays.today())


@router.get(
    "/units/{unit_id}/interpretations/missing",
    response_model=list[MissingInterpretation],
    dependencies=_staff,
)
async def missing_interpretations(
    unit_id: int,
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
    today: Annotated[date | None, Query(description="按哪一天计算，默认今天")] = None,
    below: Annotated[bool, Query(description="包括下属单位")] = False,
) -> list[MissingInterpretation]:
    """Policy documents still without their 政策解读 three working days after publication."""
    units = await units_in_reach(session, principal, unit_id, below=below)
    return await service.missing_interpretations(
        session, calendar, units, today or workdays.today()
    )
