"""The register of 行政处罚 and 行政强制 decisions over HTTP, and its figures for the annual
report."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Response, UploadFile

from sunshine_hall.enforcement import importer, service
from sunshine_hall.enforcement.models import EnforcementKind
from sunshine_hall.enforcement.schemas import (
    DecisionIn,
    DecisionOut,
    DecisionPage,
    EnforcementStats,
    ImportReport,
    RowError,
)
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.days import today
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import CustomPlans, SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, InvalidInput, PayloadTooLarge
from sunshine_kit.ids import MAX_ID, OptionalIdFilter
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can

router = APIRouter(
    prefix="/enforcement",
    tags=["enforcement"],
    responses=ERROR_RESPONSES,
    dependencies=[require(Can.REGISTER_ENFORCEMENT)],
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # the kit's body limit
UNREADABLE_FILE = "unreadable_file"


@router.get("/decisions", response_model=DecisionPage)
async def list_decisions(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    unit_id: OptionalIdFilter = None,
    kind: EnforcementKind | None = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    q: Annotated[str | None, Query(max_length=100, description="文号或相对人")] = None,
) -> DecisionPage:
    """The decisions of the units in reach, newest first (a natural person's name masked)."""
    units = await service.reach(session, principal, unit_id)
    return await service.decision_page(session, units, page, kind=kind, year=year, q=q)


@router.post("/decisions", response_model=DecisionOut, status_code=201)
async def register_decision(
    body: DecisionIn, session: SessionDep, principal: CurrentPrincipal, calendar: CalendarDep
) -> DecisionOut:
    """Register a decision; a 行政处罚 goes to 双公示 at once, through the outbox."""
    decision = await service.register_one(session, calendar, principal, body)
    return await service.one_view(session, decision)


@router.get(
    "/template",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}, "description": "导入模板"}},
)
async def import_template() -> Response:
    """The XLSX template of the import: its header row and one example row."""
    return Response(
        importer.template(),
        media_type=XLSX,
        headers={"Content-Disposition": "attachment; filename*=UTF-8''enforcement-template.xlsx"},
    )


@router.post("/imports", response_model=ImportReport)
async def import_decisions(
    file: Annotated[UploadFile, File(description="XLSX或CSV，列同模板")],
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
    unit_id: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
) -> ImportReport:
    """Import a spreadsheet of decisions: every row is stored, or, when any row has an error,
    none, and every error is listed (row, column, reason)."""
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise PayloadTooLarge("文件不能超过2MB")
    unit = await service.unit_of(session, principal, unit_id)
    try:
        parsed, errors = importer.parse(importer.read_rows(file.filename or "", data))
    except importer.UnreadableFile as exc:
        raise InvalidInput("file", str(exc), code=UNREADABLE_FILE) from None
    numbers = [body.document_number.strip() for _, body in parsed]
    taken = await service.document_taken(session, unit, numbers)
    seen: set[str] = set()
    for row, body in parsed:
        number = body.document_number.strip()
        if number in taken:
            errors.append(RowError(row=row, column="决定书文号", reason="本单位已登记该文号"))
        elif number in seen:
            errors.append(RowError(row=row, column="决定书文号", reason="文件中文号重复"))
        if body.decided_on > today():
            errors.append(RowError(row=row, column="决定日期", reason="不能晚于今天"))
        seen.add(number)
    if errors:
        return ImportReport(imported=0, errors=sorted(errors, key=lambda e: e.row))
    if not parsed:
        raise InvalidInput("file", "文件中没有数据行", code=UNREADABLE_FILE)
    await service.register(
        session, calendar, principal, unit, [body for _, body in parsed], source="import"
    )
    return ImportReport(imported=len(parsed), errors=[])


@router.get("/stats", response_model=EnforcementStats, dependencies=[CustomPlans])
async def enforcement_stats(
    session: SessionDep,
    principal: CurrentPrincipal,
    year: Annotated[int, Query(ge=2000, le=2100)],
    unit_id: OptionalIdFilter = None,
) -> EnforcementStats:
    """Annual report table 二: 行政处罚 and 行政强制 本年处理决定数量 per unit of the reach."""
    return await service.stats(session, await service.reach(session, principal, unit_id), year)
