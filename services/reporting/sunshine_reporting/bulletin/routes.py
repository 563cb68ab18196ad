from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response

from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.roles import Can
from sunshine_reporting.bulletin import exports, service
from sunshine_reporting.bulletin.models import Bulletin
from sunshine_reporting.bulletin.schemas import (
    BulletinIn,
    BulletinOut,
    BulletinSummary,
    Weights,
    WeightsOut,
)
from sunshine_reporting.deps import Services, UnitInReach

router = APIRouter(tags=["bulletins"], responses=ERROR_RESPONSES)
_readers = [require(Can.READ_REPORTS)]
_preparers = [require(Can.PREPARE_REPORTS)]

Year = Annotated[int, Path(ge=2008, le=2100, description="年份")]
Month = Annotated[int, Path(ge=1, le=12, description="月份")]


async def bulletin_of_month(
    unit: UnitInReach, session: SessionDep, year: Year, month: Month
) -> Bulletin:
    """The region's bulletin of the month (404 until it is drawn up)."""
    return await service.find(session, unit.id, year, month)


MonthBulletin = Annotated[Bulletin, Depends(bulletin_of_month)]

FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.xlsx),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        exports.docx,
    ),
}


@router.get(
    "/units/{unit_id}/bulletins", response_model=list[BulletinSummary], dependencies=_readers
)
async def list_bulletins(unit: UnitInReach, session: SessionDep) -> list[BulletinSummary]:
    """考评通报 of a region, newest month first."""
    return [service.summary(b, unit.name) for b in await service.bulletins_of(session, unit.id)]


@router.post(
    "/units/{unit_id}/bulletins",
    response_model=BulletinOut,
    dependencies=_preparers,
)
async def draw_up_bulletin(
    unit: UnitInReach,
    body: BulletinIn,
    session: SessionDep,
    services: Services,
    principal: CurrentPrincipal,
) -> BulletinOut:
    """Draw up a month's bulletin (or read its draft again): figures from the services, scored
    with the region's weights, ranked. An issued bulletin is frozen (409)."""
    bulletin = await service.draw_up(session, services, principal, unit, body.year, body.month)
    return service.view(bulletin, unit.name)


@router.get(
    "/units/{unit_id}/bulletins/{year}/{month}",
    response_model=BulletinOut,
    dependencies=_readers,
)
async def read_bulletin(bulletin: MonthBulletin, unit: UnitInReach) -> BulletinOut:
    return service.view(bulletin, unit.name)


@router.post(
    "/units/{unit_id}/bulletins/{year}/{month}/issue",
    response_model=BulletinOut,
    dependencies=_preparers,
)
async def issue_bulletin(
    bulletin: MonthBulletin, unit: UnitInReach, session: SessionDep, principal: CurrentPrincipal
) -> BulletinOut:
    """印发: freeze the figures and weights; refused while a source's figures are missing."""
    await service.issue(session, principal, bulletin)
    return service.view(bulletin, unit.name)


@router.post(
    "/units/{unit_id}/bulletins/{year}/{month}/publish",
    response_model=BulletinOut,
    dependencies=_preparers,
)
async def publish_bulletin(
    bulletin: MonthBulletin, unit: UnitInReach, session: SessionDep, principal: CurrentPrincipal
) -> BulletinOut:
    """Publish the issued bulletin into the catalogue (column 考评通报) through the outbox;
    asking again sends nothing more."""
    body_html = exports.html(service.view(bulletin, unit.name))
    await service.publish(session, principal, bulletin, unit.name, body_html)
    return service.view(bulletin, unit.name)


@router.get(
    "/units/{unit_id}/bulletins/{year}/{month}/export",
    response_class=Response,
    responses={200: {"content": {mime: {} for mime, _ in FORMATS.values()}}},
    dependencies=_readers,
)
async def export_bulletin(
    bulletin: MonthBulletin,
    unit: UnitInReach,
    format: Annotated[Literal["xlsx", "docx"], Query(description="文件格式")] = "xlsx",
) -> Response:
    """The bulletin as an Excel or Word file."""
    view = service.view(bulletin, unit.name)
    mime, render = FORMATS[format]
    return Response(
        render(view),
        media_type=mime,
        headers={"Content-Disposition": attachment_disposition(f"{view.title}.{format}")},
    )


@router.get("/units/{unit_id}/bulletin-weights", response_model=WeightsOut, dependencies=_readers)
async def read_weights(unit: UnitInReach, session: SessionDep) -> WeightsOut:
    """考评权重 of a region (the defaults until its office sets them)."""
    return await service.weights_of(session, unit.id)


@router.put("/units/{unit_id}/bulletin-weights", response_model=WeightsOut, dependencies=_preparers)
async def set_weights(
    unit: UnitInReach, body: Weights, session: SessionDep, principal: CurrentPrincipal
) -> WeightsOut:
    """Set the region's weights; they score the drafts drawn up from now on (issued bulletins
    keep theirs)."""
    return await service.set_weights(session, principal, unit.id, body)
