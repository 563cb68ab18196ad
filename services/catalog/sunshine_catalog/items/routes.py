from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from sunshine_catalog.attachments import service as attachments
from sunshine_catalog.deps import ItemForStaff, ProvinceUrl, StorageDep
from sunshine_catalog.fields import FIRST_YEAR, LAST_YEAR
from sunshine_catalog.items import service, steps, views
from sunshine_catalog.items.models import DocumentType, InformationItem, ItemStatus
from sunshine_catalog.items.rules import ItemStep, ensure
from sunshine_catalog.items.schemas import (
    DeadlinePage,
    ItemIn,
    ItemPage,
    ItemSummary,
    ItemUpdate,
    MissingInterpretationPage,
    PublicItem,
    ReviewIn,
    StaffItem,
    ValidityIn,
    WithdrawIn,
)
from sunshine_catalog.reorganisation import service as reorganisation
from sunshine_catalog.reorganisation.schemas import MoveIn, MoveOut
from sunshine_kit.audit import service as audit
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import CurrentPrincipal, OptionalPrincipal, require
from sunshine_kit.calendar.days import today as beijing_today
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, InvalidInput
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.pagination import PageDep, PageParams
from sunshine_kit.roles import Can
from sunshine_kit.units.service import get_unit, units_in_reach

router = APIRouter(tags=["items"], responses=ERROR_RESPONSES)
# Reading the console's lists is for every staff member (in their unit scope); each change is
# checked against its rule (items.rules) by the service.
# Unpublished items and their deadlines: for catalogue staff and supervisors, not every
# console user (an ops admin or a window clerk has no business reading drafts before review).
_staff = [require(Can.READ_ITEMS)]
_FIRST_DAY, _LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
DayQuery = Annotated[
    date | None, Query(ge=_FIRST_DAY, le=_LAST_DAY, description="按哪一天计算，默认今天")
]
ColumnFilter = Annotated[OptionalIdFilter, Query(description="栏目")]
UnitFilter = Annotated[OptionalIdFilter, Query(description="单位，默认本单位（或所辖范围）")]
BelowQuery = Annotated[bool, Query(description="包括下属单位")]


def _page(found: tuple[Sequence[InformationItem], int], page: PageParams) -> ItemPage:
    items, total = found
    return ItemPage(
        items=[ItemSummary.model_validate(i) for i in items],
        total=total,
        page=page.page,
        size=page.size,
    )


@router.get("/units/{unit_id}/items", response_model=ItemPage)
async def published_items(
    unit_id: RecordId,
    session: SessionDep,
    page: PageDep,
    column_id: ColumnFilter = None,
) -> ItemPage:
    """A unit's published items, newest first, optionally in one column (public)."""
    await get_unit(session, unit_id)
    return _page(await views.published_page(session, unit_id, column_id, page), page)


@router.get("/items/{item_id}", response_model=PublicItem | StaffItem)
async def read_item(
    item_id: RecordId, session: SessionDep, principal: OptionalPrincipal
) -> PublicItem | StaffItem:
    """An item: published ones to everyone, with workflow, deadline and the caller's next
    steps to the unit's staff."""
    return await views.reader_view(session, principal, item_id)


@router.get("/items/by-index/{index_number:path}", response_model=PublicItem | StaffItem)
async def read_by_index_number(
    index_number: str, session: SessionDep, principal: OptionalPrincipal
) -> PublicItem | StaffItem:
    """An item by its 索引号 (links printed on documents use it)."""
    item_id = await views.item_id_by_index_number(session, index_number)
    return await views.reader_view(session, principal, item_id)


@router.get("/items", response_model=ItemPage, dependencies=_staff)
async def staff_items(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    unit_id: UnitFilter = None,
    status: ItemStatus | None = None,
    column_id: ColumnFilter = None,
    document_type: DocumentType | None = None,
    q: Annotated[
        str | None, Query(max_length=100, description="标题、索引号或发文字号包含的文字")
    ] = None,
    formed_from: Annotated[
        date | None, Query(ge=_FIRST_DAY, le=_LAST_DAY, description="生成日期不早于")
    ] = None,
    formed_to: Annotated[
        date | None, Query(ge=_FIRST_DAY, le=_LAST_DAY, description="生成日期不晚于")
    ] = None,
) -> ItemPage:
    """Items in the caller's reach, for the console (信息发布: by title, state, column, type and
    生成日期; the review queue: status=submitted), last changed first."""
    if formed_from and formed_to and formed_from > formed_to:
        raise InvalidInput("formed_to", "结束日期不能早于开始日期")
    units = await units_in_reach(session, principal, unit_id)
    filters = views.StaffFilters(
        status=status,
        column_id=column_id,
        document_type=document_type,
        text=" ".join((q or "").split()) or None,
        formed_from=formed_from,
        formed_to=formed_to,
    )
    return _page(await views.staff_page(session, units, filters, page), page)


@router.post("/items", response_model=StaffItem, status_code=201)
async def create_item(
    body: ItemIn, session: SessionDep, principal: CurrentPrincipal, calendar: CalendarDep
) -> StaffItem:
    """A new draft, with its index number and its publication deadline; `sanitiser_notes` say
    what was removed from the body (external images)."""
    item, notes = await service.create_item(session, calendar, principal, body)
    return await views.staff_view(session, principal, item, sanitiser_notes=notes)


@router.patch("/items/{item_id}", response_model=StaffItem)
async def update_item(
    item: ItemForStaff,
    body: ItemUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> StaffItem:
    """Change a draft, rejected or withdrawn item; `sanitiser_notes` say what was removed from
    the new body (external images)."""
    notes = await service.update_item(session, calendar, principal, item, body)
    return await views.staff_view(session, principal, item, sanitiser_notes=notes)


@router.delete("/items/{item_id}", status_code=204)
async def delete_item(
    item: ItemForStaff, session: SessionDep, principal: CurrentPrincipal, storage: StorageDep
) -> Response:
    """Delete a never-published draft, with its attachments' files."""
    # Checked before any file goes: removing files cannot be rolled back.
    await ensure(session, principal, item, ItemStep.DELETE)
    await attachments.remove_all(session, storage, principal, item)
    await service.delete_draft(session, principal, item)
    return Response(status_code=204)


@router.post("/items/{item_id}/submit", response_model=StaffItem)
async def submit(item: ItemForStaff, session: SessionDep, principal: CurrentPrincipal) -> StaffItem:
    """Send a draft to review (保密审查、属性审核)."""
    await steps.submit(session, principal, item)
    return await views.staff_view(session, principal, item)


@router.post("/items/{item_id}/review", response_model=StaffItem)
async def review(
    item: ItemForStaff,
    body: ReviewIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    province_url: ProvinceUrl,
) -> StaffItem:
    """Publish after both checks, or send back with the reasons."""
    await steps.review(session, principal, item, body, province_url=province_url)
    return await views.staff_view(session, principal, item)


@router.post("/items/{item_id}/withdraw", response_model=StaffItem)
async def withdraw(
    item: ItemForStaff,
    body: WithdrawIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    province_url: ProvinceUrl,
) -> StaffItem:
    await steps.withdraw(session, principal, item, body.reason, province_url=province_url)
    return await views.staff_view(session, principal, item)


@router.post("/items/{item_id}/validity", response_model=StaffItem)
async def change_validity(
    item: ItemForStaff,
    body: ValidityIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    province_url: ProvinceUrl,
) -> StaffItem:
    """失效 or 废止, with the date and the replacing item."""
    await steps.change_validity(session, principal, item, body, province_url=province_url)
    return await views.staff_view(session, principal, item)


@router.get("/items/{item_id}/history", response_model=list[AuditEntryOut], dependencies=_staff)
async def item_history(item: ItemForStaff, session: SessionDep) -> list[AuditEntryOut]:
    """Every step the item went through (created, submitted, reviewed, published...)."""
    entries = await audit.history(session, entity_type="item", entity_id=str(item.id), limit=500)
    return [AuditEntryOut.model_validate(e) for e in entries]


@router.post("/items/move", response_model=MoveOut)
async def move_items(
    body: MoveIn, session: SessionDep, principal: CurrentPrincipal, province_url: ProvinceUrl
) -> MoveOut:
    """Migrate items from one column to another in bulk (栏目调整)."""
    moved = await reorganisation.move_items(session, principal, body, province_url=province_url)
    return MoveOut(moved=moved)


@router.get("/units/{unit_id}/deadlines", response_model=DeadlinePage, dependencies=_staff)
async def deadlines(
    unit_id: RecordId,
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
    page: PageDep,
    state: Literal["at_risk", "late"] = "at_risk",
    today: DayQuery = None,
    below: BelowQuery = False,
) -> DeadlinePage:
    """Items at risk of missing, or past, the 20-working-day publication deadline: soonest due
    first, a page at a time."""
    units = await units_in_reach(session, principal, unit_id, below=below)
    rows, total = await views.deadline_rows(
        session, calendar, units, state, today or beijing_today(), page
    )
    return DeadlinePage(items=rows, total=total, page=page.page, size=page.size)


@router.get(
    "/units/{unit_id}/interpretations/missing",
    response_model=MissingInterpretationPage,
    dependencies=_staff,
)
async def missing_interpretations(
    unit_id: RecordId,
    session: SessionDep,
    calendar: CalendarDep,
    principal: CurrentPrincipal,
    page: PageDep,
    today: DayQuery = None,
    below: BelowQuery = False,
) -> MissingInterpretationPage:
    """Policy documents still without their 政策解读 three working days after publication, or
    whose interpretation went out later than that (how many working days late): newest first,
    a page at a time."""
    units = await units_in_reach(session, principal, unit_id, below=below)
    rows, total = await views.missing_interpretations(
        session, calendar, units, today or beijing_today(), page
    )
    return MissingInterpretationPage(items=rows, total=total, page=page.page, size=page.size)
